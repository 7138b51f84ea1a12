package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.qualitybenchmark.Samples;
import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.review.Selection;
import org.qualitybenchmark.review.SelectionOutcome;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * Hebei 2022 (冀工信科函〔2022〕331号) with the notice's own numbers: the 26 recommending units of
 * 附件3, each city (定州、辛集 included) and 雄安新区 recommending at most 3 and each provincial
 * association at most 2, in a ranked list, by 30 June 2022; the province picks the best 5 after the
 * defense and puts them on public notice for 10 working days. {@link CampaignRunIntegrationTest} runs
 * the same campaign through every kind of end with few cases; this one runs the quotas and the top 5.
 */
class HebeiCampaignScenarioTest extends CampaignScenarioTestCase {

    private static final String CAMPAIGN = "hebei-2022-national";
    private static final String LIST_TASK = "UserTask_SubmitRecommendationList";
    private static final String SHIJIAZHUANG = "he-1301";
    private static final String TANGSHAN = "he-1302";
    private static final String BAODING = "he-1306";
    private static final String MACHINERY = "he-assoc-machinery";
    /** 附件3: the 11 cities, 定州 and 辛集 (quota as a city) and 雄安新区. */
    private static final List<String> CITIES = List.of("he-1301", "he-1308", "he-1307", "he-1303", "he-1302", "he-1310",
            "he-1306", "he-1309", "he-1311", "he-1305", "he-1304", "he-dingzhou", "he-xinji", "he-xiongan");
    /** 附件3: the provincial industry associations. */
    private static final List<String> ASSOCIATIONS = List.of("he-assoc-metallurgy", "he-assoc-building-materials",
            "he-assoc-petrochemical", "he-assoc-machinery", "he-assoc-textile", "he-assoc-food",
            "he-assoc-light-industry", "he-assoc-pharmaceutical", "he-assoc-information", "he-assoc-quality",
            "he-assoc-quality-culture", "he-assoc-brand");
    /** The demo's named unit logins; every other unit's login is its code. */
    private static final Map<String, String> NAMED_LOGINS = Map.of("he-1301", "sjz", "he-1302", "ts", "he-1304", "hd",
            "he-1305", "xt", "he-1306", "bd", "he-1309", "cz", "he-assoc-machinery", "assoc");

    @Autowired
    PanelService panel;

    @Test
    void twentySixUnitsRecommendWithinTheirQuotasAndTheProvinceSelectsTheBestFive() {
        CampaignScenario scenario = scenario(CAMPAIGN);
        scenario.registerExperts(7, Map.of(6, SHIJIAZHUANG));

        // 附件3: 26 units, 3 places for a city or 雄安新区, 2 for an association, ranked; the province recommends 5.
        JsonNode campaign = scenario.api.get("applicant1", "/api/campaigns/" + CAMPAIGN).getBody();
        Map<String, Integer> quotas = new LinkedHashMap<>();
        campaign.path("units").forEach(unit -> quotas.put(unit.path("code").asText(), unit.path("quota").asInt()));
        Map<String, Integer> expected = new LinkedHashMap<>();
        CITIES.forEach(city -> expected.put(city, 3));
        ASSOCIATIONS.forEach(association -> expected.put(association, 2));
        assertThat(quotas).hasSize(26).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(campaign.path("rankedRecommendations").asBoolean()).isTrue();
        assertThat(campaign.path("selectTopK").asInt()).isEqualTo(5);
        assertThat(campaign.at("/schedule/recommendationDue").asText()).isEqualTo("2022-06-30");
        assertThat(campaign.path("publicNoticeWorkingDays").asInt()).isEqualTo(10);
        // Every unit takes part: its own list in the recommendations API and its list task in Tasklist.
        expected.forEach((unit, quota) -> {
            JsonNode list = recommendations(scenario, "office", unit);
            assertThat(list.path("quota").asInt()).as("quota of %s", unit).isEqualTo(quota);
            assertThat(list.path("ranked").asBoolean()).as("%s ranks", unit).isTrue();
            assertThat(scenario.openTasks(CAMPAIGN, login(unit))).as("tasks of %s", unit).contains(LIST_TASK);
        });

        // Filed in this order, so that case numbers and submission times disagree (see the shortlist).
        Case t2 = scenario.fileDraft("ts", "130200", TANGSHAN, "唐山乙轨道装备有限公司", form -> { });
        Case m1 = scenario.file("assoc", "130100", MACHINERY, "河北甲重型机械有限公司");
        Case m2 = scenario.file("assoc", "130100", MACHINERY, "河北乙农业机械有限公司");
        Case a1 = scenario.file("sjz", "130100", SHIJIAZHUANG, "石家庄甲药业有限公司");
        Case a2 = scenario.file("sjz", "130100", SHIJIAZHUANG, "石家庄乙通信设备有限公司");
        Case a3 = scenario.file("sjz", "130100", SHIJIAZHUANG, "石家庄丙食品有限公司");
        Case a4 = scenario.file("sjz", "130100", SHIJIAZHUANG, "石家庄丁纺织有限公司");
        Case m3 = scenario.file("assoc", "130100", MACHINERY, "河北丙机床有限公司");
        Case t1 = scenario.file("ts", "130200", TANGSHAN, "唐山甲钢铁有限公司");
        Case b1 = scenario.file("bd", "130600", BAODING, "保定甲汽车零部件有限公司");
        Case draft = scenario.fileDraft("applicant1", "130500", "he-1305", "邢台甲玻璃有限公司", form -> { });
        scenario.moveClock("2022-06-21T09:00:00");
        scenario.uploadRequired(t2, "唐山乙轨道装备有限公司");
        assertThat(scenario.submit(t2).getStatusCode()).isEqualTo(HttpStatus.OK);

        // A city: ranks 1 to 3, each rank once; its 4th recommendation is refused, naming the quota.
        scenario.screen("sjz", a1, 1);
        scenario.screen("sjz", a2, 2);
        assertFormRefused(scenario, "sjz", a3, recommend(2), "推荐排序第2位已给了案件" + a2.caseNumber());
        scenario.screen("sjz", a3, 3);
        assertFormRefused(scenario, "sjz", a4, recommend(1), "本单位推荐名额为3项，已拟推荐3项");
        scenario.submitForm("sjz", a4, "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "本市推荐名额已满"));
        assertThat(recommendations(scenario, "sjz", SHIJIAZHUANG).path("cases")).extracting(c -> c.path("rank").asInt())
                .containsExactly(1, 2, 3);

        // An association: 2 places, ranks within them; the 3rd recommendation is refused.
        assertFormRefused(scenario, "assoc", m1, recommend(3), "推荐排序应在1至2之间（本单位推荐名额为2项）");
        scenario.screen("assoc", m1, 1);
        scenario.screen("assoc", m2, 2);
        assertFormRefused(scenario, "assoc", m3, recommend(1), "本单位推荐名额为2项，已拟推荐2项");
        scenario.submitForm("assoc", m3, "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "本协会推荐名额已满"));
        scenario.screen("ts", t1, 1);
        scenario.screen("ts", t2, 2);
        scenario.screen("bd", b1, 1);
        for (String unit : List.of(SHIJIAZHUANG, MACHINERY)) {
            scenario.uploadUnitDocuments(login(unit), unit);
            scenario.submitList(login(unit));
        }

        // 30 June is still open at 23:59: the draft can still go in, a list is still taken.
        scenario.moveClock("2022-06-30T23:59:00");
        assertThat(scenario.stage(draft)).isEqualTo("DRAFT");
        assertThat(scenario.openTasks(CAMPAIGN, "bd")).contains(LIST_TASK);
        scenario.uploadUnitDocuments("ts", TANGSHAN);
        scenario.submitList("ts");
        // The next morning it is closed: the draft expired, 保定's list never came, its case is out.
        scenario.moveClock("2022-07-01T08:00:00");
        assertThat(scenario.stage(draft)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(b1)).as("保定 sent no list").isEqualTo("NOT_RECOMMENDED");
        assertThat(scenario.openTasks(CAMPAIGN, "bd")).doesNotContain(LIST_TASK);
        assertThat(scenario.openTasks(CAMPAIGN, "he-1308")).doesNotContain(LIST_TASK);
        assertRefused(scenario.api.post("applicant2", "/api/applications",
                scenario.applicationForm("130200", TANGSHAN, "唐山迟报陶瓷有限公司")), "2022-06-30截止，逾期不再受理");

        List<Case> recommended = List.of(a1, a2, a3, m1, m2, t1, t2);
        for (Case c : recommended) {
            assertThat(scenario.stage(c)).as(c.caseNumber()).isEqualTo("FORMAL_REVIEW");
            scenario.submitForm("office", c, "UserTask_ReviewFormally", scenario.checklist("PASS"));
        }
        Map<Case, Integer> material = Map.of(a1, 90, a2, 85, a3, 88, m1, 86, m2, 82, t1, 80, t2, 86);
        material.forEach((c, score) -> scoreAll(scenario, c, "UserTask_ScoreMaterials", score));
        scenario.submitCampaignForm("office", "UserTask_SetDefenseList", Map.of("form_cutoff", 75,
                "form_defenseStart", "2022-08-10T09:00", "form_defensePlace", "河北省工业和信息化厅第三会议室",
                "form_slotMinutes", 20));

        // All seven pass the defense: the defense score ranks them, ties go to the material score, then to
        // the earlier submission (唐山乙 was filed before 河北甲 but submitted a day later), then the case number.
        scenario.moveClock("2022-08-10T09:00:00");
        Map<Case, Integer> defense = Map.of(t1, 92, a2, 90, m1, 88, t2, 88, a1, 85, m2, 85, a3, 80);
        for (Case c : recommended) {
            assertThat(scenario.stage(c)).as(c.caseNumber()).isEqualTo("DEFENSE");
            assertThat(scenario.api.upload(c.owner(), c.id(), "defense-presentation", "答辩材料.pdf", Samples.pdf())
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            scenario.submitForm(c.owner(), c, "UserTask_UploadPresentation", Map.of("form_confirm", true));
            scoreAll(scenario, c, "UserTask_ScoreDefense", defense.get(c));
            scenario.submitForm("office", c, "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        }
        assertThat(t2.caseNumber()).isLessThan(m1.caseNumber());

        // Thursday 1 September 2022: the shortlist, exactly five selected.
        scenario.moveClock("2022-09-01T09:00:00");
        scenario.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        List<Selection> shortlist = panel.shortlist(catalog.campaign(CAMPAIGN).orElseThrow().id());
        assertThat(shortlist).extracting(Selection::getApplicationId, Selection::getFinalRank, Selection::getOutcome,
                s -> s.getDefenseScore().intValue(), s -> s.getMaterialScore().intValue())
                .containsExactly(tuple(t1.id(), 1, SelectionOutcome.SELECTED, 92, 80),
                        tuple(a2.id(), 2, SelectionOutcome.SELECTED, 90, 85),
                        tuple(m1.id(), 3, SelectionOutcome.SELECTED, 88, 86),
                        tuple(t2.id(), 4, SelectionOutcome.SELECTED, 88, 86),
                        tuple(a1.id(), 5, SelectionOutcome.SELECTED, 85, 90),
                        tuple(m2.id(), 6, SelectionOutcome.NOT_SELECTED, 85, 82),
                        tuple(a3.id(), 7, SelectionOutcome.NOT_SELECTED, 80, 88));
        for (Case selected : List.of(t1, a2, m1, t2, a1)) {
            assertThat(scenario.stage(selected)).as(selected.caseNumber()).isEqualTo("PUBLIC_NOTICE");
        }
        assertThat(scenario.stage(m2)).isEqualTo("NOT_SELECTED");
        assertThat(scenario.stage(a3)).isEqualTo("NOT_SELECTED");
        assertThat(historyOf(scenario, a1, "reason")).anyMatch(r -> r.startsWith("综合排名第5名（共7名，择优5名）"));
        assertThat(historyOf(scenario, m2, "reason")).anyMatch(r -> r.startsWith("综合排名第6名（共7名，择优5名）"));

        // Ten working days from 1 September; 中秋节 (Monday 12 September) does not count: the notice ends on the 15th.
        assertThat(historyOf(scenario, t1, "reason")).contains("公示期2022-09-01至2022-09-15（10个工作日）");
        scenario.moveClock("2022-09-15T23:59:00");
        assertThat(scenario.openTasks(CAMPAIGN, "office")).doesNotContain("UserTask_ApproveResults");
        scenario.moveClock("2022-09-16T08:00:00");
        assertThat(scenario.openTasks(CAMPAIGN, "office")).contains("UserTask_ApproveResults");
        scenario.submitCampaignForm("office", "UserTask_ApproveResults", Map.of());

        Map<Case, String> ends = new LinkedHashMap<>();
        List.of(t1, a2, m1, t2, a1).forEach(c -> ends.put(c, "EndEvent_Announced"));
        List.of(m2, a3).forEach(c -> ends.put(c, "EndEvent_NotSelected"));
        List.of(a4, m3, b1).forEach(c -> ends.put(c, "EndEvent_NotRecommended"));
        ends.put(draft, "EndEvent_DeadlineMissed");
        List<String> wrong = new ArrayList<>();
        ends.forEach((c, end) -> {
            if (!end.equals(scenario.endOf(c))) {
                wrong.add(c.caseNumber() + " ended in " + scenario.endOf(c) + ", not " + end);
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(scenario.stage(a1)).isEqualTo("ANNOUNCED");
        assertCampaignProcessEnded(CAMPAIGN);
        assertNoFormVariableLeft();
    }

    private static String login(String unit) {
        return NAMED_LOGINS.getOrDefault(unit, unit);
    }

    private static JsonNode recommendations(CampaignScenario scenario, String user, String unit) {
        return scenario.api.get(user, "/api/campaigns/" + CAMPAIGN + "/units/" + unit + "/recommendations").getBody();
    }

    private static Map<String, Object> recommend(int rank) {
        return Map.of("form_decision", "RECOMMEND", "form_rank", rank);
    }

    /** Tasklist's submission is refused with the message, and the task stays open. */
    private void assertFormRefused(CampaignScenario scenario, String user, Case c, Map<String, Object> form,
            String message) {
        assertThatThrownBy(() -> scenario.submitForm(user, c, "UserTask_ScreenApplication", form))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining(message);
        assertThat(scenario.stage(c)).as(c.caseNumber()).isEqualTo("SUBMITTED");
    }
}
