package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.CASE_NUMBER;
import static org.qualitybenchmark.workflow.process.ProcessTests.OFFICE_GROUP;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stage block qb-stage-formal-review: the automatic check, then the office's review. */
class FormalReviewProcessTest extends ProcessTestCase {

    private static final String PROCESS = "qb-stage-formal-review";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(PROCESS));
    }

    @Test
    void officeReviewsAfterTheAutomaticCheck() {
        ProcessInstance review = engine.getRuntimeService()
                .startProcessInstanceByKey(PROCESS, CASE_NUMBER, ProcessTests.caseVariables());
        assertThat(review).isWaitingAt("ServiceTask_CheckMaterials");

        ProcessTests.runAsyncContinuations(engine);

        assertThat(review).isWaitingAt("UserTask_ReviewFormally");
        assertThat(caseDriver.task("UserTask_ReviewFormally"))
                .hasCandidateGroup(OFFICE_GROUP)
                .hasDueDate(AdapterStandIns.FORMAL_REVIEW_DUE);

        caseDriver.reviewFormally("PASS");

        assertThat(review).isEnded()
                .hasPassedInOrder("StartEvent_FormalReviewOpened", "ServiceTask_CheckMaterials",
                        "UserTask_ReviewFormally", "EndEvent_FormallyReviewed");
        assertThat(variable(review, "formalReviewOutcome")).isEqualTo("PASS");
    }
}
