package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.APPLICATION_CLOSES_AT;
import static org.qualitybenchmark.workflow.process.ProcessTests.CASE_NUMBER;
import static org.qualitybenchmark.workflow.process.ProcessTests.COUNTY_GROUP;
import static org.qualitybenchmark.workflow.process.ProcessTests.STAGE_PROCESSES;
import static org.qualitybenchmark.workflow.process.ProcessTests.UNIT_GROUP;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Zhejiang 2024 case model with its stage blocks: every way a case can end. The county bureau
 * screens first, the city above it ranks; there is no defense: the panel's conclusion on the
 * material review shortlists a case, sends it to a site check first, or ends it below the cut-off.
 */
class ZhejiangCaseProcessTest extends ProcessTestCase {

    static final String CASE_MODEL = "bpmn/zhejiang/2024/zhejiang-2024-provincial-case.bpmn";
    static final String CASE_PROCESS = "zhejiang-2024-provincial-case";
    private static final Date COUNTY_DUE = ProcessTests.at("2022-06-27T23:59");
    private static final Date COUNTY_CLOSES_AT = ProcessTests.startOfDayAfter("2022-06-27");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessTests.coverageAtLeastNinetyPercent(STAGE_PROCESSES.toArray(String[]::new));

    @BeforeEach
    void countyScreensFirst() {
        caseDriver.proposedBy(county -> county.screenAtCounty("PASS").screen("RECOMMEND"));
    }

    @Override
    List<String> models() {
        List<String> models = new ArrayList<>(ProcessTests.stageModels());
        models.add(CASE_MODEL);
        return models;
    }

    @Test
    void caseScreenedByCountyAndCityIsShortlistedAndAnnounced() throws Exception {
        ProcessInstance caseInstance = fileCase();
        assertThat(startForm(caseInstance)).contains("\"id\": \"zhejiang-2024-case-start\"");

        caseDriver.submitApplication();
        assertThat(caseDriver.task("UserTask_ScreenAtCounty")).hasCandidateGroup(COUNTY_GROUP).hasDueDate(COUNTY_DUE);
        caseDriver.screenAtCounty("PASS");
        assertThat(caseDriver.task("UserTask_ScreenApplication")).hasCandidateGroup(UNIT_GROUP);
        caseDriver.screen("RECOMMEND").recommendationDecided("RECOMMENDED")
                .reviewFormally("PASS").scoreMaterials().materialReviewConcluded("SHORTLISTED")
                .shortlistDecided("SELECTED").publicNoticeEnded().resultAnnounced("ANNOUNCED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("StartEvent_CaseFiled", "CallActivity_SelfDeclaration",
                        "ExclusiveGateway_DeclarationOutcome", "ExclusiveGateway_ReturnedFrom",
                        "CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "ExclusiveGateway_FormalReviewJoin", "CallActivity_FormalReview",
                        "ExclusiveGateway_FormalReviewOutcome", "CallActivity_MaterialReview",
                        "ExclusiveGateway_MaterialReviewOutcome", "ExclusiveGateway_ShortlistJoin",
                        "IntermediateCatchEvent_ShortlistDecided", "CallActivity_PublicNotice",
                        "ExclusiveGateway_PublicNoticeOutcome", "IntermediateCatchEvent_ResultAnnounced",
                        "ExclusiveGateway_AnnouncementOutcome", "EndEvent_Announced")
                .hasNotPassed("CallActivity_SiteVisit", "SubProcess_Withdrawal");
        assertThat(caseDriver.finished()).isTrue();
    }

    @Test
    void siteCheckPassesAndAnObjectionIsUpheld() {
        ProcessInstance caseInstance = fileCase();
        reachMaterialReviewConclusion();

        caseDriver.materialReviewConcluded("SITE_VISIT");
        assertThat(caseInstance).isWaitingAt("CallActivity_SiteVisit");
        caseDriver.visitSite("PASS").shortlistDecided("SELECTED").objectionReceived().investigateObjection("UPHELD");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("ExclusiveGateway_MaterialReviewOutcome", "CallActivity_SiteVisit",
                        "ExclusiveGateway_SiteVisitOutcome", "ExclusiveGateway_ShortlistJoin",
                        "CallActivity_PublicNotice", "ExclusiveGateway_PublicNoticeOutcome", "EndEvent_Removed")
                .hasNotPassed("IntermediateCatchEvent_ResultAnnounced");
    }

    @Test
    void siteCheckFails() {
        ProcessInstance caseInstance = fileCase();
        reachMaterialReviewConclusion();

        caseDriver.materialReviewConcluded("SITE_VISIT").visitSite("FAIL");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SiteVisit", "ExclusiveGateway_SiteVisitOutcome",
                        "EndEvent_SiteVisitFailed")
                .hasNotPassed("IntermediateCatchEvent_ShortlistDecided");
    }

    @Test
    void caseBelowTheCutoffEnds() {
        ProcessInstance caseInstance = fileCase();
        reachMaterialReviewConclusion();

        caseDriver.materialReviewConcluded("BELOW_CUTOFF");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_MaterialReview", "ExclusiveGateway_MaterialReviewOutcome",
                        "EndEvent_BelowCutoff")
                .hasNotPassed("CallActivity_SiteVisit", "ExclusiveGateway_ShortlistJoin");
    }

    @Test
    void resultAnnouncementRemovesTheCase() {
        ProcessInstance caseInstance = fileCase();
        reachMaterialReviewConclusion();

        caseDriver.materialReviewConcluded("SHORTLISTED").shortlistDecided("SELECTED").publicNoticeEnded()
                .resultAnnounced("REMOVED");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("IntermediateCatchEvent_ResultAnnounced", "ExclusiveGateway_AnnouncementOutcome",
                        "EndEvent_Removed")
                .hasNotPassed("EndEvent_Announced");
    }

    @Test
    void countyDeclinesTheCase() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication().screenAtCounty("NOT_RECOMMEND");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_NotRecommended")
                .hasNotPassed("CallActivity_FormalReview");
        assertThat(caseDriver.tasks("UserTask_ScreenApplication")).isEmpty();
    }

    @Test
    void countyMissesItsDeadline() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.submitApplication();

        ProcessTests.fireTimer(engine, "BoundaryEvent_CountyDeadlinePassed", COUNTY_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                        "EndEvent_DeadlineMissed");
        assertThat(variable(caseInstance, "countyOutcome")).isEqualTo("EXPIRED");
    }

    @Test
    void applicantMissesTheApplicationDeadline() {
        ProcessInstance caseInstance = fileCase();

        ProcessTests.fireTimer(engine, "BoundaryEvent_SubmitDeadlinePassed", APPLICATION_CLOSES_AT);

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_SelfDeclaration", "ExclusiveGateway_DeclarationOutcome",
                        "EndEvent_DeadlineMissed")
                .hasNotPassed("CallActivity_UnitScreening");
    }

    @Test
    void cityReturnsTheCaseAndTheCountyScreensTheCorrection() {
        ProcessInstance caseInstance = fileCase();

        caseDriver.submitApplication().screenAtCounty("PASS").screen("RETURN");
        assertThat(caseInstance).isWaitingAt("CallActivity_SelfDeclaration");
        caseDriver.submitApplication();

        assertThat(caseDriver.task("UserTask_ScreenAtCounty")).hasCandidateGroup(COUNTY_GROUP);
        assertThat(caseInstance).hasPassedInOrder("CallActivity_UnitScreening", "ExclusiveGateway_ScreeningOutcome",
                "ExclusiveGateway_DeclarationJoin", "CallActivity_SelfDeclaration", "ExclusiveGateway_ReturnedFrom");
    }

    @Test
    void formalReviewReturnsTheCaseThenRejectsIt() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.reviewFormally("RETURN").submitApplication();
        assertThat(caseInstance).isWaitingAt("CallActivity_FormalReview")
                .hasPassedInOrder("ExclusiveGateway_FormalReviewOutcome", "ExclusiveGateway_DeclarationJoin",
                        "CallActivity_SelfDeclaration", "ExclusiveGateway_ReturnedFrom", "ExclusiveGateway_FormalReviewJoin");
        caseDriver.reviewFormally("REJECT");

        assertThat(caseInstance).isEnded()
                .hasPassedInOrder("CallActivity_FormalReview", "ExclusiveGateway_FormalReviewOutcome", "EndEvent_Rejected");
    }

    @Test
    void applicantWithdrawsDuringTheReview() {
        ProcessInstance caseInstance = fileCase();
        caseDriver.recommended();

        caseDriver.withdraw();

        caseDriver.assertWithdrawn(caseInstance);
    }

    private ProcessInstance fileCase() {
        VariableMap variables = ProcessTests.caseVariables()
                .putValue("countyGroup", COUNTY_GROUP)
                .putValue("countyScreeningDue", COUNTY_DUE)
                .putValue("countyScreeningClosesAt", COUNTY_CLOSES_AT);
        ProcessInstance caseInstance = caseDriver.file(CASE_PROCESS, variables);
        assertThat(caseInstance.getBusinessKey()).isEqualTo(CASE_NUMBER);
        return caseInstance;
    }

    private void reachMaterialReviewConclusion() {
        caseDriver.recommended().reviewFormally("PASS").scoreMaterials();
    }
}
