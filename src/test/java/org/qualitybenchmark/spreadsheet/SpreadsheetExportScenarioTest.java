package org.qualitybenchmark.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.Samples;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.ReviewRules.Criterion;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;
import org.qualitybenchmark.review.Aggregation;
import org.qualitybenchmark.review.ReviewResultRepository;
import org.qualitybenchmark.review.ReviewStage;
import org.qualitybenchmark.workflow.CampaignScenario;
import org.qualitybenchmark.workflow.CampaignScenario.Case;
import org.qualitybenchmark.workflow.WorkflowTasks;

/**
 * Every template exported from cases the campaigns' own users made, read back with POI and
 * compared with what went in: the summary tables of Luoyang (附件4), Shandong (附件4, 附件7),
 * Liaoning (附件3) and Zhejiang (附件3), and of Hebei none (its notice has no such table); the
 * expert score sheets, the public-notice list and the final list of the Hebei campaign run to its
 * announcement. Also who may download what. The campaigns run in the order of their dates, since
 * the demo clock does not go back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true",
                "qb.test-context=spreadsheet-scenario"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class SpreadsheetExportScenarioTest {

    private static final String EXPORTS = "/api/campaigns/%s/exports";

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
    @Autowired
    ReviewResultRepository reviewResults;
    @Autowired
    AdministrativeDivisions divisions;
    @Autowired
    IndustryClassification industries;

    /** A filed case and the form it was filed with. */
    record Filed(Case c, Map<String, Object> form) {
        @SuppressWarnings("unchecked")
        Map<String, Object> enterprise() {
            return (Map<String, Object>) form.get("enterprise");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> contact() {
            return (Map<String, Object>) form.get("contact");
        }

        String name() {
            return (String) enterprise().get("name");
        }

        String title() {
            return (String) form.get("title");
        }
    }

    @Test
    void everyTemplateExportsWhatTheCasesHold() {
        resyncEngineClock();
        hebei();
        luoyang();
        shandong();
        liaoning();
        zhejiang();
    }

    /** Hebei 2022 from filing to announcement: no summary table; score sheets, notice and final list. */
    private void hebei() {
        CampaignScenario s = scenario("hebei-2022-national");
        s.registerExperts(7, Map.of(6, "he-1301"));
        Filed a = file(s, "sjz", "130100", "he-1301", "石家庄甲精密机械有限公司", "实施精益六西格玛的经验", "李一", "13900000011", f -> { });
        Filed b = file(s, "ts", "130200", "he-1302", "唐山甲钢铁有限公司", "基于数字化平台的质量管控经验", "王二", "13900000012", f -> { });
        Filed c = file(s, "sjz", "130100", "he-1301", "石家庄乙电子有限公司", "实施可靠性工程的经验", "赵三", "13900000013", f -> { });
        s.screen("sjz", a.c(), 1);
        s.screen("sjz", c.c(), 2);
        s.screen("ts", b.c(), 1);

        String exports = EXPORTS.formatted("hebei-2022-national");
        ResponseEntity<byte[]> none = download("sjz", exports + "/summary-tables/he-1301");
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new String(none.getBody(), StandardCharsets.UTF_8)).contains("没有推荐汇总表模板");
        assertThat(s.api.get("office", exports).getBody().findValuesAsText("kind")).doesNotContain("summary-table");

        s.uploadUnitDocuments("sjz", "he-1301");
        s.submitList("sjz");
        s.uploadUnitDocuments("ts", "he-1302");
        s.submitList("ts");
        s.moveClock("2022-07-01T09:00:00");
        for (Filed f : List.of(a, b, c)) {
            s.submitForm("office", f.c(), "UserTask_ReviewFormally", s.checklist("PASS"));
        }

        // Material review: each expert gives each criterion different points, totals with thirds.
        Map<String, Map<String, Map<String, BigDecimal>>> given = new TreeMap<>();
        scoreVaried(s, a, 80, given);
        scoreVaried(s, b, 70, given);
        scoreVaried(s, c, 75, given);
        checkScoreSheets(s, List.of(a, b, c), given);

        assertThat(download("office", exports + "/public-notice-list").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        s.submitCampaignForm("office", "UserTask_SetDefenseList", Map.of("form_cutoff", 60,
                "form_defenseStart", "2022-08-10T09:00", "form_defensePlace", "省工信厅会议室", "form_slotMinutes", 30));
        s.moveClock("2022-08-10T09:00:00");
        Map<Filed, Integer> defense = Map.of(a, 90, b, 86, c, 80);
        for (Filed f : List.of(a, b, c)) {
            assertThat(s.api.upload(f.c().owner(), f.c().id(), "defense-presentation", "答辩材料.pdf", Samples.pdf())
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            s.submitForm(f.c().owner(), f.c(), "UserTask_UploadPresentation", Map.of("form_confirm", true));
            assertThat(s.scoreAll(f.c(), "UserTask_ScoreDefense", defense.get(f), 7)).isEqualTo(5);
            s.submitForm("office", f.c(), "UserTask_ConcludeDefense", Map.of("form_decision", "PASS"));
        }
        s.submitCampaignForm("office", "UserTask_DecideShortlist", Map.of("form_confirm", true));
        assertThat(s.stage(a.c())).isEqualTo("PUBLIC_NOTICE");

        // The defense sheet: every expert scored 90, 86 or 80 on each criterion.
        byte[] defenseSheets = ok(download("manager", exports + "/scores/DEFENSE"));
        List<List<Object>> summary = table(Workbooks.rows(defenseSheets, ScoreSheetExport.SUMMARY_SHEET), 2, 3);
        assertThat(summary).extracting(row -> row.get(2)).containsExactly(a.name(), b.name(), c.name());
        assertThat(summary).extracting(row -> row.get(15)).containsExactly(number(90), number(86), number(80));

        // The public notice: the shortlist in the panel's order, as published.
        byte[] notice = ok(download("office", exports + "/public-notice-list"));
        List<List<Object>> noticeRows = Workbooks.rows(notice);
        assertThat(noticeRows.get(0).get(0)).isEqualTo("2022年全国质量标杆（河北省推荐）公示名单");
        assertThat((String) noticeRows.get(1).get(0)).startsWith("公示期：2022年8月10日至");
        assertThat(noticeRows.get(2)).containsExactly("序号", "企业名称", "典型经验名称", "推荐单位", "所在地区", "所属行业");
        assertThat(table(noticeRows, 2, 3)).containsExactly(published(1, a, "石家庄市工业和信息化局"),
                published(2, b, "唐山市工业和信息化局"), published(3, c, "石家庄市工业和信息化局"));
        assertThat(download("sjz", exports + "/public-notice-list").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("office", exports + "/final-list").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // An objection upheld removes c; the final list is a and b.
        assertThat(s.api.post("office", "/api/applications/" + c.c().id() + "/objections",
                Map.of("submitterName", "赵六", "submitterContact", "13900000009", "content", "该企业去年发生质量事故"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        s.submitForm("office", c.c(), "UserTask_InvestigateObjection",
                Map.of("form_findings", "经核实情况属实", "form_decision", "UPHELD"));
        s.moveClock("2022-09-30T09:00:00");
        s.submitCampaignForm("office", "UserTask_ApproveResults", Map.of());
        assertThat(s.stage(a.c())).isEqualTo("ANNOUNCED");

        ResponseEntity<byte[]> finalList = download("manager", exports + "/final-list");
        assertThat(fileName(finalList)).isEqualTo("2022年全国质量标杆（河北省推荐）名单.xlsx");
        List<List<Object>> finalRows = Workbooks.rows(ok(finalList));
        assertThat(finalRows.get(0).get(0)).isEqualTo("2022年全国质量标杆（河北省推荐）名单");
        assertThat(table(finalRows, 2, 3)).containsExactly(published(1, a, "石家庄市工业和信息化局"),
                published(2, b, "唐山市工业和信息化局"));
        assertThat(table(Workbooks.rows(ok(download("office", exports + "/public-notice-list"))), 2, 3))
                .as("the notice list still shows every case that was on notice").hasSize(3);
    }

    /** The material-review score sheets against the points given and the aggregate review stored. */
    private void checkScoreSheets(CampaignScenario s, List<Filed> cases,
            Map<String, Map<String, Map<String, BigDecimal>>> given) {
        String exports = EXPORTS.formatted("hebei-2022-national");
        List<Criterion> criteria = s.campaign().review().criteria();
        ResponseEntity<byte[]> response = download("office", exports + "/scores/MATERIAL_REVIEW");
        assertThat(fileName(response)).isEqualTo("2022年全国质量标杆（河北省推荐）资料评审专家评分表.xlsx");
        byte[] sheets = ok(response);
        List<String> experts = given.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        List<String> names = new ArrayList<>(List.of(ScoreSheetExport.SUMMARY_SHEET));
        experts.forEach(e -> names.add("专家" + e.substring("expert".length())));
        assertThat(Workbooks.sheetNames(sheets)).containsExactlyElementsOf(names);

        // Each expert's sheet: their points per criterion, the mean as total, their comment.
        for (String expert : experts) {
            List<List<Object>> rows = Workbooks.rows(sheets, "专家" + expert.substring("expert".length()));
            List<Object> headings = new ArrayList<>(List.of("序号", "案件编号", "企业名称", "质量标杆名称"));
            criteria.forEach(k -> headings.add(k.label() + "（" + k.maxScore() + "分）"));
            headings.addAll(List.of("总分", "评语", "评分时间"));
            assertThat(rows.get(2)).containsExactlyElementsOf(headings);
            List<Filed> own = cases.stream().filter(f -> given.get(f.c().caseNumber()).containsKey(expert))
                    .sorted((x, y) -> x.c().caseNumber().compareTo(y.c().caseNumber())).toList();
            List<List<Object>> data = table(rows, 2, own.size() + 2).subList(0, own.size());
            for (int i = 0; i < own.size(); i++) {
                Filed f = own.get(i);
                Map<String, BigDecimal> points = given.get(f.c().caseNumber()).get(expert);
                List<Object> expected = new ArrayList<>(List.of(number(i + 1), f.c().caseNumber(), f.name(), f.title()));
                criteria.forEach(k -> expected.add(Workbooks.number(points.get(k.key()))));
                expected.add(Workbooks.number(mean(points.values())));
                expected.add("材料翔实，数据充分");
                assertThat(data.get(i).subList(0, expected.size())).containsExactlyElementsOf(expected);
                assertThat(data.get(i).get(expected.size())).as("scored at").isInstanceOf(LocalDateTime.class);
            }
        }

        // The summary: each case's totals, and the aggregate as review computed it, best first.
        List<List<Object>> rows = Workbooks.rows(sheets, ScoreSheetExport.SUMMARY_SHEET);
        assertThat(rows.get(0).get(0)).isEqualTo("2022年全国质量标杆（河北省推荐）资料评审评分汇总表");
        assertThat(rows.get(2)).containsExactly("序号", "案件编号", "企业名称", "质量标杆名称", "推荐单位", "评审专家",
                "专家1总分", "专家2总分", "专家3总分", "专家4总分", "专家5总分", "最高总分", "最低总分", "分差", "计分方法", "得分",
                "提请专家组合议");
        List<List<Object>> data = table(rows, 2, 3);
        List<Filed> best = cases.stream().sorted((x, y) -> score(y).compareTo(score(x))).toList();
        for (int i = 0; i < best.size(); i++) {
            Filed f = best.get(i);
            List<Object> row = data.get(i);
            assertThat(row.subList(0, 5)).containsExactly(number(i + 1), f.c().caseNumber(), f.name(), f.title(),
                    catalog.unit((String) f.form().get("unit")).orElseThrow().name());
            Map<String, Map<String, BigDecimal>> panel = given.get(f.c().caseNumber());
            assertThat(((String) row.get(5)).split("、")).containsExactlyInAnyOrderElementsOf(
                    panel.keySet().stream().map(e -> "专家" + e.substring("expert".length())).toList());
            List<BigDecimal> totals = panel.values().stream().map(p -> mean(p.values())).toList();
            List<Object> sheetTotals = row.subList(6, 11);
            assertThat(sheetTotals).containsExactlyInAnyOrderElementsOf(totals.stream().map(Workbooks::number).toList());
            Aggregation expected = Aggregation.of(totals, s.campaign().review().spreadThreshold());
            assertThat(row.subList(11, 17)).containsExactly(Workbooks.number(expected.highest()),
                    Workbooks.number(expected.lowest()), Workbooks.number(expected.spread()), "去掉最高、最低总分后平均",
                    Workbooks.number(expected.score()), expected.flagged() ? "是" : "否");
            assertThat(Workbooks.number(score(f))).as("the score review stored").isEqualTo(row.get(15));
        }

        // An expert gets their own sheet only; a unit's staff none; a manager all.
        byte[] own = ok(download("expert1", exports + "/scores/MATERIAL_REVIEW"));
        assertThat(Workbooks.sheetNames(own)).containsExactly("专家1");
        long scoredByExpert1 = given.values().stream().filter(m -> m.containsKey("expert1")).count();
        assertThat(table(Workbooks.rows(own, "专家1"), 2, (int) scoredByExpert1)).hasSize((int) scoredByExpert1);
        assertThat(download("sjz", exports + "/scores/MATERIAL_REVIEW").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("applicant1", exports + "/scores/MATERIAL_REVIEW").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("manager", exports + "/scores/MATERIAL_REVIEW").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download("office", exports + "/scores/NOSUCH").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Luoyang 2023: the county's 附件4 before its list is sent, the city above it reads it too. */
    private void luoyang() {
        CampaignScenario s = scenario("luoyang-2023-municipal");
        s.moveClock("2023-03-01T09:00:00");
        Filed a = file(s, "ha-410305", "410305", "ha-410305", "洛阳甲轴承有限公司", "基于全员参与的精益生产经验", "周一",
                "13900000021", f -> { });
        Filed b = file(s, "ha-410305", "410305", "ha-410305", "洛阳乙耐火材料有限公司", "实施质量管理数字化的经验", "吴二",
                "13900000022", f -> f.put("contact", contact("吴二", "", "13900000022")));
        Filed other = file(s, "ha-410311", "410311", "ha-410311", "洛阳丙玻璃有限公司", "实施六西格玛设计的经验", "郑三",
                "13900000023", f -> { });
        for (Filed f : List.of(a, b)) {
            s.submitForm("ha-410305", f.c(), "UserTask_CheckOnSite", siteCheck());
            s.submitForm("ha-410305", f.c(), "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND"));
        }
        s.submitForm("ha-410311", other.c(), "UserTask_CheckOnSite", siteCheck());
        s.submitForm("ha-410311", other.c(), "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND"));

        String path = EXPORTS.formatted("luoyang-2023-municipal") + "/summary-tables/ha-410305";
        ResponseEntity<byte[]> response = download("ha-410305", path);
        assertThat(response.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''");
        assertThat(fileName(response)).isEqualTo("2023年洛阳市质量标杆汇总表（涧西区工业和信息化主管部门）.xlsx");
        List<List<Object>> rows = Workbooks.rows(ok(response));
        assertThat(rows.get(0)).containsExactly("2023年洛阳市质量标杆汇总表");
        assertThat(rows.get(1)).containsExactly("县区工业和信息化主管部门（盖章）：涧西区工业和信息化主管部门", null, null,
                "年    月    日");
        assertThat(rows.get(2)).containsExactly("序号", "企业名称", "质量标杆名称", "联系人", "联系电话");
        assertThat(rows.subList(3, rows.size())).containsExactly(
                List.of(number(1), a.name(), a.title(), "周一", "010-80000001、13900000021"),
                List.of(number(2), b.name(), b.title(), "吴二", "13900000022"),
                Arrays.asList("县区工信部门联系人：", null, null, "联系电话："));

        assertThat(download("ha-4103", path).getStatusCode()).as("the city above the county").isEqualTo(HttpStatus.OK);
        // The pages offer each user the tables they may download, and only those.
        String exports = EXPORTS.formatted("luoyang-2023-municipal");
        assertThat(s.api.get("ha-410305", exports).getBody().findValuesAsText("unit")).containsExactly("ha-410305");
        assertThat(s.api.get("ha-4103", exports).getBody().findValuesAsText("unit"))
                .hasSize(s.campaign().units().size()).contains("ha-410305", "ha-410311");
        assertThat(s.api.get("ha-410305", exports).getBody().findValuesAsText("kind")).containsExactly("summary-table");
        assertThat(download("office", path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download("ha-410311", path).getStatusCode()).as("another county").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("applicant1", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("ha-410311", EXPORTS.formatted("luoyang-2023-municipal") + "/summary-tables/ln-2101")
                .getStatusCode()).as("not a unit of the campaign").isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Shandong 2023: 附件4 of the national track and 附件7 of the provincial one, for 济南. */
    private void shandong() {
        CampaignScenario national = scenario("shandong-2023-national");
        CampaignScenario provincial = scenario("shandong-2023-provincial");
        national.moveClock("2023-08-10T09:00:00");
        Filed a = file(national, "sd-3701", "370100", "sd-3701", "济南甲电子有限公司", "实施质量管理体系升级的经验", "孙一",
                "13900000031", f -> { });
        Filed b = file(national, "sd-3701", "370100", "sd-3701", "济南乙化工有限公司", "关键过程质量控制的实践", "钱二",
                "13900000032", f -> { });
        Filed p = file(provincial, "sd-3701", "370100", "sd-3701", "济南丙机械有限公司", "质量管理数字化的实践", "李三",
                "13900000033", f -> { });
        national.screen("sd-3701", a.c(), 1);
        national.screen("sd-3701", b.c(), 2);
        provincial.screen("sd-3701", p.c(), 1);

        List<String> headings = List.of("序号", "企业名称", "统一社会信用代码", "所属行业", "典型经验名称", "申报方向", "联系人",
                "职务", "手机", "电子邮箱");
        List<List<Object>> rows = Workbooks.rows(ok(download("sd-3701",
                EXPORTS.formatted("shandong-2023-national") + "/summary-tables/sd-3701")));
        assertThat(rows.get(0).get(0)).isEqualTo("全国质量标杆申报汇总表");
        assertThat(rows.get(1).get(0)).isEqualTo("推荐单位（盖章）：济南市工业和信息化局");
        assertThat(rows.get(2)).containsExactlyElementsOf(headings);
        assertThat(table(rows, 2, 2)).containsExactly(shandongRow(national, 1, a), shandongRow(national, 2, b));

        rows = Workbooks.rows(ok(download("office", EXPORTS.formatted("shandong-2023-provincial") + "/summary-tables/sd-3701")));
        assertThat(rows.get(0).get(0)).isEqualTo("全省质量标杆申报汇总表");
        assertThat(rows.get(2)).containsExactlyElementsOf(headings);
        assertThat(table(rows, 2, 1)).containsExactly(shandongRow(provincial, 1, p));
        assertThat(download("sd-3702", EXPORTS.formatted("shandong-2023-national") + "/summary-tables/sd-3701")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private List<Object> shandongRow(CampaignScenario s, int index, Filed f) {
        return List.of(number(index), f.name(), f.enterprise().get("uscc"), industry(f), f.title(),
                s.campaign().directions().get(0).name(), f.contact().get("name"), "部长", f.contact().get("mobile"),
                "zhangsan@example.com");
    }

    /** Liaoning 2024: 附件3 after 沈阳 has sent its list, with the figures of 2023. */
    private void liaoning() {
        CampaignScenario s = scenario("liaoning-2024-provincial");
        s.moveClock("2024-05-06T09:00:00");
        Filed a = file(s, "ln-2101", "210100", "ln-2101", "沈阳甲机床有限公司", "实施六西格玛设计的经验", "刘一", "13900000041",
                f -> figures(f, 2023, "52345.60", "4321.5"));
        Filed b = file(s, "ln-2101", "210100", "ln-2101", "沈阳乙航空部件有限公司", "实施可靠性提升的经验", "陈二",
                "13900000042", f -> figures(f, 2023, "41000", "2100"));
        for (Filed f : List.of(a, b)) {
            s.submitForm("ln-2101", f.c(), "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND"));
        }
        s.uploadUnitDocuments("ln-2101", "ln-2101");
        s.submitList("ln-2101");

        String path = EXPORTS.formatted("liaoning-2024-provincial") + "/summary-tables/ln-2101";
        List<List<Object>> rows = Workbooks.rows(ok(download("ln-2101", path)));
        assertThat(rows.get(0).get(0)).isEqualTo("省质量标杆申报汇总表");
        assertThat(rows.get(1).get(0)).isEqualTo("推荐单位（盖章）：沈阳市工业和信息化局");
        assertThat(rows.get(2)).containsExactly("序号", "企业名称", "统一社会信用代码", "行业分类", "组织规模", "经验名称", "申报方向",
                "2023年主营业务收入（万元）", "2023年利润总额（万元）", "联系人", "手机", "电子邮箱");
        String direction = s.campaign().directions().get(0).name();
        assertThat(table(rows, 2, 2)).containsExactly(
                List.of(number(1), a.name(), a.enterprise().get("uscc"), industry(a), "大型企业", a.title(), direction,
                        new BigDecimal("52345.6"), new BigDecimal("4321.5"), "刘一", "13900000041", "zhangsan@example.com"),
                List.of(number(2), b.name(), b.enterprise().get("uscc"), industry(b), "大型企业", b.title(), direction,
                        new BigDecimal("41000"), new BigDecimal("2100"), "陈二", "13900000042", "zhangsan@example.com"));
        assertThat(rows.get(5).get(0)).isEqualTo("注：推荐单位为各市（区）工业和信息化主管部门");
        assertThat(download("ln-2102", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Zhejiang 2024: the city's ranked 推荐意见汇总表 with its counties' cases and its opinions. */
    private void zhejiang() {
        CampaignScenario s = scenario("zhejiang-2024-provincial");
        s.moveClock("2024-10-21T09:00:00");
        Filed a = file(s, "applicant1", "330106", "zj-330106", "杭州甲精密制造有限公司", "实施质量管理数字化的经验", "黄一",
                "13900000051", f -> zhejiangFields(f, "检验级", "A类"));
        Filed b = file(s, "applicant2", "330110", "zj-330110", "杭州乙新材料有限公司", "关键过程质量控制的实践", "徐二",
                "13900000052", f -> zhejiangFields(f, "保证级", null));
        for (Filed f : List.of(a, b)) {
            s.submitForm((String) f.form().get("unit"), f.c(), "UserTask_ScreenAtCounty", Map.of("form_decision", "PASS",
                    "form_siteFindings", "材料真实有效，到企业现场核查，生产经营正常"));
        }
        s.submitForm("zj-3301", b.c(), "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 1,
                "form_reason", "数字化质量管控成效显著，同意推荐"));
        s.submitForm("zj-3301", a.c(), "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", 2,
                "form_reason", "关键工序控制经验可复制"));

        String path = EXPORTS.formatted("zhejiang-2024-provincial") + "/summary-tables/zj-3301";
        List<List<Object>> rows = Workbooks.rows(ok(download("zj-3301", path)));
        assertThat(rows.get(0).get(0)).isEqualTo("浙江省制造业质量标杆推荐意见汇总表");
        assertThat(rows.get(2)).containsExactly("推荐排序", "申报单位", "统一社会信用代码", "所在地区", "申报领域", "质量标杆名称",
                "企业质量管理能力评价等级", "亩均效益评价等级", "联系人", "手机", "初审单位", "推荐意见");
        String direction = s.campaign().directions().get(0).name();
        assertThat(table(rows, 2, 2)).containsExactly(
                Arrays.asList(number(1), b.name(), b.enterprise().get("uscc"), region(b), direction, b.title(), "保证级", null,
                        "徐二", "13900000052", catalog.unit("zj-330110").orElseThrow().name(), "数字化质量管控成效显著，同意推荐"),
                Arrays.asList(number(2), a.name(), a.enterprise().get("uscc"), region(a), direction, a.title(), "检验级", "A类",
                        "黄一", "13900000051", catalog.unit("zj-330106").orElseThrow().name(), "关键工序控制经验可复制"));
        assertThat(download("zj-330106", path).getStatusCode()).as("a county under the city").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("zj-3302", path).getStatusCode()).as("another city").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(download("manager", path).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ---- driving the campaigns ----

    /**
     * The engine's clock is one per JVM. A cached context the test framework closes to make room for
     * this one hands back the time it found when it started, after this context set its own; moving
     * our clock a minute on sets the engine's again before any job runs.
     */
    private void resyncEngineClock() {
        String now = scenario("hebei-2022-national").api.get("office", "/api/clock").getBody().get("now").asText();
        assertThat(rest.withBasicAuth("office", "office").postForEntity("/api/clock",
                Map.of("to", LocalDateTime.parse(now).plusMinutes(1).withNano(0).toString()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private CampaignScenario scenario(String code) {
        return new CampaignScenario(code, rest, json, workflow, history, directory, catalog);
    }

    private static Filed file(CampaignScenario s, String user, String division, String unit, String name, String title,
            String contactName, String mobile, Consumer<Map<String, Object>> customiser) {
        List<Map<String, Object>> kept = new ArrayList<>();
        Case c = s.fileDraft(user, division, unit, name, form -> {
            form.put("title", title);
            form.put("contact", contact(contactName, "010-80000001", mobile));
            customiser.accept(form);
            kept.add(form);
        });
        for (AttachmentKind kind : s.campaign().attachments().kinds()) {
            if (kind.required() && kind.uploadStages().contains("DRAFT")) {
                // Shandong's package is an archive only; the other kinds take a PDF.
                boolean pdf = kind.extensions().contains("pdf");
                String fileName = (kind.nameMustMatchEnterprise() ? name : kind.code()) + (pdf ? ".pdf" : ".zip");
                assertThat(s.api.upload(c.owner(), c.id(), kind.code(), fileName, pdf ? Samples.pdf() : Samples.zip())
                        .getStatusCode()).as("uploading %s", kind.code()).isEqualTo(HttpStatus.CREATED);
            }
        }
        assertThat(s.submit(c).getStatusCode()).isEqualTo(HttpStatus.OK);
        return new Filed(c, kept.get(0));
    }

    private static Map<String, Object> contact(String name, String phone, String mobile) {
        Map<String, Object> contact = new LinkedHashMap<>(Map.of("name", name, "department", "质量部", "position", "部长",
                "mobile", mobile, "email", "zhangsan@example.com"));
        if (!phone.isEmpty()) {
            contact.put("phone", phone);
        }
        return contact;
    }

    @SuppressWarnings("unchecked")
    private static void figures(Map<String, Object> form, int year, String revenue, String profit) {
        List<Map<String, Object>> figures = new ArrayList<>((List<Map<String, Object>>) form.get("figures"));
        figures.replaceAll(f -> ((Integer) f.get("year")) == year ? Map.of("year", year, "revenue", new BigDecimal(revenue),
                "profit", new BigDecimal(profit), "totalAssets", new BigDecimal("90000")) : f);
        form.put("figures", figures);
    }

    @SuppressWarnings("unchecked")
    private static void zhejiangFields(Map<String, Object> form, String grade, String muJun) {
        Map<String, Object> fields = (Map<String, Object>) form.get("fields");
        fields.put("qualityCapabilityGrade", grade);
        if (muJun != null) {
            fields.put("muJunGrade", muJun);
        }
    }

    private static Map<String, Object> siteCheck() {
        return Map.of("form_decision", "PASS", "form_checkedOn", "2023-03-01", "form_inspectors", "县区工信局 王科长",
                "form_findings", "查看生产现场和近三年审计报告", "form_siteResult", "CONFIRMED");
    }

    /** Each expert holding the task scores each criterion differently; records the points given. */
    private void scoreVaried(CampaignScenario s, Filed f, int base, Map<String, Map<String, Map<String, BigDecimal>>> given) {
        workflow.runDueJobs();
        List<Criterion> criteria = s.campaign().review().criteria();
        for (int n = 1; n <= 7; n++) {
            String expert = "expert" + n;
            if (!s.openTasks(f.c().caseNumber(), expert).contains("UserTask_ScoreMaterials")) {
                continue;
            }
            Map<String, Object> form = new LinkedHashMap<>();
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (int k = 0; k < criteria.size(); k++) {
                // Totals come out in thirds, so the rounding to two decimals is seen.
                BigDecimal value = BigDecimal.valueOf(base + 2L * n + (k == 0 ? 1 : 0));
                points.put(criteria.get(k).key(), value);
                form.put("form_" + criteria.get(k).key(), value.intValue());
            }
            form.put("form_comment", "材料翔实，数据充分");
            workflow.submit(f.c().caseNumber(), "UserTask_ScoreMaterials", s.user(expert), form);
            given.computeIfAbsent(f.c().caseNumber(), x -> new TreeMap<>()).put(expert, points);
        }
        workflow.runDueJobs();
        assertThat(given.get(f.c().caseNumber())).hasSize(5);
    }

    private BigDecimal score(Filed f) {
        return reviewResults.findByApplicationIdAndStage(f.c().id(), ReviewStage.MATERIAL_REVIEW).orElseThrow().getScore();
    }

    private static BigDecimal mean(java.util.Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private List<Object> published(int index, Filed f, String unit) {
        return List.of(number(index), f.name(), f.title(), unit, region(f), industry(f));
    }

    private String region(Filed f) {
        // Characters 3-8 of the USCC are the registration authority's division.
        return divisions.describe(((String) f.enterprise().get("uscc")).substring(2, 8));
    }

    private String industry(Filed f) {
        String code = (String) f.enterprise().get("industryCode");
        return code + " " + industries.division(code).orElseThrow().name();
    }

    // ---- downloads ----

    private ResponseEntity<byte[]> download(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                byte[].class);
    }

    private static byte[] ok(ResponseEntity<byte[]> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody() == null ? ""
                : new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The name of the Content-Disposition's filename* (RFC 5987), decoded. */
    private static String fileName(ResponseEntity<byte[]> response) {
        String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The {@code count} rows under the heading row. */
    private static List<List<Object>> table(List<List<Object>> rows, int headingRow, int count) {
        return rows.subList(headingRow + 1, Math.min(rows.size(), headingRow + 1 + count));
    }

    private static BigDecimal number(long value) {
        return BigDecimal.valueOf(value);
    }
}
