package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Works one case the way people and the workflow adapter will: completes its tasks with the form
 * fields Tasklist submits, and correlates the campaign's messages by the case number (the business
 * key every stage block inherits). After each step it runs the asynchronous continuations, so the
 * case stands at its next wait state.
 */
final class CaseDriver {

    private final ProcessEngine engine;
    private final String caseNumber;
    /** The unit's screening form for a decision: ranked unless the campaign says otherwise. */
    private Function<String, VariableMap> screeningForm = CaseDriver::rankedScreening;
    /** What the case's unit (and a county below it, where there is one) does to propose the case. */
    private UnaryOperator<CaseDriver> proposal = driver -> driver.screen("RECOMMEND");

    CaseDriver(ProcessEngine engine, String caseNumber) {
        this.engine = engine;
        this.caseNumber = caseNumber;
    }

    /** A campaign whose unit screens with another form (e.g. without a rank). */
    CaseDriver screeningWith(Function<String, VariableMap> form) {
        this.screeningForm = form;
        return this;
    }

    /** A campaign whose case passes more steps than the unit's screening before it is proposed. */
    CaseDriver proposedBy(UnaryOperator<CaseDriver> steps) {
        this.proposal = steps;
        return this;
    }

    ProcessInstance start(String processKey, VariableMap variables) {
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(processKey, caseNumber, variables);
        ProcessTests.runAsyncContinuations(engine);
        return instance;
    }

    /** Files the case: it starts in the applicant's self-declaration. */
    ProcessInstance file(String processKey, VariableMap variables) {
        ProcessInstance instance = start(processKey, variables);
        assertThat(instance).isWaitingAt("CallActivity_SelfDeclaration");
        return instance;
    }

    /** Submitted, proposed by its unit and on the unit's submitted list: the case waits for formal review. */
    CaseDriver recommended() {
        submitApplication();
        proposal.apply(this);
        return recommendationDecided("RECOMMENDED");
    }

    /** Recommended, passed formally, scored and on the defense list. */
    CaseDriver reachDefense() {
        return recommended().reviewFormally("PASS").scoreMaterials().materialReviewConcluded("DEFENSE");
    }

    /** Defended and passed: the case waits for the shortlist. */
    CaseDriver reachShortlist() {
        return reachDefense().uploadPresentation().scoreDefense().concludeDefense("PASS");
    }

    /** Selected: the case is on public notice. */
    CaseDriver reachPublicNotice() {
        return reachShortlist().shortlistDecided("SELECTED");
    }

    /** Without a defense: recommended, passed formally, scored, and the panel concluded as given. */
    CaseDriver reachReviewConclusion(String materialReviewOutcome) {
        return recommended().reviewFormally("PASS").scoreMaterials().materialReviewConcluded(materialReviewOutcome);
    }

    CaseDriver submitApplication() {
        return complete("UserTask_SubmitApplication", Variables.putValue("form_confirm", true));
    }

    CaseDriver screenAtCounty(String decision) {
        VariableMap form = decided(decision).putValue("form_siteFindings", "2022年6月22日到企业现场核查，生产经营正常。");
        return complete("UserTask_ScreenAtCounty", form);
    }

    CaseDriver screen(String decision) {
        return complete("UserTask_ScreenApplication", screeningForm.apply(decision));
    }

    private static VariableMap rankedScreening(String decision) {
        VariableMap form = decided(decision);
        if ("RECOMMEND".equals(decision)) {
            form.putValue("form_rank", 1L);
        }
        return form;
    }

    /** The unit's recommendation list was submitted (RECOMMENDED) or the deadline passed without it. */
    CaseDriver recommendationDecided(String screeningOutcome) {
        return correlate("RecommendationDecided", Map.of("screeningOutcome", screeningOutcome));
    }

    CaseDriver reviewFormally(String decision) {
        VariableMap form = decided(decision)
                .putValue("form_qualified", true)
                .putValue("form_complete", !"RETURN".equals(decision))
                .putValue("form_sealed", true)
                .putValue("form_profitable", !"REJECT".equals(decision));
        return complete("UserTask_ReviewFormally", form);
    }

    CaseDriver scoreMaterials() {
        return scoreAll("UserTask_ScoreMaterials");
    }

    /** The office set the defense list; a case that made the cut-off gets its defense slot. */
    CaseDriver materialReviewConcluded(String materialReviewOutcome) {
        if ("DEFENSE".equals(materialReviewOutcome)) {
            return correlate("MaterialReviewConcluded", Map.of("materialReviewOutcome", materialReviewOutcome,
                    "defenseSlotAt", ProcessTests.at("2022-08-01T09:20")));
        }
        return correlate("MaterialReviewConcluded", Map.of("materialReviewOutcome", materialReviewOutcome));
    }

    CaseDriver uploadPresentation() {
        return complete("UserTask_UploadPresentation", Variables.putValue("form_confirm", true));
    }

    CaseDriver scoreDefense() {
        return scoreAll("UserTask_ScoreDefense");
    }

    CaseDriver concludeDefense(String decision) {
        return complete("UserTask_ConcludeDefense", decided(decision));
    }

    CaseDriver visitSite(String decision) {
        VariableMap form = decided(decision)
                .putValue("form_visitedOn", "2022-08-05")
                .putValue("form_findings", "现场查看质量管理数字化平台运行记录，与申报材料一致。");
        return complete("UserTask_VisitSite", form);
    }

    /** The office decided the shortlist; a selected case enters the public notice, cleared until an objection. */
    CaseDriver shortlistDecided(String selectionOutcome) {
        if ("SELECTED".equals(selectionOutcome)) {
            return correlate("ShortlistDecided", Map.of("selectionOutcome", selectionOutcome,
                    "publicNoticeOutcome", "CLEARED"));
        }
        return correlate("ShortlistDecided", Map.of("selectionOutcome", selectionOutcome));
    }

    CaseDriver objectionReceived() {
        return correlate("ObjectionReceived", Map.of());
    }

    /** Investigates the oldest open objection, as the office works them. */
    CaseDriver investigateObjection(String decision) {
        List<Task> open = tasks("UserTask_InvestigateObjection");
        assertThat(open).as("open investigations of case %s", caseNumber).isNotEmpty();
        engine.getTaskService().complete(open.get(0).getId(), Variables.putValue("form_decision", decision)
                .putValue("form_findings", "经调查核实并报评审委员会审议。"));
        ProcessTests.runAsyncContinuations(engine);
        return this;
    }

    CaseDriver publicNoticeEnded() {
        return correlate("PublicNoticeEnded", Map.of());
    }

    CaseDriver resultAnnounced(String announcementOutcome) {
        return correlate("ResultAnnounced", Map.of("announcementOutcome", announcementOutcome));
    }

    CaseDriver withdraw() {
        return correlate("CaseWithdrawn", Map.of());
    }

    List<Task> tasks(String taskDefinitionKey) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskDefinitionKey)
                .orderByTaskCreateTime().asc()
                .list();
    }

    Task task(String taskDefinitionKey) {
        List<Task> tasks = tasks(taskDefinitionKey);
        assertThat(tasks).as("open %s tasks of case %s", taskDefinitionKey, caseNumber).hasSize(1);
        return tasks.get(0);
    }

    /** The case and its stage blocks have all ended. */
    boolean finished() {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).count() == 0;
    }

    /** The case was withdrawn, and the stage block it stood in ended with it. */
    void assertWithdrawn(ProcessInstance caseInstance) {
        assertThat(caseInstance).isEnded().hasPassedInOrder("StartEvent_CaseWithdrawn", "EndEvent_Withdrawn");
        assertThat(finished()).as("the running stage block ends with the case").isTrue();
    }

    /** A stage block runs under the case number: the messages of the campaign reach it by that key. */
    void assertStageBlockInheritsTheCaseNumber() {
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("qb-stage-self-declaration").singleResult().getBusinessKey())
                .as("the stage block inherits the case number").isEqualTo(caseNumber);
    }

    static VariableMap decided(String decision) {
        VariableMap form = Variables.putValue("form_decision", decision);
        if (!List.of("PASS", "RECOMMEND").contains(decision)) {
            form.putValue("form_reason", "申报书缺少2021年度审计报告。");
        }
        if ("RETURN".equals(decision)) {
            form.putValue("form_correctionDue", ProcessTests.CORRECTION_DUE);
        }
        return form;
    }

    private CaseDriver scoreAll(String taskDefinitionKey) {
        List<Task> tasks = tasks(taskDefinitionKey);
        assertThat(tasks).extracting(Task::getAssignee).as("%s assignees", taskDefinitionKey)
                .containsExactlyInAnyOrderElementsOf(AdapterStandIns.EXPERTS);
        for (Task task : tasks) {
            engine.getTaskService().complete(task.getId(), Variables.putValue("form_science", 86.5)
                    .putValue("form_system", 82L)
                    .putValue("form_effect", 90L)
                    .putValue("form_comment", "方法运用系统，数据充分，有同行对比。"));
        }
        ProcessTests.runAsyncContinuations(engine);
        return this;
    }

    /** Completes the case's one open task of this kind with the form as Tasklist submits it. */
    CaseDriver complete(String taskDefinitionKey, VariableMap form) {
        engine.getTaskService().complete(task(taskDefinitionKey).getId(), form);
        ProcessTests.runAsyncContinuations(engine);
        return this;
    }

    private CaseDriver correlate(String message, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(caseNumber)
                .setVariables(variables)
                .correlateWithResult();
        ProcessTests.runAsyncContinuations(engine);
        return this;
    }
}
