package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.review.Selection;
import org.qualitybenchmark.review.SelectionOutcome;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * The Zhejiang 2024 campaign (浙江省经信厅2024年10月12日通知) run end to end with the notice's own
 * units, quotas and dates: enterprises file with their county bureau by 11-10, the county screens
 * (by 11-13, the configured county deadline), the city ranks within 5 (杭州、宁波 8) and submits its
 * list by 11-15; third-party formal review, expert material review, no defense: the panel shortlists
 * by score and sends some cases to a site check; public notice and announcement.
 */
class ZhejiangCampaignScenarioTest extends CampaignScenarioTestCase {

    private static final String CAMPAIGN = "zhejiang-2024-provincial";

    @Autowired
    PanelService panel;

    CampaignScenario scenario;

    @Test
    void theZhejiangCampaignRunsFromCountyScreeningToAnnouncement() {
        scenario = scenario(CAMPAIGN);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(CAMPAIGN)
                .processDefinitionKey("zhejiang-2024-provincial-campaign").count()).as("started at start-up").isEqualTo(1);
        scenario.registerExperts(6, Map.of(6, "zj-3301"));

        // Before the notice's window nothing can be filed.
        assertThat(scenario.api.post("applicant1", "/api/applications",
                scenario.applicationForm("330106", "zj-330106", "杭州早到有限公司")).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        scenario.moveClock("2024-10-21T09:00:00");

        // Enterprises file with their county bureau; Hangzhou (quota 8) and Huzhou (quota 5).
        List<Case> hangzhou = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            String county = n <= 3 ? "330106" : "330110";
            hangzhou.add(scenario.file("applicant1", county, "zj-" + county, "杭州" + n + "号精密制造有限公司"));
        }
        List<Case> huzhou = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            huzhou.add(scenario.file("applicant2", "330502", "zj-330502", "湖州" + n + "号新材料有限公司"));
        }
        Case wenzhou = scenario.file("applicant3", "330302", "zj-330302", "温州甲鞋业有限公司");
        Case ningbo = scenario.file("applicant3", "330212", "zj-330212", "宁波甲模具有限公司");
        Case taizhou = scenario.file("applicant3", "331002", "zj-331002", "台州甲泵业有限公司");
        Case shaoxing = scenario.file("applicant3", "330602", "zj-330602", "绍兴甲纺织有限公司");
        Case draft = scenario.fileDraft("applicant3", "330402", "zj-330402", "嘉兴甲电子有限公司", form -> { });
        Case late = scenario.fileDraft("applicant3", "330802", "zj-330802", "衢州甲化工有限公司", form -> { });
        scenario.uploadRequired(late, "衢州甲化工有限公司");
        assertThat(scenario.detail(hangzhou.get(0)).get("unit").asText()).isEqualTo("zj-330106");

        // A city sees its counties' cases; another city does not.
        assertThat(scenario.api.get("zj-3301", "/api/applications/" + hangzhou.get(0).id()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(scenario.api.get("zj-3302", "/api/applications/" + hangzhou.get(0).id()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        scenario.withdraw(shaoxing, "applicant3");

        // County screening: only the county's own staff get the task; the city waits for it.
        assertThat(scenario.openTasks(hangzhou.get(0).caseNumber(), "zj-330106")).containsExactly("UserTask_ScreenAtCounty");
        assertThat(scenario.openTasks(hangzhou.get(0).caseNumber(), "zj-3301")).isEmpty();
        for (Case c : hangzhou) {
            countyPasses(hangzhou.indexOf(c) < 3 ? "zj-330106" : "zj-330110", c);
        }
        huzhou.forEach(c -> countyPasses("zj-330502", c));
        countyPasses("zj-330302", wenzhou);
        scenario.submitForm("zj-331002", taizhou, "UserTask_ScreenAtCounty", Map.of("form_decision", "NOT_RECOMMEND",
                "form_siteFindings", "2024年10月25日现场核查", "form_reason", "近两年有环保处罚记录"));
        assertThat(scenario.stage(taizhou)).isEqualTo("NOT_RECOMMENDED");

        // The city ranks within its quota: Hangzhou past 5 (its quota is 8), Huzhou stops at 5.
        for (int n = 0; n < 6; n++) {
            scenario.screen("zj-3301", hangzhou.get(n), n + 1);
        }
        for (int n = 0; n < 5; n++) {
            scenario.screen("zj-3305", huzhou.get(n), n + 1);
        }
        assertThatThrownBy(() -> workflow.submit(huzhou.get(5).caseNumber(), "UserTask_ScreenApplication",
                scenario.user("zj-3305"), Map.of("form_decision", "RECOMMEND", "form_rank", 5)))
                .hasMessageContaining("本单位推荐名额为5项，已拟推荐5项");
        scenario.submitForm("zj-3305", huzhou.get(5), "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "超出本市推荐名额，排序靠后"));
        scenario.screen("zj-3303", wenzhou, 1);
        JsonNode hangzhouList = scenario.api.get("zj-3301",
                "/api/campaigns/" + CAMPAIGN + "/units/zj-3301/recommendations").getBody();
        assertThat(hangzhouList.get("quota").asInt()).isEqualTo(8);
        assertThat(hangzhouList.get("used").asInt()).isEqualTo(6);

        // The application deadline: still open at 23:59 of 11-10, closed the next morning.
        scenario.moveClock("2024-11-10T23:59:00");
        assertThat(scenario.submit(late).getStatusCode()).isEqualTo(HttpStatus.OK);
        scenario.moveClock("2024-11-11T08:00:00");
        assertThat(scenario.stage(draft)).isEqualTo("EXPIRED");
        assertThat(scenario.submit(draft).getStatusCode()).isNotEqualTo(HttpStatus.OK);
        assertThat(scenario.api.post("applicant3", "/api/applications",
                scenario.applicationForm("330106", "zj-330106", "杭州迟到有限公司")).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        countyPasses("zj-330802", late);
        scenario.screen("zj-3308", late, 1);

        // The county deadline (11-13): still open at 23:59, the unscreened case expires the next morning.
        scenario.moveClock("2024-11-13T23:59:00");
        assertThat(scenario.openTasks(ningbo.caseNumber(), "zj-330212")).containsExactly("UserTask_ScreenAtCounty");
        scenario.moveClock("2024-11-14T08:00:00");
        assertThat(scenario.stage(ningbo)).isEqualTo("EXPIRED");
        assertThat(scenario.openTasks(ningbo.caseNumber(), "zj-330212")).isEmpty();

        // The cities' lists by 11-15; Wenzhou's stays out and its proposed case is not recommended.
        // Each city sends its sealed, ranked 推荐意见汇总表 (附件3) with the list; without it the list is refused.
        assertThatThrownBy(() -> scenario.submitList("zj-3301"))
                .hasMessageContaining("杭州市经济和信息化局尚未上传“排序后的推荐意见汇总表（附件3，加盖公章）”");
        for (String city : List.of("zj-3301", "zj-3305", "zj-3308")) {
            scenario.uploadUnitDocuments(city, city);
            scenario.submitList(city);
        }
        scenario.moveClock("2024-11-15T23:59:00");
        assertThat(scenario.openTasks(CAMPAIGN, "zj-3303")).containsExactly("UserTask_SubmitRecommendationList");
        assertThat(scenario.stage(wenzhou)).isEqualTo("PROPOSED");
        scenario.moveClock("2024-11-16T08:00:00");
        assertThat(scenario.openTasks(CAMPAIGN, "zj-3303")).isEmpty();
        assertThat(scenario.stage(wenzhou)).isEqualTo("NOT_RECOMMENDED");

        // The third party's formal review; one case is rejected.
        List<Case> reviewed = new ArrayList<>(hangzhou);
        reviewed.addAll(huzhou.subList(0, 5));
        reviewed.add(late);
        Case rejected = huzhou.get(4);
        for (Case c : reviewed) {
            if (c == rejected) {
                Map<String, Object> reject = scenario.checklist("REJECT");
                reject.put("form_qualified", false);
                reject.put("form_reason", "在信用方面有不良记录");
                scenario.submitForm("office", c, "UserTask_ReviewFormally", reject);
            } else {
                scenario.submitForm("office", c, "UserTask_ReviewFormally", scenario.checklist("PASS"));
            }
        }
        assertThat(scenario.stage(rejected)).isEqualTo("REJECTED");
        reviewed.remove(rejected);

        // The experts' material review; the expert of 杭州 recuses from Hangzhou's cases.
        int[] scores = {95, 90, 85, 80, 70, 88, 92, 60, 86, 84, 83};
        for (int n = 0; n < reviewed.size(); n++) {
            assertThat(scenario.scoreAll(reviewed.get(n), "UserTask_ScoreMaterials", scores[n], 6))
                    .as("experts scoring %s", reviewed.get(n).caseNumber()).isEqualTo(5);
        }
        Case h3 = hangzhou.get(2);
        Case h4 = hangzhou.get(3);
        Case h5 = hangzhou.get(4);
        Case z2 = huzhou.get(1);
        Case z4 = huzhou.get(3);

        // No defense: the panel sets the cut-off and names the cases to check on site.
        assertThatThrownBy(() -> workflow.submit(CAMPAIGN, "UserTask_ConcludeMaterialReview", scenario.user("office"),
                Map.of("form_cutoff", 75, "form_siteVisits", h5.caseNumber())))
                .hasMessageContaining("低于入围分数线");
        scenario.submitCampaignForm("office", "UserTask_ConcludeMaterialReview", Map.of("form_cutoff", 75,
                "form_siteVisits", h3.caseNumber() + "，" + z4.caseNumber(), "form_note", "第三方机构和专家组合议"));
        assertThat(scenario.stage(h5)).isEqualTo("BELOW_CUTOFF");
        assertThat(scenario.stage(z2)).isEqualTo("BELOW_CUTOFF");
        assertThat(scenario.stage(h3)).isEqualTo("SITE_VISIT");
        assertThat(scenario.stage(hangzhou.get(0))).isEqualTo("SHORTLISTED");

        scenario.moveClock("2024-11-20T09:00:00");
        scenario.submitForm("office", h3, "UserTask_VisitSite", Map.of("form_visitedOn", "2024-11-19",
                "form_findings", "现场核查质量数据与申报一致", "form_decision", "PASS"));
        scenario.submitForm("office", z4, "UserTask_VisitSite", Map.of("form_visitedOn", "2024-11-19",
                "form_findings", "现场未见申报的数字化质量平台运行", "form_decision", "FAIL"));

        // The shortlist, ranked by material score; the notice sets no number, so every case on it is selected.
        scenario.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        List<Selection> shortlist = panel.shortlist(catalog.campaign(CAMPAIGN).orElseThrow().id());
        assertThat(shortlist).extracting(Selection::getApplicationId).containsExactly(
                hangzhou.get(0).id(), huzhou.get(0).id(), hangzhou.get(1).id(), hangzhou.get(5).id(),
                huzhou.get(2).id(), h3.id(), late.id(), h4.id());
        assertThat(shortlist).extracting(Selection::getOutcome).containsOnly(SelectionOutcome.SELECTED);
        assertThat(shortlist).extracting(Selection::getMaterialScore).first().isEqualTo(new BigDecimal("95.00"));
        assertThat(shortlist).extracting(Selection::getDefenseScore).containsOnlyNulls();
        assertThat(scenario.stage(hangzhou.get(0))).isEqualTo("PUBLIC_NOTICE");

        // An objection during the notice, upheld.
        ResponseEntity<JsonNode> objection = scenario.api.post("office", "/api/applications/" + h4.id() + "/objections",
                Map.of("submitterName", "钱七", "submitterContact", "13900000010", "content", "该企业申报的市场占有率与事实不符"));
        assertThat(objection.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        scenario.submitForm("office", h4, "UserTask_InvestigateObjection",
                Map.of("form_findings", "经核实市场占有率数据有误", "form_decision", "UPHELD"));
        assertThat(scenario.stage(h4)).isEqualTo("REMOVED");

        scenario.moveClock("2024-12-16T09:00:00");
        scenario.submitCampaignForm("office", "UserTask_ApproveResults", Map.of());
        assertThat(scenario.stage(hangzhou.get(0))).isEqualTo("ANNOUNCED");
        assertThat(scenario.stage(late)).isEqualTo("ANNOUNCED");

        assertThat(scenario.endOf(hangzhou.get(0))).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(h3)).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(late)).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(h4)).isEqualTo("EndEvent_Removed");
        assertThat(scenario.endOf(h5)).isEqualTo("EndEvent_BelowCutoff");
        assertThat(scenario.endOf(z4)).isEqualTo("EndEvent_SiteVisitFailed");
        assertThat(scenario.endOf(rejected)).isEqualTo("EndEvent_Rejected");
        assertThat(scenario.endOf(huzhou.get(5))).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(taizhou)).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(wenzhou)).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(ningbo)).isEqualTo("EndEvent_DeadlineMissed");
        assertThat(scenario.endOf(draft)).isEqualTo("EndEvent_DeadlineMissed");
        assertThat(scenario.endOf(shaoxing)).isEqualTo("EndEvent_Withdrawn");
        assertThat(scenario.activitiesPassed(h3)).contains("CallActivity_SiteVisit").doesNotContain("CallActivity_Defense");
        assertCampaignProcessEnded(CAMPAIGN);
        assertNoFormVariableLeft();
    }

    private void countyPasses(String county, Case c) {
        scenario.submitForm(county, c, "UserTask_ScreenAtCounty", Map.of("form_decision", "PASS",
                "form_siteFindings", "材料真实有效，2024年10月28日到企业现场核查，生产经营正常"));
    }
}
