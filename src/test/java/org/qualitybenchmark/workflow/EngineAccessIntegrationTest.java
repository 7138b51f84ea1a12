package org.qualitybenchmark.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's staff see only their unit's tasks and instances, in Tasklist (through its filters) and
 * through the engine REST API, because the engine's authorization checks apply to them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class EngineAccessIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    ProcessInstance shijiazhuang;
    ProcessInstance tangshan;

    @BeforeEach
    void startOneCaseForEachUnit() {
        repository.createDeployment().addClasspathResource("processes/unit-screening-probe.bpmn")
                .enableDuplicateFiltering(false).deploy();
        shijiazhuang = runtime.startProcessInstanceByKey("test_unit_screening_probe", "probe-sjz",
                Map.of("unitGroup", "unit-he-1301"));
        tangshan = runtime.startProcessInstanceByKey("test_unit_screening_probe", "probe-ts",
                Map.of("unitGroup", "unit-he-1302"));
    }

    @Test
    void theEngineRestApiShowsAUnitOnlyItsOwnTasks() {
        assertThat(taskInstances("sjz")).contains(shijiazhuang.getId()).doesNotContain(tangshan.getId());
        assertThat(taskInstances("ts")).contains(tangshan.getId()).doesNotContain(shijiazhuang.getId());
        assertThat(taskInstances("office")).contains(shijiazhuang.getId(), tangshan.getId());
        assertThat(taskInstances("applicant1")).isEmpty();
    }

    @Test
    void aUnitCannotReadAnotherUnitsInstance() {
        ResponseEntity<JsonNode> foreign = rest.withBasicAuth("sjz", "sjz").exchange(
                "/engine-rest/process-instance/" + tangshan.getId() + "/variables", HttpMethod.GET, null, JsonNode.class);
        assertThat(foreign.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> instances = rest.withBasicAuth("sjz", "sjz").exchange(
                "/engine-rest/process-instance?processDefinitionKey=test_unit_screening_probe", HttpMethod.GET, null,
                JsonNode.class);
        assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(instances.getBody()).isEmpty();
    }

    @Test
    void tasklistFiltersShowAUnitOnlyItsOwnTasks() {
        String groupFilter = filters.createFilterQuery().filterName(IdentitySetup.FILTER_GROUP_TASKS).singleResult().getId();
        identity.setAuthentication("sjz", List.of("unit-he-1301"));
        try {
            List<String> visible = filters.list(groupFilter).stream()
                    .map(task -> ((org.camunda.bpm.engine.task.Task) task).getProcessInstanceId()).toList();
            assertThat(visible).contains(shijiazhuang.getId()).doesNotContain(tangshan.getId());
            assertThat(tasks.createTaskQuery().processInstanceId(tangshan.getId()).count()).isZero();
        } finally {
            identity.clearAuthentication();
        }
        ResponseEntity<JsonNode> readable = rest.withBasicAuth("sjz", "sjz")
                .exchange("/engine-rest/filter", HttpMethod.GET, null, JsonNode.class);
        List<String> names = new ArrayList<>();
        readable.getBody().forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).contains(IdentitySetup.FILTER_MY_TASKS, IdentitySetup.FILTER_GROUP_TASKS);
    }

    @Test
    void eachRoleReachesTheWebappsItNeeds() {
        assertThat(authorizations.isUserAuthorized("sjz", List.of("unit-he-1301"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("sjz", List.of("unit-he-1301"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("manager", List.of("managers"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(identity.createGroupQuery().groupId("unit-he-assoc-brand").singleResult().getName())
                .isEqualTo("河北省品牌战略促进会");
    }

    private List<String> taskInstances(String user) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, user).exchange(
                "/engine-rest/task?processDefinitionKey=test_unit_screening_probe", HttpMethod.GET, null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().forEach(task -> ids.add(task.get("processInstanceId").asText()));
        return ids;
    }
}
