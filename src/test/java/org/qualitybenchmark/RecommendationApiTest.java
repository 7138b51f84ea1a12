package org.qualitybenchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.quota.RecommendationService;
import org.qualitybenchmark.quota.ScreeningDecision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/campaigns/{code}/units/{unit}/recommendations} with the demo logins, in the context of
 * {@link ApiIntegrationTest}. Only this test proposes cases of 石家庄 (he-1301) there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class RecommendationApiTest {

    static final String PATH = "/api/campaigns/hebei-2022-national/units/he-1301/recommendations";
    static final AppUser SJZ = new AppUser("sjz", "石家庄市工信局经办人", Set.of(Role.UNIT_STAFF), Set.of("unit-he-1301"));

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    RecommendationService recommendations;

    ApiTestSupport api;

    @BeforeEach
    void setUp() {
        api = new ApiTestSupport(rest, json);
    }

    @Test
    void theUnitAndTheOrganiserSeeTheUnitsRecommendationsInRankOrderAndTheUnitReordersThem() {
        long second = api.submittedCase("sjz", "he-1301", "石家庄推荐名单接口测试一有限公司");
        long first = api.submittedCase("sjz", "he-1301", "石家庄推荐名单接口测试二有限公司");
        recommendations.screen(second, ScreeningDecision.RECOMMEND, 2, null, null, SJZ);
        recommendations.screen(first, ScreeningDecision.RECOMMEND, 1, null, null, SJZ);

        ResponseEntity<JsonNode> response = api.get("sjz", PATH);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("campaign").asText()).isEqualTo("hebei-2022-national");
        assertThat(body.get("unitName").asText()).isEqualTo("石家庄市工业和信息化局");
        assertThat(body.get("quota").asInt()).isEqualTo(3);
        assertThat(body.get("ranked").asBoolean()).isTrue();
        assertThat(body.get("used").asInt()).isEqualTo(2);
        assertThat(body.has("submitted")).as("not submitted yet").isFalse();
        assertThat(ids(body)).containsExactly(first, second);
        JsonNode top = body.get("cases").get(0);
        assertThat(top.get("caseNumber").asText()).matches("HEB2022-\\d{4}");
        assertThat(top.get("enterpriseName").asText()).isEqualTo("石家庄推荐名单接口测试二有限公司");
        assertThat(top.get("title").asText()).isEqualTo("实施数字化全过程质量管控的经验");
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("stage").asText()).isEqualTo("PROPOSED");
        assertThat(top.get("stageLabel").asText()).isEqualTo("拟推荐");

        for (String organiser : List.of("office", "manager", "demo")) {
            assertThat(ids(api.get(organiser, PATH).getBody())).as(organiser).containsExactly(first, second);
        }

        ResponseEntity<JsonNode> reordered = api.exchange("sjz", HttpMethod.PUT, PATH + "/order",
                Map.of("applicationIds", List.of(second, first)), new HttpHeaders());
        assertThat(reordered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ids(reordered.getBody())).containsExactly(second, first);
        assertThat(api.exchange("ts", HttpMethod.PUT, PATH + "/order", Map.of("applicationIds", List.of(first, second)),
                new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void othersDoNotSeeAUnitsRecommendations() {
        for (String user : List.of("ts", "assoc", "applicant1", "expert1")) {
            assertThat(api.get(user, PATH).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.get(null, PATH).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownCampaignsAndUnitsAndUnitsOutsideTheCampaignAreNotFound() {
        for (String path : List.of("/api/campaigns/hebei-2022-national/units/he-9999/recommendations",
                "/api/campaigns/hebei-2022-national/units/ln-2101/recommendations",
                "/api/campaigns/no-such-campaign/units/he-1301/recommendations")) {
            assertThat(api.get("office", path).getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    private static List<Long> ids(JsonNode view) {
        List<Long> ids = new ArrayList<>();
        view.get("cases").forEach(entry -> ids.add(entry.get("applicationId").asLong()));
        return ids;
    }
}
