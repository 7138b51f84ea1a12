package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.CASE_NUMBER;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.CASE_PROCESS;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.STAGE_PROCESSES;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Luoyang 2023 case model with its stage blocks: one test per way a case can end, and the
 * correction loops. The county's step is the county-recommendation block (review, on-site check,
 * recommendation without rank); the coverage gate counts the case model only.
 */
class LuoyangCaseProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessTests.coverageAtLeastNinetyPercent(STAGE_PROCESSES.toArray(String[]::new));

    private CaseDriver luoyang;

    @Override
    List<String> models() {
        return LuoyangProcessTests.caseModels();
    }

    @BeforeEach
    void countySteps() {
        LuoyangProcessTests.registerCountyBeans();
        luoyang = new CaseDriver(engine, CASE_NUMBER);
    }

    @Test
    void caseIsAnnouncedAfterEveryStage() throws IOException {
        ProcessInstance caseInstance = fileCase();
        assertThat(startForm(caseInstance)).contains("\"id\": \"luoyang-case-start\"").contains("ha-410305");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("qb-stage-self-declaration").singleResult().getBusinessKey())
                .as("the stage block inherits the case number").isEqualTo(CASE_NUMBER);

        reachPublicNotice();
        luoyang.publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("StartEvent_CaseFiled", "CallActivity_SelfDeclaration",
                        "ExclusiveGateway_DeclarationOutcome", "ExclusiveGateway_ReturnedFrom",
                        "CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "ExclusiveGateway_FormalReviewJoin", "CallActivity_FormalReview", "CallActivity_MaterialReview",
                        "CallActivity_Defense", "ExclusiveGateway_ShortlistJoin",
                        "IntermediateCatchEvent_ShortlistDecided", "CallActivity_PublicNotice",
                        "IntermediateCatchEvent_ResultAnnounced", "EndEvent_Announced")
                .hasNotPassed("CallActivity_SiteVisit", "SubProcess_Withdrawal");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(LuoyangProcessTests.COUNTY_STAGE).finished().count())
                .as("the county's block ran").isEqualTo(1);
        assertThat(luoyang.finished()).isTrue();
    }

    @Test
    void countyDeclinesAfterItsOnSiteCheck() {
        ProcessInstance caseInstance = fileCase();

        luoyang.submitApplication();
        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("NOT_RECOMMEND"));

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_NotRecommended")
                .hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void proposedCaseIsNotRecommendedWhenTheCountysListStaysOut() {
        ProcessInstance caseInstance = fileCase();

        luoyang.submitApplication();
        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"));
        complete("UserTask_ScreenApplication", LuoyangProcessTests.recommendation("RECOMMEND"));
        luoyang.recommendationDecided("NOT_RECOMMENDED");

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_NotRecommended").hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void formalReviewRejectsTheCase() {
        ProcessInstance caseInstance = fileCase();
        recommend();

        luoyang.reviewFormally("REJECT");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_FormalReview", "ExclusiveGateway_FormalReviewOutcome", "EndEvent_Rejected");
    }

    @Test
    void caseFallsBelowTheCutOff() {
        ProcessInstance caseInstance = fileCase();
        recommend();

        luoyang.reviewFormally("PASS").scoreMaterials().materialReviewConcluded("BELOW_CUTOFF");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_MaterialReview", "ExclusiveGateway_MaterialReviewOutcome",
                        "EndEvent_BelowCutoff")
                .hasNotPassed("CallActivity_Defense");
    }

    @Test
    void caseFailsTheDefense() {
        ProcessInstance caseInstance = fileCase();
        reachDefense();

        luoyang.uploadPresentation().scoreDefense().concludeDefense("FAIL");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_Defense", "ExclusiveGateway_DefenseOutcome", "EndEvent_DefenseFailed");
    }

    @Test
    void caseFailsTheSiteVisit() {
        ProcessInstance caseInstance = fileCase();
        reachDefense();

        luoyang.uploadPresentation().scoreDefense().concludeDefense("SITE_VISIT").visitSite("FAIL");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SiteVisit", "ExclusiveGateway_SiteVisitOutcome", "EndEvent_SiteVisitFailed");
    }

    @Test
    void casePassesTheSiteVisitAndIsAnnounced() {
        ProcessInstance caseInstance = fileCase();
        reachDefense();

        luoyang.uploadPresentation().scoreDefense().concludeDefense("SITE_VISIT").visitSite("PASS")
                .shortlistDecided("SELECTED").publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SiteVisit", "ExclusiveGateway_SiteVisitOutcome",
                        "ExclusiveGateway_ShortlistJoin", "CallActivity_PublicNotice", "EndEvent_Announced");
    }

    @Test
    void caseIsNotSelected() {
        ProcessInstance caseInstance = fileCase();
        reachDefense();
        luoyang.uploadPresentation().scoreDefense().concludeDefense("PASS");

        luoyang.shortlistDecided("NOT_SELECTED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_SelectionOutcome", "EndEvent_NotSelected")
                .hasNotPassed("CallActivity_PublicNotice");
    }

    @Test
    void upheldObjectionRemovesTheCase() {
        ProcessInstance caseInstance = fileCase();
        reachPublicNotice();

        luoyang.objectionReceived().investigateObjection("UPHELD");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_PublicNotice", "ExclusiveGateway_PublicNoticeOutcome", "EndEvent_Removed");
    }

    @Test
    void caseIsRemovedAtTheAnnouncement() {
        ProcessInstance caseInstance = fileCase();
        reachPublicNotice();

        luoyang.publicNoticeEnded().resultAnnounced("REMOVED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_AnnouncementOutcome", "EndEvent_Removed");
    }

    @Test
    void caseMissesTheSubmitDeadline() {
        ProcessInstance caseInstance = fileCase();

        ProcessTests.fireTimer(engine, "BoundaryEvent_SubmitDeadlinePassed", APPLICATION_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_DeclarationOutcome", "EndEvent_DeadlineMissed")
                .hasNotPassed("CallActivity_UnitScreening");
    }

    @Test
    void caseExpiresWhenTheCountyNeverChecksIt() {
        ProcessInstance caseInstance = fileCase();
        luoyang.submitApplication();

        ProcessTests.fireTimer(engine, "BoundaryEvent_CheckDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_DeadlineMissed");
    }

    @Test
    void caseReturnedByItsCountyIsCheckedAgainAfterCorrection() {
        ProcessInstance caseInstance = fileCase();
        luoyang.submitApplication();
        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("RETURN"));

        assertThat(caseInstance).isWaitingAt("CallActivity_SelfDeclaration");
        assertThat(luoyang.task("UserTask_SubmitApplication")).hasDueDate(ProcessTests.CORRECTION_DEADLINE);

        recommend();

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_DeclarationJoin",
                        "CallActivity_SelfDeclaration", "CallActivity_UnitScreening", "ExclusiveGateway_FormalReviewJoin");
    }

    @Test
    void caseReturnedByFormalReviewGoesBackToFormalReview() {
        ProcessInstance caseInstance = fileCase();
        recommend();
        luoyang.reviewFormally("RETURN");

        luoyang.submitApplication();

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassed("ExclusiveGateway_FormalReviewOutcome", "ExclusiveGateway_ReturnedFrom");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(caseInstance.getId()).activityId("CallActivity_UnitScreening").count()).isEqualTo(1);
    }

    @Test
    void caseWithdrawnWhileTheCountyChecksIt() {
        ProcessInstance caseInstance = fileCase();
        luoyang.submitApplication();

        luoyang.withdraw();

        assertThat(caseInstance).isEnded().hasPassedInOrder("StartEvent_CaseWithdrawn", "EndEvent_Withdrawn");
        assertThat(luoyang.finished()).isTrue();
    }

    private ProcessInstance fileCase() {
        ProcessInstance caseInstance = luoyang.start(CASE_PROCESS, LuoyangProcessTests.caseVariables());
        assertThat(caseInstance).isWaitingAt("CallActivity_SelfDeclaration");
        return caseInstance;
    }

    private void recommend() {
        luoyang.submitApplication();
        complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"));
        complete("UserTask_ScreenApplication", LuoyangProcessTests.recommendation("RECOMMEND"));
        luoyang.recommendationDecided("RECOMMENDED");
    }

    private void reachDefense() {
        recommend();
        luoyang.reviewFormally("PASS").scoreMaterials().materialReviewConcluded("DEFENSE");
    }

    private void reachPublicNotice() {
        reachDefense();
        luoyang.uploadPresentation().scoreDefense().concludeDefense("PASS").shortlistDecided("SELECTED");
    }

    private void complete(String taskKey, VariableMap form) {
        engine.getTaskService().complete(luoyang.task(taskKey).getId(), form);
        ProcessTests.runAsyncContinuations(engine);
    }

    private String startForm(ProcessInstance caseInstance) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedStartForm(caseInstance.getProcessDefinitionId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
