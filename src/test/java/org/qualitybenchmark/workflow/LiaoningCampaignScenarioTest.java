package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.qualitybenchmark.Samples;
import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.review.Selection;
import org.qualitybenchmark.review.SelectionOutcome;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * The Liaoning 2024 provincial campaign (辽宁省工业和信息化厅2024年4月28日通知) run end to end as its
 * users run it: the notice's own units (沈阳, 大连, 鞍山, 沈抚示范区 …), no quota and no ranking, the
 * deadline of 27 May 2024 for applications, screening and the cities' lists with their 推荐文件 and
 * 推荐汇总表（附件3）, then the province's review on the national steps, with every end a case can reach
 * in this campaign (no fixed number is selected, so none ends 未入选).
 */
class LiaoningCampaignScenarioTest extends CampaignScenarioTestCase {

    private static final String CAMPAIGN = "liaoning-2024-provincial";
    private static final String LETTER = "recommendation-letter";
    private static final String TABLE = "summary-table";

    @Autowired
    PanelService panel;

    CampaignScenario scenario;

    @Test
    void theLiaoningCampaignRunsFromApplicationToAnnouncement() {
        scenario = scenario(CAMPAIGN);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("liaoning-2024-provincial-campaign")
                .processInstanceBusinessKey(CAMPAIGN).unfinished().count()).as("started with the application").isEqualTo(1);

        // The demo clock stands in June 2022: the notice of 28 April 2024 does not take applications yet.
        ResponseEntity<JsonNode> early = scenario.api.post("ln-2101", "/api/applications",
                scenario.applicationForm("210100", "ln-2101", "沈阳提前申报有限公司"));
        assertThat(early.getStatusCode().is4xxClientError()).as("%s", early.getBody()).isTrue();
        assertThat(early.getBody().toString()).contains("自2024-04-28起接受申报");

        scenario.moveClock("2024-05-06T09:00:00");
        scenario.registerExperts(7, Map.of(6, "ln-2101"));

        Case a = fileWithTables("ln-2101", "沈阳甲重型机械有限公司");
        Case b = scenario.file("ln-2101", "210100", "ln-2101", "沈阳乙机床有限公司");
        Case c = scenario.file("ln-2101", "210100", "ln-2101", "沈阳丙航空部件有限公司");
        Case d = scenario.file("ln-2101", "210100", "ln-2101", "沈阳丁汽车零部件有限公司");
        Case e = scenario.file("ln-2101", "210100", "ln-2101", "沈阳戊燃气轮机有限公司");
        Case n = scenario.file("ln-2101", "210100", "ln-2101", "沈阳己医疗器械有限公司");
        Case f = scenario.file("ln-2102", "210200", "ln-2102", "大连甲船舶配套有限公司");
        Case g = scenario.file("ln-2102", "210200", "ln-2102", "大连乙化工有限公司");
        Case h = scenario.file("ln-2102", "210200", "ln-2102", "大连丙轴承有限公司");
        Case i = scenario.file("ln-2102", "210200", "ln-2102", "大连丁机车有限公司");
        Case j = scenario.file("ln-2103", "210300", "ln-2103", "鞍山甲钢铁有限公司");
        Case k = scenario.file("ln-2103", "210300", "ln-2103", "鞍山乙矿山机械有限公司");
        Case m = fileInTasklist("applicant1", "ln-shenfu", "沈抚甲新材料有限公司");
        assertThat(scenario.stage(m)).isEqualTo("DRAFT");
        assertThat(scenario.openTasks(m.caseNumber(), "applicant1")).containsExactly("UserTask_SubmitApplication");

        ResponseEntity<JsonNode> outsideLiaoning = scenario.api.post("ln-2101", "/api/applications",
                scenario.applicationForm("130100", "ln-2101", "石家庄跨省申报有限公司"));
        assertThat(outsideLiaoning.getBody().toString()).as("通知三.1: registered in Liaoning").contains("不在本次活动的申报范围");

        scenario.withdraw(n, "ln-2101");

        // Screening without quota or rank: 沈阳 proposes five, more than any Hebei city could.
        for (Case proposed : List.of(a, b, c, d, e)) {
            recommend("ln-2101", proposed);
        }
        for (Case proposed : List.of(f, h)) {
            recommend("ln-2102", proposed);
        }
        scenario.submitForm("ln-2102", g, "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "典型经验尚未在本单位成熟应用"));
        assertThatThrownBy(() -> workflow.submit(i.caseNumber(), "UserTask_ScreenApplication", scenario.user("ln-2102"),
                Map.of("form_decision", "RETURN", "form_reason", "请补充证实性材料", "form_correctionDue", "2024-05-28")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("补正期限不能晚于推荐名单报送截止日期2024-05-27");
        scenario.submitForm("ln-2102", i, "UserTask_ScreenApplication",
                Map.of("form_decision", "RETURN", "form_reason", "请补充证实性材料", "form_correctionDue", "2024-05-20"));
        assertThat(scenario.stage(i)).isEqualTo("CORRECTION");
        assertThat(scenario.submit(i).getStatusCode()).isEqualTo(HttpStatus.OK);
        recommend("ln-2102", i);
        recommend("ln-2103", j);
        assertThat(recommendations("ln-2101").has("quota")).as("推荐名额不限").isFalse();
        assertThat(recommendations("ln-2101").get("used").asInt()).isEqualTo(5);

        // The lists go with 推荐文件 and 推荐汇总表（附件3）: refused without them, naming what is missing.
        assertThatThrownBy(() -> scenario.submitList("ln-2101"))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("沈阳市工业和信息化局尚未上传“推荐文件（加盖公章）”、“推荐汇总表（附件3）”");
        assertThat(scenario.uploadUnitDocument("ln-2101", "ln-2102", LETTER, "推荐文件.pdf", Samples.pdf()).getStatusCode())
                .as("another city's documents").isEqualTo(HttpStatus.NOT_FOUND);
        uploadBoth("ln-2101");
        scenario.submitList("ln-2101");
        assertThat(scenario.uploadUnitDocument("ln-2102", "ln-2102", LETTER, "大连市推荐文件.pdf", Samples.pdf()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThatThrownBy(() -> scenario.submitList("ln-2102"))
                .hasMessageContaining("尚未上传“推荐汇总表（附件3）”").hasMessageNotContaining("推荐文件（加盖公章）");
        assertThat(scenario.uploadUnitDocument("ln-2102", "ln-2102", TABLE, "大连市汇总表.xlsx", Samples.zip()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        scenario.submitList("ln-2102");
        for (Case recommended : List.of(a, b, c, d, e, f, h, i)) {
            assertThat(scenario.stage(recommended)).as(recommended.caseNumber()).isEqualTo("FORMAL_REVIEW");
        }
        assertThat(scenario.uploadUnitDocument("ln-2101", "ln-2101", LETTER, "补充推荐文件.pdf", Samples.pdf()).getStatusCode())
                .as("documents are frozen with the list").isEqualTo(HttpStatus.CONFLICT);

        // 27 May 2024 is the last day: at 23:59 everything is still open …
        scenario.moveClock("2024-05-27T23:59:00");
        assertThat(scenario.stage(m)).isEqualTo("DRAFT");
        assertThat(scenario.stage(k)).isEqualTo("SUBMITTED");
        assertThat(scenario.stage(j)).isEqualTo("PROPOSED");
        assertThat(scenario.openTasks(CAMPAIGN, "ln-2103")).containsExactly("UserTask_SubmitRecommendationList");
        assertThat(scenario.openTasks(CAMPAIGN, "office")).doesNotContain("UserTask_SetDefenseList");

        // … and closed the next morning.
        scenario.moveClock("2024-05-28T09:00:00");
        assertThat(scenario.stage(m)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(k)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(j)).isEqualTo("NOT_RECOMMENDED");
        assertThat(scenario.openTasks(CAMPAIGN, "ln-2103")).isEmpty();
        assertThat(scenario.openTasks(CAMPAIGN, "office")).containsExactly("UserTask_SetDefenseList");
        ResponseEntity<JsonNode> late = scenario.api.post("ln-2101", "/api/applications",
                scenario.applicationForm("210100", "ln-2101", "沈阳逾期申报有限公司"));
        assertThat(late.getStatusCode().is4xxClientError()).isTrue();
        assertThat(late.getBody().toString()).contains("申报已于2024-05-27截止");
        assertThat(scenario.uploadUnitDocument("ln-2103", "ln-2103", LETTER, "鞍山市推荐文件.pdf", Samples.pdf()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // The province's review, on the national steps: formal review …
        for (Case ok : List.of(a, c, d, e, f, h, i)) {
            scenario.submitForm("office", ok, "UserTask_ReviewFormally", scenario.checklist("PASS"));
        }
        Map<String, Object> reject = scenario.checklist("REJECT");
        reject.put("form_reason", "近三年未连续保持盈利");
        reject.put("form_profitable", false);
        scenario.submitForm("office", b, "UserTask_ReviewFormally", reject);
        assertThat(scenario.stage(b)).isEqualTo("REJECTED");

        // … material review by five experts each (expert6 of 沈阳 recuses from 沈阳's cases) …
        Map<Case, Integer> materialScores = new LinkedHashMap<>();
        materialScores.put(a, 90);
        materialScores.put(c, 55);
        materialScores.put(d, 80);
        materialScores.put(e, 85);
        materialScores.put(f, 84);
        materialScores.put(h, 88);
        materialScores.put(i, 86);
        materialScores.forEach((scored, score) -> scoreAll(scored, "UserTask_ScoreMaterials", score));
        scenario.submitCampaignForm("office", "UserTask_SetDefenseList", Map.of("form_cutoff", 70,
                "form_defenseStart", "2024-07-15T09:00", "form_defensePlace", "沈阳市和平区省工业和信息化厅会议室",
                "form_slotMinutes", 30));
        assertThat(scenario.stage(c)).isEqualTo("BELOW_CUTOFF");

        // … defense, with site visits where the panel needs them.
        scenario.moveClock("2024-07-15T09:00:00");
        Map<Case, Integer> defenseScores = new LinkedHashMap<>();
        defenseScores.put(a, 92);
        defenseScores.put(d, 60);
        defenseScores.put(e, 80);
        defenseScores.put(f, 85);
        defenseScores.put(h, 88);
        defenseScores.put(i, 86);
        defenseScores.forEach((defended, score) -> {
            assertThat(scenario.api.upload(defended.owner(), defended.id(), "defense-presentation", "答辩材料.pdf",
                    Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            scenario.submitForm(defended.owner(), defended, "UserTask_UploadPresentation", Map.of("form_confirm", true));
            scoreAll(defended, "UserTask_ScoreDefense", score);
        });
        scenario.submitForm("office", a, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        scenario.submitForm("office", d, "UserTask_ConcludeDefense",
                Map.of("form_decision", "FAIL", "form_reason", "答辩未能说明实施效果"));
        scenario.submitForm("office", e, "UserTask_ConcludeDefense",
                Map.of("form_decision", "SITE_VISIT", "form_reason", "可靠性数据需现场核查"));
        scenario.submitForm("office", f, "UserTask_ConcludeDefense",
                Map.of("form_decision", "SITE_VISIT", "form_reason", "市场占有率数据需现场核查"));
        scenario.submitForm("office", h, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        scenario.submitForm("office", i, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        scenario.moveClock("2024-07-24T09:00:00");
        scenario.submitForm("office", e, "UserTask_VisitSite", Map.of("form_visitedOn", "2024-07-22",
                "form_findings", "现场核实可靠性试验记录与申报一致", "form_decision", "PASS"));
        scenario.submitForm("office", f, "UserTask_VisitSite", Map.of("form_visitedOn", "2024-07-23",
                "form_findings", "市场占有率数据无法核实", "form_decision", "FAIL"));
        assertThat(scenario.stage(d)).isEqualTo("DEFENSE_FAILED");
        assertThat(scenario.stage(f)).isEqualTo("SITE_VISIT_FAILED");

        // No fixed number: every case that passed goes on, ranked by defense score.
        scenario.moveClock("2024-07-25T09:00:00");
        scenario.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        List<Selection> ranking = panel.shortlist(catalog.campaign(CAMPAIGN).orElseThrow().id());
        assertThat(ranking).extracting(Selection::getApplicationId).containsExactly(a.id(), h.id(), i.id(), e.id());
        assertThat(ranking).extracting(Selection::getFinalRank).containsExactly(1, 2, 3, 4);
        assertThat(ranking).extracting(Selection::getOutcome).containsOnly(SelectionOutcome.SELECTED);
        for (Case selected : List.of(a, e, h, i)) {
            assertThat(scenario.stage(selected)).as(selected.caseNumber()).isEqualTo("PUBLIC_NOTICE");
        }
        assertThat(historyOf(scenario, a, "reason")).anyMatch(detail -> detail.contains("综合排名第1名（共4名，择优4名）"));

        // The public notice, 10 working days from Thursday 25 July 2024: the last day is Wednesday 7 August.
        ResponseEntity<JsonNode> objection = scenario.api.post("office", "/api/applications/" + h.id() + "/objections",
                Map.of("submitterName", "李四", "submitterContact", "13900000010", "content", "该企业近两年发生过重大质量事故"));
        assertThat(objection.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        scenario.submitForm("office", h, "UserTask_InvestigateObjection",
                Map.of("form_findings", "经核实情况属实", "form_decision", "UPHELD"));
        assertThat(scenario.stage(h)).isEqualTo("REMOVED");
        scenario.moveClock("2024-08-07T23:59:00");
        assertThat(scenario.openTasks(CAMPAIGN, "office")).doesNotContain("UserTask_ApproveResults");
        scenario.moveClock("2024-08-08T09:00:00");
        assertThat(scenario.openTasks(CAMPAIGN, "office")).containsExactly("UserTask_ApproveResults");

        scenario.submitCampaignForm("office", "UserTask_ApproveResults",
                Map.of("form_removals", i.caseNumber(), "form_reason", "公示期满后发现申报数据与统计年报不符"));
        assertThat(scenario.stage(a)).isEqualTo("ANNOUNCED");
        assertThat(scenario.stage(e)).isEqualTo("ANNOUNCED");
        assertThat(scenario.stage(i)).isEqualTo("REMOVED");

        assertThat(scenario.endOf(a)).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(e)).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(b)).isEqualTo("EndEvent_Rejected");
        assertThat(scenario.endOf(c)).isEqualTo("EndEvent_BelowCutoff");
        assertThat(scenario.endOf(d)).isEqualTo("EndEvent_DefenseFailed");
        assertThat(scenario.endOf(f)).isEqualTo("EndEvent_SiteVisitFailed");
        assertThat(scenario.endOf(g)).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(j)).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(h)).isEqualTo("EndEvent_Removed");
        assertThat(scenario.endOf(i)).isEqualTo("EndEvent_Removed");
        assertThat(scenario.endOf(k)).isEqualTo("EndEvent_DeadlineMissed");
        assertThat(scenario.endOf(m)).isEqualTo("EndEvent_DeadlineMissed");
        assertThat(scenario.endOf(n)).isEqualTo("EndEvent_Withdrawn");
        assertThat(scenario.activitiesPassed(a)).contains("CallActivity_UnitScreening", "CallActivity_FormalReview",
                "CallActivity_MaterialReview", "CallActivity_Defense", "CallActivity_PublicNotice");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("qb-stage-unit-screening-unranked")
                .count()).as("Liaoning screens without ranks").isGreaterThanOrEqualTo(12);
        assertCampaignProcessEnded(CAMPAIGN);
        assertNoFormVariableLeft();
    }

    /**
     * Files an application with the 申报书's statistics tables filled in as an enterprise fills them: a
     * third-party survey without the surveyor and a 2021 revenue in the 经济效益统计表 (whose three years
     * come from the first page's figures) are refused, each named by table, row and column; the
     * corrected application goes in.
     */
    private Case fileWithTables(String user, String name) {
        Map<String, Object> tables = tables();
        Case filed = scenario.fileDraft(user, "210100", "ln-2101", name, form -> fields(form).putAll(tables));
        scenario.uploadRequired(filed, name);
        JsonNode read = scenario.detail(filed).path("fields");
        assertThat(read.at("/managementBenefits/rows/products/productThreeDomestic").asText()).isEqualTo("盾构机");
        assertThat(read.at("/managementBenefits/rows/share2021/productOneInternational").decimalValue())
                .isEqualByComparingTo("4.5");
        assertThat(read.at("/economicBenefits/freeRows/0/unit").asText()).isEqualTo("小时");
        assertThat(read.at("/competitors/freeRows/0/cells/competitor").asText()).isEqualTo("德国某重型机械集团");

        ResponseEntity<JsonNode> refused = scenario.submit(filed);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(errors(refused)).containsOnlyKeys("fields.managementBenefits[顾客满意度（2023年）][调查机构名称]")
                .containsValue("请填写管理效益统计表「顾客满意度（2023年）」行「调查机构名称」列");

        Map<String, Object> form = scenario.applicationForm("210100", "ln-2101", name);
        form.put("enterprise", enterpriseOf(scenario, filed));
        fields(form).putAll(tables);
        rows(table(tables, "managementBenefits")).put("satisfaction2023", Map.of("productOneDomestic", "93",
                "surveyMethod", "第三方调查", "surveyBody", "辽宁省质量协会"));
        rows(table(tables, "economicBenefits")).put("revenue", Map.of("y2021", "45000", "industryAverage2023", "21000"));
        ResponseEntity<JsonNode> slashed = scenario.api.put(user, "/api/applications/" + filed.id(), form);
        assertThat(slashed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(errors(slashed)).containsOnlyKeys("fields.economicBenefits[主营业务收入]");
        assertThat(errors(slashed).get("fields.economicBenefits[主营业务收入]")).contains("没有“y2021”一列");

        rows(table(tables, "economicBenefits")).put("revenue", Map.of("industryAverage2023", "21000", "rank2023", 2));
        assertThat(scenario.api.put(user, "/api/applications/" + filed.id(), form).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scenario.submit(filed).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scenario.detail(filed).at("/fields/managementBenefits/rows/satisfaction2023/surveyBody").asText())
                .isEqualTo("辽宁省质量协会");
        return filed;
    }

    /** The four tables of 附件1 as a Shenyang machine maker fills them: only what applies to its industry. */
    private static Map<String, Object> tables() {
        Map<String, Object> managementRows = new LinkedHashMap<>();
        managementRows.put("products", Map.of("productOneDomestic", "矿山机械", "productTwoDomestic", "冶金设备",
                "productThreeDomestic", "盾构机"));
        managementRows.put("share2021", Map.of("productOneDomestic", "12", "productOneInternational", "4.5"));
        managementRows.put("share2023", Map.of("productOneDomestic", "13.5", "productThreeDomestic", "8"));
        managementRows.put("satisfaction2022", Map.of("productOneDomestic", "91", "surveyMethod", "自评"));
        managementRows.put("satisfaction2023", Map.of("productOneDomestic", "93", "surveyMethod", "第三方调查"));
        managementRows.put("loyalty2023", Map.of("productOneDomestic", "88", "surveyMethod", "自评"));
        Map<String, Object> economicRows = new LinkedHashMap<>();
        economicRows.put("revenue", Map.of("industryAverage2023", "21000", "rank2023", 2));
        economicRows.put("passRate", Map.of("y2021", "99.1", "y2022", "99.3", "y2023", "99.6", "industryBest2023", "99.8"));
        economicRows.put("profit", Map.of("industryAverage2023", "-320"));
        Map<String, Object> economic = new LinkedHashMap<>();
        economic.put("rows", economicRows);
        economic.put("freeRows", List.of(Map.of("label", "平均无故障工作时间", "unit", "小时",
                "cells", Map.of("y2023", "1800", "industryAverage2023", "1200"))));
        Map<String, Object> social = Map.of("rows", Map.of(
                "supplyChain", Map.of("y2021", "带动省内配套企业40家", "y2023", "带动省内配套企业52家")));
        Map<String, Object> competitors = Map.of("freeRows", List.of(Map.of("cells", Map.of("product", "盾构机",
                "competitor", "德国某重型机械集团", "marketShare", "约25%", "advantages", "刀盘寿命长，故障率低"))));
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("managementBenefits", Map.of("rows", managementRows));
        tables.put("economicBenefits", economic);
        tables.put("socialBenefits", social);
        tables.put("competitors", competitors);
        return tables;
    }

    /** Recommends in Tasklist with the unranked form: a decision, no rank. */
    private void recommend(String unit, Case c) {
        scenario.submitForm(unit, c, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND"));
        assertThat(scenario.stage(c)).as(c.caseNumber()).isEqualTo("PROPOSED");
    }

    private JsonNode recommendations(String unit) {
        return scenario.api.get(unit, "/api/campaigns/" + CAMPAIGN + "/units/" + unit + "/recommendations").getBody();
    }

    private void uploadBoth(String unit) {
        assertThat(scenario.uploadUnitDocument(unit, unit, LETTER, "推荐文件.pdf", Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.uploadUnitDocument(unit, unit, TABLE, "省质量标杆申报汇总表.xlsx", Samples.zip()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    /** Files a draft with the Liaoning case process's start form, as an applicant does in Tasklist. */
    private Case fileInTasklist(String user, String unit, String name) {
        return fileInTasklist(scenario, user, unit, CampaignScenario.freshUscc("210100"), name, "实施可靠性筑基行动的经验");
    }

    private void scoreAll(Case c, String taskKey, int score) {
        scoreAll(scenario, c, taskKey, score);
    }
}
