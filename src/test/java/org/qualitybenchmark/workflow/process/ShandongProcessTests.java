package org.qualitybenchmark.workflow.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What the Shandong 2023 process tests share: the models, the notice's dates (山东省工业和信息化厅
 * 2023年8月9日通知: recommendations by 31 August, online submission by 15 September) and stand-ins
 * for the beans the Shandong models add, doing to the variables what the real beans do.
 */
final class ShandongProcessTests {

    static final String NATIONAL_CASE_MODEL = "bpmn/shandong/2023/shandong-2023-national-case.bpmn";
    static final String NATIONAL_CAMPAIGN_MODEL = "bpmn/shandong/2023/shandong-2023-national-campaign.bpmn";
    static final String PROVINCIAL_CASE_MODEL = "bpmn/shandong/2023/shandong-2023-provincial-case.bpmn";
    static final String PROVINCIAL_CAMPAIGN_MODEL = "bpmn/shandong/2023/shandong-2023-provincial-campaign.bpmn";
    static final String ONLINE_SUBMISSION = "qb-stage-online-submission";

    /** Inside the application window (9 to 31 August 2023). */
    static final Date NOW = ProcessTests.at("2023-08-20T09:00");
    static final Date APPLICATION_CLOSES_AT = ProcessTests.at("2023-09-01T00:00");
    static final Date RECOMMENDATION_DUE = ProcessTests.at("2023-08-31T23:59");
    static final Date RECOMMENDATION_CLOSES_AT = ProcessTests.at("2023-09-01T00:00");
    static final String CORRECTION_DUE = "2023-08-28";
    static final Date ONLINE_SUBMISSION_DUE = ProcessTests.at("2023-09-15T23:59");
    static final Date ONLINE_SUBMISSION_CLOSES_AT = ProcessTests.at("2023-09-16T00:00");

    private ShandongProcessTests() {
    }

    /** Every stage block, the online submission block and the given case model. */
    static List<String> caseModels(String caseModel) {
        List<String> models = new ArrayList<>(ProcessTests.stageModels());
        models.add(ProcessTests.stage(ONLINE_SUBMISSION));
        models.add(caseModel);
        return models;
    }

    /** The stage processes a case model's coverage does not count (each has its own test). */
    static String[] stageProcesses() {
        List<String> stages = new ArrayList<>(ProcessTests.STAGE_PROCESSES);
        stages.add(ONLINE_SUBMISSION);
        return stages.toArray(String[]::new);
    }

    /** The units of the campaign process tests: two cities and the direct channel. */
    static final List<String> CAMPAIGN_UNIT_GROUPS = List.of("unit-sd-3701", "unit-sd-3702", "unit-sd-direct");

    /** The adapter's start variables of a campaign with the Shandong dates and the online submission's end. */
    static VariableMap campaignVariables() {
        return ProcessTests.campaignVariables(CAMPAIGN_UNIT_GROUPS, APPLICATION_CLOSES_AT, RECOMMENDATION_DUE,
                RECOMMENDATION_CLOSES_AT)
                .putValue("publicNoticeEndsAt", null)
                .putValue("onlineSubmissionClosesAt", ONLINE_SUBMISSION_CLOSES_AT);
    }

    /** The adapter's start variables with the Shandong dates. */
    static VariableMap caseVariables() {
        return ProcessTests.caseVariables()
                .putValue("unitGroup", "unit-sd-3701")
                .putValue("submitDeadline", APPLICATION_CLOSES_AT)
                .putValue("recommendationDue", RECOMMENDATION_DUE)
                .putValue("recommendationClosesAt", RECOMMENDATION_CLOSES_AT);
    }

    /** The beans of the online submission stage, as the workflow adapter's contract describes them. */
    static void registerOnlineSubmissionBeans() {
        Mocks.register("openOnlineSubmissionDelegate", (JavaDelegate) execution -> {
            execution.setVariable("onlineSubmissionDue", ONLINE_SUBMISSION_DUE);
            execution.setVariable("onlineSubmissionClosesAt", ONLINE_SUBMISSION_CLOSES_AT);
            execution.setVariable("onlineSubmissionOutcome", null);
        });
        Mocks.register("confirmOnlineSubmissionListener", (TaskListener) task -> {
            Objects.requireNonNull(task.getVariable("form_submittedOn"), "form_submittedOn");
            if (!Boolean.TRUE.equals(task.getVariable("form_confirm"))) {
                throw new IllegalArgumentException("form_confirm must be checked");
            }
            task.setVariable("onlineSubmissionOutcome", "CONFIRMED");
            AdapterStandIns.dropFormFields(task);
        });
        Mocks.register("missOnlineSubmissionDelegate", (JavaDelegate) execution ->
                execution.setVariable("onlineSubmissionOutcome", "MISSED"));
    }
}
