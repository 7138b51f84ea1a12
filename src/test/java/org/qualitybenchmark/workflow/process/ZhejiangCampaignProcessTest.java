package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.CAMPAIGN_CODE;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_DUE;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Zhejiang 2024 campaign model: the cities' ranked lists come in (or the deadline closes them),
 * then the office concludes the material review (no defense), decides the shortlist, runs the public
 * notice period and announces.
 */
class ZhejiangCampaignProcessTest extends ProcessTestCase {

    private static final List<String> UNIT_GROUPS = List.of("unit-zj-3301", "unit-zj-3302", "unit-zj-3311");
    private static final String PROCESS = "zhejiang-2024-provincial-campaign";
    private static final String NOTE = "同意推荐，排序见推荐名单。";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private CampaignDriver campaign;

    @Override
    List<String> models() {
        return List.of("bpmn/zhejiang/2024/zhejiang-2024-provincial-campaign.bpmn");
    }

    @BeforeEach
    void registerCampaignBeans() {
        campaign = new CampaignDriver(engine, CAMPAIGN_CODE).registerBeans(AdapterStandIns.PUBLIC_NOTICE_ENDS_AT,
                "submitRecommendationListListener", "concludeMaterialReviewListener", "decideShortlistListener",
                "approveResultsListener");
    }

    @Test
    void everyUnitSubmitsItsListBeforeTheDeadlineAndResultsAreAnnounced() throws Exception {
        ProcessInstance instance = campaign.start(PROCESS, ProcessTests.campaignVariables(UNIT_GROUPS));
        campaign.everyUnitSubmitsItsListInTime(UNIT_GROUPS, RECOMMENDATION_DUE, NOTE);
        campaign.applicationsClose(APPLICATION_CLOSES_AT, "UserTask_ConcludeMaterialReview");

        campaign.complete("UserTask_ConcludeMaterialReview", Variables.putValue("form_cutoff", 80L)
                .putValue("form_siteVisits", "ZJ2024-0003"));
        campaign.complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));
        campaign.publicNoticeEnds(AdapterStandIns.PUBLIC_NOTICE_ENDS_AT);
        campaign.complete("UserTask_ApproveResults", Variables.putValue("form_removals", ""));

        assertThat(instance).isEnded()
                .hasPassedInOrder("StartEvent_CampaignStarted", "ParallelGateway_Fork", "TimerEvent_ApplicationsClosed",
                        "ServiceTask_CloseApplications", "ParallelGateway_Join", "ServiceTask_CloseRecommendation",
                        "UserTask_ConcludeMaterialReview", "UserTask_DecideShortlist", "ServiceTask_StartPublicNotice",
                        "TimerEvent_PublicNoticeEnded", "ServiceTask_EndPublicNotice", "UserTask_ApproveResults",
                        "EndEvent_ResultsAnnounced");
        campaign.verifyNoMoreDelegateCalls();
    }

    @Test
    void recommendationDeadlineClosesTheListsStillOpen() {
        campaign.start(PROCESS, ProcessTests.campaignVariables(UNIT_GROUPS));
        campaign.theDeadlineClosesTheListsStillOpen(APPLICATION_CLOSES_AT, RECOMMENDATION_CLOSES_AT,
                "UserTask_ConcludeMaterialReview", NOTE);
    }
}
