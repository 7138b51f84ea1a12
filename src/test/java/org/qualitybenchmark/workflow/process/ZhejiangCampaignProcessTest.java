package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.CAMPAIGN_CODE;
import static org.qualitybenchmark.workflow.process.ProcessTests.OFFICE_GROUP;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_DUE;

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
 * The Zhejiang 2024 campaign model: the cities' ranked lists come in (or the deadline closes them),
 * then the office concludes the material review (no defense), decides the shortlist, runs the public
 * notice period and announces.
 */
class ZhejiangCampaignProcessTest extends ProcessTestCase {

    private static final List<String> UNIT_GROUPS = List.of("unit-zj-3301", "unit-zj-3302", "unit-zj-3311");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private final JavaDelegate closeApplications = mock(JavaDelegate.class);
    private final JavaDelegate closeRecommendation = mock(JavaDelegate.class);
    private final JavaDelegate endPublicNotice = mock(JavaDelegate.class);

    @Override
    List<String> models() {
        return List.of("bpmn/zhejiang/2024/zhejiang-2024-provincial-campaign.bpmn");
    }

    @BeforeEach
    void registerCampaignBeans() {
        Mocks.register("closeApplicationsDelegate", closeApplications);
        Mocks.register("closeRecommendationDelegate", closeRecommendation);
        Mocks.register("startPublicNoticeDelegate", (JavaDelegate) execution ->
                execution.setVariable("publicNoticeEndsAt", AdapterStandIns.PUBLIC_NOTICE_ENDS_AT));
        Mocks.register("endPublicNoticeDelegate", endPublicNotice);
        for (String listener : List.of("submitRecommendationListListener", "concludeMaterialReviewListener",
                "decideShortlistListener", "approveResultsListener")) {
            Mocks.register(listener, (TaskListener) ZhejiangCampaignProcessTest::dropFormFields);
        }
    }

    @Test
    void everyUnitSubmitsItsListBeforeTheDeadlineAndResultsAreAnnounced() throws Exception {
        ProcessInstance campaign = startCampaign();
        assertThat(listTasks()).extracting(this::candidateGroup)
                .containsExactlyInAnyOrderElementsOf(UNIT_GROUPS);
        assertThat(listTasks()).extracting(Task::getDueDate).containsOnly(RECOMMENDATION_DUE);

        listTasks().forEach(this::submitList);

        assertThat(campaign).isWaitingAt("TimerEvent_ApplicationsClosed")
                .hasPassed("UserTask_SubmitRecommendationList", "ExclusiveGateway_ListsClosed")
                .hasNotPassed("BoundaryEvent_RecommendationDue");

        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", APPLICATION_CLOSES_AT);

        assertThat(campaign).isWaitingAt("UserTask_ConcludeMaterialReview");
        verify(closeApplications).execute(any());
        verify(closeRecommendation).execute(any());
        assertThat(task("UserTask_ConcludeMaterialReview")).hasCandidateGroup(OFFICE_GROUP);

        complete("UserTask_ConcludeMaterialReview", Variables.putValue("form_cutoff", 80L)
                .putValue("form_siteVisits", "ZJ2024-0003"));
        complete("UserTask_DecideShortlist", Variables.putValue("form_confirm", true));

        assertThat(campaign).isWaitingAt("TimerEvent_PublicNoticeEnded");
        verifyNoInteractions(endPublicNotice);

        ProcessTests.fireTimer(engine, "TimerEvent_PublicNoticeEnded", AdapterStandIns.PUBLIC_NOTICE_ENDS_AT);

        verify(endPublicNotice).execute(any());
        assertThat(campaign).isWaitingAt("UserTask_ApproveResults");

        complete("UserTask_ApproveResults", Variables.putValue("form_removals", ""));

        assertThat(campaign).isEnded()
                .hasPassedInOrder("StartEvent_CampaignStarted", "ParallelGateway_Fork", "TimerEvent_ApplicationsClosed",
                        "ServiceTask_CloseApplications", "ParallelGateway_Join", "ServiceTask_CloseRecommendation",
                        "UserTask_ConcludeMaterialReview", "UserTask_DecideShortlist", "ServiceTask_StartPublicNotice",
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
        assertThat(campaign).isWaitingAt("UserTask_ConcludeMaterialReview")
                .hasPassedInOrder("BoundaryEvent_RecommendationDue", "ExclusiveGateway_ListsClosed",
                        "ParallelGateway_Join", "ServiceTask_CloseRecommendation");
        verify(closeRecommendation).execute(any());
        verifyNoMoreInteractions(closeRecommendation);
    }

    private ProcessInstance startCampaign() {
        ProcessInstance campaign = engine.getRuntimeService().startProcessInstanceByKey("zhejiang-2024-provincial-campaign",
                CAMPAIGN_CODE, ProcessTests.campaignVariables(UNIT_GROUPS));
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
                .putValue("form_note", "同意推荐，排序见推荐名单。"));
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
