package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The official working-day calendar in the running application: the engine resolves {@code P10WD}
 * on it and on the demo clock, and process owners ask {@code /api/calendar} and its page, with
 * wrong questions refused in Chinese, naming the parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class WorkingDayCalendarIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String USER = "applicant1";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    private String deploymentId;

    @BeforeEach
    void deploy() {
        deploymentId = repository.createDeployment().name("working-day-deadlines")
                .addClasspathResource("processes/working-day-deadlines.bpmn").deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deploymentId, true, true);
    }

    @Test
    void theEngineCountsWorkingDaysOnTheOfficialCalendarAndTheDemoClock() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager())
                .isInstanceOf(WorkingDayBusinessCalendars.class);

        // The demo clock starts on Monday 20 June 2022; no holiday in the next ten working days.
        String june = runtime.startProcessInstanceByKey("test_working_day_deadlines").getId();
        assertThat(review(june).getDueDate()).isEqualTo(at("2022-07-04T23:59"));

        // Moved to Friday 30 September 2022: 1-7 October off, 8 and 9 October worked.
        ResponseEntity<JsonNode> moved = rest.withBasicAuth("office", "office")
                .postForEntity("/api/clock", Map.of("to", "2022-09-30T10:00:00"), JsonNode.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        String october = runtime.startProcessInstanceByKey("test_working_day_deadlines").getId();
        assertThat(review(october).getDueDate()).isEqualTo(at("2022-10-19T23:59"));
        assertThat(review(october).getFollowUpDate()).isEqualTo(at("2022-10-10T23:59"));
        assertThat(management.createJobQuery().processInstanceId(october).timers().singleResult().getDuedate())
                .isEqualTo(at("2022-10-20T00:00"));
    }

    @Test
    void workingDaysAfterADate() {
        JsonNode answer = get("/api/calendar/after?from=2024-09-27&days=10");
        assertThat(answer.path("date").asText()).isEqualTo("2024-10-16");
        assertThat(answer.path("weekday").asText()).isEqualTo("星期三");
        assertThat(answer.path("notation").asText()).isEqualTo("P10WD");
        assertThat(answer.path("dueAt").asText()).isEqualTo("2024-10-16T23:59:00+08:00");
    }

    @Test
    void theLastDayOfANoticePeriod() {
        JsonNode answer = get("/api/calendar/period-end?first=2024-09-25&days=10");
        assertThat(answer.path("lastDay").asText()).isEqualTo("2024-10-12");
        assertThat(answer.path("weekday").asText()).isEqualTo("星期六");
        JsonNode fromAHoliday = get("/api/calendar/period-end?first=2024-10-01&days=1");
        assertThat(fromAHoliday.path("firstWorkingDay").asText()).isEqualTo("2024-10-08");
    }

    @Test
    void workingDaysBetweenTwoDates() {
        JsonNode answer = get("/api/calendar/between?start=2024-09-28&end=2024-10-13");
        assertThat(answer.path("workingDays").asInt()).isEqualTo(7);
        assertThat(answer.path("calendarDays").asInt()).isEqualTo(16);
        assertThat(texts(answer.path("holidays"))).containsExactly("2024-10-01", "2024-10-02", "2024-10-03",
                "2024-10-04", "2024-10-07");
        assertThat(texts(answer.path("makeUpWorkdays"))).containsExactly("2024-09-29", "2024-10-12");
    }

    @Test
    void theHolidaysOfAYear() {
        assertThat(texts(get("/api/calendar/years").path("years")))
                .containsExactly("2022", "2023", "2024", "2025", "2026");
        JsonNode year = get("/api/calendar/years/2025");
        assertThat(year.path("workingDays").asInt()).isEqualTo(248);
        assertThat(year.path("holidays").findValuesAsText("first")).contains("2025-01-28", "2025-10-01");
        JsonNode springFestival = year.path("holidays").get(1);
        assertThat(springFestival.path("last").asText()).isEqualTo("2025-02-04");
        assertThat(springFestival.path("days").asInt()).isEqualTo(8);
        assertThat(year.path("makeUpWorkdays").findValuesAsText("date"))
                .containsExactly("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
        assertThat(year.path("makeUpWorkdays").get(1).path("weekday").asText()).isEqualTo("星期六");
    }

    @Test
    void aYearWithoutDataIsAProblemThatSaysSo() {
        for (String path : List.of("/api/calendar/years/2027", "/api/calendar/after?from=2026-12-24&days=10",
                "/api/calendar/between?start=2021-12-01&end=2022-01-10")) {
            ResponseEntity<JsonNode> response = rest.withBasicAuth(USER, USER).getForEntity(path, JsonNode.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(response.getBody().path("title").asText()).as(path).matches("工作日历缺少20(27|21)年的数据");
            assertThat(response.getBody().path("detail").asText()).as(path).contains("cn-holidays.json");
        }
    }

    @Test
    void wrongQuestionsAreRefusedNamingTheParameter() {
        assertRefused("/api/calendar/after?from=2024-13-01&days=10", "from", "“2024-13-01”不是有效日期");
        assertRefused("/api/calendar/after?days=10", "from", "请填写日期");
        assertRefused("/api/calendar/after?from=2024-09-27&days=0", "days", "1到250之间");
        assertRefused("/api/calendar/after?from=2024-09-27&days=251", "days", "1到250之间");
        assertRefused("/api/calendar/after?from=2024-09-27&days=十", "days", "“十”不是整数");
        assertRefused("/api/calendar/period-end?first=2024-09-25", "days", "请填写工作日数");
        assertRefused("/api/calendar/between?start=2024-10-13&end=2024-09-28", "end", "早于开始日期");
        assertRefused("/api/calendar/years/24", "year", "不是四位年份");
    }

    @Test
    void thePageIsServedWithoutLoginAndTheAnswersNeedIt() {
        for (String file : List.of("index.html", "calendar.js")) {
            assertThat(rest.getForEntity("/calendar/" + file, String.class).getStatusCode()).as(file)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(rest.getForEntity("/calendar/index.html", String.class).getBody()).contains("工作日历", "calendar.js");
        assertThat(rest.getForEntity("/calendar/calendar.js", String.class).getBody()).contains("/api/calendar/after");
        assertThat(rest.getForEntity("/api/calendar/years", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertRefused(String path, String field, String message) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(USER, USER).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode error = response.getBody().path("errors").get(0);
        assertThat(error.path("field").asText()).as(path).isEqualTo(field);
        assertThat(error.path("message").asText()).as(path).contains(message);
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(USER, USER).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Task review(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("UserTask_ReviewMaterials")
                .singleResult();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }
}
