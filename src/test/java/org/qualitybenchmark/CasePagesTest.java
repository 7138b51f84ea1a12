package org.qualitybenchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case pages are static files anyone may load; the cases themselves come from /api, which
 * still asks for the login, with a Basic challenge so that the browser shows its login box.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class CasePagesTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void thePagesAreServedWithoutLogin() {
        for (String file : List.of("index.html", "edit.html", "common.js", "index.js", "edit.js", "cases.css",
                "unit-documents.html", "unit-documents.js")) {
            ResponseEntity<String> response = rest.getForEntity("/cases/" + file, String.class);
            assertThat(response.getStatusCode()).as(file).isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<String> page = rest.getForEntity("/cases/index.html", String.class);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("我的申报案件", "index.js");
        assertThat(rest.getForEntity("/cases/edit.js", String.class).getBody()).contains("/api/applications");
    }

    @Test
    void theDataBehindThemStillNeedsTheLogin() {
        for (String path : List.of("/api/applications", "/api/applications/1", "/api/campaigns/hebei-2022-national",
                "/api/me")) {
            ResponseEntity<String> response = rest.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic realm=");
        }
        assertThat(rest.withBasicAuth("applicant1", "applicant1").getForEntity("/api/applications", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyReadingThePagesIsOpen() {
        ResponseEntity<String> post = rest.exchange("/cases/index.html", HttpMethod.POST, null, String.class);
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> missing = rest.getForEntity("/cases/no-such-page.html", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
