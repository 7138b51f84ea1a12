package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class PanelIntegrationTest extends ReviewTestSupport {

    private static final LocalDateTime DEFENSE_START = LocalDateTime.of(2022, 7, 20, 9, 0);

    @Autowired
    PanelService panel;

    @Autowired
    FormalReviewService formal;

    /**
     * Campaign rv-e selects the best 2. Material scores: c1 90, c2 85, c3 85, c4 70, c5 60; c3 was
     * submitted before c2. Defense scores: c1 88, c2 88, c3 92; c2 needs a site visit.
     */
    @Test
    void fromTheDefenseListToTheShortlist() {
        long c1 = caseIn('e', "he-1301", CaseStage.MATERIAL_REVIEW);
        long c2 = caseIn('e', "he-1302", CaseStage.MATERIAL_REVIEW);
        long c3 = caseIn('e', "he-1305", CaseStage.MATERIAL_REVIEW);
        long c4 = caseIn('e', "he-1306", CaseStage.MATERIAL_REVIEW);
        long c5 = caseIn('e', "he-1307", CaseStage.MATERIAL_REVIEW);
        long c6 = caseIn('e', "he-1308", CaseStage.FORMAL_REVIEW);
        jdbc.update("update qb_application set submitted_at = submitted_at - interval '1' hour where id = ?", c3);
        Long campaign = campaignId('e');

        assertThatThrownBy(() -> panel.setDefenseList(campaign, new BigDecimal("80"), DEFENSE_START, "省工信厅会议室", 30,
                office())).isInstanceOf(ConflictException.class)
                .hasMessage("还不能确定答辩名单：尚有1件“形式审查”，5件资料评审尚未汇总得分（" + String.join("、",
                        caseNumber(c1), caseNumber(c2), caseNumber(c3), caseNumber(c4), caseNumber(c5)) + "）");

        formal.decide(c6, Map.of(), FormalDecision.REJECT, "不具备独立法人资格", null, office());
        scoreAll(c1, ReviewStage.MATERIAL_REVIEW, "90");
        scoreAll(c2, ReviewStage.MATERIAL_REVIEW, "85");
        scoreAll(c3, ReviewStage.MATERIAL_REVIEW, "85");
        scoreAll(c4, ReviewStage.MATERIAL_REVIEW, "70");
        scoreAll(c5, ReviewStage.MATERIAL_REVIEW, "60");

        assertThatThrownBy(() -> panel.setDefenseList(campaign, null, LocalDateTime.of(2022, 6, 20, 8, 0), " ", 1,
                office())).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new FieldViolation("cutoff", "required", "请填写进入答辩的分数线"),
                                new FieldViolation("defenseStart", "date.past", "答辩开始时间2022-06-20T08:00应晚于当前时间"),
                                new FieldViolation("place", "required", "请填写答辩地点"),
                                new FieldViolation("slotMinutes", "range", "每家答辩时长应在5到240分钟之间")));
        assertThatThrownBy(() -> panel.setDefenseList(campaign, new BigDecimal("100.5"), DEFENSE_START, "会议室", 30,
                office())).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("cutoff", "range", "分数线应在0到100分之间")));

        Map<Long, MaterialOutcome> list = panel.setDefenseList(campaign, new BigDecimal("80"), DEFENSE_START,
                "河北省工业和信息化厅第一会议室", 30, office());

        assertThat(list).containsExactly(entry(c1, MaterialOutcome.DEFENSE), entry(c3, MaterialOutcome.DEFENSE),
                entry(c2, MaterialOutcome.DEFENSE), entry(c4, MaterialOutcome.BELOW_CUTOFF),
                entry(c5, MaterialOutcome.BELOW_CUTOFF));
        assertThat(List.of(stage(c1), stage(c2), stage(c3), stage(c4), stage(c5))).containsExactly(CaseStage.DEFENSE,
                CaseStage.DEFENSE, CaseStage.DEFENSE, CaseStage.BELOW_CUTOFF, CaseStage.BELOW_CUTOFF);
        assertThat(panel.defenseSlot(c1)).get().satisfies(slot -> {
            assertThat(slot.getSlotOrder()).isEqualTo(1);
            assertThat(slot.getStartsAt()).isEqualTo(DEFENSE_START.atZone(ZONE).toInstant());
            assertThat(slot.getPlace()).isEqualTo("河北省工业和信息化厅第一会议室");
        });
        assertThat(panel.defenseSlot(c3).orElseThrow().getStartsAt())
                .isEqualTo(DEFENSE_START.plusMinutes(30).atZone(ZONE).toInstant());
        assertThat(panel.defenseSlot(c2).orElseThrow().getSlotOrder()).isEqualTo(3);
        assertThat(panel.defenseSlot(c4)).isEmpty();
        assertThat(last(c1)).containsExactly("DEFENSE_LIST_SET", "DEFENSE", "office",
                "资料评审得分90.00，答辩分数线80；答辩时间2022-07-20T09:00，地点河北省工业和信息化厅第一会议室");
        assertThat(last(c5)).containsExactly("DEFENSE_LIST_SET", "BELOW_CUTOFF", "office", "资料评审得分60.00，答辩分数线80");

        assertThatThrownBy(() -> panel.setDefenseList(campaign, new BigDecimal("60"), DEFENSE_START, "会议室", 30,
                office())).isInstanceOf(ConflictException.class).hasMessage("答辩名单已于2022-06-20确定（office），不能再次确定");
        assertThatThrownBy(() -> panel.decideShortlist(campaign, null, office())).isInstanceOf(ConflictException.class)
                .hasMessage("还不能确定推荐名单：尚有3件案件处于答辩评审或现场考察阶段（" + String.join("、", caseNumber(c1),
                        caseNumber(c2), caseNumber(c3)) + "）");
        assertThatThrownBy(() -> panel.concludeDefense(c1, DefenseDecision.PASS, null, office()))
                .isInstanceOf(ConflictException.class).hasMessage("案件" + caseNumber(c1) + "的答辩得分尚未汇总，不能作出答辩结论");

        scoreAll(c1, ReviewStage.DEFENSE, "88");
        scoreAll(c2, ReviewStage.DEFENSE, "88");
        scoreAll(c3, ReviewStage.DEFENSE, "92");

        assertThatThrownBy(() -> panel.concludeDefense(c2, DefenseDecision.SITE_VISIT, "", office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("reason", "required", "请填写需现场考察核实的问题")));
        assertThatThrownBy(() -> panel.concludeDefense(c2, null, null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations().get(0).message())
                        .isEqualTo("请选择答辩结论（通过、未通过或现场考察）"));
        assertThat(panel.concludeDefense(c1, DefenseDecision.PASS, null, office()))
                .isEqualTo(new DefenseOutcome(c1, DefenseDecision.PASS, CaseStage.SHORTLISTED));
        assertThat(panel.concludeDefense(c2, DefenseDecision.SITE_VISIT, "顾客满意度数据需现场核实", office()).stage())
                .isEqualTo(CaseStage.SITE_VISIT);
        assertThat(panel.concludeDefense(c3, DefenseDecision.PASS, "答辩清晰", office()).stage())
                .isEqualTo(CaseStage.SHORTLISTED);
        assertThat(last(c2)).containsExactly("DEFENSE_CONCLUDED", "SITE_VISIT", "office", "顾客满意度数据需现场核实");
        assertThatThrownBy(() -> panel.concludeDefense(c1, DefenseDecision.FAIL, "重复", office()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("当前为“待定推荐名单”");

        assertThatThrownBy(() -> panel.recordSiteVisit(c2, LocalDate.of(2022, 6, 21), " ", true, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("visitedOn", "date.future", "现场考察日期2022-06-21晚于今天（2022-06-20）"),
                        new FieldViolation("findings", "required", "请填写现场考察情况")));
        assertThatThrownBy(() -> panel.recordSiteVisit(c1, LocalDate.of(2022, 6, 20), "已核实", true, office()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("当前为“待定推荐名单”");
        SiteVisit visit = panel.recordSiteVisit(c2, LocalDate.of(2022, 6, 20), "顾客满意度调查报告原件与申报一致。", true,
                office());
        assertThat(visit.getRecordedBy()).isEqualTo("office");
        assertThat(stage(c2)).isEqualTo(CaseStage.SHORTLISTED);
        assertThat(last(c2)).containsExactly("SITE_VISITED", "PASS", "office", "2022-06-20现场考察：顾客满意度调查报告原件与申报一致。");

        Map<Long, SelectionOutcome> shortlist = panel.decideShortlist(campaign, "经专家组合议", office());

        assertThat(shortlist).as("defense 92 first; 88 and 88 by material score 90 over 85; the best 2 selected")
                .containsExactly(entry(c3, SelectionOutcome.SELECTED), entry(c1, SelectionOutcome.SELECTED),
                        entry(c2, SelectionOutcome.NOT_SELECTED));
        assertThat(List.of(stage(c3), stage(c1), stage(c2))).containsExactly(CaseStage.SHORTLISTED,
                CaseStage.SHORTLISTED, CaseStage.NOT_SELECTED);
        assertThat(panel.shortlist(campaign)).extracting(Selection::getApplicationId, Selection::getFinalRank,
                Selection::getOutcome).containsExactly(
                        tuple(c3, 1, SelectionOutcome.SELECTED),
                        tuple(c1, 2, SelectionOutcome.SELECTED),
                        tuple(c2, 3, SelectionOutcome.NOT_SELECTED));
        assertThat(last(c1)).containsExactly("SHORTLIST_DECIDED", "SELECTED", "office",
                "综合排名第2名（共3名，择优2名）：答辩得分88.00，资料评审得分90.00；经专家组合议");
        assertThat(last(c2)).containsExactly("SHORTLIST_DECIDED", "NOT_SELECTED", "office",
                "综合排名第3名（共3名，择优2名）：答辩得分88.00，资料评审得分85.00；经专家组合议");
        assertThatThrownBy(() -> panel.decideShortlist(campaign, null, office())).isInstanceOf(ConflictException.class)
                .hasMessage("推荐名单已于2022-06-20确定（office），不能再次确定");
    }

    @Test
    void noShortlistBeforeTheDefenseList() {
        assertThatThrownBy(() -> panel.decideShortlist(campaignId('f'), null, office()))
                .isInstanceOf(ConflictException.class).hasMessage("评审测试活动F尚未确定答辩名单，不能确定推荐名单");
    }

    @Test
    void aFailedDefenseAndAFailedSiteVisitEndTheCase() {
        long failed = caseIn('f', "he-1301", CaseStage.DEFENSE);
        long visited = caseIn('f', "he-1302", CaseStage.DEFENSE);
        scoreAll(failed, ReviewStage.DEFENSE, "55");
        scoreAll(visited, ReviewStage.DEFENSE, "75");

        assertThatThrownBy(() -> panel.concludeDefense(failed, DefenseDecision.FAIL, null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("reason", "required", "请填写答辩未通过的理由")));
        assertThat(panel.concludeDefense(failed, DefenseDecision.FAIL, "经验不具普遍推广价值", office()).stage())
                .isEqualTo(CaseStage.DEFENSE_FAILED);
        panel.concludeDefense(visited, DefenseDecision.SITE_VISIT, "核实生产现场质量管控情况", office());
        panel.recordSiteVisit(visited, LocalDate.of(2022, 6, 19), "现场质量记录不完整，与申报材料不符。", false, office());

        assertThat(stage(visited)).isEqualTo(CaseStage.SITE_VISIT_FAILED);
        assertThat(last(visited).subList(0, 3)).containsExactly("SITE_VISITED", "FAIL", "office");
        assertThat(jdbc.queryForObject("select passed from qb_site_visit where application_id = ?", Boolean.class, visited))
                .isFalse();
    }

    @Test
    void onlyTheOfficeDecidesForThePanel() {
        long id = caseIn('f', "he-1305", CaseStage.DEFENSE);
        for (String other : List.of("sjz", "applicant1", "expert1")) {
            assertThatThrownBy(() -> panel.setDefenseList(campaignId('f'), BigDecimal.TEN, DEFENSE_START, "会议室", 20,
                    user(other))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> panel.concludeDefense(id, DefenseDecision.PASS, null, user(other)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> panel.recordSiteVisit(id, LocalDate.of(2022, 6, 20), "情况", true, user(other)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> panel.decideShortlist(campaignId('f'), null, user(other)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private long caseIn(char campaign, String unit, CaseStage stage) {
        long id = submittedCase(campaign, unit, "评审组测试有限公司" + System.nanoTime());
        moveTo(id, stage);
        return id;
    }
}
