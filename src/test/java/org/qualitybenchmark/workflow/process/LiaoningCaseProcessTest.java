package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.CASE_PROCESS;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.CORRECTION_DEADLINE;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.RECOMMENDATION_DUE;
import static org.qualitybenchmark.workflow.process.LiaoningProcessTests.UNIT_GROUP;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Liaoning 2024 provincial case model with its stage blocks: one test per way a case can end,
 * and the correction loops. The unit screens without rank or quota (qb-stage-unit-screening-unranked);
 * the province's review follows the national steps. The coverage gate counts the case model only.
 */
class LiaoningCaseProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent(
            LiaoningProcessTests.STAGE_PROCESSES.toArray(String[]::new));

    @Override
    List<String> models() {
        List<String> models = new ArrayList<>(LiaoningProcessTests.stageModels());
        models.add(LiaoningProcessTests.CASE_MODEL);
        return models;
    }

    @BeforeEach
    void liaoning() {
        caseDriver = LiaoningProcessTests.start(engine);
        LiaoningProcessTests.registerUnrankedScreening();
    }

    @Test
    void caseIsAnnouncedAfterEveryStage() throws IOException {
        ProcessInstance caseInstance = fileCase();

        assertThat(startForm(caseInstance)).contains("\"id\": \"liaoning-2024-case-start\"")
                .contains("沈抚示范区产业发展和科技创新局").doesNotContain("he-1301");
        caseDriver.assertStageBlockInheritsTheCaseNumber();
        caseDriver.submitApplication();
        assertThat(caseDriver.task("UserTask_ScreenApplication")).hasCandidateGroup(UNIT_GROUP)
                .hasDueDate(RECOMMENDATION_DUE);

        caseDriver.screen("RECOMMEND").recommendationDecided("RECOMMENDED").reviewFormally("PASS").scoreMaterials()
                .materialReviewConcluded("DEFENSE").uploadPresentation().scoreDefense().concludeDefense("PASS")
                .shortlistDecided("SELECTED");
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
                .processDefinitionKey(LiaoningProcessTests.UNRANKED_SCREENING).count())
                .as("the unit screens in the unranked block").isEqualTo(1);
        assertThat(caseDriver.finished()).isTrue();
    }

    @Test
    void unitDoesNotRecommendTheCase() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication();
        caseDriver.screen("NOT_RECOMMEND");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_NotRecommended")
                .hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void proposedCaseIsNotRecommendedWhenTheUnitsListStaysOut() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication();
        caseDriver.screen("RECOMMEND");
        caseDriver.recommendationDecided("NOT_RECOMMENDED");

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_NotRecommended")
                .hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void formalReviewRejectsTheCase() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.reviewFormally("REJECT");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_FormalReview", "ExclusiveGateway_FormalReviewOutcome",
                        "EndEvent_Rejected")
                .hasNotPassed("CallActivity_MaterialReview");
    }

    @Test
    void caseWithdrawnWhileDrafting() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
        assertThat(caseInstance).hasNotPassed("ExclusiveGateway_DeclarationOutcome");
    }

    @Test
    void caseWithdrawnWhileItsUnitPreparesTheList() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();
        caseDriver.screen("RECOMMEND");

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
        assertThat(caseInstance).hasNotPassed("ExclusiveGateway_ScreeningOutcome");
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
                .hasPassedInOrder("CallActivity_Defense", "ExclusiveGateway_DefenseOutcome", "EndEvent_DefenseFailed")
                .hasNotPassed("CallActivity_SiteVisit", "IntermediateCatchEvent_ShortlistDecided");
    }

    @Test
    void caseWithdrawnBeforeItsDefense() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
        assertThat(caseInstance).hasNotPassed("ExclusiveGateway_DefenseOutcome");
    }

    @Test
    void caseFailsTheSiteVisit() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();

        caseDriver.uploadPresentation().scoreDefense().concludeDefense("SITE_VISIT").visitSite("FAIL");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_DefenseOutcome", "CallActivity_SiteVisit",
                        "ExclusiveGateway_SiteVisitOutcome", "EndEvent_SiteVisitFailed")
                .hasNotPassed("IntermediateCatchEvent_ShortlistDecided");
    }

    @Test
    void casePassesTheSiteVisitAndIsAnnounced() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();

        caseDriver.uploadPresentation().scoreDefense().concludeDefense("SITE_VISIT").visitSite("PASS")
                .shortlistDecided("SELECTED").publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SiteVisit", "ExclusiveGateway_SiteVisitOutcome",
                        "ExclusiveGateway_ShortlistJoin", "IntermediateCatchEvent_ShortlistDecided",
                        "CallActivity_PublicNotice", "EndEvent_Announced");
    }

    @Test
    void caseIsNotSelected() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachDefense();
        caseDriver.uploadPresentation().scoreDefense().concludeDefense("PASS");

        caseDriver.shortlistDecided("NOT_SELECTED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("IntermediateCatchEvent_ShortlistDecided", "ExclusiveGateway_SelectionOutcome",
                        "EndEvent_NotSelected")
                .hasNotPassed("CallActivity_PublicNotice");
    }

    @Test
    void upheldObjectionRemovesTheCaseDuringTheNotice() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachPublicNotice();

        caseDriver.objectionReceived().investigateObjection("UPHELD");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_PublicNotice", "ExclusiveGateway_PublicNoticeOutcome",
                        "EndEvent_Removed")
                .hasNotPassed("IntermediateCatchEvent_ResultAnnounced");
        assertThat(caseDriver.finished()).isTrue();
    }

    @Test
    void caseIsAnnouncedAfterAnObjectionIsDismissed() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachPublicNotice();

        caseDriver.objectionReceived().investigateObjection("DISMISSED");
        assertThat(caseInstance).isWaitingAt("CallActivity_PublicNotice");
        caseDriver.publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_PublicNotice", "IntermediateCatchEvent_ResultAnnounced",
                        "EndEvent_Announced");
    }

    @Test
    void caseIsRemovedAtTheAnnouncement() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachPublicNotice();

        caseDriver.publicNoticeEnded().resultAnnounced("REMOVED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("IntermediateCatchEvent_ResultAnnounced", "ExclusiveGateway_AnnouncementOutcome",
                        "EndEvent_Removed")
                .hasNotPassed("EndEvent_Announced");
    }

    @Test
    void caseMissesTheSubmitDeadlineOfTheTwentySeventhOfMay() {
        ProcessInstance caseInstance = fileCase();
        assertThat(caseDriver.task("UserTask_SubmitApplication")).hasDueDate(APPLICATION_CLOSES_AT);

        ProcessTests.fireTimer(engine, "BoundaryEvent_SubmitDeadlinePassed", APPLICATION_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SelfDeclaration", "ExclusiveGateway_DeclarationOutcome",
                        "EndEvent_DeadlineMissed")
                .hasNotPassed("CallActivity_UnitScreening");
    }

    @Test
    void caseMissesTheDeadlineWhenTheUnitDoesNotScreenIt() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();

        ProcessTests.fireTimer(engine, "BoundaryEvent_ScreeningDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_DeadlineMissed")
                .hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void caseReturnedByItsUnitIsScreenedAgainAfterCorrection() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();
        caseDriver.screen("RETURN");

        assertThat(caseInstance).isWaitingAt("CallActivity_SelfDeclaration");
        assertThat(caseDriver.task("UserTask_SubmitApplication")).hasDueDate(CORRECTION_DEADLINE);

        caseDriver.submitApplication();
        caseDriver.screen("RECOMMEND");
        caseDriver.recommendationDecided("RECOMMENDED");

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_DeclarationJoin",
                        "CallActivity_SelfDeclaration", "ExclusiveGateway_ReturnedFrom", "CallActivity_UnitScreening",
                        "ExclusiveGateway_FormalReviewJoin");
        assertThat(passes(caseInstance, "CallActivity_UnitScreening")).isEqualTo(2);
    }

    @Test
    void caseReturnedByFormalReviewGoesBackToFormalReviewAfterCorrection() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();
        caseDriver.reviewFormally("RETURN");

        caseDriver.submitApplication();

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview");
        assertThat(passes(caseInstance, "CallActivity_UnitScreening")).isEqualTo(1);
        assertThat(passes(caseInstance, "CallActivity_FormalReview")).isEqualTo(2);

        caseDriver.reviewFormally("PASS");

        assertThat(caseInstance).isWaitingAt("CallActivity_MaterialReview");
    }

    @Test
    void caseMissesTheCorrectionDeadline() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();
        caseDriver.screen("RETURN");

        ProcessTests.fireTimer(engine, "BoundaryEvent_SubmitDeadlinePassed", CORRECTION_DEADLINE);

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_DeadlineMissed");
        assertThat(passes(caseInstance, "CallActivity_SelfDeclaration")).isEqualTo(2);
    }

    private ProcessInstance fileCase() {
        return caseDriver.file(CASE_PROCESS, LiaoningProcessTests.caseVariables());
    }
}
