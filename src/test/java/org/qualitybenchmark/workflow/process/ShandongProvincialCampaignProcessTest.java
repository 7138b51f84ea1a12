package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_DUE;

import java.util.Date;
import java.util.List;

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
    private static final String PROCESS = "shandong-2023-provincial-campaign";
    private static final Date NOTICE_ENDS_AT = ProcessTests.at("2023-10-26T00:00");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private CampaignDriver campaign;

    @Override
    List<String> models() {
        return List.of(ShandongProcessTests.PROVINCIAL_CAMPAIGN_MODEL);
    }

    @BeforeEach
    void beans() {
        ClockUtil.setCurrentTime(ShandongProcessTests.NOW);
        campaign = new CampaignDriver(engine, CODE).registerBeans(NOTICE_ENDS_AT, "submitRecommendationListListener",
                "concludeMaterialReviewListener", "decideShortlistListener", "approveResultsListener");
    }

    @Test
    void reviewSiteChecksNoticeAndPublication() throws Exception {
        ProcessInstance instance = campaign.start(PROCESS, ShandongProcessTests.campaignVariables());
        campaign.everyUnitSubmitsItsListInTime(ShandongProcessTests.CAMPAIGN_UNIT_GROUPS,
                ShandongProcessTests.RECOMMENDATION_DUE, null);
        campaign.applicationsClose(ShandongProcessTests.APPLICATION_CLOSES_AT, "UserTask_ConcludeMaterialReview");

        assertThat(deployedForm(campaign.task("UserTask_ConcludeMaterialReview")))
                .contains("\"id\": \"conclude-material-review-with-site-checks\"", "form_siteVisits");
        campaign.complete("UserTask_ConcludeMaterialReview", Variables.putValue("form_cutoff", 75L)
                .putValue("form_siteVisits", "SDP2023-0003"));
        campaign.complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));
        campaign.publicNoticeEnds(NOTICE_ENDS_AT);
        campaign.complete("UserTask_ApproveResults", Variables.putValue("form_removals", ""));

        assertThat(instance).isEnded().hasPassedInOrder("ServiceTask_CloseRecommendation",
                "UserTask_ConcludeMaterialReview", "UserTask_DecideShortlist", "ServiceTask_StartPublicNotice",
                "TimerEvent_PublicNoticeEnded", "ServiceTask_EndPublicNotice", "UserTask_ApproveResults",
                "EndEvent_ResultsAnnounced");
        campaign.verifyNoMoreDelegateCalls();
    }

    @Test
    void theRecommendationDeadlineClosesTheListsStillOpen() {
        campaign.start(PROCESS, ShandongProcessTests.campaignVariables());
        campaign.theDeadlineClosesTheListsStillOpen(ShandongProcessTests.APPLICATION_CLOSES_AT,
                ShandongProcessTests.RECOMMENDATION_CLOSES_AT, "UserTask_ConcludeMaterialReview", null);
    }
}
