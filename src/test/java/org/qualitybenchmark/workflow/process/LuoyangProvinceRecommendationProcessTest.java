package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * The Luoyang recommendation of past benchmarks to the province: the office picks, the managers
 * approve (or send the list back), and a round still open when its last day ends lapses.
 */
class LuoyangProvinceRecommendationProcessTest extends ProcessTestCase {

    private static final String BUSINESS_KEY = "luoyang-2023-municipal-province-1";
    private static final Date DUE_AT = ProcessTests.at("2024-04-30T23:59");
    private static final Date CLOSES_AT = ProcessTests.at("2024-05-01T00:00");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    private final ExecutionListener roundOpened = mock(ExecutionListener.class);
    private final JavaDelegate lapse = mock(JavaDelegate.class);

    @Override
    List<String> models() {
        return List.of(LuoyangProcessTests.PROVINCE_MODEL);
    }

    @BeforeEach
    void roundSteps() {
        Mocks.register("provinceRoundOpenedListener", roundOpened);
        Mocks.register("lapseProvinceRoundDelegate", lapse);
        Mocks.register("pickProvinceRecommendationsListener", (TaskListener) task -> {
            Objects.requireNonNull(task.getVariable("form_picks"), "form_picks");
            task.setVariable("approvalOutcome", null);
            drop(task);
        });
        Mocks.register("approveProvinceRecommendationsListener", (TaskListener) task -> {
            task.setVariable("approvalOutcome", Objects.requireNonNull(task.getVariable("form_decision")));
            drop(task);
        });
    }

    @Test
    void officePicksAndManagersApprove() throws Exception {
        ProcessInstance round = start();
        verify(roundOpened).notify(any());
        assertThat(task("UserTask_PickRecommendations")).hasCandidateGroup("office").hasDueDate(DUE_AT);

        pick();
        assertThat(task("UserTask_ApproveRecommendations")).hasCandidateGroup("managers").hasDueDate(DUE_AT);
        complete("UserTask_ApproveRecommendations", Variables.putValue("form_decision", "APPROVE"));

        assertThat(round).isEnded()
                .hasPassedInOrder("StartEvent_RoundOpened", "ExclusiveGateway_PickJoin", "UserTask_PickRecommendations",
                        "UserTask_ApproveRecommendations", "ExclusiveGateway_ApprovalOutcome", "EndEvent_Submitted")
                .hasNotPassed("ServiceTask_LapseRound");
        verifyNoInteractions(lapse);
    }

    @Test
    void managersSendTheListBackOnce() {
        ProcessInstance round = start();
        pick();

        complete("UserTask_ApproveRecommendations", Variables.putValue("form_decision", "REVISE")
                .putValue("form_note", "请补充2022年度的市质量标杆"));
        assertThat(round).isWaitingAt("UserTask_PickRecommendations");
        pick();
        complete("UserTask_ApproveRecommendations", Variables.putValue("form_decision", "APPROVE"));

        assertThat(round).isEnded().hasPassed("EndEvent_Submitted");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(round.getId())
                .activityId("UserTask_PickRecommendations").count()).isEqualTo(2);
    }

    @Test
    void roundLapsesWhileTheOfficeStillPicks() throws Exception {
        ProcessInstance round = start();

        ProcessTests.fireTimer(engine, "BoundaryEvent_PickDeadlinePassed", CLOSES_AT);

        assertThat(round).isEnded()
                .hasPassedInOrder("BoundaryEvent_PickDeadlinePassed", "ServiceTask_LapseRound", "EndEvent_Lapsed");
        verify(lapse).execute(any());
    }

    @Test
    void roundLapsesWhileAwaitingApproval() throws Exception {
        ProcessInstance round = start();
        pick();

        ProcessTests.fireTimer(engine, "BoundaryEvent_ApprovalDeadlinePassed", CLOSES_AT);

        assertThat(round).isEnded()
                .hasPassedInOrder("BoundaryEvent_ApprovalDeadlinePassed", "ServiceTask_LapseRound", "EndEvent_Lapsed");
        verify(lapse).execute(any());
    }

    private ProcessInstance start() {
        ProcessInstance round = engine.getRuntimeService().startProcessInstanceByKey(
                LuoyangProcessTests.PROVINCE_PROCESS, BUSINESS_KEY, Variables.createVariables()
                        .putValue("roundId", 1L)
                        .putValue("campaignId", 1L)
                        .putValue("officeGroup", "office")
                        .putValue("managerGroup", "managers")
                        .putValue("roundDueAt", DUE_AT)
                        .putValue("roundClosesAt", CLOSES_AT)
                        .putValue("approvalOutcome", null));
        assertThat(round).isWaitingAt("UserTask_PickRecommendations");
        return round;
    }

    private void pick() {
        complete("UserTask_PickRecommendations", Variables.putValue("form_picks",
                "LY2023-0001 数字化质量管控成效突出，已在全市推广"));
    }

    private Task task(String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(BUSINESS_KEY)
                .taskDefinitionKey(key).singleResult();
    }

    private void complete(String key, VariableMap form) {
        engine.getTaskService().complete(task(key).getId(), form);
        ProcessTests.runAsyncContinuations(engine);
    }

    private static void drop(DelegateTask task) {
        task.getVariableNames().stream().filter(name -> name.startsWith("form_")).toList().forEach(task::removeVariable);
    }
}
