package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Works one campaign process the way the units and the office will, the counterpart of
 * {@link CaseDriver}: the units' list tasks, the office's tasks, and the steps every campaign model
 * built from the national procedure takes in the same way (the lists come in or the deadline closes
 * them, the public notice ends). It also stands in for the campaign's beans: the delegates that
 * close the windows and end the notice are mocks the tests verify, the task listeners only take the
 * form fields out (what they decide reaches the cases, not this process).
 */
final class CampaignDriver {

    final JavaDelegate closeApplications = mock(JavaDelegate.class);
    final JavaDelegate closeRecommendation = mock(JavaDelegate.class);
    final JavaDelegate endPublicNotice = mock(JavaDelegate.class);

    private final ProcessEngine engine;
    private final String campaignCode;
    private ProcessInstance campaign;

    CampaignDriver(ProcessEngine engine, String campaignCode) {
        this.engine = engine;
        this.campaignCode = campaignCode;
    }

    /**
     * Registers the stand-ins under the models' bean names; the public notice, where the model has
     * one, ends when given.
     */
    CampaignDriver registerBeans(Date publicNoticeEndsAt, String... listeners) {
        Mocks.register("closeApplicationsDelegate", closeApplications);
        Mocks.register("closeRecommendationDelegate", closeRecommendation);
        Mocks.register("startPublicNoticeDelegate", (JavaDelegate) execution ->
                execution.setVariable("publicNoticeEndsAt", publicNoticeEndsAt));
        Mocks.register("endPublicNoticeDelegate", endPublicNotice);
        for (String listener : listeners) {
            Mocks.register(listener, (TaskListener) AdapterStandIns::dropFormFields);
        }
        return this;
    }

    /** Starts the campaign: the application window is open and every unit has its list task. */
    ProcessInstance start(String processKey, VariableMap variables) {
        campaign = engine.getRuntimeService().startProcessInstanceByKey(processKey, campaignCode, variables);
        assertThat(campaign).isWaitingAt("TimerEvent_ApplicationsClosed", "UserTask_SubmitRecommendationList");
        return campaign;
    }

    /**
     * Every unit has a list task, due at the recommendation deadline, and submits its list before
     * it: the campaign then waits only for the application window to close.
     */
    void everyUnitSubmitsItsListInTime(List<String> unitGroups, Date recommendationDue, String note) {
        assertThat(listTasks()).extracting(this::candidateGroup).containsExactlyInAnyOrderElementsOf(unitGroups);
        assertThat(listTasks()).extracting(Task::getDueDate).containsOnly(recommendationDue);

        listTasks().forEach(task -> submitList(task, note));

        assertThat(campaign).isWaitingAt("TimerEvent_ApplicationsClosed")
                .hasPassed("UserTask_SubmitRecommendationList", "ExclusiveGateway_ListsClosed")
                .hasNotPassed("BoundaryEvent_RecommendationDue");
    }

    /** The application window closes when given; with every list in, the office's first task opens. */
    void applicationsClose(Date at, String officeTask) {
        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", at);

        assertThat(campaign).isWaitingAt(officeTask);
        verifyRan(closeApplications);
        verifyRan(closeRecommendation);
        assertThat(task(officeTask)).hasCandidateGroup(ProcessTests.OFFICE_GROUP);
    }

    /**
     * One unit submits its list, the others do not: the application window closes, the lists stay
     * open until the recommendation deadline closes them, and the office's first task opens.
     */
    void theDeadlineClosesTheListsStillOpen(Date applicationsCloseAt, Date recommendationClosesAt, String officeTask,
            String note) {
        submitList(listTasks().get(0), note);
        ProcessTests.fireTimer(engine, "TimerEvent_ApplicationsClosed", applicationsCloseAt);

        assertThat(campaign).isWaitingAt("UserTask_SubmitRecommendationList");
        verifyNoInteractions(closeRecommendation);

        ProcessTests.fireTimer(engine, "BoundaryEvent_RecommendationDue", recommendationClosesAt);

        assertThat(listTasks()).isEmpty();
        assertThat(campaign).isWaitingAt(officeTask)
                .hasPassedInOrder("BoundaryEvent_RecommendationDue", "ExclusiveGateway_ListsClosed",
                        "ParallelGateway_Join", "ServiceTask_CloseRecommendation");
        verifyRan(closeRecommendation);
        verifyNoMoreInteractions(closeRecommendation);
    }

    /** The public notice runs until its end, which the model's timer reaches when the adapter says. */
    void publicNoticeEnds(Date endsAt) {
        assertThat(campaign).isWaitingAt("TimerEvent_PublicNoticeEnded");
        verifyNoInteractions(endPublicNotice);

        ProcessTests.fireTimer(engine, "TimerEvent_PublicNoticeEnded", endsAt);

        verifyRan(endPublicNotice);
        assertThat(campaign).isWaitingAt("UserTask_ApproveResults");
    }

    /** Each delegate ran once at most: no window closed twice, no notice ended twice. */
    void verifyNoMoreDelegateCalls() {
        verifyNoMoreInteractions(closeApplications, closeRecommendation, endPublicNotice);
    }

    List<Task> listTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(campaignCode)
                .taskDefinitionKey("UserTask_SubmitRecommendationList").list();
    }

    /** A unit's list, with the unit's note where it writes one. */
    void submitList(Task task, String note) {
        VariableMap form = Variables.putValue("form_confirm", true);
        if (note != null) {
            form.putValue("form_note", note);
        }
        engine.getTaskService().complete(task.getId(), form);
        ProcessTests.runAsyncContinuations(engine);
    }

    Task task(String taskDefinitionKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(campaignCode)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    void complete(String taskDefinitionKey, VariableMap form) {
        Task task = task(taskDefinitionKey);
        assertThat(task).as("open %s task", taskDefinitionKey).isNotNull();
        engine.getTaskService().complete(task.getId(), form);
        ProcessTests.runAsyncContinuations(engine);
    }

    /** The delegate ran once so far. */
    private static void verifyRan(JavaDelegate delegate) {
        try {
            verify(delegate).execute(any());
        } catch (Exception e) {
            // Verifying records a call on the mock and never runs it; execute only declares the exception.
            throw new IllegalStateException(e);
        }
    }

    private String candidateGroup(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
    }
}
