package org.qualitybenchmark.workflow;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps get our Chinese labels and our configuration, served over HTTP by the starter from
 * the class path ahead of the webjar's own files. Same context configuration as
 * {@link EngineAccessIntegrationTest}, so the test run boots the application once for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class WebappLocaleTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Test
    void tasklistLoadsChineseLabels() throws Exception {
        ResponseEntity<byte[]> response = rest.getForEntity("/camunda/app/tasklist/locales/zh.json", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode labels = json.readTree(response.getBody()).get("labels");
        assertThat(labels.get("PAGE_LOGIN_PLEASE_SIGN_IN").asText()).isEqualTo("请登录");
        assertThat(labels.get("PAGE_LOGIN_USERNAME").asText()).isEqualTo("用户名");
        assertThat(labels.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
        assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("认领");
    }

    @Test
    void everyAppOffersChineseFirstAndFallsBackToIt() {
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            ResponseEntity<byte[]> config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", byte[].class);
            assertThat(config.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
            assertThat(config.getHeaders().getContentType()).as(app).hasToString("text/javascript");
            String script = new String(config.getBody(), StandardCharsets.UTF_8);
            assertThat(script).as(app).contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'zh'");
            assertThat(rest.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class).getStatusCode())
                    .as(app).isEqualTo(HttpStatus.OK);
            assertThat(rest.getForEntity("/camunda/app/" + app + "/locales/en.json", String.class).getStatusCode())
                    .as("%s still offers English", app).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void tasklistKeepsItsShippedShortcuts() {
        String script = rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
        assertThat(script).contains("claimTask", "ctrl+alt+c", "startProcess");
    }
}
