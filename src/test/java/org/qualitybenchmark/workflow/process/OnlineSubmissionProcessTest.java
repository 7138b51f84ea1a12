package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.ONLINE_SUBMISSION;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.ONLINE_SUBMISSION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.ONLINE_SUBMISSION_DUE;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The online submission stage block: confirmed in time, or the day passes. */
class OnlineSubmissionProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(ONLINE_SUBMISSION));
    }

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(ProcessTests.at("2023-09-08T10:00"));
        ShandongProcessTests.registerOnlineSubmissionBeans();
    }

    @Test
    void theEnterpriseConfirmsItsOnlineSubmissionBeforeTheLastDay() {
        ProcessInstance stage = start();
        assertThat(caseDriver.task("UserTask_ConfirmOnlineSubmission")).hasDueDate(ONLINE_SUBMISSION_DUE)
                .hasCandidateUser(ProcessTests.OWNER).hasCandidateGroup("unit-sd-3701");

        engine.getTaskService().complete(caseDriver.task("UserTask_ConfirmOnlineSubmission").getId(),
                Variables.putValue("form_submittedOn", "2023-09-12").putValue("form_confirm", true));

        assertThat(stage).isEnded().hasPassedInOrder("ServiceTask_OpenOnlineSubmission",
                "UserTask_ConfirmOnlineSubmission", "EndEvent_OnlineSubmissionConfirmed")
                .hasNotPassed("ServiceTask_RecordOnlineSubmissionMissed");
        assertThat(variable(stage, "onlineSubmissionOutcome")).isEqualTo("CONFIRMED");
    }

    @Test
    void theDayPassesUnconfirmed() {
        ProcessInstance stage = start();

        ProcessTests.fireTimer(engine, "BoundaryEvent_OnlineSubmissionDuePassed", ONLINE_SUBMISSION_CLOSES_AT);

        assertThat(stage).isEnded().hasPassedInOrder("UserTask_ConfirmOnlineSubmission",
                "BoundaryEvent_OnlineSubmissionDuePassed", "ServiceTask_RecordOnlineSubmissionMissed",
                "EndEvent_OnlineSubmissionMissed");
        assertThat(caseDriver.tasks("UserTask_ConfirmOnlineSubmission")).isEmpty();
        assertThat(variable(stage, "onlineSubmissionOutcome")).isEqualTo("MISSED");
    }

    private ProcessInstance start() {
        ProcessInstance stage = engine.getRuntimeService().startProcessInstanceByKey(ONLINE_SUBMISSION,
                ProcessTests.CASE_NUMBER, ShandongProcessTests.caseVariables());
        ProcessTests.runAsyncContinuations(engine);
        assertThat(stage).isWaitingAt("UserTask_ConfirmOnlineSubmission");
        return stage;
    }
}
