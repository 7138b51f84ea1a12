package org.qualitybenchmark.spreadsheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.CampaignLevel;
import org.qualitybenchmark.enterprise.Enterprise;
import org.qualitybenchmark.publication.PublicNotice;
import org.qualitybenchmark.publication.PublicNoticeService;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;
import org.qualitybenchmark.review.Selection;
import org.qualitybenchmark.review.SelectionRepository;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;

/**
 * The lists an organiser publishes, laid out as offices publish them (序号、企业名称、典型经验或质量标杆名称、
 * 推荐单位、所在地区、所属行业): the public-notice list (公示名单), every case that went on the notice,
 * and the final list (公布名单), the cases announced, without those removed after the notice or
 * whose title was revoked since. Both in the order of the panel's ranking.
 */
@Service
public class ResultListExport {

    private final ExportAccess access;
    private final CampaignCatalog catalog;
    private final UnitHierarchy hierarchy;
    private final PublicNoticeService notices;
    private final SelectionRepository selections;
    private final CaseData data;
    private final AdministrativeDivisions divisions;
    private final IndustryClassification industries;
    private final AppProperties properties;

    ResultListExport(ExportAccess access, CampaignCatalog catalog, UnitHierarchy hierarchy, PublicNoticeService notices,
            SelectionRepository selections, CaseData data, AdministrativeDivisions divisions,
            IndustryClassification industries, AppProperties properties) {
        this.access = access;
        this.catalog = catalog;
        this.hierarchy = hierarchy;
        this.notices = notices;
        this.selections = selections;
        this.data = data;
        this.divisions = divisions;
        this.industries = industries;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public Download publicNotice(String campaignCode, AppUser actor) {
        CampaignRef campaign = access.campaign(campaignCode);
        access.requireOrganiserSide(actor, "the public-notice list");
        PublicNotice notice = notices.notice(campaign.id()).orElseThrow(() -> new ConflictException("notice.notStarted",
                campaign.definition().name() + "的公示尚未开始，没有公示名单"));
        List<Long> ids = ranked(campaign, data.casesThrough(campaign.id(), CaseAction.PUBLIC_NOTICE_STARTED));
        String title = campaign.definition().name() + "公示名单";
        SheetTable table = table(campaign, "公示名单", title, ids, List.of(new SheetTable.SideLine(
                "公示期：" + CaseValues.chineseDate(notice.getStartsOn()) + "至" + CaseValues.chineseDate(notice.getEndsOn()),
                campaign.definition().organiser())));
        return new Download(title + ".xlsx", WorkbookWriter.write(List.of(table)));
    }

    @Transactional(readOnly = true)
    public Download finalList(String campaignCode, AppUser actor) {
        CampaignRef campaign = access.campaign(campaignCode);
        access.requireOrganiserSide(actor, "the final list");
        PublicNotice notice = notices.notice(campaign.id()).filter(n -> n.getAnnouncedAt() != null)
                .orElseThrow(() -> new ConflictException("notice.notAnnounced", campaign.definition().name()
                        + "的结果尚未公告，没有公布名单"));
        List<Long> announced = data.casesThrough(campaign.id(), CaseAction.ANNOUNCED);
        Set<Long> revoked = new HashSet<>(data.casesThrough(campaign.id(), CaseAction.REVOKED));
        List<Long> ids = ranked(campaign, announced.stream().filter(id -> !revoked.contains(id)).toList());
        String title = campaign.definition().name() + "名单";
        SheetTable table = table(campaign, "公布名单", title, ids, List.of(new SheetTable.SideLine(
                "公告日期：" + CaseValues.chineseDate(notice.getAnnouncedAt().atZone(properties.zone()).toLocalDate()),
                campaign.definition().organiser())));
        return new Download(title + ".xlsx", WorkbookWriter.write(List.of(table)));
    }

    /** In the panel's final ranking; cases without one (none expected) after them by case number. */
    private List<Long> ranked(CampaignRef campaign, List<Long> ids) {
        Map<Long, Integer> rank = selections.findByCampaignIdOrderByFinalRank(campaign.id()).stream()
                .collect(Collectors.toMap(Selection::getApplicationId, Selection::getFinalRank, (a, b) -> a));
        Map<Long, Application> cases = data.basic(ids).stream()
                .collect(Collectors.toMap(Application::getId, Function.identity()));
        return ids.stream().filter(cases::containsKey)
                .sorted(Comparator.comparing((Long id) -> rank.getOrDefault(id, Integer.MAX_VALUE))
                        .thenComparing(id -> cases.get(id).getCaseNumber()))
                .toList();
    }

    private SheetTable table(CampaignRef campaign, String sheet, String title, List<Long> ids,
            List<SheetTable.SideLine> header) {
        List<Application> cases = data.basic(ids);
        Map<Long, Application> byId = cases.stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        Map<Long, Enterprise> enterprises = data.enterprises(cases);
        CaseValues values = new CaseValues(campaign.definition(), divisions, industries, properties.zone());
        String titleHeading = campaign.definition().level() == CampaignLevel.NATIONAL ? "典型经验名称" : "质量标杆名称";
        List<List<Object>> rows = new ArrayList<>();
        for (Long id : ids) {
            Application a = byId.get(id);
            Enterprise enterprise = enterprises.get(a.getEnterpriseId());
            rows.add(List.of(rows.size() + 1, a.getEnterpriseName(), a.getTitle() == null ? "" : a.getTitle(),
                    recommendingUnit(campaign, a.getUnitId()),
                    enterprise == null ? "" : divisions.describe(enterprise.getRegisteredRegion()),
                    a.getIndustryCode() == null ? "" : values.industry(a.getIndustryCode())));
        }
        List<SheetTable.Heading> headings = List.of(new SheetTable.Heading("序号", 6),
                new SheetTable.Heading("企业名称", 32), new SheetTable.Heading(titleHeading, 40),
                new SheetTable.Heading("推荐单位", 22), new SheetTable.Heading("所在地区", 18),
                new SheetTable.Heading("所属行业", 24));
        return new SheetTable(sheet, title, header, headings, rows, List.of(), List.of());
    }

    /** The unit that recommended the case: its own, or the listed unit above the county it was filed with. */
    private String recommendingUnit(CampaignRef campaign, Long unitId) {
        var unit = catalog.unit(unitId);
        return hierarchy.recommendingUnit(campaign, unit).orElse(unit).name();
    }
}
