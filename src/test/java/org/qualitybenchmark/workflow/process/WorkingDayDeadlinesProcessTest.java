package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deadlines in working days through the engine (the test model processes/working-day-deadlines.bpmn on
 * the engine of process-test.camunda.cfg.xml, which registers the application's business calendars):
 * task due and follow-up dates and timers land on the official calendar across National Day and
 * Spring Festival, plain ISO 8601 stays as it was, and a year without data or a wrongly written period
 * stops the step with a message that names it. Timers are fired by hand; the job executor is off.
 */
class WorkingDayDeadlinesProcessTest {

    private static final String PROCESS = "test_working_day_deadlines";
    private static final String MODEL = "processes/working-day-deadlines.bpmn";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    private ProcessEngine engine;
    private String deploymentId;

    @BeforeEach
    void deploy(ProcessEngine processEngine) {
        engine = processEngine;
        BpmnAwareTests.init(engine);
        deploymentId = engine.getRepositoryService().createDeployment().name("working-day-deadlines")
                .addClasspathResource(MODEL).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /**
     * Friday 27 September 2024: 29 September (a Sunday) is worked, 1-7 October are off, 12 October (a
     * Saturday) is worked. A weekday count would have said 11 October.
     */
    @Test
    void reviewDueAndOverdueAcrossNationalDay2024() {
        ClockUtil.setCurrentTime(at("2024-09-27T10:00"));
        ProcessInstance instance = start();

        Task review = task("UserTask_ReviewMaterials");
        assertThat(review.getDueDate()).isEqualTo(at("2024-10-16T23:59"));
        assertThat(review.getFollowUpDate()).isEqualTo(at("2024-10-08T23:59"));

        fireTimer("BoundaryEvent_ReviewOverdue", at("2024-10-17T00:00"));

        assertThat(instance).isEnded().hasPassedInOrder("UserTask_ReviewMaterials", "BoundaryEvent_ReviewOverdue",
                "EndEvent_ReviewOverdue").hasNotPassed("IntermediateCatchEvent_ObjectionPeriodOver");
    }

    /** Friday 24 January 2025: Sunday 26 January is worked, 28 January to 4 February off, Saturday 8 February worked. */
    @Test
    void reviewDueAcrossSpringFestival2025() {
        ClockUtil.setCurrentTime(at("2025-01-24T16:30"));
        start();

        Task review = task("UserTask_ReviewMaterials");
        assertThat(review.getFollowUpDate()).isEqualTo(at("2025-02-05T23:59"));
        assertThat(review.getDueDate()).isEqualTo(at("2025-02-13T23:59"));
        assertThat(timer("BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2025-02-14T00:00"));
    }

    /**
     * The objection period and the publication due date come from variables; 29 September to 6 October
     * 2023 are off and the weekend after (7 and 8 October) is worked.
     */
    @Test
    void workingDaysFromVariablesAcrossNationalDay2023() {
        ClockUtil.setCurrentTime(at("2023-09-27T09:00"));
        ProcessInstance instance = start();

        complete("UserTask_ReviewMaterials", Map.of("objectionPeriod", "P5WD", "publishDue", "P2WD"));
        fireTimer("IntermediateCatchEvent_ObjectionPeriodOver", at("2023-10-11T00:00"));

        assertThat(task("UserTask_PublishResult").getDueDate()).isEqualTo(at("2023-10-13T23:59"));
        complete("UserTask_PublishResult", Map.of());
        assertThat(instance).isEnded().hasPassedInOrder("UserTask_ReviewMaterials",
                "IntermediateCatchEvent_ObjectionPeriodOver", "UserTask_PublishResult", "EndEvent_ResultPublished");
    }

    /** ISO 8601 durations and dates mean what they meant before: calendar time, holidays or not. */
    @Test
    void plainIsoIsUnchanged() {
        ClockUtil.setCurrentTime(at("2024-09-27T10:00"));
        start();

        complete("UserTask_ReviewMaterials", Map.of("objectionPeriod", "PT2H", "publishDue", "P2D"));
        fireTimer("IntermediateCatchEvent_ObjectionPeriodOver", at("2024-09-27T12:00"));

        assertThat(task("UserTask_PublishResult").getDueDate()).isEqualTo(at("2024-09-29T12:00"));
    }

    /**
     * A timer's due date recalculated from its creation stays put; recalculated from the engine's clock
     * (moved as the demo clock moves it) it counts anew from that day.
     */
    @Test
    void recalculationCountsFromCreationOrFromNow() {
        ClockUtil.setCurrentTime(at("2024-09-27T10:00"));
        start();
        ManagementService management = engine.getManagementService();
        String timerId = timer("BoundaryEvent_ReviewOverdue").getId();

        ClockUtil.setCurrentTime(at("2024-10-09T15:00"));
        management.recalculateJobDuedate(timerId, true);
        assertThat(timer("BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2024-10-17T00:00"));

        management.recalculateJobDuedate(timerId, false);
        assertThat(timer("BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2024-10-23T00:00"));
    }

    /** The data ends with 2026: ten working days from Christmas Eve 2026 cannot be counted, and nothing starts. */
    @Test
    void aYearWithoutDataStopsTheStepWithAMessage() {
        ClockUtil.setCurrentTime(at("2026-12-24T09:00"));

        assertThatThrownBy(this::start)
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("P10WD")
                .hasMessageContaining("2026-12-24")
                .hasMessageContaining("缺少2027年的节假日安排");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10个工作日", "P10 WD", "P10wd", "P1.5WD", "P10WDT12H"})
    void aWronglyWrittenPeriodIsRefusedByName(String period) {
        ClockUtil.setCurrentTime(at("2024-09-27T10:00"));
        start();

        assertThatThrownBy(() -> complete("UserTask_ReviewMaterials", Map.of("objectionPeriod", period)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("“" + period + "”不是有效的工作日期限写法")
                .hasMessageContaining("P10WD");
        assertThat(task("UserTask_ReviewMaterials")).as("the review stays open").isNotNull();
    }

    @Test
    void anUnreadableIsoDurationIsRefusedInChinese() {
        ClockUtil.setCurrentTime(at("2024-09-27T10:00"));
        start();

        assertThatThrownBy(() -> complete("UserTask_ReviewMaterials", Map.of("objectionPeriod", "P10X")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("无法识别时长“P10X”")
                .hasMessageContaining("P10WD");
    }

    @Test
    void aWorkingDayPeriodOutOfRangeIsRefused() {
        ClockUtil.setCurrentTime(at("2024-09-27T10:00"));
        start();

        assertThatThrownBy(() -> complete("UserTask_ReviewMaterials", Map.of("objectionPeriod", "P0WD")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("“P0WD”的工作日数应在1到250之间");
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
    }

    private Task task(String activityId) {
        return engine.getTaskService().createTaskQuery().taskDefinitionKey(activityId).singleResult();
    }

    private void complete(String activityId, Map<String, Object> variables) {
        engine.getTaskService().complete(task(activityId).getId(), variables);
    }

    private Job timer(String activityId) {
        return engine.getManagementService().createJobQuery().timers().activityId(activityId).singleResult();
    }

    private void fireTimer(String activityId, Date expectedDue) {
        Job timer = timer(activityId);
        assertThat(timer.getDuedate()).as("due date of the timer of %s", activityId).isEqualTo(expectedDue);
        ClockUtil.setCurrentTime(expectedDue);
        engine.getManagementService().executeJob(timer.getId());
    }

    private static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }
}
