package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.ONLINE_SUBMISSION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.ONLINE_SUBMISSION_DUE;
import static org.qualitybenchmark.workflow.process.ShandongProcessTests.RECOMMENDATION_CLOSES_AT;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Shandong 2023 national track's case model: filed, recommended by its city, reviewed by the
 * province's experts without a defense, recommended, and submitted online by 15 September; and
 * every way it ends before that.
 */
class ShandongNationalCaseProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessTests.coverageAtLeastNinetyPercent(ShandongProcessTests.stageProcesses());

    @Override
    List<String> models() {
        return ShandongProcessTests.caseModels(ShandongProcessTests.NATIONAL_CASE_MODEL);
    }

    @BeforeEach
    void shandongDatesAndBeans() {
        ClockUtil.setCurrentTime(ShandongProcessTests.NOW);
        ShandongProcessTests.registerOnlineSubmissionBeans();
    }

    @Test
    void recommendedCaseIsSubmittedOnline() {
        ProcessInstance caseInstance = fileCase();
        reachOnlineSubmission();

        assertThat(caseDriver.task("UserTask_ConfirmOnlineSubmission")).hasDueDate(ONLINE_SUBMISSION_DUE);
        confirmOnlineSubmission();

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("StartEvent_CaseFiled", "CallActivity_SelfDeclaration", "CallActivity_UnitScreening",
                        "ExclusiveGateway_FormalReviewJoin", "CallActivity_FormalReview", "CallActivity_MaterialReview",
                        "ExclusiveGateway_MaterialReviewOutcome", "IntermediateCatchEvent_ShortlistDecided",
                        "ExclusiveGateway_SelectionOutcome", "CallActivity_OnlineSubmission",
                        "ExclusiveGateway_OnlineSubmissionOutcome", "EndEvent_SubmittedOnline")
                .hasNotPassed("SubProcess_Withdrawal");
        assertThat(caseDriver.finished()).isTrue();
    }

    @Test
    void recommendedCaseMissesTheOnlineSubmission() {
        ProcessInstance caseInstance = fileCase();
        reachOnlineSubmission();

        ProcessTests.fireTimer(engine, "BoundaryEvent_OnlineSubmissionDuePassed", ONLINE_SUBMISSION_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_OnlineSubmission", "ExclusiveGateway_OnlineSubmissionOutcome",
                        "EndEvent_OnlineSubmissionMissed")
                .hasNotPassed("EndEvent_SubmittedOnline");
    }

    @Test
    void caseBelowTheCutOffIsNotRecommended() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.reviewFormally("PASS").scoreMaterials().materialReviewConcluded("BELOW_CUTOFF");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_MaterialReview", "ExclusiveGateway_MaterialReviewOutcome",
                        "EndEvent_BelowCutoff")
                .hasNotPassed("IntermediateCatchEvent_ShortlistDecided");
    }

    @Test
    void caseIsNotSelectedForRecommendation() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.reachReviewConclusion("SHORTLISTED");

        caseDriver.shortlistDecided("NOT_SELECTED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("IntermediateCatchEvent_ShortlistDecided", "ExclusiveGateway_SelectionOutcome",
                        "EndEvent_NotSelected")
                .hasNotPassed("CallActivity_OnlineSubmission");
    }

    @Test
    void cityDoesNotRecommendTheCase() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication().screen("NOT_RECOMMEND");

        assertThat(caseInstance).isEnded().hasPassed("EndEvent_NotRecommended").hasNotPassed("CallActivity_FormalReview");
    }

    @Test
    void formalReviewRejectsTheCase() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.reviewFormally("REJECT");

        assertThat(caseInstance).isEnded().hasPassedInOrder("CallActivity_FormalReview",
                "ExclusiveGateway_FormalReviewOutcome", "EndEvent_Rejected");
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
    void caseReturnedByItsCityIsScreenedAgainAfterCorrection() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication().screen("RETURN").submitApplication().screen("RECOMMEND")
                .recommendationDecided("RECOMMENDED");

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_DeclarationJoin",
                        "CallActivity_SelfDeclaration", "ExclusiveGateway_ReturnedFrom", "CallActivity_UnitScreening");
    }

    @Test
    void caseReturnedByFormalReviewGoesBackToFormalReview() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();
        caseDriver.reviewFormally("RETURN").submitApplication();

        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassedInOrder("ExclusiveGateway_FormalReviewOutcome", "ExclusiveGateway_DeclarationJoin",
                        "CallActivity_SelfDeclaration", "ExclusiveGateway_ReturnedFrom",
                        "ExclusiveGateway_FormalReviewJoin");
    }

    @Test
    void caseWithdrawnWhileTheProvinceReviews() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();
        caseDriver.reviewFormally("PASS");

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
    }

    private ProcessInstance fileCase() {
        return caseDriver.file("shandong-2023-national-case", ShandongProcessTests.caseVariables());
    }

    private void reachOnlineSubmission() {
        caseDriver.reachReviewConclusion("SHORTLISTED").shortlistDecided("SELECTED");
    }

    private void confirmOnlineSubmission() {
        engine.getTaskService().complete(caseDriver.task("UserTask_ConfirmOnlineSubmission").getId(),
                Variables.putValue("form_submittedOn", "2023-09-12").putValue("form_reference", "QB2023-0815")
                        .putValue("form_confirm", true));
        ProcessTests.runAsyncContinuations(engine);
    }
}
