package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.qualitybenchmark.Samples;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.review.Selection;
import org.qualitybenchmark.review.SelectionOutcome;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * Shandong 2023, both tracks of the one notice (山东省工业和信息化厅2023年8月9日), run on one clock as
 * their users run them: the 16 cities and the direct channel, applications until 31 August, each
 * city's 1—2 national recommendations, the province's expert review without a defense, the national
 * track's online submission by 15 September, and the provincial track's site checks, online public
 * notice and publication.
 */
class ShandongCampaignScenarioTest extends CampaignScenarioTestCase {

    private static final String NATIONAL = "shandong-2023-national";
    private static final String PROVINCIAL = "shandong-2023-provincial";
    private static final String JINAN = "sd-3701";
    private static final String QINGDAO = "sd-3702";
    private static final String ZIBO = "sd-3703";
    private static final String DIRECT = "sd-direct";
    private static final String LIST_TASK = "UserTask_SubmitRecommendationList";

    @Autowired
    PanelService panel;

    CampaignScenario national;
    CampaignScenario provincial;

    @Test
    void bothTracksRunFromApplicationToTheirEnds() {
        national = scenario(NATIONAL);
        provincial = scenario(PROVINCIAL);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(NATIONAL).count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(PROVINCIAL).count()).isEqualTo(1);
        national.registerExperts(7, Map.of(6, JINAN));

        // Before the notice's window nothing is filed.
        national.moveClock("2023-08-08T09:00:00");
        assertRefused(national.api.post("applicant1", "/api/applications",
                national.applicationForm("370100", JINAN, "济南早报机械有限公司")), "自2023-08-09起接受申报");

        national.moveClock("2023-08-10T09:00:00");
        // The national track's industries: 06-46 and the listed producer services, 租赁业 (71) not among them.
        Map<String, Object> leasing = national.applicationForm("370100", JINAN, "济南租赁有限公司");
        enterprise(leasing).put("industryCode", "71");
        assertRefused(national.api.post("applicant1", "/api/applications", leasing), "不在本次活动的遴选范围内");

        Case a = file(national, "applicant1", "370100", JINAN, "济南甲商务服务有限公司",
                form -> industry(form, "72", "MEDIUM"));
        Case b = file(national, JINAN, "370100", JINAN, "济南乙电子有限公司", form -> { });
        Case c = file(national, JINAN, "370100", JINAN, "济南丙化工有限公司", form -> { });
        Case d = file(national, QINGDAO, "370200", QINGDAO, "青岛甲家电有限公司", form -> { });
        Case f = file(national, ZIBO, "370300", ZIBO, "淄博甲陶瓷有限公司", form -> { });
        Case g = file(national, "applicant2", "370100", DIRECT, "山东甲能源集团有限公司", form -> { });
        Case h = file(national, DIRECT, "370100", DIRECT, "山东乙港口集团有限公司",
                form -> industry(form, "55", "LARGE"));
        Case w = file(national, QINGDAO, "370200", QINGDAO, "青岛乙轮胎有限公司", form -> { });
        Case i = national.fileDraft("applicant3", "370600", "sd-3706", "烟台甲葡萄酒有限公司", form -> { });

        // Each city recommends at most 2: the third is refused, naming the quota.
        national.screen(JINAN, a, 1);
        national.screen(JINAN, b, 2);
        assertThatThrownBy(() -> national.submitForm(JINAN, c, "UserTask_ScreenApplication",
                Map.of("form_decision", "RECOMMEND", "form_rank", 1)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("本单位推荐名额为2项，已拟推荐2项");
        assertThat(national.stage(c)).isEqualTo("SUBMITTED");
        national.submitForm(JINAN, c, "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "本市已择优推荐2项"));
        national.uploadUnitDocuments(JINAN, JINAN);
        national.submitList(JINAN);

        // And at least 1: an empty list of a city is refused; the direct channel has no limit.
        national.withdraw(w, QINGDAO);
        national.submitForm(QINGDAO, d, "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "典型经验与重点领域不符"));
        assertThatThrownBy(() -> workflow.submit(NATIONAL, LIST_TASK, national.user(QINGDAO), Map.of("form_confirm", true)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("本单位须至少推荐1项");
        Case e = file(national, QINGDAO, "370200", QINGDAO, "青岛丙海洋装备有限公司", form -> { });
        national.screen(QINGDAO, e, 1);
        national.uploadUnitDocuments(QINGDAO, QINGDAO);
        national.submitList(QINGDAO);
        national.screen(ZIBO, f, 1);
        national.screen(DIRECT, g, 1);
        national.screen(DIRECT, h, 2);
        // The cities send 推荐文件 and 汇总表; enterprises that report directly have nobody to write them.
        national.submitList(DIRECT);

        // The provincial track: no quota, the same dates.
        Case p1 = file(provincial, "applicant1", "370100", JINAN, "济南己重工有限公司", form -> { });
        Case p2 = file(provincial, JINAN, "370100", JINAN, "济南丁机床有限公司", form -> { });
        Case p3 = file(provincial, JINAN, "370100", JINAN, "济南戊食品有限公司", form -> { });
        Case p4 = file(provincial, QINGDAO, "370200", QINGDAO, "青岛丁纺织有限公司", form -> { });
        Case p5 = file(provincial, QINGDAO, "370200", QINGDAO, "青岛戊啤酒有限公司", form -> { });
        Case p6 = file(provincial, DIRECT, "370100", DIRECT, "山东丙钢铁集团有限公司", form -> { });
        Case p7 = file(provincial, DIRECT, "370100", DIRECT, "山东丁交通集团有限公司", form -> { });
        Case p8 = file(provincial, "applicant2", "370300", ZIBO, "淄博乙化纤有限公司", form -> { });
        for (Case p : List.of(p1, p2, p3)) {
            provincial.screen(JINAN, p, 1 + List.of(p1, p2, p3).indexOf(p));
        }
        provincial.screen(QINGDAO, p4, 1);
        provincial.screen(QINGDAO, p5, 2);
        provincial.screen(DIRECT, p6, 1);
        provincial.screen(DIRECT, p7, 2);
        provincial.withdraw(p8, "applicant2");
        for (String unit : List.of(JINAN, QINGDAO, DIRECT)) {
            provincial.uploadUnitDocuments(unit, unit);
            provincial.submitList(unit);
        }

        // The last day is still open at 23:59; the next morning it is closed.
        national.moveClock("2023-08-31T23:59:00");
        assertThat(national.stage(i)).isEqualTo("DRAFT");
        assertThat(national.openTasks(NATIONAL, ZIBO)).contains(LIST_TASK);
        national.moveClock("2023-09-01T08:00:00");
        assertThat(national.stage(i)).isEqualTo("EXPIRED");
        assertThat(national.stage(f)).as("淄博 sent no list").isEqualTo("NOT_RECOMMENDED");
        assertThat(national.openTasks(NATIONAL, ZIBO)).doesNotContain(LIST_TASK);
        assertRefused(national.api.post("applicant1", "/api/applications",
                national.applicationForm("370100", JINAN, "济南迟报机械有限公司")), "截止，逾期不再受理");

        // The province's formal review and expert review.
        for (Case ok : List.of(a, b, e, g, h)) {
            national.submitForm("office", ok, "UserTask_ReviewFormally", national.checklist("PASS"));
        }
        for (Case ok : List.of(p1, p2, p3, p4, p5, p6)) {
            provincial.submitForm("office", ok, "UserTask_ReviewFormally", provincial.checklist("PASS"));
        }
        Map<String, Object> reject = provincial.checklist("REJECT");
        reject.put("form_profitable", false);
        reject.put("form_reason", "2021年度亏损，不符合近三年连续盈利的条件");
        provincial.submitForm("office", p7, "UserTask_ReviewFormally", reject);
        score(national, Map.of(a, 90, b, 72, e, 85, g, 88, h, 60));
        score(provincial, Map.of(p1, 92, p2, 80, p3, 86, p4, 65, p5, 78, p6, 83));

        // National: the panel's cut-off, then the recommendation ranked by the material score.
        national.submitCampaignForm("office", "UserTask_ConcludeMaterialReview", Map.of("form_cutoff", 75));
        assertThat(national.stage(b)).isEqualTo("BELOW_CUTOFF");
        assertThat(national.stage(h)).isEqualTo("BELOW_CUTOFF");
        national.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        assertThat(panel.shortlist(catalog.campaign(NATIONAL).orElseThrow().id())).extracting(Selection::getApplicationId,
                Selection::getFinalRank, Selection::getOutcome, Selection::getDefenseScore)
                .containsExactly(tuple(a.id(), 1, SelectionOutcome.SELECTED, null),
                        tuple(g.id(), 2, SelectionOutcome.SELECTED, null),
                        tuple(e.id(), 3, SelectionOutcome.SELECTED, null));
        assertThat(national.stage(a)).isEqualTo("ONLINE_SUBMISSION");

        // Provincial: the cut-off with site checks; the results wait for them.
        provincial.submitCampaignForm("office", "UserTask_ConcludeMaterialReview", Map.of("form_cutoff", 75,
                "form_siteVisits", p2.caseNumber() + "、" + p5.caseNumber()));
        assertThat(provincial.stage(p4)).isEqualTo("BELOW_CUTOFF");
        assertThat(provincial.stage(p2)).isEqualTo("SITE_VISIT");
        assertThatThrownBy(() -> workflow.submit(PROVINCIAL, "UserTask_DecideShortlist", provincial.user("office"),
                Map.of("form_confirm", true))).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("现场考察");

        // National: online submission by 15 September, confirmed by the enterprise in Tasklist.
        national.moveClock("2023-09-12T10:00:00");
        assertThatThrownBy(() -> workflow.submit(a.caseNumber(), "UserTask_ConfirmOnlineSubmission",
                national.user("applicant1"), Map.of("form_submittedOn", "2023-09-13", "form_confirm", true)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("晚于今天");
        national.submitForm("applicant1", a, "UserTask_ConfirmOnlineSubmission", Map.of("form_submittedOn", "2023-09-12",
                "form_reference", "CAQ2023-0388", "form_confirm", true));
        national.submitForm(DIRECT, g, "UserTask_ConfirmOnlineSubmission", Map.of("form_submittedOn", "2023-09-11",
                "form_confirm", true));
        assertThat(national.stage(a)).isEqualTo("SUBMITTED_ONLINE");
        national.moveClock("2023-09-15T23:59:00");
        assertThat(national.stage(e)).isEqualTo("ONLINE_SUBMISSION");
        assertThat(national.openTasks(e.caseNumber(), QINGDAO)).contains("UserTask_ConfirmOnlineSubmission");
        national.moveClock("2023-09-16T08:00:00");
        assertThat(national.stage(e)).isEqualTo("ONLINE_SUBMISSION_MISSED");
        assertCampaignProcessEnded(NATIONAL);
        JsonNode submissions = national.api.get("office", "/api/campaigns/" + NATIONAL + "/online-submissions").getBody();
        List<String> statuses = new ArrayList<>();
        submissions.forEach(s -> statuses.add(s.get("caseNumber").asText() + " " + s.get("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder(a.caseNumber() + " CONFIRMED", g.caseNumber() + " CONFIRMED",
                e.caseNumber() + " MISSED");
        assertThat(national.api.get(QINGDAO, "/api/campaigns/" + NATIONAL + "/online-submissions").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(national.api.get("applicant1", "/api/applications/" + a.id() + "/online-submission").getBody()
                .get("reference").asText()).isEqualTo("CAQ2023-0388");
        assertThat(historyOf(national, e, "action")).contains("ONLINE_SUBMISSION_OPENED", "ONLINE_SUBMISSION_MISSED");

        // Provincial: the site checks, the results, the online public notice and the publication.
        provincial.moveClock("2023-09-18T09:00:00");
        provincial.submitForm("office", p2, "UserTask_VisitSite", Map.of("form_visitedOn", "2023-09-15",
                "form_findings", "现场核实质量管理体系运行记录，与申报材料一致", "form_decision", "PASS"));
        provincial.submitForm("office", p5, "UserTask_VisitSite", Map.of("form_visitedOn", "2023-09-18",
                "form_findings", "申报的数字化平台尚未上线运行", "form_decision", "FAIL"));
        provincial.moveClock("2023-09-20T09:00:00");
        provincial.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        assertThat(panel.shortlist(catalog.campaign(PROVINCIAL).orElseThrow().id())).extracting(Selection::getApplicationId,
                Selection::getFinalRank, Selection::getOutcome)
                .containsExactly(tuple(p1.id(), 1, SelectionOutcome.SELECTED), tuple(p3.id(), 2, SelectionOutcome.SELECTED),
                        tuple(p6.id(), 3, SelectionOutcome.SELECTED), tuple(p2.id(), 4, SelectionOutcome.SELECTED));
        assertThat(provincial.stage(p1)).isEqualTo("PUBLIC_NOTICE");
        ResponseEntity<JsonNode> objection = provincial.api.post("office", "/api/applications/" + p6.id() + "/objections",
                Map.of("submitterName", "李四", "submitterContact", "13900000011", "content", "该企业今年发生重大安全事故"));
        assertThat(objection.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        provincial.submitForm("office", p6, "UserTask_InvestigateObjection",
                Map.of("form_findings", "经核实情况属实", "form_decision", "UPHELD"));
        assertThat(provincial.stage(p6)).isEqualTo("REMOVED");

        // Ten working days from Wednesday 20 September: the National Day holidays do not count,
        // the make-up Saturday and Sunday (7 and 8 October) do; the notice ends on 9 October.
        provincial.moveClock("2023-10-09T23:59:00");
        assertThat(provincial.openTasks(PROVINCIAL, "office")).doesNotContain("UserTask_ApproveResults");
        provincial.moveClock("2023-10-10T08:00:00");
        assertThat(provincial.openTasks(PROVINCIAL, "office")).contains("UserTask_ApproveResults");
        provincial.submitCampaignForm("office", "UserTask_ApproveResults", Map.of());
        assertThat(provincial.stage(p1)).isEqualTo("ANNOUNCED");

        assertThat(Map.of(a, "EndEvent_SubmittedOnline", g, "EndEvent_SubmittedOnline",
                e, "EndEvent_OnlineSubmissionMissed", b, "EndEvent_BelowCutoff", h, "EndEvent_BelowCutoff",
                c, "EndEvent_NotRecommended", d, "EndEvent_NotRecommended", f, "EndEvent_NotRecommended",
                i, "EndEvent_DeadlineMissed", w, "EndEvent_Withdrawn"))
                .allSatisfy((k, end) -> assertThat(national.endOf(k)).as(k.caseNumber()).isEqualTo(end));
        assertThat(Map.of(p1, "EndEvent_Announced", p2, "EndEvent_Announced", p3, "EndEvent_Announced",
                p4, "EndEvent_BelowCutoff", p5, "EndEvent_SiteVisitFailed", p6, "EndEvent_Removed",
                p7, "EndEvent_Rejected", p8, "EndEvent_Withdrawn"))
                .allSatisfy((k, end) -> assertThat(provincial.endOf(k)).as(k.caseNumber()).isEqualTo(end));
        assertCampaignProcessEnded(PROVINCIAL);
        assertNoFormVariableLeft();
    }

    /**
     * Files a case with every required attachment, the enterprise's package named after it as the
     * notice asks (以“申报企业全称”命名，不超过500MB), and submits it.
     */
    private Case file(CampaignScenario scenario, String user, String division, String unit, String name,
            Consumer<Map<String, Object>> customiser) {
        Case filed = scenario.fileDraft(user, division, unit, name, customiser);
        for (AttachmentKind kind : scenario.campaign().attachments().kinds()) {
            if (kind.required()) {
                boolean archive = kind.extensions().contains("zip");
                String fileName = (kind.nameMustMatchEnterprise() ? name : kind.code()) + (archive ? ".zip" : ".pdf");
                ResponseEntity<JsonNode> uploaded = scenario.api.upload(filed.owner(), filed.id(), kind.code(), fileName,
                        archive ? Samples.zip() : Samples.pdf());
                assertThat(uploaded.getStatusCode()).as("uploading %s: %s", kind.code(), uploaded.getBody())
                        .isEqualTo(HttpStatus.CREATED);
            }
        }
        ResponseEntity<JsonNode> submitted = scenario.submit(filed);
        assertThat(submitted.getStatusCode()).as("submitting %s: %s", name, submitted.getBody()).isEqualTo(HttpStatus.OK);
        return filed;
    }

    /** Every case's five experts give it the same score on every criterion. */
    private static void score(CampaignScenario scenario, Map<Case, Integer> scores) {
        scores.forEach((c, score) -> assertThat(scenario.scoreAll(c, "UserTask_ScoreMaterials", score, 7))
                .as("experts scoring %s", c.caseNumber()).isEqualTo(5));
    }

    /** A producer-service enterprise: its division, and its size by that industry's thresholds. */
    private static void industry(Map<String, Object> form, String code, String size) {
        enterprise(form).put("industryCode", code);
        enterprise(form).put("declaredSize", size);
    }
}
