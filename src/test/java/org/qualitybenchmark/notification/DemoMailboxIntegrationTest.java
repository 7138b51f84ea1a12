package org.qualitybenchmark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.workflow.WorkflowTasks;

/**
 * The demo mailbox: the application started with its SMTP sink on a free port and its mail sent there
 * (as the demo profile does on 3025), the reminder scan on (as in the demo, run when the clock moves).
 * Moving the clock brings a task reminder, a model's own reminder (processes/model-reminder.bpmn) and,
 * past the due day, the escalation of a county's overdue task to its city; the dispatcher sends them
 * over real SMTP, and the office reads them on {@code /api/demo-mailbox} with the demo clock's dates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true",
                "qb.demo.mailbox.enabled=true", "spring.mail.host=127.0.0.1", "qb.reminders.enabled=true",
                "qb.reminders.initial-delay=PT24H", "qb.reminders.scan-interval=PT24H"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class DemoMailboxIntegrationTest {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("qb.demo.mailbox.port", () -> PORT);
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    WorkflowTasks workflow;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    OutboxDispatcher dispatcher;

    @Test
    void theMailboxShowsWhatTheCampaignRunSent() {
        ApiTestSupport api = new ApiTestSupport(rest, json);
        long caseId = api.submittedCase("applicant1", "he-1301", "演示邮箱测试有限公司");
        String caseNumber = applications.findById(caseId).orElseThrow().getCaseNumber();
        repository.createDeployment().addClasspathResource("processes/model-reminder.bpmn").name("model-reminder").deploy();
        // The engine's clock is one per JVM and a context closed meanwhile may have set it back; a move puts it on ours.
        moveClock(api, "2022-06-20T10:00:00");
        // Monday 20 June 2022: due in five working days (27 June), the model's reminder after three (the 24th at 00:00).
        runtime.startProcessInstanceByKey("test_model_reminder", caseNumber, Map.of("countyGroup", "unit-zj-330106"));

        moveClock(api, "2022-06-24T09:00:00");
        moveClock(api, "2022-06-28T09:00:00");

        JsonNode box = api.get("office", "/api/demo-mailbox").getBody();
        assertThat(box.path("port").asInt()).isEqualTo(PORT);
        List<String> mails = new ArrayList<>();
        box.path("mails").forEach(m -> mails.add(m.path("to").get(0).asText() + " " + m.path("sentAt").asText().substring(0, 10)
                + " " + m.path("subject").asText()));
        assertThat(mails).anyMatch(m -> m.startsWith("applicant1@demo.invalid ") && m.contains("申报已提交"));
        assertThat(mails).as("the tasks-due rule, two working days before the 27th, caught up on the 24th")
                .anyMatch(m -> m.startsWith("zj-330106@demo.invalid 2022-06-24 您有待办任务将于2022-06-27到期（还有1个工作日）"));
        assertThat(mails).as("the model's own reminder, to the case's unit")
                .anyMatch(m -> m.startsWith("sjz@demo.invalid 2022-06-24 ") && m.contains("待办事项即将到期"));
        assertThat(mails).as("a county's overdue task escalated to its city, the first working day after")
                .anyMatch(m -> m.startsWith("zj-3301@demo.invalid 2022-06-28 【逾期督办】核查申报材料（" + caseNumber + "）"));
        assertThat(mails).noneMatch(m -> m.startsWith("zj-3302@") || m.startsWith("zj-330106@demo.invalid 2022-06-28"));
        assertThat(box.path("mails").get(0).path("body").asText()).contains("本邮件由质量标杆遴选系统自动发送");

        assertThat(api.get("sjz", "/api/demo-mailbox").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void moveClock(ApiTestSupport api, String to) {
        assertThat(api.post("office", "/api/clock", Map.of("to", to)).getStatusCode()).isEqualTo(HttpStatus.OK);
        workflow.runDueJobs();
        while (dispatcher.dispatchDue() > 0) {
            // until the outbox is empty, so each mail carries the day it was sent
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
