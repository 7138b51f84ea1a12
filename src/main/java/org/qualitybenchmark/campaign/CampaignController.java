package org.qualitybenchmark.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.Direction;
import org.qualitybenchmark.campaign.config.Eligibility;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.Schedule;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.support.NotFoundException;

/** The campaigns as applicants need to know them: dates, directions, units, limits, fields. */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "遴选活动", description = "活动的日期、申报方向、推荐单位及名额、材料要求")
class CampaignController {

    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;

    CampaignController(CampaignCatalog catalog, EffectiveSchedule schedules) {
        this.catalog = catalog;
        this.schedules = schedules;
    }

    record CampaignSummary(String code, String name, String organiser, String level, String levelLabel, int year,
            LocalDate applicationOpens, LocalDate applicationCloses) {
    }

    record UnitView(String code, String name, String kind, String kindLabel, Integer quota, boolean unlimited) {
    }

    record AttachmentKindView(String code, String label, boolean required, boolean multiple, List<String> extensions,
            long maxFileSizeBytes, boolean nameMustMatchEnterprise, List<String> uploadStages) {
    }

    record CampaignView(String code, String name, String organiser, String documentNumber, String level, int year,
            String region, LocalDate publishedOn, Schedule schedule, List<Direction> directions, int maxDirections,
            Eligibility eligibility, boolean rankedRecommendations, Integer selectTopK, List<UnitView> units,
            List<TextSection> texts, long maxPackageSizeBytes, List<AttachmentKindView> attachmentKinds,
            List<ExtraField> fields, int publicNoticeWorkingDays, String description) {
    }

    @GetMapping
    @Operation(summary = "列出遴选活动")
    List<CampaignSummary> list() {
        List<CampaignRef> campaigns = catalog.campaigns();
        Map<Long, Schedule> effective = schedules.of(campaigns);
        return campaigns.stream().map(campaign -> {
            CampaignDefinition d = campaign.definition();
            Schedule schedule = effective.get(campaign.id());
            return new CampaignSummary(d.code(), d.name(), d.organiser(), d.level().name(), d.level().label(),
                    d.year(), schedule.applicationOpens(), schedule.applicationCloses());
        }).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "查看遴选活动的要求")
    CampaignView get(@PathVariable String code) {
        CampaignRef campaign = catalog.campaign(code)
                .orElseThrow(() -> new NotFoundException("未找到遴选活动“" + code + "”"));
        CampaignDefinition d = campaign.definition();
        List<UnitView> units = d.units().stream().map(entry -> {
            CampaignCatalog.UnitRef unit = catalog.unit(entry.unit()).orElseThrow();
            Integer quota = catalog.quota(campaign, unit).orElse(null);
            return new UnitView(unit.code(), unit.name(), unit.definition().kind().name(),
                    unit.definition().kind().label(), quota, quota == null);
        }).toList();
        List<AttachmentKindView> kinds = d.attachments().kinds().stream()
                .map((AttachmentKind k) -> new AttachmentKindView(k.code(), k.label(), k.required(), k.multiple(),
                        k.extensions(), k.maxFileSize().toBytes(), k.nameMustMatchEnterprise(), k.uploadStages()))
                .toList();
        return new CampaignView(d.code(), d.name(), d.organiser(), d.documentNumber(), d.level().name(), d.year(),
                d.region(), d.publishedOn(), schedules.of(campaign), d.directions(), d.maxDirections(), d.eligibility(),
                d.quota().ranked(), d.quota().selectTopK(), units, d.texts(), d.attachments().maxPackageSize().toBytes(),
                kinds, d.fields(), d.publicNotice().workingDays(), d.description());
    }
}
