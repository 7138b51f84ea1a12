package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.OFFICE_GROUP;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage block qb-stage-public-notice: objections are investigated as they come while the notice
 * runs; an upheld one removes the case at once, and the stage ends only when the notice period is
 * over and every objection received has been dealt with.
 */
class PublicNoticeProcessTest extends ProcessTestCase {

    private static final String PROCESS = "qb-stage-public-notice";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(PROCESS));
    }

    @Test
    void noticeEndsWithoutObjection() {
        ProcessInstance notice = startNotice();
        assertThat(notice).isWaitingAt("ReceiveTask_AwaitNoticeEnd");

        caseDriver.publicNoticeEnded();

        assertThat(notice).isEnded()
                .hasPassedInOrder("SubProcess_PublicNotice", "StartEvent_NoticeStarted", "ReceiveTask_AwaitNoticeEnd",
                        "EndEvent_NoticeEnded", "EndEvent_PublicNoticeCleared")
                .hasNotPassed("UserTask_InvestigateObjection");
        assertThat(variable(notice, "publicNoticeOutcome")).isEqualTo("CLEARED");
    }

    @Test
    void dismissedObjectionLeavesTheNoticeRunning() {
        ProcessInstance notice = startNotice();

        caseDriver.objectionReceived();

        assertThat(notice).isWaitingAt("ReceiveTask_AwaitNoticeEnd", "UserTask_InvestigateObjection");
        assertThat(caseDriver.task("UserTask_InvestigateObjection")).hasCandidateGroup(OFFICE_GROUP);

        caseDriver.investigateObjection("DISMISSED");

        assertThat(notice).isWaitingAt("ReceiveTask_AwaitNoticeEnd").hasPassed("EndEvent_ObjectionDismissed");

        caseDriver.publicNoticeEnded();

        assertThat(notice).isEnded().hasPassed("EndEvent_PublicNoticeCleared");
        assertThat(variable(notice, "objectionOutcome")).isEqualTo("DISMISSED");
        assertThat(variable(notice, "publicNoticeOutcome")).isEqualTo("CLEARED");
    }

    @Test
    void upheldObjectionRemovesTheCaseAtOnce() {
        ProcessInstance notice = startNotice();

        caseDriver.objectionReceived().investigateObjection("UPHELD");

        assertThat(notice).isEnded()
                .hasPassedInOrder("BoundaryEvent_ObjectionReceived", "UserTask_InvestigateObjection",
                        "ExclusiveGateway_ObjectionOutcome", "EndEvent_ObjectionUpheld",
                        "BoundaryEvent_RemovedFromList", "EndEvent_RemovedFromList")
                .hasNotPassed("EndEvent_NoticeEnded", "EndEvent_PublicNoticeCleared");
        assertThat(variable(notice, "publicNoticeOutcome")).isEqualTo("REMOVED");
    }

    @Test
    void noticeEndWaitsForOpenInvestigations() {
        ProcessInstance notice = startNotice();

        caseDriver.objectionReceived().objectionReceived();
        assertThat(caseDriver.tasks("UserTask_InvestigateObjection")).hasSize(2);

        caseDriver.publicNoticeEnded();

        assertThat(notice).isWaitingAt("UserTask_InvestigateObjection").hasPassed("EndEvent_NoticeEnded");

        caseDriver.investigateObjection("DISMISSED");
        assertThat(notice).isNotEnded();
        caseDriver.investigateObjection("DISMISSED");

        assertThat(notice).isEnded().hasPassed("EndEvent_PublicNoticeCleared");
    }

    private ProcessInstance startNotice() {
        return caseDriver.start(PROCESS, ProcessTests.caseVariables().putValue("publicNoticeOutcome", "CLEARED"));
    }
}
