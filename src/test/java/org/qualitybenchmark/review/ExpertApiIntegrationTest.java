package org.qualitybenchmark.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/experts} over HTTP. Experts registered here stay inactive, so that the pool the other
 * tests assign from does not change.
 */
class ExpertApiIntegrationTest extends ReviewTestSupport {

    @Test
    void theOfficeRegistersAnExpertOnce() {
        ResponseEntity<JsonNode> created = api.post("office", "/api/experts",
                expert("expert1", "王专家", "河北工业大学质量研究所", "he-1301", false));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/experts/expert1");
        JsonNode body = created.getBody();
        assertThat(body.get("userId").asText()).isEqualTo("expert1");
        assertThat(body.get("organisation").asText()).isEqualTo("河北工业大学质量研究所");
        assertThat(body.get("unit").asText()).isEqualTo("he-1301");
        assertThat(body.get("unitName").asText()).isEqualTo("石家庄市工业和信息化局");
        assertThat(body.get("active").asBoolean()).isFalse();
        assertThat(body.get("registeredBy").asText()).isEqualTo("office");

        ResponseEntity<JsonNode> again = api.post("demo", "/api/experts",
                expert("expert1", "王专家", "河北工业大学质量研究所", null, false));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).isEqualTo("专家“expert1”已在专家库中，请修改其信息");

        ResponseEntity<JsonNode> list = api.get("office", "/api/experts");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody().findValuesAsText("userId")).contains("expert1", "rv-expert-01", "rv-expert-08");
    }

    @Test
    void theOfficeChangesAnExpert() {
        api.post("office", "/api/experts", expert("expert2", "李专家", "燕山大学", null, false));

        ResponseEntity<JsonNode> changed = api.put("office", "/api/experts/expert2",
                expert(null, "李专家", "燕山大学质量工程系", "he-1303", false));

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("organisation").asText()).isEqualTo("燕山大学质量工程系");
        assertThat(changed.getBody().get("unit").asText()).isEqualTo("he-1303");
        assertThat(api.put("office", "/api/experts/nobody", expert(null, "某", "某单位", null, false)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyFaultOfARegistrationIsNamedInChinese() {
        ResponseEntity<JsonNode> response = api.post("office", "/api/experts", expert(" ", "", "单".repeat(201), "he-9999", null));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(errors(response)).containsExactly(
                Map.entry("userId", "请填写专家的登录账号"),
                Map.entry("name", "请填写专家姓名"),
                Map.entry("organisation", "工作单位应在200字以内，现为201字"),
                Map.entry("unit", "推荐单位目录中没有“he-9999”"));
    }

    @Test
    void anExpertMustBeALoginOfTheExpertsGroup() {
        assertThat(errors(api.post("office", "/api/experts", expert("nobody-here", "某", "某单位", null, false))))
                .containsExactly(Map.entry("userId", "系统中没有登录账号“nobody-here”，请先在 Camunda Admin 中创建该用户"));
        assertThat(errors(api.post("office", "/api/experts", expert("sjz", "某", "某单位", null, false))))
                .containsExactly(Map.entry("userId", "用户“sjz”不在评审专家组中，请先在 Camunda Admin 中将其加入评审专家组"));
        assertThat(errors(api.post("office", "/api/experts", expert("bad id!", "某", "某单位", null, false))))
                .containsExactly(Map.entry("userId", "登录账号只能使用字母、数字、下划线、点和连字符，不超过64位"));
    }

    @Test
    void onlyTheOfficeAndAdministratorsSeeOrChangeThePool() {
        for (String other : List.of("sjz", "applicant1", "expert1", "manager", "owner")) {
            assertThat(api.get(other, "/api/experts").getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.post(other, "/api/experts", expert("expert2", "李专家", "燕山大学", null, false)).getStatusCode())
                    .as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.exchange(other, HttpMethod.PUT, "/api/experts/rv-expert-01",
                    expert(null, "某", "某单位", null, false), new HttpHeaders()).getStatusCode())
                    .as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.get(null, "/api/experts").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("demo", "/api/experts").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> expert(String userId, String name, String organisation, String unit,
            Boolean active) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("name", name);
        body.put("organisation", organisation);
        body.put("unit", unit);
        body.put("active", active);
        return body;
    }

    private static List<Map.Entry<String, String>> errors(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        return StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
                .map(e -> Map.entry(e.get("field").asText(), e.get("message").asText())).toList();
    }
}
