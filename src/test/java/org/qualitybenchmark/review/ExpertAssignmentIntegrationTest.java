package org.qualitybenchmark.review;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.support.ConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpertAssignmentIntegrationTest extends ReviewTestSupport {

    @Test
    void theLeastLoadedExpertsOfTheCampaignComeFirstAndEqualLoadsGoByLogin() {
        long first = caseIn('b', "he-1301", CaseStage.MATERIAL_REVIEW);
        long second = caseIn('b', "he-1302", CaseStage.MATERIAL_REVIEW);
        long third = caseIn('b', "he-1305", CaseStage.MATERIAL_REVIEW);

        assertThat(assignments.assign(first, ReviewStage.MATERIAL_REVIEW))
                .containsExactly("rv-expert-01", "rv-expert-02", "rv-expert-03", "rv-expert-04", "rv-expert-05");
        assertThat(assignments.assign(second, ReviewStage.MATERIAL_REVIEW))
                .containsExactly("rv-expert-06", "rv-expert-07", "rv-expert-08", "rv-expert-01", "rv-expert-02");
        assertThat(assignments.assign(third, ReviewStage.MATERIAL_REVIEW))
                .containsExactly("rv-expert-03", "rv-expert-04", "rv-expert-05", "rv-expert-06", "rv-expert-07");
        assertThat(last(first)).containsExactly("EXPERTS_ASSIGNED", "MATERIAL_REVIEW", "system",
                "资料评审专家：rv-expert-01、rv-expert-02、rv-expert-03、rv-expert-04、rv-expert-05");
    }

    @Test
    void assigningAgainGivesTheSamePanel() {
        long id = caseIn('c', "he-1301", CaseStage.MATERIAL_REVIEW);
        List<String> panel = assignments.assign(id, ReviewStage.MATERIAL_REVIEW);

        assertThat(assignments.assign(id, ReviewStage.MATERIAL_REVIEW)).isEqualTo(panel);
        assertThat(assignments.assigned(id, ReviewStage.MATERIAL_REVIEW)).isEqualTo(panel);
        assertThat(jdbc.queryForObject("select count(*) from qb_expert_assignment where application_id = ?", Integer.class,
                id)).isEqualTo(5);
        assertThat(history(id)).filteredOn(e -> e.get(0).equals("EXPERTS_ASSIGNED")).hasSize(1);
    }

    @Test
    void expertsOfTheCasesUnitAndOfTheEnterpriseItselfStayAway() {
        long id = caseIn('c', "he-1303", CaseStage.MATERIAL_REVIEW, "秦皇岛回避测试(集团)有限公司");

        List<String> panel = assignments.assign(id, ReviewStage.MATERIAL_REVIEW);

        assertThat(panel).hasSize(5).doesNotContain("rv-expert-06", "rv-expert-07", "rv-expert-08");
    }

    @Test
    void tooFewEligibleExpertsIsRefused() {
        long id = caseIn('c', "he-1310", CaseStage.MATERIAL_REVIEW);

        assertThatThrownBy(() -> assignments.assign(id, ReviewStage.MATERIAL_REVIEW)).isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "的资料评审需要5位专家，专家库中回避后可分配的只有4位，请先补充专家");
        assertThat(assignments.assigned(id, ReviewStage.MATERIAL_REVIEW)).isEmpty();
    }

    @Test
    void aDefensePanelIsAssignedToACaseInDefense() {
        long id = caseIn('c', "he-1306", CaseStage.DEFENSE);

        assertThat(assignments.assign(id, ReviewStage.DEFENSE)).hasSize(5);
        assertThat(last(id).subList(0, 2)).containsExactly("EXPERTS_ASSIGNED", "DEFENSE");
    }

    @Test
    void expertsAreAssignedOnlyToACaseAtThatStage() {
        long id = caseIn('c', "he-1307", CaseStage.FORMAL_REVIEW);

        assertThatThrownBy(() -> assignments.assign(id, ReviewStage.MATERIAL_REVIEW)).isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "当前为“形式审查”，不能分配资料评审专家");
    }

    @Test
    void anInactiveExpertIsNotAssigned() {
        long id = caseIn('i', "he-1301", CaseStage.MATERIAL_REVIEW);
        ExpertService.ExpertInput inactive = new ExpertService.ExpertInput(null, "评审专家1", "河北省质量研究院第1研究室",
                "he-1310", false);
        expertService.update("rv-expert-01", inactive, office());
        try {
            assertThat(assignments.assign(id, ReviewStage.MATERIAL_REVIEW))
                    .containsExactly("rv-expert-02", "rv-expert-03", "rv-expert-04", "rv-expert-05", "rv-expert-06");
        } finally {
            expertService.update("rv-expert-01", new ExpertService.ExpertInput(null, "评审专家1", "河北省质量研究院第1研究室",
                    "he-1310", true), office());
        }
    }

    private long caseIn(char campaign, String unit, CaseStage stage) {
        return caseIn(campaign, unit, stage, "专家分配测试有限公司" + System.nanoTime());
    }

    private long caseIn(char campaign, String unit, CaseStage stage, String enterprise) {
        long id = submittedCase(campaign, unit, enterprise);
        moveTo(id, stage);
        return id;
    }
}
