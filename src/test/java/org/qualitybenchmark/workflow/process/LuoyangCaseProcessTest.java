package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.CASE_NUMBER;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.CASE_PROCESS;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LuoyangProcessTests.STAGE_PROCESSES;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
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

    @Override
    List<String> models() {
        return LuoyangProcessTests.caseModels();
    }

    @BeforeEach
    void countySteps() {
        LuoyangProcessTests.registerCountyBeans();
        caseDriver = new CaseDriver(engine, CASE_NUMBER).screeningWith(LuoyangProcessTests::recommendation)
                .proposedBy(county -> county.complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"))
                        .screen("RECOMMEND"));
    }

    @Test
    void caseIsAnnouncedAfterEveryStage() throws IOException {
        ProcessInstance caseInstance = fileCase();
        assertThat(startForm(caseInstance)).contains("\"id\": \"luoyang-case-start\"").contains("ha-410305");
        caseDriver.assertStageBlockInheritsTheCaseNumber();

        caseDriver.reachPublicNotice();
        caseDriver.publicNoticeEnded().resultAnnounced("ANNOUNCED");

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
        assertThat(caseDriver.finished()).isTrue();
    }

    @Test
    void countyDeclinesAfterItsOnSiteCheck() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication();
        caseDriver.complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("NOT_RECOMMEND"));

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_NotRecommended")
                .hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void proposedCaseIsNotRecommendedWhenTheCountysListStaysOut() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication();
        caseDriver.complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("PASS"));
        caseDriver.screen("RECOMMEND");
        caseDriver.recommendationDecided("NOT_RECOMMENDED");

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_NotRecommended").hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void formalReviewRejectsTheCase() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.reviewFormally("REJECT");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_FormalReview", "ExclusiveGateway_FormalReviewOutcome", "EndEvent_Rejected");
    }

    @Test
    void caseFallsBelowTheCutOff() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.reviewFormally("PASS").scoreMaterials().materialReviewConcluded("BELOW_CUTOFF");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_MaterialReview", "ExclusiveGateway_MaterialReviewOutcome",
                        "EndEvent_BelowCutoff")
                .hasNotPassed("CallActivity_Defense");
    }

    @Test
    void caseFailsTheDefense() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();

        caseDriver.uploadPresentation().scoreDefense().concludeDefense("FAIL");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_Defense", "ExclusiveGateway_DefenseOutcome", "EndEvent_DefenseFailed");
    }

    @Test
    void caseFailsTheSiteVisit() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();

        caseDriver.uploadPresentation().scoreDefense().concludeDefense("SITE_VISIT").visitSite("FAIL");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SiteVisit", "ExclusiveGateway_SiteVisitOutcome", "EndEvent_SiteVisitFailed");
    }

    @Test
    void casePassesTheSiteVisitAndIsAnnounced() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();

        caseDriver.uploadPresentation().scoreDefense().concludeDefense("SITE_VISIT").visitSite("PASS")
                .shortlistDecided("SELECTED").publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SiteVisit", "ExclusiveGateway_SiteVisitOutcome",
                        "ExclusiveGateway_ShortlistJoin", "CallActivity_PublicNotice", "EndEvent_Announced");
    }

    @Test
    void caseIsNotSelected() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();
        caseDriver.uploadPresentation().scoreDefense().concludeDefense("PASS");

        caseDriver.shortlistDecided("NOT_SELECTED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_SelectionOutcome", "EndEvent_NotSelected")
                .hasNotPassed("CallActivity_PublicNotice");
    }

    @Test
    void upheldObjectionRemovesTheCase() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachPublicNotice();

        caseDriver.objectionReceived().investigateObjection("UPHELD");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_PublicNotice", "ExclusiveGateway_PublicNoticeOutcome", "EndEvent_Removed");
    }

    @Test
    void caseIsRemovedAtTheAnnouncement() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachPublicNotice();

        caseDriver.publicNoticeEnded().resultAnnounced("REMOVED");

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
        caseDriver.submitApplication();

        ProcessTests.fireTimer(engine, "BoundaryEvent_CheckDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_DeadlineMissed");
    }

    @Test
    void caseReturnedByItsCountyIsCheckedAgainAfterCorrection() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();
        caseDriver.complete("UserTask_CheckOnSite", LuoyangProcessTests.siteCheck("RETURN"));

        assertThat(caseInstance).isWaitingAt("CallActivity_SelfDeclaration");
        assertThat(caseDriver.task("UserTask_SubmitApplication")).hasDueDate(ProcessTests.CORRECTION_DEADLINE);

        caseDriver.recommended();

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_DeclarationJoin",
                        "CallActivity_SelfDeclaration", "CallActivity_UnitScreening", "ExclusiveGateway_FormalReviewJoin");
    }

    @Test
    void caseReturnedByFormalReviewGoesBackToFormalReview() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();
        caseDriver.reviewFormally("RETURN");

        caseDriver.submitApplication();

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassed("ExclusiveGateway_FormalReviewOutcome", "ExclusiveGateway_ReturnedFrom");
        assertThat(passes(caseInstance, "CallActivity_UnitScreening")).isEqualTo(1);
    }

    @Test
    void caseWithdrawnWhileTheCountyChecksIt() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
    }

    private ProcessInstance fileCase() {
        return caseDriver.file(CASE_PROCESS, LuoyangProcessTests.caseVariables());
    }
}
