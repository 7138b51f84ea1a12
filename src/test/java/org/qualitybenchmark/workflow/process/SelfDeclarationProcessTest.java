package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.OWNER;
import static org.qualitybenchmark.workflow.process.ProcessTests.UNIT_GROUP;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stage block qb-stage-self-declaration: the owner submits before the deadline, or the case expires. */
class SelfDeclarationProcessTest extends ProcessTestCase {

    private static final String PROCESS = "qb-stage-self-declaration";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(PROCESS));
    }

    @Test
    void ownerSubmitsBeforeTheDeadline() {
        ProcessInstance declaration = caseDriver.start(PROCESS, ProcessTests.caseVariables());

        assertThat(declaration).isWaitingAt("UserTask_SubmitApplication");
        assertThat(caseDriver.task("UserTask_SubmitApplication"))
                .hasCandidateUser(OWNER)
                .hasCandidateGroup(UNIT_GROUP)
                .hasDueDate(APPLICATION_CLOSES_AT);
        assertThat(deployedForm(caseDriver.task("UserTask_SubmitApplication"))).contains("\"id\": \"submit-application\"");

        caseDriver.submitApplication();

        assertThat(declaration).isEnded()
                .hasPassedInOrder("StartEvent_DeclarationOpened", "UserTask_SubmitApplication",
                        "EndEvent_ApplicationSubmitted")
                .hasNotPassed("ServiceTask_ExpireCase");
        assertThat(variable(declaration, "declarationOutcome")).isEqualTo("SUBMITTED");
    }

    @Test
    void caseExpiresWhenTheSubmitDeadlinePasses() {
        ProcessInstance declaration = caseDriver.start(PROCESS, ProcessTests.caseVariables());

        ProcessTests.fireTimer(engine, "BoundaryEvent_SubmitDeadlinePassed", APPLICATION_CLOSES_AT);

        assertThat(declaration).isEnded()
                .hasPassedInOrder("BoundaryEvent_SubmitDeadlinePassed", "ServiceTask_ExpireCase",
                        "EndEvent_SubmissionExpired")
                .hasNotPassed("EndEvent_ApplicationSubmitted");
        assertThat(variable(declaration, "declarationOutcome")).isEqualTo("EXPIRED");
    }
}
