package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * The application form in Word on the Zhejiang 2024 campaign (statistics tables 表1–表5), over HTTP:
 * downloaded by those who may see the case and refused to another city's staff; edited as a user
 * would in Word (text typed into content controls, a box ticked, a row added to 表5) and imported,
 * with a bad cell and a bad USCC refused by name while everything else is taken and the refused
 * values keep what the case had; bad files refused with a clear message and nothing changed; only
 * drafts, only by those who may change the case; a draft made from a form.
 */
class ApplicationFormWordTest extends CampaignScenarioTestCase {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String CAMPAIGN = "zhejiang-2024-provincial";

    @Test
    void theApplicationFormGoesOutToWordAndComesBack() throws Exception {
        CampaignScenario scenario = scenario(CAMPAIGN);
        scenario.moveClock("2024-10-21T09:00:00");
        String name = "杭州申报书测试精密机械有限公司";
        Case filed = scenario.fileDraft("applicant1", "330106", "zj-330106", name, form -> { });
        JsonNode before = scenario.detail(filed);
        String path = "/api/applications/" + filed.id() + "/application-form";

        // Out: the case's viewers download it, named in Chinese (RFC 5987); another city's staff cannot find it.
        for (String user : List.of("applicant1", "zj-330106", "zj-3301", "office", "manager")) {
            ResponseEntity<byte[]> response = download(user, path + ".docx");
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType().toString()).contains("wordprocessingml");
            String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
            assertThat(disposition).contains("filename*=UTF-8''");
            assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                    .isEqualTo("浙江省制造业质量标杆申报书-" + name + "-" + filed.caseNumber() + ".docx");
        }
        assertThat(download("zj-3302", path + ".docx").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(download("applicant2", path + ".docx").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<byte[]> blank = download("applicant2", "/api/campaigns/" + CAMPAIGN + "/application-form.docx");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download("applicant2", "/api/campaigns/nope/application-form.docx").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // Edited as a user would in Word.
        byte[] original = download("applicant1", path + ".docx").getBody();
        XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(original));
        type(word, "qb:v:title", "实施全员质量改进的实践经验");
        type(word, "qb:v:texts.overview", "企业概况，重写。\n第二段。");
        type(word, "qb:v:enterprise.employees", "1300");
        type(word, "qb:v:fields.economicBenefits/revenue/y2023", "61000.5");
        type(word, "qb:v:fields.economicBenefits/profit/y2022", "四万八");
        type(word, "qb:v:fields.validPatents", "-3");
        type(word, "qb:v:contact.mobile", "13812345678");
        assertThat(before.at("/fields/qualityCapabilityGrade").asText()).isEqualTo("未参评");
        tick(word, "qb:o:fields.qualityCapabilityGrade=未参评", false);
        tick(word, "qb:o:fields.qualityCapabilityGrade=卓越级", true);
        addPlainRow(word, "competitors", "缝纫机", "日本某株式会社", "约20%", "耐用");
        ResponseEntity<JsonNode> imported = post("applicant1", path, save(word), "edited.docx");
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = imported.getBody();
        assertThat(fields(report.path("filled"))).contains("title", "texts.overview", "enterprise.employees",
                "fields.economicBenefits[营业收入][2023年]", "contact.mobile", "fields.qualityCapabilityGrade",
                "fields.competitors[第2行][竞争对手]");
        Map<String, String> refused = refusals(report);
        assertThat(refused).containsEntry("fields.economicBenefits[利润总额][2022年]",
                "表2 经济效益统计表「利润总额」行「2022年」列应为数字，现为“四万八”");
        assertThat(refused).containsEntry("fields.validPatents", "有效专利数（截止到申请日）不能小于0");
        JsonNode after = scenario.detail(filed);
        assertThat(after.path("title").asText()).isEqualTo("实施全员质量改进的实践经验");
        assertThat(after.at("/texts/overview").asText()).isEqualTo("企业概况，重写。\n第二段。");
        assertThat(after.at("/enterprise/employees").asInt()).isEqualTo(1300);
        assertThat(after.at("/fields/economicBenefits/rows/revenue/y2023").decimalValue()).isEqualByComparingTo("61000.5");
        assertThat(after.at("/fields/economicBenefits/rows/profit/y2022"))
                .as("the refused cell keeps the case's value").isEqualTo(before.at("/fields/economicBenefits/rows/profit/y2022"));
        assertThat(after.at("/fields/validPatents")).isEqualTo(before.at("/fields/validPatents"));
        assertThat(after.at("/fields/qualityCapabilityGrade").asText()).isEqualTo("卓越级");
        assertThat(after.at("/fields/competitors/freeRows").size()).isEqualTo(before.at("/fields/competitors/freeRows").size() + 1);
        JsonNode added = after.at("/fields/competitors/freeRows").get(after.at("/fields/competitors/freeRows").size() - 1);
        assertThat(added.at("/cells/competitor").asText()).isEqualTo("日本某株式会社");
        assertThat(after.at("/contact/mobile").asText()).isEqualTo("13812345678");

        // Bad files: each refused with what it is, the case unchanged.
        JsonNode unchanged = scenario.detail(filed);
        byte[] docx = download("applicant1", path + ".docx").getBody();
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("file.notDocx", "这不是 Word 文件".getBytes(StandardCharsets.UTF_8));
        bad.put("file.legacyWord", legacyWordHeader());
        bad.put("file.corrupt", Arrays.copyOf(docx, docx.length / 2));
        bad.put("file.untagged", plainDocx());
        bad.put("file.otherCampaign", download("applicant1", "/api/campaigns/liaoning-2024-provincial/application-form.docx").getBody());
        for (Map.Entry<String, byte[]> file : bad.entrySet()) {
            ResponseEntity<JsonNode> response = post("applicant1", path, file.getValue(), "bad.docx");
            assertThat(response.getStatusCode()).as(file.getKey()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(response.getBody().at("/errors/0/code").asText()).as(file.getKey()).isEqualTo(file.getKey());
            assertThat(response.getBody().at("/errors/0/message").asText()).as(file.getKey()).isNotBlank();
        }
        assertThat(post("applicant1", path, bad.get("file.otherCampaign"), "x.docx").getBody().at("/errors/0/message").asText())
                .contains("2024年辽宁省质量标杆");
        // Another enterprise's form (its own valid USCC) is refused whole; a mistyped USCC is one refused value.
        XWPFDocument other = new XWPFDocument(new ByteArrayInputStream(docx));
        type(other, "qb:v:enterprise.uscc", CampaignScenario.freshUscc("330100"));
        type(other, "qb:v:enterprise.name", "另一家公司");
        ResponseEntity<JsonNode> otherEnterprise = post("applicant1", path, save(other), "other.docx");
        assertThat(otherEnterprise.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherEnterprise.getBody().at("/errors/0/code").asText()).isEqualTo("file.otherEnterprise");
        assertThat(scenario.detail(filed).path("updatedAt")).isEqualTo(unchanged.path("updatedAt"));
        assertThat(scenario.detail(filed).path("enterprise")).isEqualTo(unchanged.path("enterprise"));

        XWPFDocument typo = new XWPFDocument(new ByteArrayInputStream(docx));
        String uscc = unchanged.at("/enterprise/uscc").asText();
        type(typo, "qb:v:enterprise.uscc", uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
        type(typo, "qb:v:enterprise.address", "浙江省杭州市西湖区文三路100号");
        ResponseEntity<JsonNode> typoImport = post("applicant1", path, save(typo), "typo.docx");
        assertThat(typoImport.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refusals(typoImport.getBody())).containsKey("enterprise.uscc");
        assertThat(scenario.detail(filed).at("/enterprise/uscc").asText()).isEqualTo(uscc);
        assertThat(scenario.detail(filed).at("/enterprise/address").asText()).isEqualTo("浙江省杭州市西湖区文三路100号");

        // Access: another city's staff do not find the case; the office may read it, not change it.
        assertThat(post("zj-3302", path, docx, "x.docx").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("office", path, docx, "x.docx").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("zj-330106", path, docx, "x.docx").getStatusCode()).as("the county's staff may").isEqualTo(HttpStatus.OK);

        // A draft made from a form: another enterprise's, filed by another applicant.
        XWPFDocument fresh = new XWPFDocument(new ByteArrayInputStream(docx));
        type(fresh, "qb:v:enterprise.uscc", CampaignScenario.freshUscc("330100"));
        type(fresh, "qb:v:enterprise.name", "由申报书新建的测试有限公司");
        ResponseEntity<JsonNode> created = post("applicant2", "/api/application-forms", save(fresh), "new.docx");
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("created").asBoolean()).isTrue();
        long newId = created.getBody().at("/application/id").asLong();
        JsonNode newCase = scenario.api.get("applicant2", "/api/applications/" + newId).getBody();
        assertThat(newCase.at("/enterprise/name").asText()).isEqualTo("由申报书新建的测试有限公司");
        assertThat(newCase.path("unit").asText()).isEqualTo("zj-330106");
        assertThat(newCase.at("/fields/economicBenefits/rows/revenue/y2023").decimalValue()).isEqualByComparingTo("61000.5");

        // Only drafts: once submitted the form cannot be imported into it.
        scenario.uploadRequired(filed, name);
        assertThat(scenario.submit(filed).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> submitted = post("applicant1", path, docx, "late.docx");
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(submitted.getBody().path("detail").asText()).contains("只有草稿可以从 Word 导入");
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, byte[].class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, byte[] content, String fileName) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        try {
            JsonNode body = response.getBody() == null ? json.createObjectNode() : json.readTree(response.getBody());
            return ResponseEntity.status(response.getStatusCode()).body(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static List<String> fields(JsonNode list) {
        List<String> fields = new ArrayList<>();
        list.forEach(item -> fields.add(item.path("field").asText()));
        return fields;
    }

    private static Map<String, String> refusals(JsonNode report) {
        Map<String, String> refused = new LinkedHashMap<>();
        report.path("refused").forEach(item -> refused.put(item.path("field").asText(), item.path("message").asText()));
        return refused;
    }

    private static XmlObject control(XWPFDocument word, String tag) {
        for (XmlObject sdt : word.getDocument().selectPath("declare namespace w='" + W + "' .//w:sdt")) {
            CTSdtPr properties = (CTSdtPr) sdt.selectChildren(W, "sdtPr")[0];
            if (properties.isSetTag() && properties.getTag().getVal().equals(tag)) {
                return sdt;
            }
        }
        throw new AssertionError("no control tagged " + tag);
    }

    /** Types into a control as Word does: the placeholder goes, the text replaces the content's runs. */
    private static void type(XWPFDocument word, String tag, String text) {
        XmlObject sdt = control(word, tag);
        CTSdtPr properties = (CTSdtPr) sdt.selectChildren(W, "sdtPr")[0];
        if (properties.isSetShowingPlcHdr()) {
            properties.unsetShowingPlcHdr();
        }
        XmlObject content = sdt.selectChildren(W, "sdtContent")[0];
        if (content instanceof org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentRun run) {
            while (run.sizeOfRArray() > 0) {
                run.removeR(0);
            }
            var r = run.addNewR();
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    r.addNewBr();
                }
                r.addNewT().setStringValue(lines[i]);
            }
        } else {
            var block = (org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentBlock) content;
            while (block.sizeOfPArray() > 0) {
                block.removeP(0);
            }
            for (String line : text.split("\n")) {
                block.addNewP().addNewR().addNewT().setStringValue(line);
            }
        }
    }

    private static void tick(XWPFDocument word, String tag, boolean on) {
        var run = (org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentRun)
                control(word, tag).selectChildren(W, "sdtContent")[0];
        run.getRArray(0).getTArray(0).setStringValue(on ? "☒" : "☐");
    }

    /** A row inserted below the table's last as Word's 插入行 does: same cells, plain text, no controls. */
    private static void addPlainRow(XWPFDocument word, String field, String... cells) {
        XWPFTable table = word.getTables().stream()
                .filter(t -> t.getCTTbl().xmlText().contains("_qbT_" + field)).findFirst().orElseThrow();
        XWPFTableRow last = table.getRow(table.getNumberOfRows() - 1);
        XWPFTableRow row = table.createRow();
        while (!row.getTableCells().isEmpty()) {
            row.removeCell(0);
        }
        row.addNewTableCell().setText(String.valueOf(table.getNumberOfRows() - 1));
        for (String cell : cells) {
            row.addNewTableCell().setText(cell);
        }
        assertThat(row.getTableCells()).hasSameSizeAs(last.getTableCells());
    }

    private static byte[] save(XWPFDocument word) throws Exception {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            word.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] plainDocx() throws Exception {
        try (XWPFDocument word = new XWPFDocument()) {
            word.createParagraph().createRun().setText("申报书（自己做的，没有内容控件）");
            return save(word);
        }
    }

    /** The first bytes of an OLE2 compound file, as a .doc starts. */
    private static byte[] legacyWordHeader() {
        byte[] bytes = new byte[512];
        byte[] magic = new BigInteger("D0CF11E0A1B11AE1", 16).toByteArray();
        System.arraycopy(magic, magic.length - 8, bytes, 0, 8);
        return bytes;
    }
}
