package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.CAMPAIGN_PROCESS;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_DUE;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Luoyang 2023 campaign model: the counties' lists come in by 2023-03-29 (or the deadline closes
 * them), then the office's decisions, the public notice period and the announcement.
 */
class LuoyangCampaignProcessTest extends ProcessTestCase {

    private static final String CAMPAIGN_CODE = "luoyang-2023-municipal";
    /** Ten working days after a notice published on 2023-06-01. */
    private static final Date PUBLIC_NOTICE_ENDS_AT = ProcessTests.at("2023-06-15T00:00");
    private static final List<String> UNIT_GROUPS = List.of("unit-ha-410302", "unit-ha-410305", "unit-ha-410371");
    private static final String NOTE = "同意推荐，推荐文件和汇总表另报。";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private CampaignDriver campaign;

    @Override
    List<String> models() {
        return List.of(LuoyangProcessTests.CAMPAIGN_MODEL);
    }

    @BeforeEach
    void registerCampaignBeans() {
        campaign = new CampaignDriver(engine, CAMPAIGN_CODE).registerBeans(PUBLIC_NOTICE_ENDS_AT,
                "submitRecommendationListListener", "setDefenseListListener", "decideShortlistListener",
                "approveResultsListener");
    }

    @Test
    void everyUnitSubmitsItsListBeforeTheDeadlineAndResultsAreAnnounced() throws Exception {
        ProcessInstance instance = campaign.start(CAMPAIGN_PROCESS, campaignVariables());
        assertThat(deployedForm(campaign.listTasks().get(0))).contains("luoyang-submit-recommendation-list");
        campaign.everyUnitSubmitsItsListInTime(UNIT_GROUPS, RECOMMENDATION_DUE, NOTE);
        campaign.applicationsClose(APPLICATION_CLOSES_AT, "UserTask_SetDefenseList");

        campaign.complete("UserTask_SetDefenseList", Variables.putValue("form_cutoff", 80L)
                .putValue("form_defenseStart", "2023-05-10T09:00")
                .putValue("form_defensePlace", "洛阳市工业和信息化局115会议室")
                .putValue("form_slotMinutes", 20L));
        assertThat(deployedForm(campaign.task("UserTask_DecideShortlist"))).contains("luoyang-decide-shortlist");
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
        campaign.start(CAMPAIGN_PROCESS, campaignVariables());
        campaign.theDeadlineClosesTheListsStillOpen(APPLICATION_CLOSES_AT, RECOMMENDATION_CLOSES_AT,
                "UserTask_SetDefenseList", NOTE);
    }

    private static VariableMap campaignVariables() {
        return ProcessTests.campaignVariables(UNIT_GROUPS, APPLICATION_CLOSES_AT, RECOMMENDATION_DUE,
                RECOMMENDATION_CLOSES_AT);
    }
}
