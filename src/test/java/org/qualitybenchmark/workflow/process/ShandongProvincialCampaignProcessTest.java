package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Shandong 2023 provincial track's campaign model: lists by 31 August, the panel's cut-off with
 * site checks, the results, the online public notice and the publication.
 */
class ShandongProvincialCampaignProcessTest extends ProcessTestCase {

    private static final String CODE = "shandong-2023-provincial";
    private static final Date NOTICE_ENDS_AT = ProcessTests.at("2023-10-26T00:00");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private final JavaDelegate endPublicNotice = mock(JavaDelegate.class);
    private ShandongCampaignProcessTests campaign;

    @Override
    List<String> models() {
        return List.of(ShandongProcessTests.PROVINCIAL_CAMPAIGN_MODEL);
    }

    @BeforeEach
    void beans() {
        ClockUtil.setCurrentTime(ShandongProcessTests.NOW);
        campaign = new ShandongCampaignProcessTests(engine, CODE);
        ShandongCampaignProcessTests.registerDelegate("closeApplicationsDelegate", mock(JavaDelegate.class));
        ShandongCampaignProcessTests.registerDelegate("closeRecommendationDelegate", mock(JavaDelegate.class));
        ShandongCampaignProcessTests.registerDelegate("startPublicNoticeDelegate", execution ->
                execution.setVariable("publicNoticeEndsAt", NOTICE_ENDS_AT));
        ShandongCampaignProcessTests.registerDelegate("endPublicNoticeDelegate", endPublicNotice);
        ShandongCampaignProcessTests.registerListeners(List.of("submitRecommendationListListener",
                "concludeMaterialReviewListener", "decideShortlistListener", "approveResultsListener"));
    }

    @Test
    void reviewSiteChecksNoticeAndPublication() throws Exception {
        ProcessInstance instance = start();
        campaign.submitAllLists();
        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", ShandongProcessTests.APPLICATION_CLOSES_AT);

        assertThat(deployedForm(campaign.task("UserTask_ConcludeMaterialReview")))
                .contains("\"id\": \"conclude-material-review-with-site-checks\"", "form_siteVisits");
        campaign.complete("UserTask_ConcludeMaterialReview", Variables.putValue("form_cutoff", 75L)
                .putValue("form_siteVisits", "SDP2023-0003"));
        campaign.complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));

        assertThat(instance).isWaitingAt("TimerEvent_PublicNoticeEnded");
        ProcessTests.fireTimer(engine, "TimerEvent_PublicNoticeEnded", NOTICE_ENDS_AT);
        verify(endPublicNotice).execute(any());
        campaign.complete("UserTask_ApproveResults", Variables.putValue("form_removals", ""));

        assertThat(instance).isEnded().hasPassedInOrder("ServiceTask_CloseRecommendation",
                "UserTask_ConcludeMaterialReview", "UserTask_DecideShortlist", "ServiceTask_StartPublicNotice",
                "TimerEvent_PublicNoticeEnded", "ServiceTask_EndPublicNotice", "UserTask_ApproveResults",
                "EndEvent_ResultsAnnounced");
    }

    @Test
    void theRecommendationDeadlineClosesTheListsStillOpen() {
        ProcessInstance instance = start();
        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", ShandongProcessTests.APPLICATION_CLOSES_AT);
        ProcessTests.fireTimer(engine, "BoundaryEvent_RecommendationDue", ShandongProcessTests.RECOMMENDATION_CLOSES_AT);

        assertThat(campaign.listTasks()).isEmpty();
        assertThat(instance).isWaitingAt("UserTask_ConcludeMaterialReview").hasPassed("BoundaryEvent_RecommendationDue");
    }

    private ProcessInstance start() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
                "shandong-2023-provincial-campaign", CODE, ShandongCampaignProcessTests.startVariables());
        assertThat(instance).isWaitingAt("TimerEvent_ApplicationsClosed", "UserTask_SubmitRecommendationList");
        return instance;
    }
}
