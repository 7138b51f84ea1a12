package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reminder a process owner adds to a model without Java (processes/model-reminder.bpmn): a task due
 * in {@code P5WD}, a non-interrupting boundary timer {@code P3WD} on it and {@code notifyDelegate}
 * after it. Both periods count on the official calendar, so across National Day 2024 the reminder
 * comes when two working days are left, and a task done before then sends none.
 */
class ModelReminderProcessTest {

    private static final String PROCESS = "test_model_reminder";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private ProcessEngine engine;
    private String deploymentId;
    private final List<String> notified = new ArrayList<>();

    @BeforeEach
    void deploy(ProcessEngine processEngine) {
        engine = processEngine;
        BpmnAwareTests.init(engine);
        deploymentId = engine.getRepositoryService().createDeployment().name("model-reminder")
                .addClasspathResource("processes/model-reminder.bpmn").deploy().getId();
        Mocks.register("notifyDelegate", (JavaDelegate) execution -> notified.add(execution.getProcessBusinessKey() + " "
                + execution.getVariable("notifyTemplate") + " " + execution.getVariable("notifyRecipients")));
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /**
     * Thursday 26 September 2024: Sunday 29 September is worked, 1-7 October are off. Due on the fifth
     * working day, 9 October; the reminder when the third (30 September) is over, waiting for the
     * office when it reopens on 8 October with two working days left. A weekday count would have
     * reminded on 2 October and made the task due on 3 October, both holidays.
     */
    @Test
    void theReminderComesWhenTwoWorkingDaysAreLeftAcrossNationalDay() {
        ClockUtil.setCurrentTime(at("2024-09-26T10:00"));
        ProcessInstance instance = start();

        Task check = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(check.getDueDate()).isEqualTo(at("2024-10-09T23:59"));
        Job timer = engine.getManagementService().createJobQuery().timers().processInstanceId(instance.getId())
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(at("2024-10-01T00:00"));

        ClockUtil.setCurrentTime(at("2024-10-01T00:00"));
        engine.getManagementService().executeJob(timer.getId());
        Job send = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        engine.getManagementService().executeJob(send.getId());

        assertThat(notified).containsExactly("HEB2022-0042 reminder-step-due unit");
        assertThat(instance).isWaitingAt("UserTask_CheckMaterials").hasPassed("EndEvent_Reminded");
        engine.getTaskService().complete(check.getId());
        assertThat(instance).isEnded().hasPassed("EndEvent_Checked");
        assertThat(notified).hasSize(1);
    }

    @Test
    void aTaskDoneInTimeSendsNoReminder() {
        ClockUtil.setCurrentTime(at("2024-09-26T10:00"));
        ProcessInstance instance = start();

        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .singleResult().getId());

        assertThat(instance).isEnded().hasPassed("EndEvent_Checked").hasNotPassed("ServiceTask_RemindUnit");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(notified).isEmpty();
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "HEB2022-0042",
                Map.of("countyGroup", "unit-zj-330106"));
    }

    private static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }
}
