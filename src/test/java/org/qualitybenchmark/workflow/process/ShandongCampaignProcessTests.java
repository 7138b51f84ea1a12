package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Driving a Shandong campaign process: its start variables, its tasks, the stand-ins of its beans. */
final class ShandongCampaignProcessTests {

    static final List<String> UNIT_GROUPS = List.of("unit-sd-3701", "unit-sd-3702", "unit-sd-direct");

    private final ProcessEngine engine;
    private final String campaignCode;

    ShandongCampaignProcessTests(ProcessEngine engine, String campaignCode) {
        this.engine = engine;
        this.campaignCode = campaignCode;
    }

    /** The listeners only take the form fields out: what they decide reaches the cases, not this process. */
    static void registerListeners(List<String> listeners) {
        for (String listener : listeners) {
            Mocks.register(listener, (TaskListener) ShandongProcessTests::dropFormFields);
        }
    }

    static void registerDelegate(String name, JavaDelegate delegate) {
        Mocks.register(name, delegate);
    }

    static VariableMap startVariables() {
        return Variables.createVariables()
                .putValue("campaignId", 1L)
                .putValue("officeGroup", ProcessTests.OFFICE_GROUP)
                .putValue("unitGroups", new java.util.ArrayList<>(UNIT_GROUPS))
                .putValue("applicationClosesAt", ShandongProcessTests.APPLICATION_CLOSES_AT)
                .putValue("recommendationDue", ShandongProcessTests.RECOMMENDATION_DUE)
                .putValue("recommendationClosesAt", ShandongProcessTests.RECOMMENDATION_CLOSES_AT)
                .putValue("publicNoticeEndsAt", null)
                .putValue("onlineSubmissionClosesAt", ShandongProcessTests.ONLINE_SUBMISSION_CLOSES_AT);
    }

    List<Task> listTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(campaignCode)
                .taskDefinitionKey("UserTask_SubmitRecommendationList").list();
    }

    void submitAllLists() {
        for (Task task : listTasks()) {
            engine.getTaskService().complete(task.getId(), Variables.putValue("form_confirm", true));
        }
        ProcessTests.runAsyncContinuations(engine);
    }

    Task task(String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(campaignCode)
                .taskDefinitionKey(key).singleResult();
    }

    void complete(String key, VariableMap form) {
        Task task = task(key);
        assertThat(task).as("open %s task", key).isNotNull();
        engine.getTaskService().complete(task.getId(), form);
        ProcessTests.runAsyncContinuations(engine);
    }
}
