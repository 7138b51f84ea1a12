package org.qualitybenchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.quota.RecommendationService;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * {@code /api/campaigns/{code}/units/{unit}/documents}: the documents a unit sends with its list
 * (Liaoning 2024: 推荐文件 and 推荐汇总表（附件3）, both required), with the demo logins, in the context
 * of {@link ApiIntegrationTest}. Only this test touches the documents and lists of 鞍山 (ln-2103),
 * 抚顺 (ln-2104) and 本溪 (ln-2105) there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class UnitDocumentApiTest {

    static final String CAMPAIGN = "liaoning-2024-provincial";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    CampaignCatalog catalog;

    ApiTestSupport api;

    @BeforeEach
    void setUp() {
        api = new ApiTestSupport(rest, json);
    }

    @Test
    void theUnitUploadsItsDocumentsTheOrganiserReadsThemAndNobodyElseSeesThem() {
        String path = path("ln-2103");
        JsonNode empty = api.get("ln-2103", path).getBody();
        assertThat(labels(empty.get("kinds"))).containsExactly("推荐文件（加盖公章）", "推荐汇总表（附件3）");
        assertThat(texts(empty.get("missing"))).containsExactly("推荐文件（加盖公章）", "推荐汇总表（附件3）");
        assertThat(empty.get("editable").asBoolean()).isTrue();

        ResponseEntity<JsonNode> letter = upload("ln-2103", path, "recommendation-letter", "鞍山市推荐文件.pdf", Samples.pdf());
        assertThat(letter.getStatusCode()).as("%s", letter.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(letter.getBody().get("uploadedBy").asText()).isEqualTo("ln-2103");
        ResponseEntity<JsonNode> table = upload("ln-2103", path, "summary-table", "省质量标杆申报汇总表.xlsx", Samples.zip());
        assertThat(table.getStatusCode()).as("%s", table.getBody()).isEqualTo(HttpStatus.CREATED);

        JsonNode complete = api.get("ln-2103", path).getBody();
        assertThat(complete.get("missing")).isEmpty();
        assertThat(complete.get("kinds").get(0).get("files").get(0).get("name").asText()).isEqualTo("鞍山市推荐文件.pdf");

        String download = path + "/" + letter.getBody().get("id").asLong();
        for (String reader : List.of("ln-2103", "office", "manager", "demo")) {
            assertThat(api.get(reader, path).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            ResponseEntity<byte[]> file = rest.withBasicAuth(reader, reader).getForEntity(download, byte[].class);
            assertThat(file.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(file.getBody()).as(reader).isEqualTo(Samples.pdf());
        }
        for (String outsider : List.of("ln-2101", "sjz", "applicant1", "expert1")) {
            assertThat(api.get(outsider, path).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(rest.withBasicAuth(outsider, outsider).getForEntity(download, String.class).getStatusCode())
                    .as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(upload(outsider, path, "recommendation-letter", "推荐文件.pdf", Samples.pdf()).getStatusCode())
                    .as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(delete(outsider, download).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.get("office", path).getBody().get("editable").asBoolean()).isFalse();
        assertThat(upload("office", path, "recommendation-letter", "推荐文件.pdf", Samples.pdf()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete("office", download).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get(null, path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(delete("ln-2103", download).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(texts(api.get("ln-2103", path).getBody().get("missing"))).containsExactly("推荐文件（加盖公章）");
        assertThat(rest.withBasicAuth("office", "office").getForEntity(download, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badFilesAreRefusedWithTheFieldAndTheReason() {
        String path = path("ln-2104");
        assertThat(message(upload("ln-2104", path, "summary-table", "汇总表.docx", Samples.zip())))
                .contains("“推荐汇总表（附件3）”只接受xls、xlsx、pdf格式的文件");
        assertThat(message(upload("ln-2104", path, "summary-table", "汇总表.pdf", Samples.text())))
                .contains("内容与扩展名不符");
        assertThat(message(upload("ln-2104", path, "cover-letter", "说明.pdf", Samples.pdf())))
                .contains("“cover-letter”不是本次活动的推荐单位材料类别")
                .contains("summary-table（推荐汇总表（附件3））");
        assertThat(upload("ln-2104", path, "summary-table", "汇总表.pdf", Samples.pdf()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> second = upload("ln-2104", path, "summary-table", "汇总表二.pdf", Samples.pdf());
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).contains("已上传“推荐汇总表（附件3）”，该类材料只能有一个");
        assertThat(api.get("ln-2104", path).getBody().get("kinds").get(1).get("files")).hasSize(1);
        assertThat(api.get("office", "/api/campaigns/" + CAMPAIGN + "/units/he-1301/documents").getStatusCode())
                .as("a unit outside the campaign").isEqualTo(HttpStatus.NOT_FOUND);
        String direct = "/api/campaigns/shandong-2023-national/units/sd-direct/documents";
        JsonNode none = api.get("sd-direct", direct).getBody();
        assertThat(none.get("kinds")).as("Shandong asks only its cities for documents (unitKinds: [CITY])").isEmpty();
        assertThat(none.get("missing")).isEmpty();
        assertThat(message(upload("sd-direct", direct, "summary-table", "汇总表.xlsx", Samples.zip())))
                .contains("不要求省属企业和中央驻鲁企业（直接报送）上传材料");
        assertThat(api.get("sd-3701", "/api/campaigns/shandong-2023-national/units/sd-3701/documents").getBody()
                .get("kinds")).hasSize(2);
    }

    @Test
    void theListIsRefusedUntilTheRequiredDocumentsAreThereAndTheyAreFrozenOnceItIsIn() {
        String path = path("ln-2105");
        AppUser staff = new AppUser("ln-2105", "本溪市工信局经办人", Set.of(Role.UNIT_STAFF), Set.of("unit-ln-2105"));
        Long campaignId = catalog.campaign(CAMPAIGN).orElseThrow().id();
        Long unitId = catalog.unit("ln-2105").orElseThrow().id();
        upload("ln-2105", path, "summary-table", "本溪市汇总表.xlsx", Samples.zip());

        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> recommendations.submitList(campaignId, unitId, null, staff));
        assertThat(refused.violations().get(0).field()).isEqualTo("documents");
        assertThat(refused.violations().get(0).message())
                .isEqualTo("本溪市工业和信息化局尚未上传“推荐文件（加盖公章）”，请在“推荐单位材料”页面（/cases/unit-documents.html）上传后再报送推荐名单");

        upload("ln-2105", path, "recommendation-letter", "本溪市推荐文件.pdf", Samples.pdf());
        assertThat(recommendations.submitList(campaignId, unitId, "本溪市本年度无拟推荐企业", staff)).isEmpty();

        JsonNode sent = api.get("ln-2105", path).getBody();
        assertThat(sent.get("listSubmitted").asBoolean()).isTrue();
        assertThat(sent.get("editable").asBoolean()).isFalse();
        ResponseEntity<JsonNode> late = upload("ln-2105", path, "recommendation-letter", "补充.pdf", Samples.pdf());
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).contains("报送推荐名单，随名单报送的材料不能再更改");
        long fileId = sent.get("kinds").get(0).get("files").get(0).get("id").asLong();
        assertThat(delete("ln-2105", path + "/" + fileId).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(catchThrowableOfType(ConflictException.class,
                () -> recommendations.submitList(campaignId, unitId, null, staff))).isNotNull();
    }

    private static String path(String unit) {
        return "/api/campaigns/" + CAMPAIGN + "/units/" + unit + "/documents";
    }

    private ResponseEntity<JsonNode> upload(String user, String path, String kind, String fileName, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("kind", kind);
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
            JsonNode body = response.getBody() == null ? null : json.readTree(response.getBody());
            return ResponseEntity.status(response.getStatusCode()).body(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private ResponseEntity<String> delete(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.DELETE, null, String.class);
    }

    /** The message of the one field violation of a refused upload. */
    private static String message(ResponseEntity<JsonNode> refused) {
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        return refused.getBody().get("errors").get(0).get("message").asText();
    }

    private static List<String> labels(JsonNode kinds) {
        List<String> labels = new ArrayList<>();
        kinds.forEach(kind -> labels.add(kind.get("label").asText()));
        return labels;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
