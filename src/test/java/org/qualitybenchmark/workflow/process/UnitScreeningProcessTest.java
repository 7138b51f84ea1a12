package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.COUNTY_GROUP;
import static org.qualitybenchmark.workflow.process.ProcessTests.CORRECTION_DEADLINE;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_DUE;
import static org.qualitybenchmark.workflow.process.ProcessTests.UNIT_GROUP;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage block qb-stage-unit-screening: the recommending unit (after the county, where the campaign
 * has county screening) proposes, declines or returns the case; a proposed case waits for the
 * unit's recommendation list.
 */
class UnitScreeningProcessTest extends ProcessTestCase {

    private static final String PROCESS = "qb-stage-unit-screening";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(PROCESS));
    }

    @Test
    void proposedCaseIsRecommendedWithTheUnitsList() {
        ProcessInstance screening = caseDriver.start(PROCESS, ProcessTests.caseVariables());
        assertThat(caseDriver.task("UserTask_ScreenApplication"))
                .hasCandidateGroup(UNIT_GROUP)
                .hasDueDate(RECOMMENDATION_DUE);

        caseDriver.screen("RECOMMEND");

        assertThat(screening).isWaitingAt("IntermediateCatchEvent_RecommendationDecided")
                .variables().containsEntry("screeningOutcome", "PROPOSED");

        caseDriver.recommendationDecided("RECOMMENDED");

        assertThat(screening).isEnded()
                .hasPassedInOrder("StartEvent_ScreeningOpened", "ExclusiveGateway_CountyScreening",
                        "ExclusiveGateway_ScreeningJoin", "UserTask_ScreenApplication",
                        "IntermediateCatchEvent_RecommendationDecided", "EndEvent_Screened")
                .hasNotPassed("UserTask_ScreenAtCounty");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("RECOMMENDED");
    }

    @Test
    void proposedCaseIsNotRecommendedWhenTheListStaysOut() {
        ProcessInstance screening = caseDriver.start(PROCESS, ProcessTests.caseVariables());

        caseDriver.screen("RECOMMEND").recommendationDecided("NOT_RECOMMENDED");

        assertThat(screening).isEnded().hasPassed("EndEvent_Screened");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("NOT_RECOMMENDED");
    }

    @Test
    void unitDeclinesTheCase() {
        ProcessInstance screening = caseDriver.start(PROCESS, ProcessTests.caseVariables());

        caseDriver.screen("NOT_RECOMMEND");

        assertThat(screening).isEnded()
                .hasPassedInOrder("UserTask_ScreenApplication", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_NotProposed");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("NOT_RECOMMENDED");
    }

    @Test
    void unitReturnsTheCaseForCorrection() {
        ProcessInstance screening = caseDriver.start(PROCESS, ProcessTests.caseVariables());

        caseDriver.screen("RETURN");

        assertThat(screening).isEnded()
                .hasPassedInOrder("UserTask_ScreenApplication", "EndEvent_ReturnedForCorrection");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("RETURN");
        assertThat(variable(screening, "returnedFrom")).isEqualTo("SUBMITTED");
        assertThat(variable(screening, "submitDeadline")).isEqualTo(CORRECTION_DEADLINE);
    }

    @Test
    void unscreenedCaseExpiresWhenRecommendationCloses() {
        ProcessInstance screening = caseDriver.start(PROCESS, ProcessTests.caseVariables());

        ProcessTests.fireTimer(engine, "BoundaryEvent_ScreeningDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(screening).isEnded()
                .hasPassedInOrder("BoundaryEvent_ScreeningDeadlinePassed", "ServiceTask_ExpireUnscreened",
                        "EndEvent_ScreeningExpired")
                .hasNotPassed("ExclusiveGateway_ScreeningOutcome");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("EXPIRED");
    }

    @Test
    void countyPassesTheCaseToTheUnit() {
        ProcessInstance screening = caseDriver.start(PROCESS, withCountyScreening());
        assertThat(caseDriver.task("UserTask_ScreenAtCounty")).hasCandidateGroup(COUNTY_GROUP);

        caseDriver.screenAtCounty("PASS");

        assertThat(screening).isWaitingAt("UserTask_ScreenApplication")
                .hasPassedInOrder("ExclusiveGateway_CountyScreening", "UserTask_ScreenAtCounty",
                        "ExclusiveGateway_CountyOutcome", "ExclusiveGateway_ScreeningJoin");
        assertThat(caseDriver.task("UserTask_ScreenApplication")).hasCandidateGroup(UNIT_GROUP);
    }

    @Test
    void countyDeclinesTheCase() {
        ProcessInstance screening = caseDriver.start(PROCESS, withCountyScreening());

        caseDriver.screenAtCounty("NOT_RECOMMEND");

        assertThat(screening).isEnded()
                .hasPassedInOrder("UserTask_ScreenAtCounty", "EndEvent_CountyNotPassed")
                .hasNotPassed("UserTask_ScreenApplication");
        assertThat(variable(screening, "countyOutcome")).isEqualTo("NOT_RECOMMEND");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("NOT_RECOMMENDED");
    }

    @Test
    void countyReturnsTheCaseForCorrection() {
        ProcessInstance screening = caseDriver.start(PROCESS, withCountyScreening());

        caseDriver.screenAtCounty("RETURN");

        assertThat(screening).isEnded().hasPassed("EndEvent_CountyNotPassed");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("RETURN");
        assertThat(variable(screening, "returnedFrom")).isEqualTo("SUBMITTED");
    }

    @Test
    void countyDeadlineExpiresTheUnscreenedCase() {
        Date countyDue = ProcessTests.at("2022-06-27T23:59");
        Date countyClosesAt = ProcessTests.startOfDayAfter("2022-06-27");
        ProcessInstance screening = caseDriver.start(PROCESS, withCountyScreening()
                .putValue("countyScreeningDue", countyDue).putValue("countyScreeningClosesAt", countyClosesAt));
        assertThat(caseDriver.task("UserTask_ScreenAtCounty")).hasDueDate(countyDue);

        ProcessTests.fireTimer(engine, "BoundaryEvent_CountyDeadlinePassed", countyClosesAt);

        assertThat(screening).isEnded()
                .hasPassedInOrder("UserTask_ScreenAtCounty", "BoundaryEvent_CountyDeadlinePassed",
                        "ServiceTask_ExpireUnscreenedAtCounty", "EndEvent_CountyScreeningExpired")
                .hasNotPassed("UserTask_ScreenApplication");
        assertThat(variable(screening, "countyOutcome")).isEqualTo("EXPIRED");
        assertThat(variable(screening, "screeningOutcome")).isEqualTo("EXPIRED");
    }

    private static VariableMap withCountyScreening() {
        return ProcessTests.caseVariables().putValue("countyGroup", COUNTY_GROUP);
    }
}
