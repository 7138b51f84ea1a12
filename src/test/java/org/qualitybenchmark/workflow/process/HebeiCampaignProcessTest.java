package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.CAMPAIGN_CODE;
import static org.qualitybenchmark.workflow.process.ProcessTests.CAMPAIGN_PROCESS;
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
 * The Hebei 2022 campaign model: the recommendation lists come in (or the deadline closes them),
 * then the office's decisions, the public notice period and the announcement.
 */
class HebeiCampaignProcessTest extends ProcessTestCase {

    private static final List<String> UNIT_GROUPS = List.of("unit-he-1301", "unit-he-1302", "unit-he-assoc-machinery");
    private static final String NOTE = "同意推荐，排序见推荐名单。";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private CampaignDriver campaign;

    @Override
    List<String> models() {
        return List.of(ProcessTests.CAMPAIGN_MODEL);
    }

    @BeforeEach
    void registerCampaignBeans() {
        campaign = new CampaignDriver(engine, CAMPAIGN_CODE).registerBeans(AdapterStandIns.PUBLIC_NOTICE_ENDS_AT,
                "submitRecommendationListListener", "setDefenseListListener", "decideShortlistListener",
                "approveResultsListener");
    }

    @Test
    void everyUnitSubmitsItsListBeforeTheDeadlineAndResultsAreAnnounced() throws Exception {
        ProcessInstance instance = campaign.start(CAMPAIGN_PROCESS, ProcessTests.campaignVariables(UNIT_GROUPS));
        campaign.everyUnitSubmitsItsListInTime(UNIT_GROUPS, RECOMMENDATION_DUE, NOTE);
        campaign.applicationsClose(APPLICATION_CLOSES_AT, "UserTask_SetDefenseList");

        campaign.complete("UserTask_SetDefenseList", Variables.putValue("form_cutoff", 80L)
                .putValue("form_defenseStart", "2022-08-01T09:00")
                .putValue("form_defensePlace", "河北省工业和信息化厅第三会议室")
                .putValue("form_slotMinutes", 20L));
        campaign.complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));
        campaign.publicNoticeEnds(AdapterStandIns.PUBLIC_NOTICE_ENDS_AT);
        campaign.complete("UserTask_ApproveResults", Variables.putValue("form_removals", ""));

        assertThat(instance).isEnded()
                .hasPassedInOrder("StartEvent_CampaignStarted", "ParallelGateway_Fork", "TimerEvent_ApplicationsClosed",
                        "ServiceTask_CloseApplications", "ParallelGateway_Join", "ServiceTask_CloseRecommendation",
                        "UserTask_SetDefenseList", "UserTask_DecideShortlist", "ServiceTask_StartPublicNotice",
                        "TimerEvent_PublicNoticeEnded", "ServiceTask_EndPublicNotice", "UserTask_ApproveResults",
                        "EndEvent_ResultsAnnounced");
        campaign.verifyNoMoreDelegateCalls();
    }

    @Test
    void recommendationDeadlineClosesTheListsStillOpen() {
        campaign.start(CAMPAIGN_PROCESS, ProcessTests.campaignVariables(UNIT_GROUPS));
        campaign.theDeadlineClosesTheListsStillOpen(APPLICATION_CLOSES_AT, RECOMMENDATION_CLOSES_AT,
                "UserTask_SetDefenseList", NOTE);
    }
}
