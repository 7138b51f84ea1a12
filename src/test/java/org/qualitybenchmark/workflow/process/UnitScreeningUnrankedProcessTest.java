package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.CORRECTION_DEADLINE;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_DUE;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.UNIT_GROUP;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.UNRANKED_SCREENING;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage block qb-stage-unit-screening-unranked: the unit proposes (no rank, no quota), declines or
 * returns the case; a proposed case waits for the unit's recommendation list.
 */
class UnitScreeningUnrankedProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(UNRANKED_SCREENING));
    }

    @BeforeEach
    void liaoning() {
        caseDriver = LiaoningProcessTests.start(engine);
        LiaoningProcessTests.registerUnrankedScreening();
    }

    @Test
    void proposedCaseIsRecommendedWithTheUnitsList() {
        ProcessInstance screening = caseDriver.start(UNRANKED_SCREENING, LiaoningProcessTests.caseVariables());
        Task task = caseDriver.task("UserTask_ScreenApplication");
        assertThat(task).hasCandidateGroup(UNIT_GROUP).hasDueDate(RECOMMENDATION_DUE);
        assertThat(deployedForm(task)).contains("\"id\": \"screen-application-unranked\"").doesNotContain("form_rank");

        caseDriver.screen("RECOMMEND");

        assertThat(screening).isWaitingAt("IntermediateCatchEvent_RecommendationDecided")
                .variables().containsEntry("screeningOutcome", "PROPOSED");

        caseDriver.recommendationDecided("RECOMMENDED");

        assertThat(screening).isEnded()
                .hasPassedInOrder("StartEvent_ScreeningOpened", "UserTask_ScreenApplication",
                        "ExclusiveGateway_ScreeningOutcome", "IntermediateCatchEvent_RecommendationDecided",
                        "EndEvent_Screened");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("RECOMMENDED");
    }

    @Test
    void proposedCaseIsNotRecommendedWhenTheListStaysOut() {
        ProcessInstance screening = caseDriver.start(UNRANKED_SCREENING, LiaoningProcessTests.caseVariables());

        caseDriver.screen("RECOMMEND");
        caseDriver.recommendationDecided("NOT_RECOMMENDED");

        assertThat(screening).isEnded().hasPassed("EndEvent_Screened");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("NOT_RECOMMENDED");
    }

    @Test
    void unitDeclinesTheCase() {
        ProcessInstance screening = caseDriver.start(UNRANKED_SCREENING, LiaoningProcessTests.caseVariables());

        caseDriver.screen("NOT_RECOMMEND");

        assertThat(screening).isEnded()
                .hasPassedInOrder("UserTask_ScreenApplication", "ExclusiveGateway_ScreeningOutcome", "EndEvent_NotProposed")
                .hasNotPassed("IntermediateCatchEvent_RecommendationDecided");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("NOT_RECOMMENDED");
    }

    @Test
    void unitReturnsTheCaseForCorrection() {
        ProcessInstance screening = caseDriver.start(UNRANKED_SCREENING, LiaoningProcessTests.caseVariables());

        caseDriver.screen("RETURN");

        assertThat(screening).isEnded()
                .hasPassedInOrder("UserTask_ScreenApplication", "EndEvent_ReturnedForCorrection");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("RETURN");
        assertThat(variable(screening, "returnedFrom")).isEqualTo("SUBMITTED");
        assertThat(variable(screening, "submitDeadline")).isEqualTo(CORRECTION_DEADLINE);
    }

    @Test
    void unscreenedCaseExpiresWhenRecommendationCloses() {
        ProcessInstance screening = caseDriver.start(UNRANKED_SCREENING, LiaoningProcessTests.caseVariables());

        ProcessTests.fireTimer(engine, "BoundaryEvent_ScreeningDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(screening).isEnded()
                .hasPassedInOrder("BoundaryEvent_ScreeningDeadlinePassed", "ServiceTask_ExpireUnscreened",
                        "EndEvent_ScreeningExpired")
                .hasNotPassed("ExclusiveGateway_ScreeningOutcome");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("EXPIRED");
    }
}
