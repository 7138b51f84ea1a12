package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.qualitybenchmark.Samples;
import org.qualitybenchmark.workflow.CampaignScenario.Case;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Luoyang 2023 municipal campaign run end to end with the notice's own counties and dates:
 * enterprises apply to their county by 2023-03-29; each county reviews, checks on site (recorded in
 * the case) and recommends without quota or rank; the city's experts review, the defense and, for
 * some, the site visit follow; the shortlist is ranked, noticed for 10 working days and announced;
 * afterwards the office recommends one past benchmark to the province.
 */
class LuoyangCampaignScenarioTest extends CampaignScenarioTestCase {

    private static final String CAMPAIGN = "luoyang-2023-municipal";
    private static final String JIANXI = "ha-410305";
    private static final String LUOLONG = "ha-410311";
    private static final String YANSHI = "ha-410307";
    private static final String HITECH = "ha-410371";

    @Autowired
    RuntimeService runtime;

    CampaignScenario scenario;

    @Test
    void theLuoyangCampaignRunsFromApplicationToTheProvincesList() {
        scenario = scenario(CAMPAIGN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(CAMPAIGN).count())
                .as("the campaign process started with the application").isEqualTo(1);

        // Before the notice: the demo clock stands in 2022.
        assertRefused(scenario.api.post(JIANXI, "/api/applications",
                scenario.applicationForm("410305", JIANXI, "洛阳早到机械有限公司")), "尚未开始");

        scenario.moveClock("2023-03-01T09:00:00");
        scenario.registerExperts(7, Map.of());

        // The notice's rules at filing: registered in Luoyang, manufacturing or the listed producer services, class level.
        Map<String, Object> outside = scenario.applicationForm("410105", JIANXI, "郑州外地机械有限公司");
        assertRefused(scenario.api.post(JIANXI, "/api/applications", outside), "不在本次活动的申报范围");
        Map<String, Object> wholesale = scenario.applicationForm("410305", JIANXI, "洛阳批发贸易有限公司");
        enterprise(wholesale).put("industryCode", "5110");
        assertRefused(scenario.api.post(JIANXI, "/api/applications", wholesale), "不在本次活动的遴选范围");
        Map<String, Object> division = scenario.applicationForm("410305", JIANXI, "洛阳大类机械有限公司");
        enterprise(division).put("industryCode", "34");
        assertRefused(scenario.api.post(JIANXI, "/api/applications", division), "小类（4位）");

        Case a = scenario.file(JIANXI, "410305", JIANXI, "洛阳甲轴承有限公司");
        Case b = scenario.file(JIANXI, "410305", JIANXI, "洛阳乙耐火材料有限公司");
        Case j = scenario.file(JIANXI, "410305", JIANXI, "洛阳庚工程机械有限公司");
        Case c = scenario.file(LUOLONG, "410311", LUOLONG, "洛阳丙玻璃有限公司");
        Case d = scenario.file(LUOLONG, "410311", LUOLONG, "洛阳丁矿山机械有限公司");
        Case i = scenario.file(LUOLONG, "410311", LUOLONG, "洛阳辛铜加工有限公司");
        Case e = scenario.file(YANSHI, "410307", YANSHI, "洛阳戊三轮摩托车有限公司");
        Case k = scenario.file(YANSHI, "410307", YANSHI, "洛阳壬农业装备有限公司");
        Case r = scenario.file(YANSHI, "410307", YANSHI, "洛阳癸钢结构有限公司");
        Case f = scenario.file(HITECH, "410371", HITECH, "洛阳己电子科技有限公司");
        Case h = scenario.file(HITECH, "410371", HITECH, "洛阳子光电有限公司");
        Case g = scenario.fileDraft(HITECH, "410371", HITECH, "洛阳丑新材料有限公司", form -> { });

        // A submission without the form's starred counts is refused, naming the field.
        Map<String, Object> incomplete = scenario.applicationForm("410305", JIANXI, "洛阳缺项机械有限公司");
        fields(incomplete).remove("patentsApplied");
        ResponseEntity<JsonNode> draft = scenario.api.post(JIANXI, "/api/applications", incomplete);
        assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Case missing = new Case(draft.getBody().get("id").asLong(), draft.getBody().get("caseNumber").asText(), JIANXI);
        scenario.uploadRequired(missing, "洛阳缺项机械有限公司");
        assertRefused(scenario.submit(missing), "专利申请数");
        scenario.withdraw(missing, JIANXI);

        scenario.withdraw(j, JIANXI);

        // The county's on-site check: recorded in the case; a check that did not match cannot pass.
        assertThat(scenario.openTasks(a.caseNumber(), JIANXI)).containsExactly("UserTask_CheckOnSite");
        assertFormRefused(JIANXI, a, "UserTask_CheckOnSite", Map.of("form_decision", "PASS"), "现场核查");
        assertFormRefused(JIANXI, a, "UserTask_CheckOnSite", siteCheck("PASS", "DISCREPANT"), "不能通过初审");
        assertFormRefused(JIANXI, a, "UserTask_CheckOnSite", withDate(siteCheck("PASS", "CONFIRMED"), "2023-03-02"),
                "不能晚于今天");
        scenario.submitForm(JIANXI, a, "UserTask_CheckOnSite", siteCheck("PASS", "CONFIRMED"));
        Map<String, Object> declined = siteCheck("NOT_RECOMMEND", "DISCREPANT");
        declined.put("form_reason", "现场生产规模与申报数据明显不符");
        scenario.submitForm(JIANXI, b, "UserTask_CheckOnSite", declined);
        assertThat(scenario.stage(b)).isEqualTo("NOT_RECOMMENDED");
        JsonNode checks = scenario.api.get(JIANXI, "/api/applications/" + b.id() + "/county-site-checks").getBody();
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).get("result").asText()).isEqualTo("DISCREPANT");
        assertThat(checks.get(0).get("inspectors").asText()).contains("王科长");
        assertThat(checks.get(0).get("checkedOn").asText()).isEqualTo("2023-03-01");
        assertThat(scenario.api.get("office", "/api/applications/" + a.id() + "/county-site-checks").getBody())
                .hasSize(1);
        assertThat(scenario.api.get(LUOLONG, "/api/applications/" + a.id() + "/county-site-checks").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // Recommendation without quota or rank: 洛龙 recommends all three of its cases.
        recommend(JIANXI, a);
        for (Case luolong : List.of(c, d, i)) {
            scenario.submitForm(LUOLONG, luolong, "UserTask_CheckOnSite", siteCheck("PASS", "CONFIRMED"));
            recommend(LUOLONG, luolong);
        }
        JsonNode list = scenario.api.get(LUOLONG, "/api/campaigns/" + CAMPAIGN + "/units/" + LUOLONG + "/recommendations")
                .getBody();
        assertThat(list.hasNonNull("quota")).as("no quota for the counties").isFalse();
        assertThat(list.get("ranked").asBoolean()).isFalse();
        assertThat(list.get("used").asInt()).isEqualTo(3);

        // 偃师 returns a case before visiting, it comes back corrected and is checked then.
        Map<String, Object> returned = new LinkedHashMap<>(Map.of("form_decision", "RETURN",
                "form_reason", "请补充信用中国查询报告（盖章PDF）", "form_correctionDue", "2023-03-24"));
        scenario.submitForm(YANSHI, e, "UserTask_CheckOnSite", returned);
        assertThat(scenario.stage(e)).isEqualTo("CORRECTION");
        assertThat(scenario.submit(e).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (Case yanshi : List.of(e, k, r)) {
            scenario.submitForm(YANSHI, yanshi, "UserTask_CheckOnSite", siteCheck("PASS", "CONFIRMED"));
            recommend(YANSHI, yanshi);
        }
        assertThat(scenario.api.get("office", "/api/applications/" + e.id() + "/county-site-checks").getBody())
                .hasSize(1);

        // 高新区 proposes one case but never checks another, so it cannot send its list.
        scenario.submitForm(HITECH, f, "UserTask_CheckOnSite", siteCheck("PASS", "CONFIRMED"));
        recommend(HITECH, f);
        assertThatThrownBy(() -> scenario.submitList(HITECH)).hasMessageContaining("未初审");
        for (String county : List.of(JIANXI, LUOLONG, YANSHI)) {
            scenario.uploadUnitDocuments(county, county);
            scenario.submitList(county);
        }

        // 2023-03-29 is the last day: still open at 23:59, closed the next morning.
        scenario.moveClock("2023-03-29T23:59:00");
        Case late = scenario.fileDraft(LUOLONG, "410311", LUOLONG, "洛阳寅最后一天有限公司", form -> { });
        assertThat(scenario.openTasks(h.caseNumber(), HITECH)).containsExactly("UserTask_CheckOnSite");
        assertThat(scenario.stage(f)).isEqualTo("PROPOSED");
        scenario.moveClock("2023-03-30T09:00:00");
        assertRefused(scenario.api.post(LUOLONG, "/api/applications",
                scenario.applicationForm("410311", LUOLONG, "洛阳卯迟到有限公司")), "截止");
        assertThat(scenario.stage(late)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(g)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(h)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(f)).isEqualTo("NOT_RECOMMENDED");
        for (Case recommended : List.of(a, c, d, i, e, k, r)) {
            assertThat(scenario.stage(recommended)).as(recommended.caseNumber()).isEqualTo("FORMAL_REVIEW");
        }

        // The city: formal review, the experts' review of the materials, the defense list.
        for (Case ok : List.of(a, c, d, e, k, r)) {
            scenario.submitForm("office", ok, "UserTask_ReviewFormally", scenario.checklist("PASS"));
        }
        Map<String, Object> reject = scenario.checklist("REJECT");
        reject.put("form_reason", "信用查询报告显示被列入失信被执行人名单");
        reject.put("form_qualified", false);
        scenario.submitForm("office", i, "UserTask_ReviewFormally", reject);
        scoreAll(scenario, a, "UserTask_ScoreMaterials", 90);
        scoreAll(scenario, c, "UserTask_ScoreMaterials", 85);
        scoreAll(scenario, d, "UserTask_ScoreMaterials", 60);
        scoreAll(scenario, e, "UserTask_ScoreMaterials", 88);
        scoreAll(scenario, k, "UserTask_ScoreMaterials", 80);
        scoreAll(scenario, r, "UserTask_ScoreMaterials", 78);
        scenario.submitCampaignForm("office", "UserTask_SetDefenseList", Map.of("form_cutoff", 70,
                "form_defenseStart", "2023-04-20T09:00", "form_defensePlace", "洛龙区开元大道232号115室",
                "form_slotMinutes", 20));
        assertThat(scenario.stage(d)).isEqualTo("BELOW_CUTOFF");

        // The defense (PPT of at most 10 minutes), then site visits for some (PPT and video).
        scenario.moveClock("2023-04-20T09:00:00");
        Map<Case, Integer> defenseScores = Map.of(a, 86, c, 92, e, 60, k, 84, r, 75);
        for (Case defended : List.of(a, c, e, k, r)) {
            assertThat(scenario.api.upload(defended.owner(), defended.id(), "defense-presentation", "答辩PPT.pdf",
                    Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            scenario.submitForm(defended.owner(), defended, "UserTask_UploadPresentation", Map.of("form_confirm", true));
            scoreAll(scenario, defended, "UserTask_ScoreDefense", defenseScores.get(defended));
        }
        scenario.submitForm("office", a, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        scenario.submitForm("office", r, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        scenario.submitForm("office", e, "UserTask_ConcludeDefense",
                Map.of("form_decision", "FAIL", "form_reason", "答辩未能说明实施效果"));
        for (Case visited : List.of(c, k)) {
            scenario.submitForm("office", visited, "UserTask_ConcludeDefense",
                    Map.of("form_decision", "SITE_VISIT", "form_reason", "需实地核实数字化平台运行情况"));
            assertThat(scenario.api.upload(visited.owner(), visited.id(), "site-visit-materials", "实地考察演示.pdf",
                    Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        scenario.moveClock("2023-04-24T09:00:00");
        scenario.submitForm("office", c, "UserTask_VisitSite", Map.of("form_visitedOn", "2023-04-23",
                "form_findings", "数字化质量管控平台运行正常，与申报一致", "form_decision", "PASS"));
        scenario.submitForm("office", k, "UserTask_VisitSite", Map.of("form_visitedOn", "2023-04-23",
                "form_findings", "申报的关键过程控制尚未系统应用", "form_decision", "FAIL"));
        assertThat(scenario.stage(e)).isEqualTo("DEFENSE_FAILED");
        assertThat(scenario.stage(k)).isEqualTo("SITE_VISIT_FAILED");

        // The shortlist: no fixed number, ranked by defense score; noticed from Tuesday 2023-04-25 for 10
        // working days across the Labour Day holiday (29 April to 3 May, Saturday 6 May worked): ends 10 May.
        scenario.moveClock("2023-04-25T09:00:00");
        scenario.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        for (Case selected : List.of(a, c, r)) {
            assertThat(scenario.stage(selected)).isEqualTo("PUBLIC_NOTICE");
        }
        assertThat(historyText(c)).contains("综合排名第1名（共3名");
        assertThat(historyText(a)).contains("综合排名第2名（共3名");
        assertThat(historyText(r)).contains("综合排名第3名（共3名");

        assertThat(scenario.api.post("office", "/api/applications/" + r.id() + "/objections", Map.of("submitterName",
                "赵六", "submitterContact", "13900000009", "content", "该企业2022年发生重大质量事故")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        scenario.submitForm("office", r, "UserTask_InvestigateObjection",
                Map.of("form_findings", "经核实情况属实", "form_decision", "UPHELD"));
        assertThat(scenario.stage(r)).isEqualTo("REMOVED");

        scenario.moveClock("2023-05-10T23:59:00");
        assertThat(scenario.openTasks(CAMPAIGN, "office")).doesNotContain("UserTask_ApproveResults");
        scenario.moveClock("2023-05-11T09:00:00");
        assertThat(scenario.openTasks(CAMPAIGN, "office")).contains("UserTask_ApproveResults");
        scenario.submitCampaignForm("office", "UserTask_ApproveResults", Map.of());
        assertThat(scenario.stage(a)).isEqualTo("ANNOUNCED");
        assertThat(scenario.stage(c)).isEqualTo("ANNOUNCED");

        assertThat(scenario.endOf(a)).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(c)).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(b)).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(f)).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(i)).isEqualTo("EndEvent_Rejected");
        assertThat(scenario.endOf(d)).isEqualTo("EndEvent_BelowCutoff");
        assertThat(scenario.endOf(e)).isEqualTo("EndEvent_DefenseFailed");
        assertThat(scenario.endOf(k)).isEqualTo("EndEvent_SiteVisitFailed");
        assertThat(scenario.endOf(r)).isEqualTo("EndEvent_Removed");
        assertThat(scenario.endOf(g)).isEqualTo("EndEvent_DeadlineMissed");
        assertThat(scenario.endOf(h)).isEqualTo("EndEvent_DeadlineMissed");
        assertThat(scenario.endOf(j)).isEqualTo("EndEvent_Withdrawn");
        assertThat(scenario.activitiesPassed(e)).containsSubsequence("CallActivity_UnitScreening",
                "CallActivity_SelfDeclaration", "CallActivity_UnitScreening", "CallActivity_FormalReview");
        assertCampaignProcessEnded(CAMPAIGN);

        recommendToTheProvince(a, c, d);
        assertNoFormVariableLeft();
    }

    /** 通知二: the province's notice arrives; the office picks among the announced cases, the managers approve. */
    private void recommendToTheProvince(Case a, Case c, Case notAnnounced) {
        ResponseEntity<JsonNode> opened = scenario.api.post("office", "/api/campaigns/" + CAMPAIGN
                + "/province-recommendations", Map.of("provinceNotice", "关于开展2023年河南省质量标杆遴选工作的通知",
                "places", 1, "dueOn", "2023-06-30"));
        assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
        long round = opened.getBody().get("id").asLong();
        String key = CAMPAIGN + "-province-" + round;
        assertThat(scenario.api.post(JIANXI, "/api/campaigns/" + CAMPAIGN + "/province-recommendations",
                Map.of("provinceNotice", "x", "dueOn", "2023-06-30")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode candidates = scenario.api.get("office", "/api/province-recommendations/" + round + "/candidates").getBody();
        List<String> numbers = new ArrayList<>();
        candidates.forEach(candidate -> numbers.add(candidate.get("caseNumber").asText()));
        assertThat(numbers).containsExactlyInAnyOrder(a.caseNumber(), c.caseNumber());

        assertThatThrownBy(() -> workflow.submit(key, "UserTask_PickRecommendations", scenario.user("office"),
                Map.of("form_picks", a.caseNumber() + " 轴承全生命周期质量追溯\n" + c.caseNumber() + "：数字化质量管控")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("名额为1项");
        assertThatThrownBy(() -> workflow.submit(key, "UserTask_PickRecommendations", scenario.user("office"),
                Map.of("form_picks", notAnnounced.caseNumber() + " 矿山机械可靠性")))
                .hasMessageContaining("不是本市历年已公告的市质量标杆");
        assertThatThrownBy(() -> workflow.submit(key, "UserTask_PickRecommendations", scenario.user("office"),
                Map.of("form_picks", c.caseNumber()))).hasMessageContaining("缺少推荐理由");
        workflow.submit(key, "UserTask_PickRecommendations", scenario.user("office"),
                Map.of("form_picks", c.caseNumber() + "：数字化质量管控平台成效显著，可在全省推广"));

        assertThatThrownBy(() -> workflow.submit(key, "UserTask_ApproveRecommendations", scenario.user("manager"),
                Map.of("form_decision", "REVISE"))).hasMessageContaining("需调整的内容");
        workflow.submit(key, "UserTask_ApproveRecommendations", scenario.user("manager"),
                Map.of("form_decision", "APPROVE", "form_note", "同意报送"));

        JsonNode submitted = scenario.api.get("manager", "/api/province-recommendations/" + round).getBody();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("nominations")).hasSize(1);
        assertThat(submitted.get("nominations").get(0).get("reason").asText()).contains("数字化质量管控平台");
        assertThat(historyText(c)).contains("PROVINCE_RECOMMENDED");
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_Submitted").count()).isEqualTo(1);
        assertThat(scenario.api.exchange("office", HttpMethod.DELETE, "/api/province-recommendations/" + round
                + "/nominations/" + c.id(), null, new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private void recommend(String county, Case c) {
        scenario.submitForm(county, c, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND"));
        assertThat(scenario.stage(c)).isEqualTo("PROPOSED");
    }

    private static Map<String, Object> siteCheck(String decision, String result) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("form_decision", decision);
        form.put("form_checkedOn", "2023-03-01");
        form.put("form_inspectors", "县区工信局 王科长、李干事");
        form.put("form_findings", "查看生产现场、质量管理数字化平台和近三年审计报告");
        form.put("form_siteResult", result);
        return form;
    }

    private static Map<String, Object> withDate(Map<String, Object> form, String day) {
        form.put("form_checkedOn", day);
        return form;
    }

    private void assertFormRefused(String user, Case c, String taskKey, Map<String, Object> form, String message) {
        assertThatThrownBy(() -> workflow.submit(c.caseNumber(), taskKey, scenario.user(user), form))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining(message);
        assertThat(scenario.openTasks(c.caseNumber(), user)).contains(taskKey);
    }

    private String historyText(Case c) {
        return scenario.detail(c).get("history").toString();
    }
}
