package org.qualitybenchmark.spreadsheet;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.SummaryTableLayout;
import org.qualitybenchmark.enterprise.Enterprise;
import org.qualitybenchmark.quota.RecommendationList;
import org.qualitybenchmark.quota.RecommendationListRepository;
import org.qualitybenchmark.quota.RecommendedCase;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.NotFoundException;

/**
 * A recommending unit's summary table (推荐汇总表) in its campaign's template: the cases on the
 * unit's submitted list in list order, or, before it submits, the cases it proposes in rank order
 * (the unit downloads the table, seals it and uploads it with the list). Columns, title and lines
 * come from {@code recommendation.summaryTable} of the campaign file.
 */
@Service
public class SummaryTableExport {

    private final ExportAccess access;
    private final CampaignCatalog catalog;
    private final UnitHierarchy hierarchy;
    private final RecommendationListRepository lists;
    private final ApplicationRepository applications;
    private final CaseData data;
    private final AdministrativeDivisions divisions;
    private final IndustryClassification industries;
    private final AppProperties properties;
    private final Clock clock;

    SummaryTableExport(ExportAccess access, CampaignCatalog catalog, UnitHierarchy hierarchy,
            RecommendationListRepository lists, ApplicationRepository applications, CaseData data,
            AdministrativeDivisions divisions, IndustryClassification industries, AppProperties properties, Clock clock) {
        this.access = access;
        this.catalog = catalog;
        this.hierarchy = hierarchy;
        this.lists = lists;
        this.applications = applications;
        this.data = data;
        this.divisions = divisions;
        this.industries = industries;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the campaign's notice has a summary table template configured. */
    public boolean configured(CampaignRef campaign) {
        return campaign.definition().recommendation().summaryTable() != null;
    }

    @Transactional(readOnly = true)
    public Download export(String campaignCode, String unitCode, AppUser actor) {
        CampaignRef campaign = access.campaign(campaignCode);
        UnitRef unit = access.unitForSummary(campaign, unitCode, actor);
        SummaryTableLayout layout = campaign.definition().recommendation().summaryTable();
        if (layout == null) {
            throw new NotFoundException(campaign.definition().name() + "的通知没有推荐汇总表模板，不提供汇总表下载");
        }
        SheetTable table = table(campaign, unit, layout);
        return new Download(table.title() + "（" + unit.name() + "）.xlsx", WorkbookWriter.write(List.of(table)));
    }

    SheetTable table(CampaignRef campaign, UnitRef unit, SummaryTableLayout layout) {
        boolean ranked = campaign.definition().quota().ranked();
        List<Long> ids = new ArrayList<>();
        Map<Long, Integer> ranks = new HashMap<>();
        Optional<RecommendationList> list = lists.findByCampaignIdAndUnitId(campaign.id(), unit.id());
        if (list.isPresent()) {
            for (RecommendedCase entry : list.get().getCases()) {
                ids.add(entry.applicationId());
                ranks.put(entry.applicationId(), entry.unitRank());
            }
        } else {
            applications.findByCampaignIdAndUnitIdInAndStageIn(campaign.id(), hierarchy.withDescendants(unit.id()),
                    EnumSet.of(CaseStage.PROPOSED)).stream()
                    .sorted(Comparator.comparing(Application::getUnitRank, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Application::getCaseNumber))
                    .forEach(a -> {
                        ids.add(a.getId());
                        ranks.put(a.getId(), a.getUnitRank());
                    });
        }
        boolean texts = layout.columns().stream().anyMatch(c -> c.value().startsWith("text."));
        List<Application> cases = data.applications(ids, texts);
        Map<Long, Enterprise> enterprises = data.enterprises(cases);
        Map<Long, String> opinions = layout.columns().stream().anyMatch(c -> c.value().equals("opinion"))
                ? data.opinions(ids) : Map.of();
        CaseValues values = new CaseValues(campaign.definition(), divisions, industries, properties.zone());

        List<List<Object>> rows = new ArrayList<>();
        for (Application a : cases) {
            CaseValues.Row row = new CaseValues.Row(rows.size() + 1, a, enterprises.get(a.getEnterpriseId()),
                    ranked ? ranks.get(a.getId()) : null, unit.name(), catalog.unit(a.getUnitId()).name(),
                    opinions.get(a.getId()));
            rows.add(layout.columns().stream().map(c -> values.value(c.value(), row)).toList());
        }
        Map<String, String> placeholders = Map.of("campaignName", campaign.definition().name(), "unitName", unit.name(),
                "year", String.valueOf(campaign.definition().year()),
                "today", CaseValues.chineseDate(LocalDate.now(clock.withZone(properties.zone()))));
        return new SheetTable(layout.title(), fill(layout.title(), placeholders),
                layout.header().stream().map(l -> line(l, placeholders)).toList(),
                layout.columns().stream().map(c -> new SheetTable.Heading(c.label(), c.width())).toList(),
                rows, layout.notes().stream().map(n -> fill(n, placeholders)).toList(),
                layout.footer().stream().map(l -> line(l, placeholders)).toList());
    }

    private static SheetTable.SideLine line(SummaryTableLayout.SideLine line, Map<String, String> placeholders) {
        return new SheetTable.SideLine(fill(line.left(), placeholders), fill(line.right(), placeholders));
    }

    static String fill(String text, Map<String, String> placeholders) {
        if (text == null) {
            return null;
        }
        String filled = text;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            filled = filled.replace("{" + p.getKey() + "}", p.getValue());
        }
        return filled;
    }
}
