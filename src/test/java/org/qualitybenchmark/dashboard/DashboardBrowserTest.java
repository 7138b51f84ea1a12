package org.qualitybenchmark.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through its chromedriver
 * (started here; nothing is downloaded), against the whole application with the demo's cases and
 * their week (so that there are queues, stays, lists and overdue formal reviews). Signs in as the
 * manager with the Basic credentials sent by the browser on every request, opens the page and
 * checks that each chart is drawn with the figures {@code /api/dashboard/figures} gives, that the
 * diagram carries the counts of each step, and that a number drills down to its cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=true", "qb.demo.seed-week=true",
                "camunda.bpm.generate-unique-process-engine-name=true", "qb.test-context=dashboard-browser"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CAMPAIGN = "hebei-2022-national";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    ChromeDriver browser;
    ChromeDriverService service;
    Path profile;
    JsonNode expected;

    @BeforeAll
    void startTheBrowser() throws IOException {
        profile = Files.createTempDirectory("qb-chromium-");
        // An explicit driver and browser, so that Selenium Manager never looks for (or downloads) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1440,2600", "--lang=zh-CN");
        browser = new ChromeDriver(service, options);
        // The API takes HTTP Basic: the browser sends the manager's credentials with every request.
        String basic = Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        expected = json.valueToTree(rest.withBasicAuth("manager", "manager")
                .getForObject("/api/dashboard/figures?campaign=" + CAMPAIGN, Map.class));
    }

    @AfterAll
    void stopTheBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private void open() {
        browser.get("http://localhost:" + port + "/dashboard/index.html?campaign=" + CAMPAIGN);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> CAMPAIGN.equals(
                script("return document.body.dataset.loaded")));
        // The viewer shows its overlays once the diagram has settled after fitting it into view.
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> b.findElements(By.cssSelector(
                "#diagram .heat-badge")).stream().anyMatch(WebElement::isDisplayed));
    }

    @SuppressWarnings("unchecked")
    private List<Long> seriesData(String chart, int series) {
        List<Object> data = (List<Object>) script("const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                + "return c ? c.getOption().series[arguments[1]].data : null;", chart, series);
        assertThat(data).as("series %d of %s", series, chart).isNotNull();
        return data.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static List<Long> values(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asLong()));
        return values;
    }

    @Test
    void theChartsAreDrawnWithTheSeededFigures() throws IOException {
        open();
        screenshot("dashboard-hebei.png");
        // The demo week: cases in several stages, 沧州's three formal reviews overdue since 06-27.
        assertThat(expected.get("caseCount").asInt()).isGreaterThanOrEqualTo(29);
        assertThat(expected.get("funnel").size()).isGreaterThanOrEqualTo(7);
        assertThat(seriesData("chart-funnel", 0)).containsExactlyElementsOf(values(expected.get("funnel"), "reached"));
        assertThat(seriesData("chart-funnel", 1)).containsExactlyElementsOf(values(expected.get("funnel"), "current"));
        assertThat(seriesData("chart-queues", 0)).containsExactlyElementsOf(values(expected.get("queues"), "count"));
        List<Long> throughputMoved = seriesData("chart-throughput", 2);
        assertThat(throughputMoved).containsExactlyElementsOf(values(expected.get("throughput"), "moved"));
        assertThat(throughputMoved.stream().filter(n -> n > 0).count()).as("days with moves").isGreaterThanOrEqualTo(5);
        assertThat(seriesData("chart-dwell", 0)).hasSize(expected.get("dwell").size());

        List<WebElement> overdue = browser.findElements(By.cssSelector("#overdue tr"));
        assertThat(expected.get("overdue").size()).isGreaterThanOrEqualTo(3);
        assertThat(overdue).hasSize(expected.get("overdue").size());
        assertThat(overdue.get(0).getText()).contains("形式审查", "组织单位办公室", "沧州");
        assertThat(browser.findElement(By.id("units")).getText()).contains("保定市工业和信息化局", "已报送推荐名单");
        assertThat(browser.findElement(By.id("experts")).getText()).contains("王专家");
    }

    @Test
    void theDiagramCarriesTheCountsOfEachStepAndOpensTheStageBlocks() throws IOException {
        open();
        JsonNode main = expected.get("diagrams").get(0);
        int badges = 0;
        for (JsonNode step : main.get("steps")) {
            if (step.get("active").asInt() > 0) {
                WebElement badge = browser.findElement(By.cssSelector(
                        "#diagram .heat-badge[data-activity='" + step.get("activityId").asText() + "']"));
                assertThat(badge.getAttribute("data-count")).isEqualTo(step.get("active").asText());
                assertThat(badge.findElement(By.tagName("b")).getText()).isEqualTo(step.get("active").asText());
                assertThat(badge.getText()).contains("件", "天");
                badges++;
            }
        }
        assertThat(badges).as("steps with cases on them").isGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#diagram .djs-element[class*='heat-']"))).isNotEmpty();

        // Into the formal-review stage block: its review task shows the overdue reviews waiting.
        browser.findElement(By.cssSelector("#diagram-tabs button[data-process='qb-stage-formal-review']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElements(By.cssSelector(
                "#diagram .heat-badge[data-activity='UserTask_ReviewFormally']")).stream().anyMatch(WebElement::isDisplayed));
        JsonNode block = null;
        for (JsonNode d : expected.get("diagrams")) {
            if (d.get("processKey").asText().equals("qb-stage-formal-review")) {
                block = d;
            }
        }
        String waiting = null;
        for (JsonNode step : block.get("steps")) {
            if (step.get("activityId").asText().equals("UserTask_ReviewFormally")) {
                waiting = step.get("active").asText();
            }
        }
        WebElement review = browser.findElement(By.cssSelector("#diagram .heat-badge[data-activity='UserTask_ReviewFormally']"));
        assertThat(review.getAttribute("data-count")).isEqualTo(waiting);
        screenshot("dashboard-formal-review-block.png");

        // A number on the diagram opens the list of its cases, each linked to its page.
        review.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElement(By.id("drill-title")).getText()
                .contains("件）"));
        List<WebElement> links = browser.findElements(By.cssSelector("#drill-rows a[href^='/cases/edit.html?id=']"));
        assertThat(links).hasSize(Integer.parseInt(waiting));
        screenshot("dashboard-drill-down.png");
    }

    @Test
    void refreshingIsAutomaticWithAVisibleSwitchAndTime() {
        open();
        WebElement toggle = browser.findElement(By.id("auto-refresh"));
        assertThat(toggle.isSelected()).isTrue();
        assertThat(browser.findElement(By.id("updated")).getText()).startsWith("最后更新：2022/06/28");
        toggle.click();
        assertThat(toggle.isSelected()).isFalse();
        browser.findElement(By.id("refresh-now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElement(By.id("updated")).getText()
                .startsWith("最后更新"));
    }

    private void screenshot(String name) throws IOException {
        Path folder = Path.of("target", "dashboard-screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
