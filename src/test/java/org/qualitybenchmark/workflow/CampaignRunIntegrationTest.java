package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.workflow.CampaignScenario.Case;
import org.qualitybenchmark.Samples;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One whole campaign, run the way its users run it: applicants file and upload through {@code /api},
 * and every task's form is submitted through the form service as the signed-in user, as Tasklist
 * submits it (the engine REST API is the same call). Deadlines are reached by moving the demo clock and running the jobs that fall due.
 */
class CampaignRunIntegrationTest extends CampaignScenarioTestCase {

    private static final String CAMPAIGN = "hebei-2022-national";

    ApiTestSupport api;
    CampaignScenario scenario;

    @Test
    void aCampaignRunsFromApplicationToAnnouncement() {
        scenario = scenario(CAMPAIGN);
        api = scenario.api;
        scenario.registerExperts(7, Map.of(6, "he-1301"));
        Case a = file("sjz", "he-1301", "石家庄甲精密机械有限公司");
        Case b = file("sjz", "he-1301", "石家庄乙电子有限公司");
        Case g = fileDraft("sjz", "he-1301", "石家庄丙化工有限公司");
        Case c = file("ts", "he-1302", "唐山甲钢铁有限公司");
        Case d = file("ts", "he-1302", "唐山乙陶瓷有限公司");
        Case h = file("ts", "he-1302", "唐山丙装备有限公司");
        Case e = file("bd", "he-1306", "保定甲汽车零部件有限公司");
        Case f = file("bd", "he-1306", "保定乙纺织有限公司");
        Case i = file("bd", "he-1306", "保定丙新能源有限公司");

        scenario.withdraw(h, "ts");
        Case s = fileInTasklist("applicant1", "he-1305", "邢台甲精工有限公司");
        assertThat(scenario.stage(s)).isEqualTo("DRAFT");
        assertThat(workflow.open(s.caseNumber(), scenario.user("applicant1"))).extracting(WorkflowTasks.OpenTask::key)
                .containsExactly("UserTask_SubmitApplication");

        // Unit screening in Tasklist: a unit ranks its recommendations within its quota.
        scenario.submitForm("sjz", a, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 1));
        scenario.submitForm("sjz", b, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 2));
        scenario.submitForm("ts", c, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 1));
        scenario.submitForm("ts", d, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 2));
        scenario.submitForm("bd", e, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 1));
        scenario.submitForm("bd", f, "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "典型经验与申报方向不符"));
        assertThatThrownBy(() -> workflow.submit(i.caseNumber(), "UserTask_ScreenApplication", scenario.user("bd"),
                Map.of("form_decision", "RETURN", "form_reason", "请补充证实性材料")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("表单有误：请填写补正期限");
        scenario.submitForm("bd", i, "UserTask_ScreenApplication",
                Map.of("form_decision", "RETURN", "form_reason", "请补充证实性材料", "form_correctionDue", "2022-06-28"));
        assertThat(scenario.stage(i)).isEqualTo("CORRECTION");
        assertThat(api.post("bd", "/api/applications/" + i.id() + "/submit", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        scenario.submitForm("bd", i, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 2));

        // The notice asks each unit for its 推荐文件 with the list: without it the list is refused, naming it.
        assertThatThrownBy(() -> scenario.submitList("sjz"))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("石家庄市工业和信息化局尚未上传“推荐文件（正式推荐意见，明确推荐排序）”");
        scenario.uploadUnitDocuments("sjz", "he-1301");
        scenario.submitList("sjz");
        scenario.uploadUnitDocuments("ts", "he-1302");
        scenario.submitList("ts");
        scenario.uploadUnitDocuments("bd", "he-1306");
        scenario.submitList("bd");

        // The deadline passes: the draft expires, the other units' list tasks close.
        scenario.moveClock("2022-07-01T09:00:00");
        assertThat(scenario.stage(g)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(s)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(f)).isEqualTo("NOT_RECOMMENDED");
        assertThat(scenario.stage(h)).isEqualTo("WITHDRAWN");

        // Formal review by the organiser's office.
        Map<String, Object> pass = scenario.checklist("PASS");
        for (Case ok : List.of(a, c, d, e, i)) {
            scenario.submitForm("office", ok, "UserTask_ReviewFormally", pass);
        }
        Map<String, Object> reject = scenario.checklist("REJECT");
        reject.put("form_reason", "近三年未连续盈利");
        reject.put("form_profitable", false);
        scenario.submitForm("office", b, "UserTask_ReviewFormally", reject);
        assertThat(scenario.stage(b)).isEqualTo("REJECTED");

        // Material review: five experts each, with a comment that stays out of the engine.
        scoreAll(a, "UserTask_ScoreMaterials", 90);
        scoreAll(c, "UserTask_ScoreMaterials", 55);
        scoreAll(d, "UserTask_ScoreMaterials", 80);
        scoreAll(e, "UserTask_ScoreMaterials", 85);
        scoreAll(i, "UserTask_ScoreMaterials", 88);
        scenario.submitCampaignForm("office", "UserTask_SetDefenseList", Map.of("form_cutoff", 70,
                "form_defenseStart", "2022-08-10T09:00", "form_defensePlace", "石家庄市裕华区省工信厅会议室",
                "form_slotMinutes", 30));
        assertThat(scenario.stage(c)).isEqualTo("BELOW_CUTOFF");

        // Defense: the presentation uploaded through our API, the panel's scores, the panel's conclusion.
        scenario.moveClock("2022-08-10T09:00:00");
        for (Case defended : List.of(a, d, e, i)) {
            assertThat(api.upload(defended.owner(), defended.id(), "defense-presentation", "答辩材料.pdf",
                    Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            scenario.submitForm(defended.owner(), defended, "UserTask_UploadPresentation", Map.of("form_confirm", true));
            scoreAll(defended, "UserTask_ScoreDefense", defended == d ? 60 : 86);
        }
        scenario.submitForm("office", a, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        scenario.submitForm("office", d, "UserTask_ConcludeDefense", Map.of("form_decision", "FAIL", "form_reason", "答辩未能说明实施成效"));
        scenario.submitForm("office", e, "UserTask_ConcludeDefense", Map.of("form_decision", "SITE_VISIT", "form_reason", "数据需现场核实"));
        scenario.submitForm("office", i, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        scenario.moveClock("2022-08-22T09:00:00");
        scenario.submitForm("office", e, "UserTask_VisitSite", Map.of("form_visitedOn", "2022-08-20",
                "form_findings", "现场核实生产数据与申报一致", "form_decision", "PASS"));
        assertThat(scenario.stage(d)).isEqualTo("DEFENSE_FAILED");

        scenario.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        assertThat(scenario.stage(a)).isEqualTo("PUBLIC_NOTICE");

        // An objection during the notice, upheld after investigation.
        ResponseEntity<JsonNode> objection = api.post("office", "/api/applications/" + e.id() + "/objections",
                Map.of("submitterName", "赵六", "submitterContact", "13900000009", "content", "该企业去年发生质量事故😀"));
        assertThat(objection.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        scenario.submitForm("office", e, "UserTask_InvestigateObjection",
                Map.of("form_findings", "经核实情况属实", "form_decision", "UPHELD"));
        assertThat(scenario.stage(e)).isEqualTo("REMOVED");

        scenario.moveClock("2022-09-30T09:00:00");
        scenario.submitCampaignForm("office", "UserTask_ApproveResults", Map.of());
        assertThat(scenario.stage(a)).isEqualTo("ANNOUNCED");
        assertThat(scenario.stage(i)).isEqualTo("ANNOUNCED");

        assertThat(scenario.endOf(a)).isEqualTo("EndEvent_Announced");
        assertThat(scenario.endOf(b)).isEqualTo("EndEvent_Rejected");
        assertThat(scenario.endOf(c)).isEqualTo("EndEvent_BelowCutoff");
        assertThat(scenario.endOf(d)).isEqualTo("EndEvent_DefenseFailed");
        assertThat(scenario.endOf(e)).isEqualTo("EndEvent_Removed");
        assertThat(scenario.endOf(f)).isEqualTo("EndEvent_NotRecommended");
        assertThat(scenario.endOf(g)).isEqualTo("EndEvent_DeadlineMissed");
        assertThat(scenario.endOf(h)).isEqualTo("EndEvent_Withdrawn");
        assertThat(scenario.endOf(s)).isEqualTo("EndEvent_DeadlineMissed");
        assertCampaignProcessEnded(CAMPAIGN);

        JsonNode events = api.get("demo", "/api/applications/" + a.id()).getBody().get("history");
        List<String> actions = new ArrayList<>();
        events.forEach(event -> actions.add(event.get("action").asText()));
        assertThat(actions).contains("SUBMITTED", "SCREENED", "RECOMMENDED", "FORMAL_REVIEWED", "SCORED",
                "DEFENSE_CONCLUDED", "PUBLIC_NOTICE_STARTED", "ANNOUNCED");
        assertNoFormVariableLeft();
    }

    private Case file(String user, String unit, String name) {
        return scenario.file(user, "130100", unit, name);
    }

    private Case fileDraft(String user, String unit, String name) {
        return scenario.fileDraft(user, "130100", unit, name, form -> { });
    }

    /** Files a draft with the case process's start form, as an applicant does in Tasklist. */
    private Case fileInTasklist(String user, String unit, String name) {
        return fileInTasklist(scenario, user, unit, ApiTestSupport.freshHebeiUscc(), name, "实施精益质量管理的经验");
    }

    private void scoreAll(Case c, String taskKey, int score) {
        scoreAll(scenario, c, taskKey, score);
    }
}
