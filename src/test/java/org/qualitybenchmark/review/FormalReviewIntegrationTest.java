package org.qualitybenchmark.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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

class FormalReviewIntegrationTest extends ReviewTestSupport {

    @Autowired
    FormalReviewService formal;

    @Test
    void aCompleteCaseChecksCleanAndPasses() {
        long id = caseInFormalReview();

        assertThat(formal.autoCheck(id)).isEmpty();
        assertThat(last(id)).containsExactly("MATERIALS_CHECKED", "CLEAN", "system", "未发现问题");

        FormalReviewOutcome outcome = formal.decide(id, allConfirmed(), FormalDecision.PASS, " 材料齐全，符合申报条件 ", null,
                office());

        assertThat(outcome).isEqualTo(new FormalReviewOutcome(id, FormalDecision.PASS, CaseStage.MATERIAL_REVIEW));
        assertThat(stage(id)).isEqualTo(CaseStage.MATERIAL_REVIEW);
        assertThat(last(id)).containsExactly("FORMAL_REVIEWED", "PASS", "office", "材料齐全，符合申报条件");
        List<FormalReview> rounds = formal.rounds(id);
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).getFindingCount()).isZero();
        assertThat(rounds.get(0).getFindings()).isEqualTo("[]");
        assertThat(rounds.get(0).getDecision()).isEqualTo(FormalDecision.PASS);
        assertThat(rounds.get(0).getQualified()).isTrue();
        assertThat(rounds.get(0).getDecidedBy()).isEqualTo("office");
    }

    @Test
    void theAutomaticCheckFindsWhatACaseLacksNow() {
        long id = caseInFormalReview();
        jdbc.update("delete from qb_attachment where application_id = ? and kind = 'evidence'", id);
        jdbc.update("update qb_application set address = null where id = ?", id);

        List<FieldViolation> findings = formal.autoCheck(id);

        assertThat(findings).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("enterprise.address", "attachments.evidence");
        assertThat(findings).extracting(FieldViolation::message).contains("请填写通讯地址", "请上传“证实性材料”");
        List<String> event = last(id);
        assertThat(event.subList(0, 3)).containsExactly("MATERIALS_CHECKED", "FINDINGS", "system");
        assertThat(event.get(3)).startsWith("发现2处问题：").contains("请上传“证实性材料”");
        FormalReview round = formal.rounds(id).get(0);
        assertThat(round.getFindingCount()).isEqualTo(2);
        assertThat(round.getFindings()).contains("attachments.evidence", "请填写通讯地址");

        formal.autoCheck(id);
        assertThat(formal.rounds(id)).as("checking again refreshes the open round").hasSize(1);
    }

    @Test
    void aPassNeedsEveryChecklistItemConfirmed() {
        long id = caseInFormalReview();
        Map<String, Boolean> checklist = new LinkedHashMap<>(allConfirmed());
        checklist.put("complete", false);
        checklist.remove("profitable");

        assertThatThrownBy(() -> formal.decide(id, checklist, FormalDecision.PASS, null, null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("checklist.complete", "checklist.unconfirmed", "“材料齐全”未确认，不能通过形式审查"),
                        new FieldViolation("checklist.profitable", "checklist.unconfirmed",
                                "“近三年连续盈利”未确认，不能通过形式审查")));
        assertThat(stage(id)).isEqualTo(CaseStage.FORMAL_REVIEW);
        assertThat(formal.rounds(id)).isEmpty();
    }

    @Test
    void whereTheCampaignDoesNotRequireProfitTheItemIsNeitherRequiredNorRecorded() {
        long id = submittedCase('i', "he-1301", "不要求盈利测试有限公司" + System.nanoTime());
        moveTo(id, CaseStage.FORMAL_REVIEW);
        Map<String, Boolean> checklist = new LinkedHashMap<>(allConfirmed());
        checklist.remove("profitable");
        checklist.put("sealed", false);

        assertThatThrownBy(() -> formal.decide(id, checklist, FormalDecision.PASS, null, null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("checklist.sealed", "checklist.unconfirmed", "“签字盖章齐全”未确认，不能通过形式审查")));

        checklist.put("sealed", true);
        checklist.put("profitable", true);
        assertThat(formal.decide(id, checklist, FormalDecision.PASS, null, null, office()).stage())
                .isEqualTo(CaseStage.MATERIAL_REVIEW);
        assertThat(formal.rounds(id).get(0).getProfitable()).as("not a rule of this campaign").isNull();
        assertThat(formal.rounds(id).get(0).getSealed()).isTrue();
    }

    @Test
    void anUnknownChecklistItemOrNoDecisionIsRefused() {
        long id = caseInFormalReview();
        Map<String, Boolean> checklist = new LinkedHashMap<>(allConfirmed());
        checklist.put("honest", true);

        assertThatThrownBy(() -> formal.decide(id, checklist, FormalDecision.PASS, null, null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("checklist.honest");
                            assertThat(v.message()).isEqualTo(
                                    "形式审查清单中没有“honest”一项，可选：qualified、complete、sealed、profitable");
                        }));
        assertThatThrownBy(() -> formal.decide(id, allConfirmed(), null, null, null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("decision", "required", "请选择形式审查结论（通过、退回补正或不通过）")));
    }

    @Test
    void aReturnNeedsAReasonAndADueDateNotInThePast() {
        long id = caseInFormalReview();

        assertThatThrownBy(() -> formal.decide(id, Map.of(), FormalDecision.RETURN, "  ", LocalDate.of(2022, 7, 1), office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("reason", "required", "请填写退回补正的原因")));
        assertThatThrownBy(() -> formal.decide(id, Map.of(), FormalDecision.RETURN, "申报书未盖公章", null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("correctionDue", "required", "请填写补正期限")));
        assertThatThrownBy(() -> formal.decide(id, Map.of(), FormalDecision.RETURN, "申报书未盖公章",
                LocalDate.of(2022, 6, 19), office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("correctionDue", "date.past", "补正期限2022-06-19早于今天（2022-06-20）")));
        assertThatThrownBy(() -> formal.decide(id, Map.of(), FormalDecision.RETURN, "很".repeat(2001),
                LocalDate.of(2022, 7, 1), office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations().get(0).message())
                        .isEqualTo("退回补正的原因应在2000字以内，现为2001字"));

        FormalReviewOutcome outcome = formal.decide(id, Map.of("qualified", true, "sealed", false), FormalDecision.RETURN,
                "申报书未盖公章", LocalDate.of(2022, 6, 20), office());

        assertThat(outcome.stage()).isEqualTo(CaseStage.CORRECTION);
        assertThat(stage(id)).isEqualTo(CaseStage.CORRECTION);
        assertThat(last(id)).containsExactly("RETURNED_FOR_CORRECTION", "RETURN", "office", "补正期限2022-06-20：申报书未盖公章");
        FormalReview round = formal.rounds(id).get(0);
        assertThat(round.getCorrectionDue()).isEqualTo(LocalDate.of(2022, 6, 20));
        assertThat(round.getSealed()).isFalse();
        assertThat(round.getComplete()).as("an item left out is not confirmed").isFalse();
    }

    @Test
    void aRejectionNeedsAReason() {
        long id = caseInFormalReview();

        assertThatThrownBy(() -> formal.decide(id, Map.of(), FormalDecision.REJECT, null, null, office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("reason", "required", "请填写不通过的理由")));

        FormalReviewOutcome outcome = formal.decide(id, Map.of("qualified", false), FormalDecision.REJECT,
                "2020年利润总额为负，不符合近三年连续盈利的条件", null, office());

        assertThat(outcome.stage()).isEqualTo(CaseStage.REJECTED);
        assertThat(last(id)).containsExactly("FORMAL_REVIEWED", "REJECT", "office", "2020年利润总额为负，不符合近三年连续盈利的条件");
    }

    @Test
    void onlyTheOfficeDecides() {
        long id = caseInFormalReview();
        for (String other : List.of("sjz", "applicant1", "expert1", "manager")) {
            assertThatThrownBy(() -> formal.decide(id, allConfirmed(), FormalDecision.PASS, null, null, user(other)))
                    .as(other).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(stage(id)).isEqualTo(CaseStage.FORMAL_REVIEW);
        assertThat(formal.decide(id, allConfirmed(), FormalDecision.PASS, null, null, user("demo")).stage())
                .as("an administrator of the office").isEqualTo(CaseStage.MATERIAL_REVIEW);
    }

    @Test
    void onlyACaseInFormalReviewIsCheckedOrDecided() {
        long id = submittedCase('a', "he-1301", "形式审查阶段测试有限公司");

        assertThatThrownBy(() -> formal.autoCheck(id)).isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "当前为“待初审”，不能自动检查申报材料（只能在形式审查阶段办理）");
        assertThatThrownBy(() -> formal.decide(id, allConfirmed(), FormalDecision.PASS, null, null, office()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "当前为“待初审”，不能作出形式审查结论（只能在形式审查阶段办理）");
    }

    private long caseInFormalReview() {
        long id = submittedCase('a', "he-1301", "形式审查测试有限公司" + System.nanoTime());
        moveTo(id, CaseStage.FORMAL_REVIEW);
        return id;
    }

    private static Map<String, Boolean> allConfirmed() {
        return Map.of("qualified", true, "complete", true, "sealed", true, "profitable", true);
    }
}
