package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private final JavaDelegate closeRecommendation = mock(JavaDelegate.class);
    private ShandongCampaignProcessTests campaign;

    @Override
    List<String> models() {
        return List.of(ShandongProcessTests.NATIONAL_CAMPAIGN_MODEL);
    }

    @BeforeEach
    void beans() {
        ClockUtil.setCurrentTime(ShandongProcessTests.NOW);
        campaign = new ShandongCampaignProcessTests(engine, CODE);
        ShandongCampaignProcessTests.registerDelegate("closeApplicationsDelegate", mock(JavaDelegate.class));
        ShandongCampaignProcessTests.registerDelegate("closeRecommendationDelegate", closeRecommendation);
        ShandongCampaignProcessTests.registerListeners(List.of("submitRecommendationListListener",
                "concludeMaterialReviewListener", "decideShortlistListener"));
    }

    @Test
    void listsAreInThePanelRecommendsAndTheOnlineSubmissionCloses() throws Exception {
        ProcessInstance instance = start();
        assertThat(campaign.listTasks()).extracting(Task::getDueDate).containsOnly(ShandongProcessTests.RECOMMENDATION_DUE);

        campaign.submitAllLists();
        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", ShandongProcessTests.APPLICATION_CLOSES_AT);

        assertThat(instance).isWaitingAt("UserTask_ConcludeMaterialReview");
        assertThat(campaign.task("UserTask_ConcludeMaterialReview")).hasCandidateGroup(ProcessTests.OFFICE_GROUP);
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
        verify(closeRecommendation).execute(any());
    }

    @Test
    void theRecommendationDeadlineClosesTheListsStillOpen() {
        ProcessInstance instance = start();
        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", ShandongProcessTests.APPLICATION_CLOSES_AT);

        ProcessTests.fireTimer(engine, "BoundaryEvent_RecommendationDue", ShandongProcessTests.RECOMMENDATION_CLOSES_AT);

        assertThat(campaign.listTasks()).isEmpty();
        assertThat(instance).isWaitingAt("UserTask_ConcludeMaterialReview")
                .hasPassedInOrder("BoundaryEvent_RecommendationDue", "ExclusiveGateway_ListsClosed",
                        "ParallelGateway_Join", "ServiceTask_CloseRecommendation");
    }

    private ProcessInstance start() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("shandong-2023-national-campaign",
                CODE, ShandongCampaignProcessTests.startVariables());
        assertThat(instance).isWaitingAt("TimerEvent_ApplicationsClosed", "UserTask_SubmitRecommendationList");
        return instance;
    }
}
