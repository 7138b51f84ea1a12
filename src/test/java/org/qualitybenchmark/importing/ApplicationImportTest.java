package org.qualitybenchmark.importing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.enterprise.Uscc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import of applications through the API, as a unit's staff would do it: the Hebei 2022
 * template is downloaded, filled with POI and uploaded; the cases are read back through
 * {@code /api/applications}. Bad files import nothing and report every fault.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class ApplicationImportTest {

    static final String HEBEI = "hebei-2022-national";
    static final String TEMPLATE = "/api/imports/templates/applications?campaign=" + HEBEI + "&unit=he-1301";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportService imports;

    ImportClient client;
    ApiTestSupport api;

    @BeforeEach
    void setUp() {
        client = new ImportClient(rest, json);
        api = new ApiTestSupport(rest, json);
    }

    static Map<String, Object> row(String uscc, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("统一社会信用代码", uscc);
        row.put("企业名称", name);
        row.put("企业性质", "民营");
        row.put("行业代码（GB/T 4754-2017）", "3484");
        row.put("从业人员（人）", 1200);
        row.put("企业规模", "大型");
        row.put("通讯地址", "河北省石家庄市长安区中山东路1号");
        row.put("邮编", "050000");
        row.put("申报方向1", "质量管理数字化");
        row.put("申报方向2", "过程控制");
        row.put("经验名称", "实施数字化全过程质量管控的经验");
        row.put("企业概况", "企业概况，含𠮷字。");
        for (int year = 2019; year <= 2021; year++) {
            row.put(year + "年主营业务收入（万元）", 45000.5);
            row.put(year + "年利润总额（万元）", 3200);
            row.put(year + "年资产总额（万元）", 80000);
        }
        row.put("联系人姓名", "张三");
        row.put("联系人手机", "13900000001");
        row.put("联系人邮箱", "zhangsan@example.com");
        row.put("联系人电话", "0311-80000001");
        return row;
    }

    long count(String campaign) {
        return jdbc.queryForObject("select count(*) from qb_application a join qb_campaign c on c.id = a.campaign_id"
                + " where c.code = ?", Long.class, campaign);
    }

    @Test
    void templateCarriesTheCampaignsFormWithListsInstructionsAndAHiddenMark() throws Exception {
        byte[] template = client.template("sjz", TEMPLATE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet data = workbook.getSheet(TemplateWriter.DATA_SHEET);
            List<String> headings = ImportClient.headings(data);
            assertThat(headings).startsWith("统一社会信用代码", "企业名称", "企业性质");
            assertThat(headings).contains("申报方向1", "经验名称", "企业概况", "2019年主营业务收入（万元）",
                    "2021年资产总额（万元）", "联系人邮箱");
            assertThat(workbook.getSheet(TemplateWriter.INSTRUCTION_SHEET)).isNotNull();
            Sheet mark = workbook.getSheet(TemplateWriter.MARK_SHEET);
            assertThat(workbook.getSheetVisibility(workbook.getSheetIndex(mark))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(mark.getRow(1).getCell(1).getStringCellValue()).isEqualTo(HEBEI);
            List<String> lists = data.getDataValidations().stream()
                    .map(v -> v.getValidationConstraint().getFormula1()).filter(f -> f != null && f.contains("选项"))
                    .toList();
            // 企业性质, 企业规模 and one list per direction column.
            assertThat(lists).hasSizeGreaterThanOrEqualTo(4);
            Sheet options = workbook.getSheet(TemplateWriter.LIST_SHEET);
            List<String> values = new ArrayList<>();
            for (Row row : options) {
                row.forEach(cell -> values.add(cell.getStringCellValue()));
            }
            assertThat(values).contains("民营", "大型", "质量管理数字化");
        }
        // Every campaign offers its template to a unit taking part in it.
        for (String[] campaign : new String[][] {{"liaoning-2024-provincial", "ln-2101"},
                {"luoyang-2023-municipal", "ha-410302"}, {"shandong-2023-national", "sd-3701"},
                {"shandong-2023-provincial", "sd-3701"}, {"zhejiang-2024-provincial", "zj-330106"}}) {
            byte[] other = client.template(campaign[1], "/api/imports/templates/applications?campaign=" + campaign[0]
                    + "&unit=" + campaign[1]);
            assertThat(ImportClient.read(other)).isEmpty();
        }
    }

    @Test
    void filledTemplateImportsEveryRowAsADraftThatReadsBackTheSame() {
        byte[] template = client.template("sjz", TEMPLATE);
        String first = ApiTestSupport.freshHebeiUscc();
        String second = ApiTestSupport.freshHebeiUscc();
        Map<String, Object> sparse = new LinkedHashMap<>();
        sparse.put("统一社会信用代码", second.toLowerCase());
        sparse.put("企业名称", "石家庄导入第二有限公司");
        byte[] filled = ImportClient.fill(template, List.of(row(first, "石家庄导入第一有限公司"), sparse));

        JsonNode job = client.importFile("sjz", "applications", HEBEI, "he-1301", filled);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("createdCount").asInt()).isEqualTo(2);
        assertThat(job.get("rowsDone").asInt()).isEqualTo(2);
        JsonNode items = job.get("items");
        assertThat(items.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(items.get(0).get("caseNumber").asText()).startsWith("HEB2022-");
        long id = items.get(0).get("caseId").asLong();

        JsonNode detail = api.get("sjz", "/api/applications/" + id).getBody();
        assertThat(detail.get("stage").asText()).isEqualTo("DRAFT");
        assertThat(detail.get("unit").asText()).isEqualTo("he-1301");
        JsonNode enterprise = detail.get("enterprise");
        assertThat(enterprise.get("uscc").asText()).isEqualTo(first);
        assertThat(enterprise.get("name").asText()).isEqualTo("石家庄导入第一有限公司");
        assertThat(enterprise.get("ownershipType").asText()).isEqualTo("PRIVATE");
        assertThat(enterprise.get("industryCode").asText()).isEqualTo("3484");
        assertThat(enterprise.get("employees").asInt()).isEqualTo(1200);
        assertThat(enterprise.get("declaredSize").asText()).isEqualTo("LARGE");
        assertThat(enterprise.get("postcode").asText()).isEqualTo("050000");
        assertThat(StreamSupport.stream(detail.get("directions").spliterator(), false).map(d -> d.get("code").asText()))
                .containsExactly("digital", "process-control");
        assertThat(detail.get("title").asText()).isEqualTo("实施数字化全过程质量管控的经验");
        assertThat(detail.get("texts").get("overview").asText()).isEqualTo("企业概况，含𠮷字。");
        assertThat(detail.get("figures")).hasSize(3);
        assertThat(new BigDecimal(detail.get("figures").get(0).get("revenue").asText())).isEqualByComparingTo("45000.5");
        assertThat(new BigDecimal(detail.get("figures").get(2).get("profit").asText())).isEqualByComparingTo("3200");
        assertThat(detail.get("contact").get("mobile").asText()).isEqualTo("13900000001");
        assertThat(detail.get("contact").get("phone").asText()).isEqualTo("0311-80000001");

        JsonNode sparseCase = api.get("sjz", "/api/applications/" + items.get(1).get("caseId").asLong()).getBody();
        assertThat(sparseCase.get("enterprise").get("uscc").asText()).isEqualTo(second);
        assertThat(sparseCase.get("figures")).isEmpty();
        // Another unit's staff do not see the imported cases.
        assertThat(api.get("ts", "/api/applications/" + id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aFileWithAnyBadRowImportsNothingAndReportsEveryFaultWithRowColumnAndValue() throws Exception {
        byte[] template = client.template("sjz", TEMPLATE);
        String good = ApiTestSupport.freshHebeiUscc();
        String valid = ApiTestSupport.freshHebeiUscc();
        String badDigit = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        String duplicate = ApiTestSupport.freshHebeiUscc();
        String filedBefore = ApiTestSupport.freshHebeiUscc();
        assertThat(api.post("sjz", "/api/applications", ApiTestSupport.completeForm(filedBefore, "he-1301", "已申报企业"))
                .getStatusCode().value()).isEqualTo(201);
        Map<String, Object> wrongNumbers = row(ApiTestSupport.freshHebeiUscc(), "数字有误的企业");
        wrongNumbers.put("从业人员（人）", "一千二");
        wrongNumbers.put("2020年利润总额（万元）", "abc");
        Map<String, Object> wrongChoice = row(ApiTestSupport.freshHebeiUscc(), "选项有误的企业");
        wrongChoice.put("企业性质", "外星企业");
        wrongChoice.put("申报方向1", "不存在的方向");
        wrongChoice.put("邮编", "12345");
        Map<String, Object> tooLong = row(ApiTestSupport.freshHebeiUscc(), "名".repeat(201));
        tooLong.put("经验名称", "长".repeat(31));
        tooLong.put("联系人手机", "1234");
        List<Map<String, Object>> rows = List.of(
                row(good, "正确的企业"),
                row(badDigit, "校验码错误的企业"),
                row(duplicate, "重复企业甲"),
                row(duplicate, "重复企业乙"),
                row(filedBefore, "已申报企业"),
                wrongNumbers,
                wrongChoice,
                tooLong,
                Map.of("企业名称", "没有代码的企业"));
        long before = count(HEBEI);

        JsonNode job = client.importFile("sjz", "applications", HEBEI, "he-1301", ImportClient.fill(template, rows));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(count(HEBEI)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from qb_enterprise where uscc = ?", Long.class, good)).isZero();
        List<String> errors = StreamSupport.stream(job.get("errors").spliterator(), false)
                .map(e -> e.get("row").asInt() + "|" + e.path("column").asText() + "|" + e.path("heading").asText() + "|"
                        + e.path("value").asText() + "|" + e.get("message").asText())
                .toList();
        assertThat(errors).noneMatch(e -> e.startsWith("2|"));
        assertThat(errors).anyMatch(e -> e.startsWith("3|A|统一社会信用代码|" + badDigit + "|") && e.contains("校验位"));
        assertThat(errors).anyMatch(e -> e.startsWith("5|A|统一社会信用代码|" + duplicate + "|") && e.contains("与第4行"));
        assertThat(errors).anyMatch(e -> e.startsWith("6|A|统一社会信用代码|" + filedBefore + "|") && e.contains("已在本次活动中申报"));
        assertThat(errors).anyMatch(e -> e.startsWith("7|") && e.contains("|从业人员（人）|一千二|应为数字"));
        assertThat(errors).anyMatch(e -> e.startsWith("7|") && e.contains("|2020年利润总额（万元）|abc|应为数字"));
        assertThat(errors).anyMatch(e -> e.startsWith("8|C|企业性质|外星企业|只能选择"));
        assertThat(errors).anyMatch(e -> e.startsWith("8|") && e.contains("|申报方向1|不存在的方向|") && e.contains("不是本次活动的申报方向"));
        assertThat(errors).anyMatch(e -> e.startsWith("9|B|企业名称|") && e.contains("不能超过200字"));
        assertThat(errors).anyMatch(e -> e.startsWith("9|") && e.contains("|经验名称|") && e.contains("30字以内"));
        assertThat(errors).anyMatch(e -> e.startsWith("9|") && e.contains("|联系人手机|1234|"));
        assertThat(errors).filteredOn(e -> e.startsWith("10|")).containsExactly("10|A|统一社会信用代码||请填写统一社会信用代码");
        assertThat(job.get("message").asText()).contains("未导入任何数据");

        ResponseEntity<byte[]> marked = client.download("sjz", job.get("errorWorkbook").asText());
        assertThat(marked.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(marked.getBody()))) {
            Sheet data = workbook.getSheet(TemplateWriter.DATA_SHEET);
            List<String> headings = ImportClient.headings(data);
            int errorColumn = headings.indexOf(ErrorWorkbook.ERROR_HEADING);
            assertThat(errorColumn).isPositive();
            assertThat(data.getRow(1).getCell(errorColumn)).isNull();
            assertThat(data.getRow(2).getCell(errorColumn).getStringCellValue()).contains("统一社会信用代码：");
            assertThat(data.getRow(2).getCell(0).getCellComment().getString().getString()).contains("校验位");
            assertThat(data.getRow(2).getCell(0).getCellStyle().getFillForegroundColor()).isNotEqualTo(
                    data.getRow(1).getCell(0).getCellStyle().getFillForegroundColor());
            assertThat(workbook.getSheet(ErrorWorkbook.REPORT_SHEET).getLastRowNum()).isEqualTo(errors.size());
        }
        // The report is the uploader's alone.
        assertThat(rest.withBasicAuth("ts", "ts").getForEntity("/api/imports/" + job.get("id").asLong(), String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void wrongColumnsAreRefusedNamingWhatIsWrong() {
        byte[] template = client.template("sjz", TEMPLATE);
        byte[] filled = ImportClient.fill(template, List.of(row(ApiTestSupport.freshHebeiUscc(), "列有误的企业")));
        long before = count(HEBEI);

        byte[] renamed = ImportClient.edit(filled, w -> w.getSheet(TemplateWriter.DATA_SHEET).getRow(0).getCell(1)
                .setCellValue("公司名称"));
        assertRefused(renamed, "第1行B列应为“企业名称”，现为“公司名称”");

        byte[] missing = ImportClient.edit(filled, w -> {
            Sheet data = w.getSheet(TemplateWriter.DATA_SHEET);
            data.shiftColumns(2, ImportClient.headings(data).size(), -1);
        });
        assertRefused(missing, "第1行C列应为“企业性质”");

        byte[] reordered = ImportClient.edit(filled, w -> {
            Row head = w.getSheet(TemplateWriter.DATA_SHEET).getRow(0);
            head.getCell(0).setCellValue("企业名称");
            head.getCell(1).setCellValue("统一社会信用代码");
        });
        assertRefused(reordered, "“统一社会信用代码”在B列，请不要移动列");

        byte[] extra = ImportClient.edit(filled, w -> {
            Row head = w.getSheet(TemplateWriter.DATA_SHEET).getRow(0);
            head.createCell(head.getLastCellNum()).setCellValue("备注");
        });
        assertRefused(extra, "“备注”不是模板中的列");
        assertThat(count(HEBEI)).isEqualTo(before);
    }

    @Test
    void anotherCampaignsTemplateAnOldVersionOrAnotherKindIsRecognised() {
        byte[] liaoning = client.template("ln-2101",
                "/api/imports/templates/applications?campaign=liaoning-2024-provincial&unit=ln-2101");
        assertRefused(liaoning, "这是遴选活动“liaoning-2024-provincial”的模板，不能导入");
        byte[] experts = client.template("office", "/api/imports/templates/experts");
        assertRefused(experts, "这是“评审专家名单导入”的模板");
        byte[] old = ImportClient.edit(client.template("sjz", TEMPLATE), w -> w.getSheet(TemplateWriter.MARK_SHEET)
                .getRow(2).getCell(1).setCellValue("0123456789ab"));
        assertRefused(old, "模板版本已过期");
        byte[] unmarked = ImportClient.edit(client.template("sjz", TEMPLATE),
                w -> w.removeSheetAt(w.getSheetIndex(TemplateWriter.MARK_SHEET)));
        assertRefused(unmarked, "缺少模板标记");
    }

    @Test
    void corruptEmptyAndNonXlsxFilesAreRefusedWithAReason() {
        byte[] template = client.template("sjz", TEMPLATE);
        byte[] random = new byte[4096];
        new java.util.Random(6).nextBytes(random);
        assertRefused(random, "不是 Excel 工作簿");
        assertRefused(Arrays.copyOf(template, template.length / 2), "文件已损坏");
        byte[] xls = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, xls, 0, 8);
        assertRefused(xls, "Excel 97-2003");
        assertRefused("统一社会信用代码,企业名称\n911301000000000011,某企业\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "CSV");
        assertRefused(new byte[0], "文件是空的");
        assertRefused(template, "没有数据行");
        // A zip whose one entry inflates far beyond its compressed size.
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertRefused(bomb.toByteArray(), "压缩炸弹");
    }

    void assertRefused(byte[] file, String expected) {
        JsonNode job = client.importFile("sjz", "applications", HEBEI, "he-1301", file);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(job.get("errors").get(0).get("row").asInt()).isZero();
        assertThat(job.get("message").asText()).contains(expected);
        assertThat(job.get("createdCount").asInt()).isZero();
    }

    @Test
    void onlyTheUnitsOwnStaffImportForIt() {
        byte[] template = client.template("sjz", TEMPLATE);
        byte[] filled = ImportClient.fill(template, List.of(row(ApiTestSupport.freshHebeiUscc(), "越权导入的企业")));
        for (String user : List.of("ts", "office", "manager", "applicant1", "expert1")) {
            ResponseEntity<JsonNode> refused = client.upload(user, "applications", HEBEI, "he-1301", "x.xlsx", filled);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(client.download(user, TEMPLATE).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(client.upload("sjz", "applications", HEBEI, "he-9999", "x.xlsx", filled).getStatusCode().value())
                .isEqualTo(422);
        assertThat(client.upload("sjz", "experts", null, null, "x.xlsx", filled).getStatusCode().value()).isEqualTo(403);
        assertThat(client.upload("sjz", "units", HEBEI, null, "x.xlsx", filled).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/api/imports", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aLargeFileIsCheckedInTheBackgroundWithItsProgressReadableThroughTheApi() {
        byte[] template = client.template("sjz", TEMPLATE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(row(ApiTestSupport.freshHebeiUscc(), "大批量导入企业" + i));
        }
        rows.get(1999).put("统一社会信用代码", "91130100000000000X");
        long before = count(HEBEI);

        ResponseEntity<JsonNode> started = client.upload("sjz", "applications", HEBEI, "he-1301", "large.xlsx",
                ImportClient.fill(template, rows));
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        long id = started.getBody().get("id").asLong();
        List<Integer> seen = new ArrayList<>();
        JsonNode job;
        do {
            job = client.job("sjz", id);
            if (!job.get("finished").asBoolean() && job.get("rowsTotal").asInt() == 2000) {
                seen.add(job.get("rowsDone").asInt());
                assertThat(job.get("phase").asText()).isEqualTo("正在检查");
                assertThat(job.get("percent").asInt()).isBetween(0, 100);
            }
            ImportClient.sleep(20);
        } while (!job.get("finished").asBoolean());

        assertThat(seen).as("progress observed while checking").anyMatch(done -> done > 0 && done < 2000);
        assertThat(seen).isSorted();
        assertThat(job.get("status").asText()).isEqualTo("REJECTED");
        assertThat(job.get("rowsDone").asInt()).isEqualTo(2000);
        assertThat(job.get("errors")).hasSize(1);
        assertThat(job.get("errors").get(0).get("row").asInt()).isEqualTo(2001);
        assertThat(count(HEBEI)).isEqualTo(before);
    }

    @Test
    void aJobARestartCutShortIsReportedInterruptedNotRunning() {
        jdbc.update("insert into qb_import_job (kind, campaign_code, unit_code, file_name, file_size, storage_key, status,"
                + " phase, rows_total, rows_done, error_count, created_count, updated_count, created_by, created_at,"
                + " updated_at) values ('APPLICATIONS', ?, 'he-1301', 'cut-short.xlsx', 10, 'gone.xlsx', 'IMPORTING',"
                + " '正在导入', 100, 40, 0, 0, 0, 'sjz', current_timestamp, current_timestamp)", HEBEI);
        long id = jdbc.queryForObject("select max(id) from qb_import_job where file_name = 'cut-short.xlsx'", Long.class);

        // What the start-up of the next run does.
        imports.markInterrupted();

        JsonNode job = client.job("sjz", id);
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("finished").asBoolean()).isTrue();
        assertThat(job.get("message").asText()).contains("重新启动", "未导入任何数据");
    }

    @Test
    void theImportPageOffersEachUserWhatTheyMayImport() {
        JsonNode unit = api.get("sjz", "/api/imports/options").getBody().get("kinds");
        assertThat(unit.findValuesAsText("kind")).containsExactly("APPLICATIONS");
        JsonNode hebei = StreamSupport.stream(unit.get(0).get("campaigns").spliterator(), false)
                .filter(c -> c.get("code").asText().equals(HEBEI)).findFirst().orElseThrow();
        assertThat(hebei.get("units").findValuesAsText("code")).containsExactly("he-1301");
        assertThat(api.get("office", "/api/imports/options").getBody().get("kinds").findValuesAsText("kind"))
                .containsExactly("EXPERTS");
        assertThat(api.get("owner", "/api/imports/options").getBody().get("kinds").findValuesAsText("kind"))
                .containsExactly("UNITS");
        assertThat(api.get("applicant1", "/api/imports/options").getBody().get("kinds")).isEmpty();
        assertThat(rest.getForEntity("/imports/index.html", String.class).getBody()).contains("Excel 批量导入");
    }
}
