package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.CAMPAIGN_CODE;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.CAMPAIGN_PROCESS;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_DUE;
import static org.qualitybenchmark.workflow.process.ProcessTests.OFFICE_GROUP;

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
 * The Liaoning 2024 campaign model: the cities' and 沈抚示范区's lists come in by 27 May 2024 (or the
 * deadline closes them), then the office's decisions, the public notice period and the announcement.
 */
class LiaoningCampaignProcessTest extends ProcessTestCase {

    private static final List<String> UNIT_GROUPS = List.of("unit-ln-2101", "unit-ln-2102", "unit-ln-shenfu");
    /** A 10-working-day notice published on Monday 2 September 2024 ends with Friday the 13th. */
    private static final Date PUBLIC_NOTICE_ENDS_AT = ProcessTests.at("2024-09-14T00:00");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private final JavaDelegate closeApplications = mock(JavaDelegate.class);
    private final JavaDelegate closeRecommendation = mock(JavaDelegate.class);
    private final JavaDelegate endPublicNotice = mock(JavaDelegate.class);

    @Override
    List<String> models() {
        return List.of(LiaoningProcessTests.CAMPAIGN_MODEL);
    }

    @BeforeEach
    void registerCampaignBeans() {
        LiaoningProcessTests.start(engine);
        Mocks.register("closeApplicationsDelegate", closeApplications);
        Mocks.register("closeRecommendationDelegate", closeRecommendation);
        Mocks.register("startPublicNoticeDelegate", (JavaDelegate) execution ->
                execution.setVariable("publicNoticeEndsAt", PUBLIC_NOTICE_ENDS_AT));
        Mocks.register("endPublicNoticeDelegate", endPublicNotice);
        for (String listener : List.of("submitRecommendationListListener", "setDefenseListListener",
                "decideShortlistListener", "approveResultsListener")) {
            Mocks.register(listener, (TaskListener) LiaoningCampaignProcessTest::dropFormFields);
        }
    }

    @Test
    void everyUnitSubmitsItsListBeforeTheDeadlineAndResultsAreAnnounced() throws Exception {
        ProcessInstance campaign = startCampaign();
        assertThat(listTasks()).extracting(this::candidateGroup).containsExactlyInAnyOrderElementsOf(UNIT_GROUPS);
        assertThat(listTasks()).extracting(Task::getDueDate).containsOnly(RECOMMENDATION_DUE);
        assertThat(deployedForm(listTasks().get(0))).contains("\"id\": \"liaoning-2024-submit-recommendation-list\"")
                .contains("推荐汇总表（附件3）").doesNotContain("排序须为");

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
                .putValue("form_defenseStart", "2024-07-15T09:00")
                .putValue("form_defensePlace", "辽宁省工业和信息化厅会议室")
                .putValue("form_slotMinutes", 20L));
        Task shortlist = task("UserTask_DecideShortlist");
        assertThat(deployedForm(shortlist)).contains("\"id\": \"liaoning-2024-decide-shortlist\"")
                .doesNotContain("5项");
        complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));

        assertThat(campaign).isWaitingAt("TimerEvent_PublicNoticeEnded");
        verifyNoInteractions(endPublicNotice);

        ProcessTests.fireTimer(engine, "TimerEvent_PublicNoticeEnded", PUBLIC_NOTICE_ENDS_AT);

        verify(endPublicNotice).execute(any());
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
                CAMPAIGN_CODE, LiaoningProcessTests.campaignVariables(UNIT_GROUPS));
        assertThat(campaign).isWaitingAt("TimerEvent_ApplicationsClosed", "UserTask_SubmitRecommendationList");
        return campaign;
    }

    private List<Task> listTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CAMPAIGN_CODE)
                .taskDefinitionKey("UserTask_SubmitRecommendationList").list();
    }

    private String candidateGroup(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
    }

    private void submitList(Task task) {
        engine.getTaskService().complete(task.getId(), Variables.putValue("form_confirm", true)
                .putValue("form_note", "同意推荐；本市对质量标杆工作的措施见推荐文件。"));
        ProcessTests.runAsyncContinuations(engine);
    }

    private Task task(String taskDefinitionKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CAMPAIGN_CODE)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
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
