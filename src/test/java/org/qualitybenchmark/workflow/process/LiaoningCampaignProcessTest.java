package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.CAMPAIGN_CODE;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.CAMPAIGN_PROCESS;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_DUE;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Liaoning 2024 campaign model: the cities' and 沈抚示范区's lists come in by 27 May 2024 (or the
 * deadline closes them), then the office's decisions, the public notice period and the announcement.
 */
class LiaoningCampaignProcessTest extends ProcessTestCase {

    private static final List<String> UNIT_GROUPS = List.of("unit-ln-2101", "unit-ln-2102", "unit-ln-shenfu");
    /** A 10-working-day notice published on Monday 2 September 2024 ends with Friday the 13th. */
    private static final Date PUBLIC_NOTICE_ENDS_AT = ProcessTests.at("2024-09-14T00:00");
    private static final String NOTE = "同意推荐；本市对质量标杆工作的措施见推荐文件。";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private CampaignDriver campaign;

    @Override
    List<String> models() {
        return List.of(LiaoningProcessTests.CAMPAIGN_MODEL);
    }

    @BeforeEach
    void registerCampaignBeans() {
        LiaoningProcessTests.start(engine);
        campaign = new CampaignDriver(engine, CAMPAIGN_CODE).registerBeans(PUBLIC_NOTICE_ENDS_AT,
                "submitRecommendationListListener", "setDefenseListListener", "decideShortlistListener",
                "approveResultsListener");
    }

    @Test
    void everyUnitSubmitsItsListBeforeTheDeadlineAndResultsAreAnnounced() throws Exception {
        ProcessInstance instance = campaign.start(CAMPAIGN_PROCESS, LiaoningProcessTests.campaignVariables(UNIT_GROUPS));
        assertThat(deployedForm(campaign.listTasks().get(0)))
                .contains("\"id\": \"liaoning-2024-submit-recommendation-list\"")
                .contains("推荐汇总表（附件3）").doesNotContain("排序须为");
        campaign.everyUnitSubmitsItsListInTime(UNIT_GROUPS, RECOMMENDATION_DUE, NOTE);
        campaign.applicationsClose(APPLICATION_CLOSES_AT, "UserTask_SetDefenseList");

        campaign.complete("UserTask_SetDefenseList", Variables.putValue("form_cutoff", 80L)
                .putValue("form_defenseStart", "2024-07-15T09:00")
                .putValue("form_defensePlace", "辽宁省工业和信息化厅会议室")
                .putValue("form_slotMinutes", 20L));
        assertThat(deployedForm(campaign.task("UserTask_DecideShortlist")))
                .contains("\"id\": \"liaoning-2024-decide-shortlist\"").doesNotContain("5项");
        campaign.complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));
        campaign.publicNoticeEnds(PUBLIC_NOTICE_ENDS_AT);
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
        campaign.start(CAMPAIGN_PROCESS, LiaoningProcessTests.campaignVariables(UNIT_GROUPS));
        campaign.theDeadlineClosesTheListsStillOpen(APPLICATION_CLOSES_AT, RECOMMENDATION_CLOSES_AT,
                "UserTask_SetDefenseList", NOTE);
    }
}
