package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.COUNTY_GROUP;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.COUNTY_STAGE;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_DUE;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage block qb-stage-county-recommendation: the county reviews and checks on site, then recommends
 * (no rank, no quota), declines or returns the case; a recommended case waits for the county's list.
 */
class CountyRecommendationProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private CaseDriver county;

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(COUNTY_STAGE));
    }

    @BeforeEach
    void countySteps() {
        LuoyangProcessTests.registerCountyBeans();
        county = new CaseDriver(engine, LuoyangProcessTests.CASE_NUMBER);
    }

    @Test
    void checkedCaseIsRecommendedWithTheCountysList() {
        ProcessInstance stage = start();
        assertThat(county.task("UserTask_CheckOnSite")).hasCandidateGroup(COUNTY_GROUP).hasDueDate(RECOMMENDATION_DUE);

        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"));
        assertThat(county.task("UserTask_ScreenApplication")).hasCandidateGroup(COUNTY_GROUP)
                .hasDueDate(RECOMMENDATION_DUE);
        assertThat(deployedForm(county.task("UserTask_ScreenApplication"))).contains("\"id\": \"county-recommendation\"")
                .doesNotContain("form_rank");
        complete("UserTask_ScreenApplication", LuoyangProcessTests.recommendation("RECOMMEND"));
        assertThat(stage).isWaitingAt("IntermediateCatchEvent_RecommendationDecided");

        county.recommendationDecided("RECOMMENDED");

        assertThat(stage).isEnded()
                .hasPassedInOrder("StartEvent_RecommendationOpened", "UserTask_CheckOnSite",
                        "ExclusiveGateway_CheckOutcome", "UserTask_ScreenApplication", "ExclusiveGateway_ScreeningOutcome",
                        "IntermediateCatchEvent_RecommendationDecided", "EndEvent_Screened");
        assertThat(variable(stage, "countyOutcome")).isEqualTo("PASS");
        assertThat(variable(stage, "screeningOutcome")).isEqualTo("RECOMMENDED");
    }

    @Test
    void countyDeclinesAfterItsCheck() {
        ProcessInstance stage = start();

        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("NOT_RECOMMEND"));

        assertThat(stage).isEnded()
                .hasPassedInOrder("UserTask_CheckOnSite", "ExclusiveGateway_CheckOutcome", "EndEvent_NotProposed")
                .hasNotPassed("UserTask_ScreenApplication");
        assertThat(variable(stage, "screeningOutcome")).isEqualTo("NOT_RECOMMENDED");
    }

    @Test
    void countyReturnsTheCaseBeforeVisiting() {
        ProcessInstance stage = start();

        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("RETURN"));

        assertThat(stage).isEnded().hasPassedInOrder("ExclusiveGateway_CheckOutcome", "EndEvent_ReturnedForCorrection");
        assertThat(variable(stage, "screeningOutcome")).isEqualTo("RETURN");
        assertThat(variable(stage, "submitDeadline")).isEqualTo(ProcessTests.CORRECTION_DEADLINE);
    }

    @Test
    void countyDeclinesAtTheRecommendation() {
        ProcessInstance stage = start();
        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"));

        complete("UserTask_ScreenApplication", LuoyangProcessTests.recommendation("NOT_RECOMMEND"));

        assertThat(stage).isEnded()
                .hasPassedInOrder("UserTask_ScreenApplication", "ExclusiveGateway_ScreeningOutcome", "EndEvent_NotProposed");
    }

    @Test
    void countyReturnsTheCaseAtTheRecommendation() {
        ProcessInstance stage = start();
        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"));

        complete("UserTask_ScreenApplication", LuoyangProcessTests.recommendation("RETURN"));

        assertThat(stage).isEnded()
                .hasPassedInOrder("ExclusiveGateway_ScreeningOutcome", "EndEvent_ReturnedForCorrection");
        assertThat(variable(stage, "returnedFrom")).isEqualTo("SUBMITTED");
    }

    @Test
    void caseExpiresWhenTheCountyNeverChecksIt() {
        ProcessInstance stage = start();

        ProcessTests.fireTimer(engine, "BoundaryEvent_CheckDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(stage).isEnded()
                .hasPassedInOrder("BoundaryEvent_CheckDeadlinePassed", "ServiceTask_ExpireUnscreened",
                        "EndEvent_ScreeningExpired");
        assertThat(variable(stage, "screeningOutcome")).isEqualTo("EXPIRED");
    }

    @Test
    void caseExpiresWhenTheCountyChecksButNeverDecides() {
        ProcessInstance stage = start();
        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"));

        ProcessTests.fireTimer(engine, "BoundaryEvent_ScreeningDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(stage).isEnded()
                .hasPassedInOrder("UserTask_ScreenApplication", "BoundaryEvent_ScreeningDeadlinePassed",
                        "ServiceTask_ExpireUnscreened", "EndEvent_ScreeningExpired");
    }

    private ProcessInstance start() {
        return county.start(COUNTY_STAGE, LuoyangProcessTests.caseVariables());
    }

    private void complete(String taskKey, VariableMap form) {
        engine.getTaskService().complete(county.task(taskKey).getId(), form);
        ProcessTests.runAsyncContinuations(engine);
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableNameLike("form\\_%").count())
                .as("form fields left in the process").isZero();
    }
}
