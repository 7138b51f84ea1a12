package org.qualitybenchmark.workflow.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the Luoyang 2023 process tests share: the models, the notice's dates (县区 by 2023-03-29) and
 * the stand-ins of the county's steps, which neither rank nor count a quota.
 */
final class LuoyangProcessTests {

    static final String CASE_MODEL = "bpmn/henan/2023/luoyang-2023-municipal-case.bpmn";
    static final String CAMPAIGN_MODEL = "bpmn/henan/2023/luoyang-2023-municipal-campaign.bpmn";
    static final String PROVINCE_MODEL = "bpmn/henan/2023/luoyang-2023-municipal-province-recommendation.bpmn";
    static final String CASE_PROCESS = "luoyang-2023-municipal-case";
    static final String CAMPAIGN_PROCESS = "luoyang-2023-municipal-campaign";
    static final String PROVINCE_PROCESS = "luoyang-2023-municipal-province-recommendation";
    static final String COUNTY_STAGE = "qb-stage-county-recommendation";
    /** The stage blocks the Luoyang case calls. */
    static final List<String> STAGE_PROCESSES = List.of("qb-stage-self-declaration", COUNTY_STAGE,
            "qb-stage-formal-review", "qb-stage-material-review", "qb-stage-defense", "qb-stage-site-visit",
            "qb-stage-public-notice");

    static final String CASE_NUMBER = "LY2023-0001";
    static final String COUNTY_GROUP = "unit-ha-410305";
    /** 通知一（四）2: 县区“于2023年3月29日前”报送. */
    static final Date APPLICATION_CLOSES_AT = ProcessTests.at("2023-03-30T00:00");
    static final Date RECOMMENDATION_DUE = ProcessTests.at("2023-03-29T23:59");
    static final Date RECOMMENDATION_CLOSES_AT = ProcessTests.at("2023-03-30T00:00");

    private LuoyangProcessTests() {
    }

    static List<String> caseModels() {
        List<String> models = new ArrayList<>(STAGE_PROCESSES.stream().map(ProcessTests::stage).toList());
        models.add(CASE_MODEL);
        return models;
    }

    static VariableMap caseVariables() {
        return ProcessTests.caseVariables()
                .putValue("unitGroup", COUNTY_GROUP)
                .putValue("submitDeadline", APPLICATION_CLOSES_AT)
                .putValue("recommendationDue", RECOMMENDATION_DUE)
                .putValue("recommendationClosesAt", RECOMMENDATION_CLOSES_AT);
    }

    /** The county's steps as the adapter contract says: a passing check needs its record, the recommendation no rank. */
    static void registerCountyBeans() {
        Mocks.register("countySiteCheckListener", (TaskListener) task -> {
            String decision = AdapterStandIns.decision(task);
            task.setVariable("countyOutcome", decision);
            switch (decision) {
                case "PASS" -> {
                    for (String field : List.of("form_checkedOn", "form_inspectors", "form_findings", "form_siteResult")) {
                        Objects.requireNonNull(task.getVariable(field), field);
                    }
                }
                case "NOT_RECOMMEND" -> task.setVariable("screeningOutcome", "NOT_RECOMMENDED");
                case "RETURN" -> AdapterStandIns.returnForCorrection(task, "screeningOutcome", "SUBMITTED");
                default -> throw new IllegalArgumentException(decision);
            }
            AdapterStandIns.dropFormFields(task);
        });
        Mocks.register("screenApplicationListener", (TaskListener) task -> {
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

    /** The county's check form as Tasklist submits it. */
    static VariableMap siteCheck(String decision) {
        VariableMap form = Variables.putValue("form_decision", decision);
        if (!"RETURN".equals(decision)) {
            form.putValue("form_checkedOn", "2023-03-20")
                    .putValue("form_inspectors", "涧西区工信局 王科长、李干事")
                    .putValue("form_findings", "查看生产现场和质量数字化平台，数据与申报一致。")
                    .putValue("form_siteResult", "PASS".equals(decision) ? "CONFIRMED" : "DISCREPANT");
        }
        if (!"PASS".equals(decision)) {
            form.putValue("form_reason", "近三年利润数据与审计报告不一致。");
        }
        if ("RETURN".equals(decision)) {
            form.putValue("form_correctionDue", ProcessTests.CORRECTION_DUE);
        }
        return form;
    }

    static VariableMap recommendation(String decision) {
        VariableMap form = Variables.putValue("form_decision", decision);
        if (!"RECOMMEND".equals(decision)) {
            form.putValue("form_reason", "请补充信用查询报告。");
        }
        if ("RETURN".equals(decision)) {
            form.putValue("form_correctionDue", ProcessTests.CORRECTION_DUE);
        }
        return form;
    }
}
