package org.qualitybenchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.enterprise.Uscc;
import org.qualitybenchmark.support.AppProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualitybenchmark.ApiTestSupport.completeForm;
import static org.qualitybenchmark.ApiTestSupport.freshHebeiUscc;

/** The API as its clients use it, over HTTP, against the whole application with the demo logins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class ApiIntegrationTest {

    /** Registered in 沈阳 (210100), outside Hebei. */
    static final String LIAONING_USCC = "91210100MA0QC0WK1" + Uscc.checkCharacter("91210100MA0QC0WK1");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppProperties properties;

    ApiTestSupport api;

    @BeforeEach
    void setUp() {
        api = new ApiTestSupport(rest, json);
    }

    @Test
    void everyEndpointRefusesAnonymousCalls() {
        for (String path : List.of("/api/applications", "/api/campaigns", "/api/me", "/v3/api-docs",
                "/swagger-ui/index.html", "/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-definition")) {
            ResponseEntity<JsonNode> response = api.get(null, path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
        }
        // A wrong password briefly locks the user (the engine's brute-force protection): use a login no other test needs.
        ResponseEntity<JsonNode> wrongPassword = rest.withBasicAuth("expert2", "wrong")
                .exchange("/api/me", HttpMethod.GET, null, JsonNode.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> login = rest.getForEntity("/camunda/app/welcome/default/", String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aUnitsStaffSignIntoTasklistButNotCockpit() {
        assertThat(webappLogin("sjz", "sjz", "tasklist")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("expert2", "wrong", "tasklist")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(webappLogin("sjz", "sjz", "cockpit")).as("no access to Cockpit").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("manager", "manager", "cockpit")).isEqualTo(HttpStatus.OK);
    }

    /** Signs in as the webapp's login page does: a form post carrying the XSRF cookie it was given. */
    private HttpStatus webappLogin(String user, String password, String app) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
        String cookies = String.join("; ", page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .map(c -> c.split(";")[0]).toList());
        String token = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';'))).findFirst().orElse("");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set(HttpHeaders.COOKIE, cookies);
        headers.set("X-XSRF-TOKEN", token);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
        return HttpStatus.valueOf(login.getStatusCode().value());
    }

    @Test
    void apiDocumentsItselfToSignedInUsers() {
        ResponseEntity<JsonNode> docs = api.get("office", "/v3/api-docs");
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody().path("paths").has("/api/applications")).isTrue();
        assertThat(docs.getBody().path("paths").has("/api/applications/{id}/attachments")).isTrue();
        assertThat(docs.getBody().path("info").path("title").asText()).contains("质量标杆");
    }

    @Test
    void anApplicantCreatesUploadsAndSubmitsACase() {
        Map<String, Object> form = completeForm(freshHebeiUscc(), "he-1301", "石家庄测试精工有限公司");
        ResponseEntity<JsonNode> created = api.post("applicant1", "/api/applications", form);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = created.getBody();
        long id = body.get("id").asLong();
        assertThat(body.get("caseNumber").asText()).matches("HEB2022-\\d{4}");
        assertThat(body.get("stage").asText()).isEqualTo("DRAFT");
        assertThat(body.path("enterprise").path("registeredRegionName").asText()).isEqualTo("河北省石家庄市");
        assertThat(body.path("enterprise").path("computedSize").asText()).isEqualTo("LARGE");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/applications/" + id);

        ResponseEntity<JsonNode> early = api.post("applicant1", "/api/applications/" + id + "/submit", null);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(early)).contains("attachments.application", "attachments.experience", "attachments.evidence");

        assertThat(api.upload("applicant1", id, "application", "申报书.pdf", Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.upload("applicant1", id, "experience", "典型经验.docx", Samples.zip()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.upload("applicant1", id, "evidence", "证书.pdf", Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> submitted = api.post("applicant1", "/api/applications/" + id + "/submit", null);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(submitted.getBody().get("stage").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.getBody().get("submittedAt").asText()).startsWith("2022-06-2");

        ResponseEntity<JsonNode> again = api.post("applicant1", "/api/applications/" + id + "/submit", null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> actions = new ArrayList<>();
        again.getBody().get("history").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("CREATED", "ATTACHMENT_ADDED", "ATTACHMENT_ADDED", "ATTACHMENT_ADDED", "SUBMITTED");
        again.getBody().get("history").forEach(e -> assertThat(e.get("actor").asText()).isEqualTo("applicant1"));

        ResponseEntity<JsonNode> edit = api.put("applicant1", "/api/applications/" + id, form);
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<byte[]> download = rest.withBasicAuth("applicant1", "applicant1").exchange(
                "/api/applications/" + id + "/attachments/" + again.getBody().get("attachments").get(0).get("id").asLong(),
                HttpMethod.GET, null, byte[].class);
        assertThat(download.getBody()).isEqualTo(Samples.pdf());
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("申报书.pdf");
    }

    @Test
    void sendingTheSameRequestTwiceCreatesOneCase() {
        Map<String, Object> form = completeForm(freshHebeiUscc(), "he-1301", "石家庄重复提交测试有限公司");
        ResponseEntity<JsonNode> first = api.post("applicant1", "/api/applications", form);
        ResponseEntity<JsonNode> second = api.post("applicant1", "/api/applications", form);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getBody().get("id")).isEqualTo(first.getBody().get("id"));

        form.put("title", "另一个经验名称");
        ResponseEntity<JsonNode> different = api.post("applicant1", "/api/applications", form);
        assertThat(different.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(codes(different)).containsExactly("application.duplicate");
    }

    @Test
    void concurrentRepeatsWithOneIdempotencyKeyCreateOneCase() throws Exception {
        Map<String, Object> form = completeForm(freshHebeiUscc(), "he-1302", "唐山并发提交测试有限公司");
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "double-click-" + form.hashCode());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.exchange("applicant2", HttpMethod.POST, "/api/applications", form, new HttpHeaders(headers)));
            }
            Set<Long> ids = new HashSet<>();
            int created = 0;
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(calls)) {
                ResponseEntity<JsonNode> response = result.get();
                assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
                ids.add(response.getBody().get("id").asLong());
                created += response.getStatusCode() == HttpStatus.CREATED ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String uscc = ((Map<?, ?>) form.get("enterprise")).get("uscc").toString();
        assertThat(jdbc.queryForObject("select count(*) from qb_application a join qb_enterprise e on e.id = a.enterprise_id"
                + " where e.uscc = ?", Integer.class, uscc)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() {
        int before = count("qb_application");
        String uscc = freshHebeiUscc();
        String wrongCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        Map<String, Object> form = completeForm(wrongCheck, "he-1301", "校验测试有限公司");
        form.put("title", "实施基于全员参与和数字化手段的全过程全要素质量管控体系建设的典型经验总结");
        form.put("directions", List.of("digital", "unknown-direction"));
        ((Map<String, Object>) form.get("enterprise")).put("declaredSize", "SMALL");
        ((Map<String, Object>) form.get("enterprise")).put("industryCode", "99");

        ResponseEntity<JsonNode> response = api.post("applicant1", "/api/applications", form);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).contains("enterprise.uscc", "title", "directions[1]", "enterprise.industryCode");
        assertThat(message(response, "enterprise.uscc")).contains("校验位");
        assertThat(message(response, "title")).contains("30字以内");
        assertThat(count("qb_application")).isEqualTo(before);

        Map<String, Object> liaoningCode = completeForm(LIAONING_USCC, "he-1301", "辽宁注册测试有限公司");
        ResponseEntity<JsonNode> region = api.post("applicant1", "/api/applications", liaoningCode);
        assertThat(codes(region)).contains("uscc.region");

        Map<String, Object> mismatch = completeForm(freshHebeiUscc(), "he-1301", "规模测试有限公司");
        ((Map<String, Object>) mismatch.get("enterprise")).put("declaredSize", "SMALL");
        ResponseEntity<JsonNode> size = api.post("applicant1", "/api/applications", mismatch);
        assertThat(codes(size)).containsExactly("size.mismatch");
        assertThat(message(size, "enterprise.declaredSize")).contains("大型");

        ResponseEntity<JsonNode> malformed = api.post("applicant1", "/api/applications", Map.of("campaign", "hebei-2022-national",
                "unit", "he-1301", "enterprise", Map.of("uscc", uscc, "name", "x", "employees", "many")));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(malformed)).containsExactly("enterprise.employees");
    }

    @Test
    void aSubmissionMustMeetTheCampaignsConditions() {
        Map<String, Object> form = completeForm(freshHebeiUscc(), "he-1301", "亏损测试有限公司");
        form.put("figures", List.of(Map.of("year", 2019, "revenue", 45000, "profit", 100, "totalAssets", 80000),
                Map.of("year", 2020, "revenue", 45000, "profit", -35, "totalAssets", 80000)));
        form.put("texts", Map.of("overview", "概况"));
        long id = api.post("applicant1", "/api/applications", form).getBody().get("id").asLong();

        ResponseEntity<JsonNode> submit = api.post("applicant1", "/api/applications/" + id + "/submit", null);

        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(submit)).contains("figures.2020.profit", "figures.2021", "texts.background",
                "texts.implementation", "texts.effect", "attachments.application");
        assertThat(message(submit, "figures.2020.profit")).contains("连续保持盈利");
        assertThat(api.get("applicant1", "/api/applications/" + id).getBody().get("stage").asText()).isEqualTo("DRAFT");
    }

    @Test
    void refusedUploadsLeaveNothingBehind() throws IOException {
        long id = api.post("applicant1", "/api/applications",
                completeForm(freshHebeiUscc(), "he-1301", "附件测试有限公司")).getBody().get("id").asLong();
        int rows = count("qb_attachment");
        long files = storedFiles();

        assertThat(codes(api.upload("applicant1", id, "application", "申报书.exe", Samples.pdf()))).containsExactly("attachment.extension");
        assertThat(codes(api.upload("applicant1", id, "application", "申报书.pdf", Samples.text()))).containsExactly("attachment.contentMismatch");
        assertThat(codes(api.upload("applicant1", id, "application", "申报书.docx", Samples.pdf()))).containsExactly("attachment.contentMismatch");
        assertThat(codes(api.upload("applicant1", id, "application", "CON.pdf", Samples.pdf()))).containsExactly("attachment.name");
        assertThat(codes(api.upload("applicant1", id, "application", "a\u0007b.pdf", Samples.pdf()))).containsExactly("attachment.name");
        assertThat(codes(api.upload("applicant1", id, "application", "空.pdf", new byte[0]))).containsExactly("attachment.empty");
        assertThat(codes(api.upload("applicant1", id, "nonsense", "申报书.pdf", Samples.pdf()))).containsExactly("attachment.kindUnknown");
        assertThat(codes(api.upload("applicant1", id, "national-package", "别的公司.rar", Samples.pdf())))
                .containsExactly("attachment.nameNotEnterprise");

        assertThat(count("qb_attachment")).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);

        ResponseEntity<JsonNode> traversal = api.upload("applicant1", id, "application", "../../etc/申报书.pdf", Samples.pdf());
        assertThat(traversal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(traversal.getBody().get("name").asText()).isEqualTo("申报书.pdf");
        ResponseEntity<JsonNode> second = api.upload("applicant1", id, "application", "申报书2.pdf", Samples.pdf());
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(storedFiles()).isEqualTo(files + 1);
    }

    @Test
    void aUnitSeesAndChangesOnlyItsOwnCases() {
        long shijiazhuang = api.submittedCase("sjz", "he-1301", "石家庄范围测试有限公司");
        long tangshan = api.submittedCase("ts", "he-1302", "唐山范围测试有限公司");

        assertThat(unitsListedFor("sjz")).containsOnly("he-1301");
        assertThat(unitsListedFor("ts")).containsOnly("he-1302");
        assertThat(unitsListedFor("office")).contains("he-1301", "he-1302");
        assertThat(unitsListedFor("manager")).contains("he-1301", "he-1302");
        assertThat(unitsListedFor("expert1")).isEmpty();
        assertThat(api.get("sjz", "/api/applications?campaign=hebei-2022-national&unit=he-1302").getBody()
                .get("totalElements").asInt()).isZero();

        for (String path : List.of("/api/applications/" + tangshan, "/api/applications/" + tangshan + "/attachments")) {
            assertThat(api.get("sjz", path).getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.post("sjz", "/api/applications/" + tangshan + "/withdraw", Map.of("reason", "越权")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.upload("sjz", tangshan, "evidence", "x.pdf", Samples.pdf()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("ts", "/api/applications/" + tangshan).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("applicant1", "/api/applications/" + shijiazhuang).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> foreignUnit = api.post("sjz", "/api/applications",
                completeForm(freshHebeiUscc(), "he-1302", "代他单位申报测试有限公司"));
        assertThat(foreignUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anApplicantSeesOnlyTheirOwnCases() {
        api.post("applicant2", "/api/applications", completeForm(freshHebeiUscc(), "he-1302", "申报人二号测试有限公司"));
        JsonNode mine = api.get("applicant1", "/api/applications?size=200").getBody();
        mine.get("content").forEach(row -> assertThat(
                api.get("applicant1", "/api/applications/" + row.get("id").asLong()).getBody().get("ownerUserId").asText())
                .isEqualTo("applicant1"));
        assertThat(mine.get("totalElements").asInt()).isPositive();
    }

    @Test
    void theOfficeRecordsAPilotEraCodeBeforeItIsAccepted() {
        String valid = freshHebeiUscc();
        String pilot = valid.substring(0, 17) + (valid.charAt(17) == 'A' ? 'B' : 'A');
        Map<String, Object> form = completeForm(pilot, "he-1301", "试点代码测试有限公司");
        assertThat(codes(api.post("applicant1", "/api/applications", form))).containsExactly("uscc.check_digit");

        Map<String, String> grant = Map.of("uscc", pilot, "reason", "经核验营业执照原件，系2015年试点期间颁发的合法代码");
        assertThat(api.post("applicant1", "/api/uscc-overrides", grant).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("office", "/api/uscc-overrides", grant).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(codes(api.post("office", "/api/uscc-overrides", Map.of("uscc", "9113", "reason", "长度不对也想例外"))))
                .containsExactly("override.notAllowed");

        ResponseEntity<JsonNode> created = api.post("applicant1", "/api/applications", form);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("enterprise").path("usccOverridden").asBoolean()).isTrue();
        List<String> actions = new ArrayList<>();
        created.getBody().get("history").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("USCC_OVERRIDE_APPLIED");
    }

    @Test
    void applicationsOutsideTheWindowAreRefused() {
        Map<String, Object> form = completeForm(LIAONING_USCC, "ln-2101", "辽宁窗口测试有限公司");
        form.put("campaign", "liaoning-2024-provincial");
        ResponseEntity<JsonNode> response = api.post("applicant1", "/api/applications", form);
        assertThat(codes(response)).containsExactly("campaign.notOpen");
        assertThat(message(response, "campaign")).contains("2024-04-28");
    }

    @Test
    void campaignsDescribeTheirRules() {
        JsonNode hebei = api.get("applicant1", "/api/campaigns/hebei-2022-national").getBody();
        assertThat(hebei.get("units")).hasSize(26);
        JsonNode shijiazhuang = findUnit(hebei, "he-1301");
        assertThat(shijiazhuang.get("quota").asInt()).isEqualTo(3);
        assertThat(findUnit(hebei, "he-assoc-machinery").get("quota").asInt()).isEqualTo(2);
        JsonNode liaoning = api.get("applicant1", "/api/campaigns/liaoning-2024-provincial").getBody();
        assertThat(findUnit(liaoning, "ln-2101").get("unlimited").asBoolean()).isTrue();
        assertThat(api.get("applicant1", "/api/campaigns/nope").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDemoDataIsThere() {
        ResponseEntity<JsonNode> response = api.get("sjz", "/api/me");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode me = response.getBody();
        assertThat(me.get("roles").toString()).contains("UNIT_STAFF");
        JsonNode all = api.get("demo", "/api/applications?campaign=hebei-2022-national&size=200").getBody();
        List<String> stages = new ArrayList<>();
        all.get("content").forEach(row -> stages.add(row.get("stage").asText()));
        assertThat(stages).contains("DRAFT", "SUBMITTED");
    }

    private static JsonNode findUnit(JsonNode campaign, String code) {
        for (JsonNode unit : campaign.get("units")) {
            if (unit.get("code").asText().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code);
    }

    private Set<String> unitsListedFor(String user) {
        Set<String> units = new HashSet<>();
        api.get(user, "/api/applications?campaign=hebei-2022-national&size=200").getBody().get("content")
                .forEach(row -> units.add(row.get("unit").asText()));
        return units;
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private long storedFiles() throws IOException {
        Path root = properties.storageDir();
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        List<String> fields = new ArrayList<>();
        response.getBody().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static List<String> codes(ResponseEntity<JsonNode> response) {
        List<String> codes = new ArrayList<>();
        response.getBody().path("errors").forEach(e -> codes.add(e.get("code").asText()));
        return codes;
    }

    private static String message(ResponseEntity<JsonNode> response, String field) {
        for (JsonNode error : response.getBody().path("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + response.getBody());
    }
}
