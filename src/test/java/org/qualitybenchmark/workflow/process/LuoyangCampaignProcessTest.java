package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.CAMPAIGN_PROCESS;
import static org.qualitybenchmark.workflow.process.ProcessTests.OFFICE_GROUP;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_DUE;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
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

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private final JavaDelegate closeApplications = mock(JavaDelegate.class);
    private final JavaDelegate closeRecommendation = mock(JavaDelegate.class);
    private final JavaDelegate endPublicNotice = mock(JavaDelegate.class);

    @Override
    List<String> models() {
        return List.of(LuoyangProcessTests.CAMPAIGN_MODEL);
    }

    @BeforeEach
    void registerCampaignBeans() {
        Mocks.register("closeApplicationsDelegate", closeApplications);
        Mocks.register("closeRecommendationDelegate", closeRecommendation);
        Mocks.register("startPublicNoticeDelegate", (JavaDelegate) execution ->
                execution.setVariable("publicNoticeEndsAt", PUBLIC_NOTICE_ENDS_AT));
        Mocks.register("endPublicNoticeDelegate", endPublicNotice);
        for (String listener : List.of("submitRecommendationListListener", "setDefenseListListener",
                "decideShortlistListener", "approveResultsListener")) {
            Mocks.register(listener, (TaskListener) LuoyangCampaignProcessTest::dropFormFields);
        }
    }

    @Test
    void everyUnitSubmitsItsListBeforeTheDeadlineAndResultsAreAnnounced() throws Exception {
        ProcessInstance campaign = startCampaign();
        assertThat(listTasks()).extracting(this::candidateGroup)
                .containsExactlyInAnyOrderElementsOf(UNIT_GROUPS);
        assertThat(listTasks()).extracting(Task::getDueDate).containsOnly(RECOMMENDATION_DUE);
        assertThat(deployedForm(listTasks().get(0))).contains("luoyang-submit-recommendation-list");

        listTasks().forEach(this::submitList);

        assertThat(campaign).isWaitingAt("TimerEvent_ApplicationsClosed")
                .hasPassed("UserTask_SubmitRecommendationList", "ExclusiveGateway_ListsClosed")
                .hasNotPassed("BoundaryEvent_RecommendationDue");

        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", APPLICATION_CLOSES_AT);

        assertThat(campaign).isWaitingAt("UserTask_SetDefenseList");
        verify(closeApplications).execute(any());
        verify(closeRecommendation).execute(any());
        assertThat(task("UserTask_SetDefenseList")).hasCandidateGroup(OFFICE_GROUP);

        complete("UserTask_SetDefenseList", Variables.putValue("form_cutoff", 80L)
                .putValue("form_defenseStart", "2023-05-10T09:00")
                .putValue("form_defensePlace", "洛阳市工业和信息化局115会议室")
                .putValue("form_slotMinutes", 20L));
        assertThat(deployedForm(task("UserTask_DecideShortlist"))).contains("luoyang-decide-shortlist");
        complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));

        assertThat(campaign).isWaitingAt("TimerEvent_PublicNoticeEnded");
        verifyNoInteractions(endPublicNotice);

        ProcessTests.fireTimer(engine, "TimerEvent_PublicNoticeEnded", PUBLIC_NOTICE_ENDS_AT);

        verify(endPublicNotice).execute(any());
        assertThat(campaign).isWaitingAt("UserTask_ApproveResults");

        complete("UserTask_ApproveResults", Variables.putValue("form_removals", ""));

        assertThat(campaign).isEnded()
                .hasPassedInOrder("StartEvent_CampaignStarted", "ParallelGateway_Fork", "TimerEvent_ApplicationsClosed",
                        "ServiceTask_CloseApplications", "ParallelGateway_Join", "ServiceTask_CloseRecommendation",
                        "UserTask_SetDefenseList", "UserTask_DecideShortlist", "ServiceTask_StartPublicNotice",
                        "TimerEvent_PublicNoticeEnded", "ServiceTask_EndPublicNotice", "UserTask_ApproveResults",
                        "EndEvent_ResultsAnnounced");
        verifyNoMoreInteractions(closeApplications, closeRecommendation, endPublicNotice);
    }

    @Test
    void recommendationDeadlineClosesTheListsStillOpen() throws Exception {
        ProcessInstance campaign = startCampaign();
        submitList(listTasks().get(0));
        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", APPLICATION_CLOSES_AT);

        assertThat(campaign).isWaitingAt("UserTask_SubmitRecommendationList");
        verifyNoInteractions(closeRecommendation);

        ProcessTests.fireTimer(engine, "BoundaryEvent_RecommendationDue", RECOMMENDATION_CLOSES_AT);

        assertThat(listTasks()).isEmpty();
        assertThat(campaign).isWaitingAt("UserTask_SetDefenseList")
                .hasPassedInOrder("BoundaryEvent_RecommendationDue", "ExclusiveGateway_ListsClosed",
                        "ParallelGateway_Join", "ServiceTask_CloseRecommendation");
        verify(closeRecommendation).execute(any());
        verifyNoMoreInteractions(closeRecommendation);
    }

    private ProcessInstance startCampaign() {
        ProcessInstance campaign = engine.getRuntimeService().startProcessInstanceByKey(CAMPAIGN_PROCESS,
                CAMPAIGN_CODE, ProcessTests.campaignVariables(UNIT_GROUPS)
                        .putValue("applicationClosesAt", APPLICATION_CLOSES_AT)
                        .putValue("recommendationDue", RECOMMENDATION_DUE)
                        .putValue("recommendationClosesAt", RECOMMENDATION_CLOSES_AT));
        assertThat(campaign).isWaitingAt("TimerEvent_ApplicationsClosed", "UserTask_SubmitRecommendationList");
        return campaign;
    }

    private List<Task> listTasks() {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(CAMPAIGN_CODE)
                .taskDefinitionKey("UserTask_SubmitRecommendationList")
                .list();
    }

    private String candidateGroup(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
    }

    private void submitList(Task task) {
        engine.getTaskService().complete(task.getId(), Variables.putValue("form_confirm", true)
                .putValue("form_note", "同意推荐，推荐文件和汇总表另报。"));
        ProcessTests.runAsyncContinuations(engine);
    }

    private Task task(String taskDefinitionKey) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(CAMPAIGN_CODE)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    private void complete(String taskDefinitionKey, VariableMap form) {
        Task task = task(taskDefinitionKey);
        assertThat(task).as("open %s task", taskDefinitionKey).isNotNull();
        engine.getTaskService().complete(task.getId(), form);
        ProcessTests.runAsyncContinuations(engine);
    }

    private static void dropFormFields(DelegateTask task) {
        task.getVariableNames().stream().filter(name -> name.startsWith("form_")).toList()
                .forEach(task::removeVariable);
    }
}
