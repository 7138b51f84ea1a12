package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stage block qb-stage-material-review: every assigned expert scores, then the defense list decides. */
class MaterialReviewProcessTest extends ProcessTestCase {

    private static final String PROCESS = "qb-stage-material-review";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(PROCESS));
    }

    @Test
    void everyAssignedExpertScoresThenTheDefenseListDecides() {
        ProcessInstance review = caseDriver.start(PROCESS, ProcessTests.caseVariables());

        assertThat(caseDriver.tasks("UserTask_ScoreMaterials"))
                .extracting(Task::getAssignee)
                .containsExactlyInAnyOrderElementsOf(AdapterStandIns.EXPERTS);
        assertThat(caseDriver.tasks("UserTask_ScoreMaterials"))
                .extracting(Task::getDueDate)
                .containsOnly(AdapterStandIns.MATERIAL_REVIEW_DUE);

        caseDriver.scoreMaterials();

        assertThat(review).isWaitingAt("IntermediateCatchEvent_MaterialReviewConcluded")
                .hasPassed("ServiceTask_AggregateMaterialScores");

        caseDriver.materialReviewConcluded("DEFENSE");

        assertThat(review).isEnded()
                .hasPassedInOrder("ServiceTask_AssignExperts", "UserTask_ScoreMaterials",
                        "ServiceTask_AggregateMaterialScores", "IntermediateCatchEvent_MaterialReviewConcluded",
                        "EndEvent_MaterialsReviewed");
        assertThat(variable(review, "materialReviewOutcome")).isEqualTo("DEFENSE");
    }
}
