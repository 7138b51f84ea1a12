package org.qualitybenchmark.workflow.process;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The Liaoning 2024 provincial models' share of {@link ProcessTests}: their files and keys, the
 * notice's dates (通知四.3: cities report “于2024年5月27日前”) and the start variables for a case of
 * 沈阳 (ln-2101). The clock stands inside the application window.
 */
final class LiaoningProcessTests {

    static final String CASE_MODEL = "bpmn/liaoning/2024/liaoning-2024-provincial-case.bpmn";
    static final String CAMPAIGN_MODEL = "bpmn/liaoning/2024/liaoning-2024-provincial-campaign.bpmn";
    static final String CASE_PROCESS = "liaoning-2024-provincial-case";
    static final String CAMPAIGN_PROCESS = "liaoning-2024-provincial-campaign";
    static final String UNRANKED_SCREENING = "qb-stage-unit-screening-unranked";
    /** The stage blocks the Liaoning case calls: the shared ones, with the unranked unit screening. */
    static final List<String> STAGE_PROCESSES = List.of("qb-stage-self-declaration", UNRANKED_SCREENING,
            "qb-stage-formal-review", "qb-stage-material-review", "qb-stage-defense", "qb-stage-site-visit",
            "qb-stage-public-notice");

    static final String CASE_NUMBER = "LN2024-0001";
    static final String CAMPAIGN_CODE = "liaoning-2024-provincial";
    static final String UNIT_GROUP = "unit-ln-2101";

    static final Date NOW = ProcessTests.at("2024-05-06T09:00");
    static final Date APPLICATION_CLOSES_AT = ProcessTests.at("2024-05-28T00:00");
    static final Date RECOMMENDATION_DUE = ProcessTests.at("2024-05-27T23:59:59");
    static final Date RECOMMENDATION_CLOSES_AT = ProcessTests.at("2024-05-28T00:00");
    static final String CORRECTION_DUE = "2024-05-20";
    static final Date CORRECTION_DEADLINE = ProcessTests.startOfDayAfter(CORRECTION_DUE);

    private LiaoningProcessTests() {
    }

    static List<String> stageModels() {
        return STAGE_PROCESSES.stream().map(ProcessTests::stage).toList();
    }

    /** Puts the clock into Liaoning's window and drives the Liaoning case number, screened without rank. */
    static CaseDriver start(ProcessEngine engine) {
        ClockUtil.setCurrentTime(NOW);
        return new CaseDriver(engine, CASE_NUMBER).screeningWith(LiaoningProcessTests::unrankedScreening);
    }

    /**
     * The unranked screening form has no rank: the stand-in refuses one, so that a model pointing
     * at the ranked form (whose rank Tasklist requires) would show here.
     */
    static void registerUnrankedScreening() {
        Mocks.register("screenApplicationListener", (TaskListener) task -> {
            if (task.hasVariable("form_rank")) {
                throw new IllegalArgumentException("form_rank in an unranked campaign");
            }
            String decision = AdapterStandIns.decision(task);
            switch (decision) {
                case "RECOMMEND" -> task.setVariable("screeningOutcome", "PROPOSED");
                case "NOT_RECOMMEND" -> task.setVariable("screeningOutcome", "NOT_RECOMMENDED");
                case "RETURN" -> AdapterStandIns.returnForCorrection(task, "screeningOutcome", "SUBMITTED");
                default -> throw new IllegalArgumentException(decision);
            }
            AdapterStandIns.dropFormFields(task);
        });
    }

    /** The unit's screening with the unranked form's fields (for {@link CaseDriver#screeningWith}). */
    static VariableMap unrankedScreening(String decision) {
        VariableMap form = Variables.putValue("form_decision", decision);
        if (!"RECOMMEND".equals(decision)) {
            form.putValue("form_reason", "申报书缺少2023年度审计报告。");
        }
        if ("RETURN".equals(decision)) {
            form.putValue("form_correctionDue", CORRECTION_DUE);
        }
        return form;
    }

    /** The variables the workflow adapter sets for a Liaoning case: no county screening. */
    static VariableMap caseVariables() {
        return ProcessTests.caseVariables()
                .putValue("unitGroup", UNIT_GROUP)
                .putValue("countyGroup", null)
                .putValue("submitDeadline", APPLICATION_CLOSES_AT)
                .putValue("recommendationDue", RECOMMENDATION_DUE)
                .putValue("recommendationClosesAt", RECOMMENDATION_CLOSES_AT);
    }

    static VariableMap campaignVariables(List<String> unitGroups) {
        return ProcessTests.campaignVariables(unitGroups, APPLICATION_CLOSES_AT, RECOMMENDATION_DUE,
                RECOMMENDATION_CLOSES_AT);
    }
}
