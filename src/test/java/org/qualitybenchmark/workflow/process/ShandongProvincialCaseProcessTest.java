package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.RECOMMENDATION_CLOSES_AT;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Shandong 2023 provincial track's case model: expert review without a defense, a site check
 * when the panel asks for one, the online public notice and the publication; one test per end.
 */
class ShandongProvincialCaseProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessTests.coverageAtLeastNinetyPercent(ShandongProcessTests.stageProcesses());

    @Override
    List<String> models() {
        return ShandongProcessTests.caseModels(ShandongProcessTests.PROVINCIAL_CASE_MODEL);
    }

    @BeforeEach
    void shandongDates() {
        ClockUtil.setCurrentTime(ShandongProcessTests.NOW);
    }

    @Test
    void caseIsPublishedAfterReviewAndNotice() {
        ProcessInstance caseInstance = fileCase();
        reachPublicNotice("SHORTLISTED");

        caseDriver.publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("StartEvent_CaseFiled", "CallActivity_SelfDeclaration", "CallActivity_UnitScreening",
                        "CallActivity_FormalReview", "CallActivity_MaterialReview",
                        "ExclusiveGateway_MaterialReviewOutcome", "ExclusiveGateway_ShortlistJoin",
                        "IntermediateCatchEvent_ShortlistDecided", "ExclusiveGateway_SelectionOutcome",
                        "CallActivity_PublicNotice", "ExclusiveGateway_PublicNoticeOutcome",
                        "IntermediateCatchEvent_ResultAnnounced", "ExclusiveGateway_AnnouncementOutcome",
                        "EndEvent_Announced")
                .hasNotPassed("CallActivity_SiteVisit", "SubProcess_Withdrawal");
        assertThat(caseDriver.finished()).isTrue();
    }

    @Test
    void caseCheckedOnSiteIsPublished() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachReviewConclusion("SITE_VISIT");

        caseDriver.visitSite("PASS").shortlistDecided("SELECTED").publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_MaterialReviewOutcome", "CallActivity_SiteVisit",
                        "ExclusiveGateway_SiteVisitOutcome", "ExclusiveGateway_ShortlistJoin",
                        "CallActivity_PublicNotice", "EndEvent_Announced");
    }

    @Test
    void caseFailsItsSiteCheck() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachReviewConclusion("SITE_VISIT");

        caseDriver.visitSite("FAIL");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SiteVisit", "ExclusiveGateway_SiteVisitOutcome", "EndEvent_SiteVisitFailed")
                .hasNotPassed("IntermediateCatchEvent_ShortlistDecided");
    }

    @Test
    void caseBelowTheCutOffIsNotSelected() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachReviewConclusion("BELOW_CUTOFF");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_MaterialReviewOutcome", "EndEvent_BelowCutoff")
                .hasNotPassed("ExclusiveGateway_ShortlistJoin");
    }

    @Test
    void caseIsNotSelectedWhenTheResultsAreDecided() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachReviewConclusion("SHORTLISTED");

        caseDriver.shortlistDecided("NOT_SELECTED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_SelectionOutcome", "EndEvent_NotSelected")
                .hasNotPassed("CallActivity_PublicNotice");
    }

    @Test
    void upheldObjectionRemovesTheCaseDuringTheNotice() {
        ProcessInstance caseInstance = fileCase();
        reachPublicNotice("SHORTLISTED");

        caseDriver.objectionReceived().investigateObjection("UPHELD");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_PublicNotice", "ExclusiveGateway_PublicNoticeOutcome", "EndEvent_Removed")
                .hasNotPassed("IntermediateCatchEvent_ResultAnnounced");
    }

    @Test
    void caseIsRemovedAtThePublication() {
        ProcessInstance caseInstance = fileCase();
        reachPublicNotice("SHORTLISTED");

        caseDriver.publicNoticeEnded().resultAnnounced("REMOVED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_AnnouncementOutcome", "EndEvent_Removed")
                .hasNotPassed("EndEvent_Announced");
    }

    @Test
    void cityDoesNotRecommendTheCase() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication().screen("NOT_RECOMMEND");

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_NotRecommended");
    }

    @Test
    void formalReviewRejectsTheCase() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.reviewFormally("REJECT");

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("CallActivity_MaterialReview");
    }

    @Test
    void caseMissesTheSubmitDeadline() {
        ProcessInstance caseInstance = fileCase();

        ProcessTests.fireTimer(engine, "BoundaryEvent_SubmitDeadlinePassed", APPLICATION_CLOSES_AT);

        assertThat(caseInstance).isEnded().hasPassedInOrder("ExclusiveGateway_DeclarationOutcome",
                "EndEvent_DeadlineMissed");
    }

    @Test
    void caseMissesTheDeadlineWhenTheCityDoesNotScreenIt() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();

        ProcessTests.fireTimer(engine, "BoundaryEvent_ScreeningDeadlinePassed", RECOMMENDATION_CLOSES_AT);

        assertThat(caseInstance).isEnded().hasPassedInOrder("ExclusiveGateway_ScreeningOutcome",
                "EndEvent_DeadlineMissed");
    }

    @Test
    void caseReturnedByItsCityIsScreenedAgain() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication().screen("RETURN").submitApplication();

        assertThat(caseInstance).isWaitingAt("CallActivity_UnitScreening")
                .hasPassed("ExclusiveGateway_DeclarationJoin", "ExclusiveGateway_ReturnedFrom");
    }

    @Test
    void caseReturnedByFormalReviewGoesBackToFormalReview() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();
        caseDriver.reviewFormally("RETURN").submitApplication();

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview").hasPassed("ExclusiveGateway_FormalReviewJoin");
    }

    @Test
    void caseWithdrawnDuringItsSiteCheck() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachReviewConclusion("SITE_VISIT");

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
    }

    private ProcessInstance fileCase() {
        return caseDriver.file("shandong-2023-provincial-case", ShandongProcessTests.caseVariables());
    }

    private void reachPublicNotice(String materialReviewOutcome) {
        caseDriver.reachReviewConclusion(materialReviewOutcome).shortlistDecided("SELECTED");
    }
}
