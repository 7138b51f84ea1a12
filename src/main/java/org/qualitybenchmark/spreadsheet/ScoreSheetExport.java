package org.qualitybenchmark.spreadsheet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.ReviewRules;
import org.qualitybenchmark.campaign.config.ReviewRules.Criterion;
import org.qualitybenchmark.review.Aggregation;
import org.qualitybenchmark.review.Expert;
import org.qualitybenchmark.review.ExpertAssignment;
import org.qualitybenchmark.review.ReviewResult;
import org.qualitybenchmark.review.ReviewStage;
import org.qualitybenchmark.review.Score;
import org.qualitybenchmark.support.AppProperties;

/**
 * The expert score sheets of one review stage of a campaign: a summary sheet with each case's
 * experts' totals and the aggregate exactly as {@code review} stored it (the case's score, highest
 * and lowest total, spread, whether the extremes were dropped, whether it goes to the panel), then
 * one sheet per expert with their points on every criterion, total and comment, to be signed. An
 * expert downloads only their own sheet.
 */
@Service
public class ScoreSheetExport {

    static final String SUMMARY_SHEET = "评分汇总";

    private final ExportAccess access;
    private final CampaignCatalog catalog;
    private final EntityManager entities;
    private final CaseData data;
    private final AppProperties properties;
    private final Clock clock;

    ScoreSheetExport(ExportAccess access, CampaignCatalog catalog, EntityManager entities, CaseData data,
            AppProperties properties, Clock clock) {
        this.access = access;
        this.catalog = catalog;
        this.entities = entities;
        this.data = data;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Download export(String campaignCode, ReviewStage stage, AppUser actor) {
        CampaignRef campaign = access.campaign(campaignCode);
        String onlyExpert;
        if (actor.seesAllCases()) {
            onlyExpert = null;
        } else if (actor.has(Role.EXPERT)) {
            onlyExpert = actor.id();
        } else {
            throw new AccessDeniedException("User " + actor.id() + " may not download score sheets");
        }
        String name = campaign.definition().name() + stage.label() + "专家评分表";

        List<ExpertAssignment> assignments = query("select x from ExpertAssignment x where x.campaignId = :campaign"
                + " and x.stage = :stage" + (onlyExpert == null ? "" : " and x.expertUserId = :expert")
                + " order by x.id", ExpertAssignment.class, campaign, stage, onlyExpert);
        List<Score> scores = query("select s from Score s where s.stage = :stage and s.applicationId in"
                + " (select a.id from Application a where a.campaignId = :campaign)"
                + (onlyExpert == null ? "" : " and s.expertUserId = :expert"), Score.class, campaign, stage, onlyExpert);
        Map<Long, ReviewResult> results = onlyExpert != null ? Map.of()
                : query("select r from ReviewResult r where r.stage = :stage and r.applicationId in"
                        + " (select a.id from Application a where a.campaignId = :campaign)", ReviewResult.class,
                        campaign, stage, null).stream()
                        .collect(Collectors.toMap(ReviewResult::getApplicationId, Function.identity()));

        List<Long> caseIds = assignments.stream().map(ExpertAssignment::getApplicationId).distinct().toList();
        Map<Long, Application> cases = data.basic(caseIds).stream()
                .collect(Collectors.toMap(Application::getId, Function.identity()));
        Set<String> expertIds = assignments.stream().map(ExpertAssignment::getExpertUserId).collect(Collectors.toSet());
        Map<String, Expert> experts = expertIds.isEmpty() ? Map.of()
                : entities.createQuery("select e from Expert e where e.userId in :ids", Expert.class)
                        .setParameter("ids", expertIds).getResultStream()
                        .collect(Collectors.toMap(Expert::getUserId, Function.identity()));
        Map<String, Score> byKey = new HashMap<>();
        scores.forEach(s -> byKey.put(key(s.getApplicationId(), s.getExpertUserId(), s.getCriterion()), s));

        ReviewRules rules = campaign.definition().review();
        Sheets sheets = new Sheets(campaign, stage, rules, cases, experts, byKey);
        List<SheetTable> tables = new ArrayList<>();
        if (onlyExpert == null) {
            tables.add(sheets.summary(assignments, results));
        }
        Map<String, List<ExpertAssignment>> byExpert = new LinkedHashMap<>();
        assignments.stream()
                .sorted(Comparator.comparing(ExpertAssignment::getExpertUserId))
                .forEach(x -> byExpert.computeIfAbsent(x.getExpertUserId(), e -> new ArrayList<>()).add(x));
        byExpert.forEach((expert, own) -> tables.add(sheets.expert(expert, own)));
        if (tables.isEmpty()) {
            tables.add(sheets.expert(onlyExpert, List.of()));
        }
        String suffix = onlyExpert == null ? "" : "（" + sheets.expertName(onlyExpert) + "）";
        return new Download(name + suffix + ".xlsx", WorkbookWriter.write(tables));
    }

    private <T> List<T> query(String jpql, Class<T> type, CampaignRef campaign, ReviewStage stage, String expert) {
        var query = entities.createQuery(jpql, type).setParameter("campaign", campaign.id()).setParameter("stage", stage);
        if (expert != null) {
            query.setParameter("expert", expert);
        }
        return query.getResultList();
    }

    private static String key(Long applicationId, String expert, String criterion) {
        return applicationId + "|" + expert + "|" + criterion;
    }

    /** Builds the sheets from what was read. */
    private final class Sheets {

        private final CampaignRef campaign;
        private final ReviewStage stage;
        private final ReviewRules rules;
        private final Map<Long, Application> cases;
        private final Map<String, Expert> experts;
        private final Map<String, Score> scores;
        private final String exportedAt;

        Sheets(CampaignRef campaign, ReviewStage stage, ReviewRules rules, Map<Long, Application> cases,
                Map<String, Expert> experts, Map<String, Score> scores) {
            this.campaign = campaign;
            this.stage = stage;
            this.rules = rules;
            this.cases = cases;
            this.experts = experts;
            this.scores = scores;
            this.exportedAt = CaseValues.chineseDate(LocalDateTime.now(clock.withZone(properties.zone())).toLocalDate());
        }

        String expertName(String userId) {
            Expert expert = experts.get(userId);
            return expert == null || expert.getName() == null ? userId : expert.getName();
        }

        /** The expert's total: the mean of their criteria, as {@link Aggregation#expertTotal}; null until every criterion is scored. */
        BigDecimal total(Long applicationId, String expert) {
            List<BigDecimal> points = new ArrayList<>();
            for (Criterion criterion : rules.criteria()) {
                Score score = scores.get(key(applicationId, expert, criterion.key()));
                if (score == null) {
                    return null;
                }
                points.add(score.getScore());
            }
            return Aggregation.expertTotal(points);
        }

        SheetTable summary(List<ExpertAssignment> assignments, Map<Long, ReviewResult> results) {
            Map<Long, List<String>> panels = new LinkedHashMap<>();
            assignments.forEach(x -> panels.computeIfAbsent(x.getApplicationId(), id -> new ArrayList<>())
                    .add(x.getExpertUserId()));
            int width = panels.values().stream().mapToInt(List::size).max().orElse(0);
            List<SheetTable.Heading> headings = new ArrayList<>(List.of(h("序号", 6), h("案件编号", 14),
                    h("企业名称", 28), h("质量标杆名称", 30), h("推荐单位", 20), h("评审专家", 24)));
            for (int n = 1; n <= width; n++) {
                headings.add(h("专家" + n + "总分", 9));
            }
            headings.addAll(List.of(h("最高总分", 9), h("最低总分", 9), h("分差", 8), h("计分方法", 16), h("得分", 9),
                    h("提请专家组合议", 9)));

            Comparator<Long> order = Comparator
                    .comparing((Long id) -> results.containsKey(id) ? results.get(id).getScore() : null,
                            Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(id -> cases.get(id).getCaseNumber());
            List<List<Object>> rows = new ArrayList<>();
            for (Long id : panels.keySet().stream().sorted(order).toList()) {
                Application a = cases.get(id);
                List<String> panel = panels.get(id);
                List<Object> row = new ArrayList<>(List.of(rows.size() + 1, a.getCaseNumber(), a.getEnterpriseName(),
                        text(a.getTitle()), catalog.unit(a.getUnitId()).name(),
                        panel.stream().map(this::expertName).collect(Collectors.joining(CaseValues.LIST_SEPARATOR))));
                for (int n = 0; n < width; n++) {
                    row.add(n < panel.size() ? total(id, panel.get(n)) : null);
                }
                ReviewResult result = results.get(id);
                if (result == null) {
                    row.addAll(Arrays.asList(null, null, null, "尚未汇总（有专家未评分）", null, null));
                } else {
                    row.addAll(List.of(result.getHighestTotal(), result.getLowestTotal(), result.getSpread(),
                            result.isTrimmed() ? "去掉最高、最低总分后平均" : "平均", result.getScore(),
                            result.isFlagged() ? "是" : "否"));
                }
                rows.add(row);
            }
            String criteria = rules.criteria().stream().map(c -> c.label() + "（" + c.maxScore() + "分）")
                    .collect(Collectors.joining(CaseValues.LIST_SEPARATOR));
            List<String> notes = List.of(
                    "注：1.评审标准：" + criteria + "；专家总分为各项得分的算术平均（各项等权），保留两位小数。",
                    "2." + Aggregation.TRIM_FROM + "位及以上专家评分时，去掉一个最高总分和一个最低总分后取平均；不足"
                            + Aggregation.TRIM_FROM + "位时取全部专家总分的平均；四舍五入保留两位小数。",
                    "3.专家总分最高与最低相差超过" + rules.spreadThreshold() + "分的，提请专家组合议。");
            return new SheetTable(SUMMARY_SHEET, campaign.definition().name() + stage.label() + "评分汇总表",
                    List.of(new SheetTable.SideLine("评审环节：" + stage.label(), "导出日期：" + exportedAt)), headings, rows,
                    notes, List.of(new SheetTable.SideLine("经办人：", "审核人：")));
        }

        SheetTable expert(String expert, List<ExpertAssignment> own) {
            List<SheetTable.Heading> headings = new ArrayList<>(List.of(h("序号", 6), h("案件编号", 14), h("企业名称", 28),
                    h("质量标杆名称", 30)));
            for (Criterion criterion : rules.criteria()) {
                headings.add(h(criterion.label() + "（" + criterion.maxScore() + "分）", 12));
            }
            headings.addAll(List.of(h("总分", 9), h("评语", 40), h("评分时间", 17)));
            List<List<Object>> rows = new ArrayList<>();
            own.stream().map(x -> cases.get(x.getApplicationId())).sorted(Comparator.comparing(Application::getCaseNumber))
                    .forEach(a -> {
                        List<Object> row = new ArrayList<>(List.of(rows.size() + 1, a.getCaseNumber(),
                                a.getEnterpriseName(), text(a.getTitle())));
                        Score last = null;
                        for (Criterion criterion : rules.criteria()) {
                            Score score = scores.get(key(a.getId(), expert, criterion.key()));
                            row.add(score == null ? null : score.getScore());
                            if (score != null && (last == null || score.getScoredAt().isAfter(last.getScoredAt()))) {
                                last = score;
                            }
                        }
                        row.add(total(a.getId(), expert));
                        row.add(last == null ? "尚未评分" : last.getComment());
                        row.add(last == null ? null
                                : LocalDateTime.ofInstant(last.getScoredAt(), properties.zone()).withSecond(0).withNano(0));
                        rows.add(row);
                    });
            String name = expertName(expert);
            Expert known = experts.get(expert);
            String organisation = known == null || known.getOrganisation() == null ? "" : known.getOrganisation();
            return new SheetTable(name, campaign.definition().name() + stage.label() + "专家评分表",
                    List.of(new SheetTable.SideLine("评审专家：" + name + (organisation.isEmpty() ? "" : "（" + organisation + "）"),
                            "评审环节：" + stage.label())),
                    headings, rows, List.of("注：总分为各项评审标准得分的算术平均，保留两位小数。"),
                    List.of(new SheetTable.SideLine("评审专家（签字）：", "日期：    年  月  日")));
        }

        private static SheetTable.Heading h(String label, int width) {
            return new SheetTable.Heading(label, width);
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }
}
