package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.CASE_PROCESS;
import static org.qualitybenchmark.workflow.process.ProcessTests.CORRECTION_DEADLINE;
import static org.qualitybenchmark.workflow.process.ProcessTests.COUNTY_GROUP;
import static org.qualitybenchmark.workflow.process.ProcessTests.RECOMMENDATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.STAGE_PROCESSES;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Hebei 2022 case model with its stage blocks: one test per way a case can end, and the
 * correction loops. The stage blocks run for real (deployed together, bound by deployment); the
 * coverage gate counts the case model only, each stage block has its own test class.
 */
class HebeiCaseProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessTests.coverageAtLeastNinetyPercent(STAGE_PROCESSES.toArray(String[]::new));

    @Override
    List<String> models() {
        List<String> models = new ArrayList<>(ProcessTests.stageModels());
        models.add(ProcessTests.CASE_MODEL);
        return models;
    }

    @Test
    void caseIsAnnouncedAfterEveryStage() throws Exception {
        ExecutionListener caseFiled = mock(ExecutionListener.class);
        Mocks.register("caseFiledListener", caseFiled);

        ProcessInstance caseInstance = fileCase();

        verify(caseFiled).notify(any());
        assertThat(startForm(caseInstance)).contains("\"id\": \"case-start\"");
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
        assertThat(caseDriver.finished()).isTrue();
    }

    @Test
    void unitDoesNotRecommendTheCase() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication().screen("NOT_RECOMMEND");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_NotRecommended")
                .hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void proposedCaseIsNotRecommendedWhenTheUnitsListStaysOut() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication().screen("RECOMMEND").recommendationDecided("NOT_RECOMMENDED");

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
        caseDriver.submitApplication().screen("RECOMMEND");

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
        assertThat(caseInstance).hasNotPassed("ExclusiveGateway_ScreeningOutcome");
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
        caseDriver.reachShortlist();

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
    void caseMissesTheSubmitDeadline() {
        ProcessInstance caseInstance = fileCase();

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
        caseDriver.submitApplication().screen("RETURN");

        assertThat(caseInstance).isWaitingAt("CallActivity_SelfDeclaration");
        assertThat(caseDriver.task("UserTask_SubmitApplication")).hasDueDate(CORRECTION_DEADLINE);

        caseDriver.submitApplication();

        assertThat(caseDriver.tasks("UserTask_ScreenApplication")).hasSize(1);
        caseDriver.screen("RECOMMEND").recommendationDecided("RECOMMENDED");

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

        assertThat(caseDriver.task("UserTask_SubmitApplication")).hasDueDate(CORRECTION_DEADLINE);

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
        caseDriver.submitApplication().screen("RETURN");

        ProcessTests.fireTimer(engine, "BoundaryEvent_SubmitDeadlinePassed", CORRECTION_DEADLINE);

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_DeadlineMissed");
        assertThat(passes(caseInstance, "CallActivity_SelfDeclaration")).isEqualTo(2);
    }

    @Test
    void countyPassesTheCaseToItsUnit() {
        ProcessInstance caseInstance = caseDriver.file(CASE_PROCESS, ProcessTests.caseVariables().putValue("countyGroup", COUNTY_GROUP));

        caseDriver.submitApplication().screenAtCounty("PASS").screen("RECOMMEND").recommendationDecided("RECOMMENDED");

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview");
    }

    @Test
    void countyDeclinesTheCase() {
        ProcessInstance caseInstance = caseDriver.file(CASE_PROCESS, ProcessTests.caseVariables().putValue("countyGroup", COUNTY_GROUP));

        caseDriver.submitApplication().screenAtCounty("NOT_RECOMMEND");

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_NotRecommended");
        assertThat(caseDriver.tasks("UserTask_ScreenApplication")).isEmpty();
    }

    private ProcessInstance fileCase() {
        return caseDriver.file(CASE_PROCESS, ProcessTests.caseVariables());
    }
}
