package org.qualitybenchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import org.qualitybenchmark.enterprise.Uscc;

/** Builds requests the way a client of {@code /api} would, against the running application. */
public class ApiTestSupport {

    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    public ApiTestSupport(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    /** A valid Hebei USCC no other test uses: registered in 石家庄 (130100), check digit computed. */
    public static String freshHebeiUscc() {
        String first17 = String.format("91130100%09d", SERIAL.incrementAndGet());
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A complete Hebei 2022 application for a large industrial enterprise, as a JSON-ready map. */
    public static Map<String, Object> completeForm(String uscc, String unit, String name) {
        Map<String, Object> enterprise = new LinkedHashMap<>();
        enterprise.put("uscc", uscc);
        enterprise.put("name", name);
        enterprise.put("ownershipType", "PRIVATE");
        enterprise.put("industryCode", "3484");
        enterprise.put("employees", 1200);
        enterprise.put("declaredSize", "LARGE");
        enterprise.put("address", "河北省石家庄市长安区中山东路1号");
        enterprise.put("postcode", "050000");
        List<Map<String, Object>> figures = new ArrayList<>();
        for (int year = 2019; year <= 2021; year++) {
            figures.add(Map.of("year", year, "revenue", new BigDecimal("45000"), "profit", new BigDecimal("3200"),
                    "totalAssets", new BigDecimal("80000")));
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("campaign", "hebei-2022-national");
        form.put("unit", unit);
        form.put("enterprise", enterprise);
        form.put("directions", List.of("digital", "process-control"));
        form.put("title", "实施数字化全过程质量管控的经验");
        form.put("texts", Map.of("overview", "企业概况。", "background", "实施背景。", "implementation", "实施过程。",
                "effect", "实施成效。"));
        form.put("figures", figures);
        form.put("contact", Map.of("name", "张三", "department", "质量部", "position", "部长", "phone", "0311-80000001",
                "mobile", "13900000001", "email", "zhangsan@example.com"));
        return form;
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body, HttpHeaders headers) {
        return exchange(user, HttpMethod.POST, path, body, headers);
    }

    public ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return exchange(user, HttpMethod.PUT, path, body, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
        ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(parse(response.getBody()));
    }

    public ResponseEntity<JsonNode> upload(String user, long caseId, String kind, String fileName, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.withBasicAuth(user, user).exchange(
                "/api/applications/" + caseId + "/attachments?kind=" + kind, HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(parse(response.getBody()));
    }

    /** Creates a complete case and submits it with every required attachment; returns its id. */
    public long submittedCase(String user, String unit, String name) {
        ResponseEntity<JsonNode> created = post(user, "/api/applications", completeForm(freshHebeiUscc(), unit, name));
        if (!created.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("create failed: " + created.getBody());
        }
        long id = created.getBody().get("id").asLong();
        for (String kind : List.of("application", "experience", "evidence")) {
            ResponseEntity<JsonNode> uploaded = upload(user, id, kind, kind + ".pdf", Samples.pdf());
            if (!uploaded.getStatusCode().is2xxSuccessful()) {
                throw new AssertionError("upload failed: " + uploaded.getBody());
            }
        }
        ResponseEntity<JsonNode> submitted = post(user, "/api/applications/" + id + "/submit", null);
        if (!submitted.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("submit failed: " + submitted.getBody());
        }
        return id;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(body);
        }
    }
}
