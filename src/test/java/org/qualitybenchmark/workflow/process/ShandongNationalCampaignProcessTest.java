package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_DUE;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Shandong 2023 national track's campaign model: lists by 31 August, the panel's cut-off and
 * recommendation without a defense, and the end of the online submission on 15 September.
 */
class ShandongNationalCampaignProcessTest extends ProcessTestCase {

    private static final String CODE = "shandong-2023-national";
    private static final String PROCESS = "shandong-2023-national-campaign";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private CampaignDriver campaign;

    @Override
    List<String> models() {
        return List.of(ShandongProcessTests.NATIONAL_CAMPAIGN_MODEL);
    }

    @BeforeEach
    void beans() {
        ClockUtil.setCurrentTime(ShandongProcessTests.NOW);
        // No public notice on this track: the province recommends to the national system.
        campaign = new CampaignDriver(engine, CODE).registerBeans(null, "submitRecommendationListListener",
                "concludeMaterialReviewListener", "decideShortlistListener");
    }

    @Test
    void listsAreInThePanelRecommendsAndTheOnlineSubmissionCloses() throws Exception {
        ProcessInstance instance = campaign.start(PROCESS, ShandongProcessTests.campaignVariables());
        campaign.everyUnitSubmitsItsListInTime(ShandongProcessTests.CAMPAIGN_UNIT_GROUPS,
                ShandongProcessTests.RECOMMENDATION_DUE, null);
        campaign.applicationsClose(ShandongProcessTests.APPLICATION_CLOSES_AT, "UserTask_ConcludeMaterialReview");

        assertThat(deployedForm(campaign.task("UserTask_ConcludeMaterialReview")))
                .contains("\"id\": \"conclude-material-review\"").doesNotContain("form_siteVisits");
        campaign.complete("UserTask_ConcludeMaterialReview", Variables.putValue("form_cutoff", 80L));
        campaign.complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));

        assertThat(instance).isWaitingAt("TimerEvent_OnlineSubmissionClosed");
        ProcessTests.fireTimer(engine, "TimerEvent_OnlineSubmissionClosed", ShandongProcessTests.ONLINE_SUBMISSION_CLOSES_AT);

        assertThat(instance).isEnded().hasPassedInOrder("StartEvent_CampaignStarted", "ParallelGateway_Fork",
                "ServiceTask_CloseApplications", "ParallelGateway_Join", "ServiceTask_CloseRecommendation",
                "UserTask_ConcludeMaterialReview", "UserTask_DecideShortlist", "TimerEvent_OnlineSubmissionClosed",
                "EndEvent_RecommendationCompleted")
                .hasNotPassed("BoundaryEvent_RecommendationDue");
        campaign.verifyNoMoreDelegateCalls();
    }

    @Test
    void theRecommendationDeadlineClosesTheListsStillOpen() {
        campaign.start(PROCESS, ShandongProcessTests.campaignVariables());
        campaign.theDeadlineClosesTheListsStillOpen(ShandongProcessTests.APPLICATION_CLOSES_AT,
                ShandongProcessTests.RECOMMENDATION_CLOSES_AT, "UserTask_ConcludeMaterialReview", null);
    }
}
