package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.notification.OutboxDispatcher;

/**
 * A notification added to a model without Java ({@code ${notifyDelegate}} with input parameters)
 * reaches the inboxes of the recipients it names, for the case of the process's business key, once
 * even when the step runs again; a template or recipient the system does not know stops the step
 * with a message naming it. The probe model is {@code src/test/resources/processes/notify-delegate-probe.bpmn}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles({"test", "demo"})
// Its Hebei cases would count against the units' quotas of later tests sharing the cached context.
@DirtiesContext
class NotifyDelegateIntegrationTest {

    private static final String PROBE = "test_notify_delegate_probe";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    OutboxDispatcher dispatcher;

    ApiTestSupport api;

    @BeforeEach
    void deployProbe() {
        api = new ApiTestSupport(rest, json);
        repository.createDeployment().addClasspathResource("processes/notify-delegate-probe.bpmn")
                .enableDuplicateFiltering(true).name("notify-delegate-probe").deploy();
    }

    @Test
    void theStepReachesTheNamedRecipientsOnceEvenWhenItRunsAgain() {
        String caseNumber = caseNumber(api.submittedCase("applicant1", "he-1301", "模型通知测试一有限公司"));

        ProcessInstance probe = runtime.startProcessInstanceByKey(PROBE, caseNumber,
                Map.of("template", "screening-proposed", "recipients", "applicant、unit"));
        // An operator moves the instance back to the step: the same step, so no second message.
        runtime.createProcessInstanceModification(probe.getId()).startBeforeActivity("ServiceTask_NotifyCase").execute();
        runtime.createProcessInstanceModification(probe.getId())
                .startBeforeActivity("IntermediateThrowEvent_NotifyOffice").execute();
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(about("applicant1", "模型通知测试一有限公司")).hasSize(1);
        assertThat(about("sjz", "模型通知测试一有限公司")).hasSize(1);
        assertThat(about("ts", "模型通知测试一有限公司")).as("another unit's staff").isEmpty();
        assertThat(about("office", "模型通知测试一有限公司")).as("the throw event's list of recipients").hasSize(1);
        assertThat(about("applicant2", "模型通知测试一有限公司")).isEmpty();
    }

    @Test
    void anUnknownTemplateOrRecipientStopsTheStepWithAMessageNamingIt() {
        String caseNumber = caseNumber(api.submittedCase("applicant2", "he-1302", "模型通知测试二有限公司"));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROBE, caseNumber,
                Map.of("template", "no-such-template", "recipients", "applicant")))
                .hasMessageContaining("没有通知模板“no-such-template”").hasMessageContaining("screening-proposed");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROBE, caseNumber,
                Map.of("template", "screening-proposed", "recipients", "applicant, jury")))
                .hasMessageContaining("无法识别的通知接收人“jury”");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROBE, caseNumber,
                Map.of("template", "returned-for-correction", "recipients", "applicant")))
                .as("a template needing values only a system step has")
                .hasMessageContaining("correctionDue");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROBE, "no-such-case",
                Map.of("template", "screening-proposed", "recipients", "applicant")))
                .hasMessageContaining("业务键“no-such-case”不是任何案件的编号");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROBE).processInstanceBusinessKey(caseNumber)
                .count()).as("the failed starts rolled back").isZero();
        dispatcher.dispatchDue();
        assertThat(about("applicant2", "模型通知测试二有限公司")).noneSatisfy(s -> assertThat(s).contains("拟推荐"));
    }

    private String caseNumber(long applicationId) {
        return applications.findById(applicationId).orElseThrow().getCaseNumber();
    }

    /** The subjects of the user's messages sent by the probe's template about this enterprise. */
    private List<String> about(String user, String enterprise) {
        List<String> subjects = new ArrayList<>();
        JsonNode messages = api.get(user, "/api/inbox?size=100").getBody().get("messages");
        messages.forEach(m -> {
            String subject = m.get("subject").asText();
            if (subject.contains("拟推荐") && subject.contains(enterprise)) {
                subjects.add(subject);
            }
        });
        return subjects;
    }
}
