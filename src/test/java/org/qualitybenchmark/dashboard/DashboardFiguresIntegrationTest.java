package org.qualitybenchmark.dashboard;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.workflow.CampaignScenario;
import org.qualitybenchmark.workflow.CampaignScenario.Case;
import org.qualitybenchmark.workflow.WorkflowTasks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the dashboard on a known run of the Hebei 2022 campaign, done as its users would
 * (filing, screening, the list, formal review, scoring) with the clock moved between the steps at
 * half days, so that each stay has a known length:
 *
 * <pre>
 * 06-15 09:00  石家庄 files A1 A2 A3 (and keeps C1 as a draft), 唐山 files B1 B2
 * 06-16 21:00  石家庄 recommends A1 (1st)                               A1 待初审 1.5 d
 * 06-17 21:00  石家庄 recommends A2 (2nd), does not recommend A3        A2, A3 待初审 2.5 d
 * 06-18 09:00  石家庄 sends its list: A1, A2 to formal review (due 06-24) A1 拟推荐 1.5 d, A2 0.5 d
 * 06-19 21:00  唐山 recommends B1                                        B1 待初审 4.5 d
 * 06-20 21:00  the office passes A1: on to five experts                 A1 形式审查 2.5 d
 * 06-21 09:00  two experts score A1
 * 06-28 09:00  now: A2's formal review is 4 days (2 working days) late
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true",
                "qb.clock-start=2022-06-15T09:00:00", "qb.test-context=dashboard-figures"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFiguresIntegrationTest {

    private static final String CAMPAIGN = "hebei-2022-national";
    private static final String FIGURES = "/api/dashboard/figures?campaign=" + CAMPAIGN;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    WorkflowTasks workflow;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityDirectory directory;
    @Autowired
    CampaignCatalog catalog;

    CampaignScenario scenario;
    Case a1;
    Case a2;
    Case a3;
    Case b1;
    Case b2;
    Case c1;

    @BeforeAll
    void runTheCampaign() {
        scenario = new CampaignScenario(CAMPAIGN, rest, json, workflow, history, directory, catalog);
        scenario.registerExperts(7, Map.of());
        a1 = scenario.file("sjz", "130100", "he-1301", "石家庄看板甲有限公司");
        a2 = scenario.file("sjz", "130100", "he-1301", "石家庄看板乙有限公司");
        a3 = scenario.file("sjz", "130100", "he-1301", "石家庄看板丙有限公司");
        b1 = scenario.file("ts", "130200", "he-1302", "唐山看板甲有限公司");
        b2 = scenario.file("ts", "130200", "he-1302", "唐山看板乙有限公司");
        c1 = scenario.fileDraft("sjz", "130100", "he-1301", "石家庄看板丁有限公司", form -> { });

        scenario.moveClock("2022-06-16T21:00:00");
        scenario.screen("sjz", a1, 1);
        scenario.moveClock("2022-06-17T21:00:00");
        scenario.screen("sjz", a2, 2);
        scenario.submitForm("sjz", a3, "UserTask_ScreenApplication",
                Map.of("form_decision", "NOT_RECOMMEND", "form_reason", "经验与申报方向不符"));
        scenario.moveClock("2022-06-18T09:00:00");
        scenario.uploadUnitDocuments("sjz", "he-1301");
        scenario.submitList("sjz");
        scenario.moveClock("2022-06-19T21:00:00");
        scenario.screen("ts", b1, 1);
        scenario.moveClock("2022-06-20T21:00:00");
        scenario.submitForm("office", a1, "UserTask_ReviewFormally", scenario.checklist("PASS"));
        scenario.moveClock("2022-06-21T09:00:00");
        int scored = 0;
        for (int n = 1; n <= 7 && scored < 2; n++) {
            if (scenario.openTasks(a1.caseNumber(), "expert" + n).contains("UserTask_ScoreMaterials")) {
                Map<String, Object> form = new LinkedHashMap<>();
                scenario.campaign().review().criteria().forEach(c -> form.put("form_" + c.key(), c.maxScore()));
                form.put("form_comment", "材料翔实");
                scenario.submitForm("expert" + n, a1, "UserTask_ScoreMaterials", form);
                scored++;
            }
        }
        assertThat(scored).isEqualTo(2);
        scenario.moveClock("2022-06-28T09:00:00");
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = scenario.api.get(user, path);
        assertThat(response.getStatusCode()).as("%s %s: %s", user, path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode figures(String user, String query) {
        return get(user, FIGURES + query);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private List<String> drill(String user, String query) {
        List<String> numbers = new ArrayList<>();
        get(user, "/api/dashboard/cases?campaign=" + CAMPAIGN + query).forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    @Test
    void theFunnelCountsCasesNowInAndEverInEachStage() {
        JsonNode f = figures("manager", "");
        assertThat(f.get("caseCount").asInt()).isEqualTo(6);
        List<Object[]> funnel = new ArrayList<>();
        f.get("funnel").forEach(s -> funnel.add(new Object[] {s.get("stage").asText(), s.get("current").asInt(),
                s.get("reached").asInt()}));
        assertThat(funnel).containsExactly(new Object[] {"DRAFT", 1, 6}, new Object[] {"SUBMITTED", 1, 5},
                new Object[] {"PROPOSED", 1, 3}, new Object[] {"NOT_RECOMMENDED", 1, 1},
                new Object[] {"FORMAL_REVIEW", 1, 2}, new Object[] {"MATERIAL_REVIEW", 1, 1});
        assertThat(drill("manager", "&figure=reached&at=PROPOSED"))
                .containsExactlyInAnyOrder(a1.caseNumber(), a2.caseNumber(), b1.caseNumber());
        assertThat(drill("manager", "&figure=current&at=SUBMITTED")).containsExactly(b2.caseNumber());
    }

    @Test
    void queuesPerStageAndUnitWithTheirAges() {
        JsonNode f = figures("manager", "");
        List<Object[]> queues = new ArrayList<>();
        f.get("queues").forEach(q -> queues.add(new Object[] {q.get("stage").asText(), q.get("count").asInt(),
                q.get("averageAgeDays").asDouble(), q.get("maxAgeDays").asDouble()}));
        assertThat(queues).containsExactly(new Object[] {"DRAFT", 1, 13.0, 13.0}, new Object[] {"SUBMITTED", 1, 13.0, 13.0},
                new Object[] {"PROPOSED", 1, 8.5, 8.5}, new Object[] {"FORMAL_REVIEW", 1, 10.0, 10.0},
                new Object[] {"MATERIAL_REVIEW", 1, 7.5, 7.5});
        assertThat(find(f.get("queues"), "stage", "FORMAL_REVIEW").get("oldestCaseNumber").asText())
                .isEqualTo(a2.caseNumber());
        List<String> unitQueues = new ArrayList<>();
        f.get("unitQueues").forEach(q -> unitQueues.add(q.get("unit").asText() + " " + q.get("stage").asText() + " "
                + q.get("count").asInt()));
        assertThat(unitQueues).containsExactly("he-1301 DRAFT 1", "he-1301 FORMAL_REVIEW 1", "he-1301 MATERIAL_REVIEW 1",
                "he-1302 SUBMITTED 1", "he-1302 PROPOSED 1");
        assertThat(drill("manager", "&figure=queue&at=PROPOSED&unitRow=he-1302")).containsExactly(b1.caseNumber());
        assertThat(drill("manager", "&figure=queue&at=PROPOSED&unitRow=he-1301")).isEmpty();
    }

    @Test
    void theOverdueFormalReviewIsHeldByTheOfficeTwoWorkingDaysLate() {
        JsonNode overdue = figures("manager", "").get("overdue");
        assertThat(overdue).hasSize(1);
        JsonNode task = overdue.get(0);
        assertThat(task.get("caseNumber").asText()).isEqualTo(a2.caseNumber());
        assertThat(task.get("activityId").asText()).isEqualTo("UserTask_ReviewFormally");
        assertThat(task.get("holderKind").asText()).isEqualTo("GROUP");
        assertThat(task.get("holder").asText()).isEqualTo("office");
        assertThat(task.get("holderName").asText()).isEqualTo("组织单位办公室");
        assertThat(task.get("unit").asText()).isEqualTo("he-1301");
        assertThat(task.get("due").asText()).startsWith("2022-06-24T15:59");
        assertThat(task.get("daysLate").asInt()).isEqualTo(4);
        assertThat(task.get("workingDaysLate").asInt()).isEqualTo(2);
        assertThat(drill("manager", "&figure=overdue")).containsExactly(a2.caseNumber());
    }

    @Test
    void dwellTimesPerStageWithMedianNinetiethPercentileAndBuckets() {
        JsonNode dwell = figures("manager", "").get("dwell");
        List<String> stages = new ArrayList<>();
        dwell.forEach(d -> stages.add(d.get("stage").asText()));
        assertThat(stages).containsExactly("DRAFT", "SUBMITTED", "PROPOSED", "FORMAL_REVIEW");
        JsonNode submitted = find(dwell, "stage", "SUBMITTED");
        assertThat(submitted.get("count").asInt()).isEqualTo(4);
        assertThat(submitted.get("medianDays").asDouble()).isEqualTo(2.5);
        assertThat(submitted.get("p90Days").asDouble()).isEqualTo(4.5);
        List<Integer> buckets = new ArrayList<>();
        submitted.get("buckets").forEach(b -> buckets.add(b.get("count").asInt()));
        assertThat(buckets).containsExactly(0, 3, 1, 0, 0);
        JsonNode proposed = find(dwell, "stage", "PROPOSED");
        assertThat(proposed.get("count").asInt()).isEqualTo(2);
        assertThat(proposed.get("medianDays").asDouble()).isEqualTo(1.0);
        assertThat(proposed.get("p90Days").asDouble()).isEqualTo(1.5);
        JsonNode formal = find(dwell, "stage", "FORMAL_REVIEW");
        assertThat(formal.get("count").asInt()).isEqualTo(1);
        assertThat(formal.get("medianDays").asDouble()).isEqualTo(2.5);
        assertThat(find(dwell, "stage", "DRAFT").get("count").asInt()).isEqualTo(5);
        assertThat(find(dwell, "stage", "DRAFT").get("p90Days").asDouble()).isEqualTo(0.0);
        assertThat(drill("manager", "&figure=dwell&at=SUBMITTED&bucket=d1-3"))
                .containsExactlyInAnyOrder(a1.caseNumber(), a2.caseNumber(), a3.caseNumber());
        assertThat(drill("manager", "&figure=dwell&at=SUBMITTED&bucket=d3-7")).containsExactly(b1.caseNumber());
    }

    @Test
    void throughputPerDay() {
        JsonNode throughput = figures("manager", "").get("throughput");
        assertThat(throughput).hasSize(14);
        List<String> days = new ArrayList<>();
        throughput.forEach(d -> days.add(d.get("date").asText() + " " + d.get("created").asInt() + "/"
                + d.get("submitted").asInt() + "/" + d.get("moved").asInt() + "/" + d.get("finished").asInt()));
        assertThat(days.subList(0, 7)).containsExactly("2022-06-15 6/5/5/0", "2022-06-16 0/0/1/0",
                "2022-06-17 0/0/2/1", "2022-06-18 0/0/2/0", "2022-06-19 0/0/1/0", "2022-06-20 0/0/1/0",
                "2022-06-21 0/0/0/0");
        assertThat(days.get(13)).isEqualTo("2022-06-28 0/0/0/0");
        assertThat(drill("manager", "&figure=throughput&date=2022-06-17&kind=moved"))
                .containsExactlyInAnyOrder(a2.caseNumber(), a3.caseNumber());
        assertThat(drill("manager", "&figure=throughput&date=2022-06-17&kind=finished")).containsExactly(a3.caseNumber());
    }

    @Test
    void eachUnitAgainstItsQuotaAndDeadline() {
        JsonNode units = figures("manager", "").get("units");
        JsonNode sjz = find(units, "unit", "he-1301");
        assertThat(sjz.get("quota").asInt()).isEqualTo(3);
        assertThat(List.of(sjz.get("filed").asInt(), sjz.get("drafts").asInt(), sjz.get("pending").asInt(),
                sjz.get("held").asInt(), sjz.get("notRecommended").asInt())).containsExactly(3, 1, 0, 2, 1);
        assertThat(sjz.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(sjz.get("listSubmittedAt").asText()).startsWith("2022-06-18T01:00");
        JsonNode ts = find(units, "unit", "he-1302");
        assertThat(List.of(ts.get("filed").asInt(), ts.get("pending").asInt(), ts.get("held").asInt()))
                .containsExactly(2, 1, 1);
        assertThat(ts.get("deadline").asText()).isEqualTo("2022-06-30");
        assertThat(ts.get("daysLeft").asInt()).isEqualTo(2);
        assertThat(ts.get("status").asText()).isEqualTo("DUE_SOON");
        assertThat(find(units, "unit", "he-1303").get("status").asText()).isEqualTo("DUE_SOON");
        assertThat(drill("manager", "&figure=unit&unitRow=he-1301&kind=held"))
                .containsExactlyInAnyOrder(a1.caseNumber(), a2.caseNumber());
        assertThat(drill("manager", "&figure=unit&unitRow=he-1301&kind=drafts")).containsExactly(c1.caseNumber());
    }

    @Test
    void expertsWorkloadAndScoringProgress() {
        JsonNode experts = figures("manager", "").get("experts");
        assertThat(experts).hasSize(5);
        int assigned = 0;
        int scored = 0;
        String scorer = null;
        for (JsonNode e : experts) {
            assertThat(e.get("stage").asText()).isEqualTo("MATERIAL_REVIEW");
            assertThat(e.get("expertName").asText()).startsWith("专家");
            assigned += e.get("assigned").asInt();
            scored += e.get("scored").asInt();
            if (e.get("scored").asInt() == 1) {
                scorer = e.get("expert").asText();
            }
        }
        assertThat(assigned).isEqualTo(5);
        assertThat(scored).isEqualTo(2);
        assertThat(drill("manager", "&figure=expert&expert=" + scorer + "&kind=scored")).containsExactly(a1.caseNumber());
        assertThat(drill("manager", "&figure=expert&expert=" + scorer + "&kind=open")).isEmpty();
    }

    @Test
    void theDiagramCountsCasesOnEachStepAndInEachStageBlock() {
        JsonNode diagrams = figures("manager", "").get("diagrams");
        JsonNode main = diagrams.get(0);
        assertThat(main.get("processKey").asText()).isEqualTo("hebei-2022-national-case");
        assertThat(main.get("main").asBoolean()).isTrue();
        JsonNode formalCall = find(main.get("steps"), "activityId", "CallActivity_FormalReview");
        assertThat(formalCall.get("calledProcessKey").asText()).isEqualTo("qb-stage-formal-review");
        assertThat(formalCall.get("active").asInt()).isEqualTo(1);
        assertThat(formalCall.get("completed").asInt()).isEqualTo(1);
        assertThat(find(main.get("steps"), "activityId", "CallActivity_MaterialReview").get("active").asInt()).isEqualTo(1);
        JsonNode block = find(diagrams, "processKey", "qb-stage-formal-review");
        JsonNode review = find(block.get("steps"), "activityId", "UserTask_ReviewFormally");
        assertThat(review.get("active").asInt()).isEqualTo(1);
        assertThat(review.get("averageWaitDays").asDouble()).isEqualTo(10.0);
        assertThat(review.get("completed").asInt()).isEqualTo(1);
        assertThat(review.get("averageDurationDays").asDouble()).isEqualTo(2.5);
        assertThat(drill("manager", "&figure=activity&process=qb-stage-formal-review&activity=UserTask_ReviewFormally"))
                .containsExactly(a2.caseNumber());
        ResponseEntity<String> xml = rest.withBasicAuth("manager", "manager").getForEntity(
                "/api/dashboard/diagram?campaign=" + CAMPAIGN + "&process=qb-stage-formal-review", String.class);
        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xml.getBody()).contains("UserTask_ReviewFormally", "bpmndi:BPMNShape");
    }

    @Test
    void theStageFilterCountsOnlyCasesNowInThatStage() {
        JsonNode f = figures("office", "&stage=FORMAL_REVIEW");
        assertThat(f.get("caseCount").asInt()).isEqualTo(1);
        assertThat(f.get("overdue")).hasSize(1);
        assertThat(find(f.get("funnel"), "stage", "SUBMITTED").get("reached").asInt()).isEqualTo(1);
        assertThat(f.get("experts")).isEmpty();
        assertThat(drill("office", "&stage=FORMAL_REVIEW&figure=all")).containsExactly(a2.caseNumber());
    }

    @Test
    void aUnitsStaffSeeOnlyTheirOwnUnitsCases() {
        JsonNode f = figures("ts", "");
        assertThat(f.get("caseCount").asInt()).isEqualTo(2);
        assertThat(f.get("scope").get("allUnits").asBoolean()).isFalse();
        assertThat(f.get("scope").get("unitNames").get(0).asText()).isEqualTo("唐山市工业和信息化局");
        assertThat(f.get("overdue")).isEmpty();
        assertThat(f.get("experts")).isEmpty();
        List<String> units = new ArrayList<>();
        f.get("units").forEach(u -> units.add(u.get("unit").asText()));
        assertThat(units).containsExactly("he-1302");
        assertThat(drill("ts", "&figure=all")).containsExactlyInAnyOrder(b1.caseNumber(), b2.caseNumber());
        assertThat(drill("ts", "&figure=current&at=FORMAL_REVIEW")).isEmpty();
        // Another unit's cases are refused outright, by figure, list and export.
        assertThat(scenario.api.get("ts", FIGURES + "&unit=he-1301").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scenario.api.get("ts", "/api/dashboard/cases?campaign=" + CAMPAIGN + "&unit=he-1301&figure=all")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("ts", "ts").getForEntity("/api/dashboard/export?campaign=" + CAMPAIGN
                + "&unit=he-1301", byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scenario.api.get("ts", "/api/dashboard/cases?campaign=" + CAMPAIGN + "&figure=expert&expert=expert1")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // A manager filtering by the unit gets the same figures.
        assertThat(figures("manager", "&unit=he-1302").get("caseCount").asInt()).isEqualTo(2);
        // Applicants and experts have no dashboard.
        assertThat(scenario.api.get("expert1", FIGURES).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scenario.api.get(a1.owner(), "/api/dashboard/campaigns").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badFiltersAreRefusedByName() {
        ResponseEntity<JsonNode> stage = scenario.api.get("manager", FIGURES + "&stage=NOPE");
        assertThat(stage.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(stage.getBody().toString()).contains("stage", "NOPE");
        ResponseEntity<JsonNode> unit = scenario.api.get("manager", FIGURES + "&unit=he-9999");
        assertThat(unit.getBody().toString()).contains("unit", "he-9999");
        assertThat(scenario.api.get("manager", "/api/dashboard/figures?campaign=nope").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theExcelExportHasEveryFigureOnASheetWithChineseHeaders() throws Exception {
        ResponseEntity<byte[]> export = rest.withBasicAuth("manager", "manager")
                .getForEntity("/api/dashboard/export?campaign=" + CAMPAIGN, byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(export.getBody()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactlyElementsOf(DashboardWorkbook.SHEETS);
            assertThat(rows(workbook.getSheet("阶段漏斗"))).containsExactly(
                    List.of("阶段", "阶段代码", "当前案件数", "曾到达案件数", "终结阶段"),
                    List.of("草稿", "DRAFT", "1", "6", "否"), List.of("待初审", "SUBMITTED", "1", "5", "否"),
                    List.of("拟推荐", "PROPOSED", "1", "3", "否"), List.of("未获推荐", "NOT_RECOMMENDED", "1", "1", "是"),
                    List.of("形式审查", "FORMAL_REVIEW", "1", "2", "否"), List.of("资料评审", "MATERIAL_REVIEW", "1", "1", "否"));
            List<List<String>> dwell = rows(workbook.getSheet("停留时长"));
            assertThat(dwell.get(0)).startsWith("阶段", "已离开的停留次数", "中位数（天）", "90百分位（天）");
            assertThat(dwell.get(2)).startsWith("待初审", "4", "2.5", "4.5");
            List<List<String>> overdue = rows(workbook.getSheet("逾期任务"));
            assertThat(overdue).hasSize(2);
            assertThat(overdue.get(1)).contains(a2.caseNumber(), "组织单位办公室", "4", "2");
            assertThat(rows(workbook.getSheet("推荐单位进度")).get(0)).startsWith("推荐单位", "单位代码", "类别", "推荐名额");
            assertThat(rows(workbook.getSheet("专家评审"))).hasSize(6);
            assertThat(rows(workbook.getSheet("每日处理量")).get(1)).startsWith("2022-06-15", "6", "5", "5", "0");
            assertThat(rows(workbook.getSheet("概况")).get(8)).containsExactly("案件数", "6");
            assertThat(rows(workbook.getSheet("流程环节"))).extracting(r -> r.get(2)).contains("UserTask_ReviewFormally");
        }
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
            rows.add(cells);
        }
        return rows;
    }
}
