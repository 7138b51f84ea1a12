package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * What every campaign run end to end shares: the whole application on a random port with the demo
 * logins and no demo cases, an engine of its own (each class dirties its context, and a property of
 * their own keeps other tests' cached contexts out, so a campaign's cases never meet another
 * test's), the beans a {@link CampaignScenario} needs, and the small readings
 * and checks the scenarios make on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true",
                "qb.test-context=campaign-scenario"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
abstract class CampaignScenarioTestCase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    WorkflowTasks workflow;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityDirectory directory;
    @Autowired
    CampaignCatalog catalog;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    /** A driver for the configured campaign with this code. */
    CampaignScenario scenario(String campaignCode) {
        return new CampaignScenario(campaignCode, rest, json, workflow, history, directory, catalog);
    }

    /**
     * Files a draft with the campaign's case start form, as an applicant does in Tasklist, and finds
     * the case it made through {@code /api}.
     */
    Case fileInTasklist(CampaignScenario scenario, String user, String unit, String uscc, String name, String title) {
        AppUser applicant = scenario.user(user);
        String definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(scenario.campaign().procedure().caseProcess()).latestVersion().singleResult().getId();
        identity.setAuthentication(applicant.id(), List.copyOf(applicant.groupIds()));
        try {
            ProcessInstance instance = forms.submitStartForm(definition, Map.of("form_unit", unit, "form_uscc", uscc,
                    "form_enterpriseName", name, "form_title", title, "form_contactName", "王五",
                    "form_contactMobile", "13900000008"));
            JsonNode found = scenario.api.get(user, "/api/applications?q=" + instance.getBusinessKey()).getBody().get("content");
            return new Case(found.get(0).get("id").asLong(), instance.getBusinessKey(), user);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Every expert of the seven who holds the task scores the case; five of them hold it. */
    static void scoreAll(CampaignScenario scenario, Case c, String taskKey, int score) {
        assertThat(scenario.scoreAll(c, taskKey, score, 7)).as("experts scoring %s", c.caseNumber()).isEqualTo(5);
    }

    /** The enterprise as filed, as an edit sends it back: its USCC cannot change. */
    Map<String, Object> enterpriseOf(CampaignScenario scenario, Case c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> enterprise = json.convertValue(scenario.detail(c).path("enterprise"), Map.class);
        enterprise.keySet().retainAll(List.of("uscc", "name", "ownershipType", "industryCode", "employees",
                "declaredSize", "address", "postcode"));
        return enterprise;
    }

    /** One property of every event in the case's history, oldest first (e.g. "action", "reason"). */
    static List<String> historyOf(CampaignScenario scenario, Case c, String property) {
        List<String> values = new ArrayList<>();
        scenario.detail(c).get("history").forEach(event -> values.add(event.path(property).asText()));
        return values;
    }

    /** A client error whose body says the given message. */
    static void assertRefused(ResponseEntity<JsonNode> response, String message) {
        assertThat(response.getStatusCode().is4xxClientError()).as("%s", response.getBody()).isTrue();
        assertThat(response.getBody().toString()).contains(message);
    }

    /** The field errors of a refused request, field by field. */
    static Map<String, String> errors(ResponseEntity<JsonNode> response) {
        Map<String, String> errors = new LinkedHashMap<>();
        response.getBody().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
        return errors;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> enterprise(Map<String, Object> form) {
        return (Map<String, Object>) form.get("enterprise");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Map<String, Object> form) {
        return (Map<String, Object>) form.get("fields");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> table(Map<String, Object> tables, String key) {
        return (Map<String, Object>) tables.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> rows(Map<String, Object> table) {
        return (Map<String, Object>) table.get("rows");
    }

    /** The campaign's own process ran once and has ended. */
    void assertCampaignProcessEnded(String campaignCode) {
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(campaignCode).finished().count())
                .as("finished %s campaign processes", campaignCode).isEqualTo(1);
    }

    /** Form input is stored in our tables and removed from the engine, also from its history. */
    void assertNoFormVariableLeft() {
        assertThat(history.createHistoricVariableInstanceQuery().variableNameLike("form\\_%").count())
                .as("form_ variables left in the engine's history").isZero();
    }
}
