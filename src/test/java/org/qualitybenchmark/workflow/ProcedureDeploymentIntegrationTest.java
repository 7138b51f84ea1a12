package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClientException;

import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * The yearly edit as a process owner does it on a running system: copy last year's folder and
 * campaign file, change year, dates and ids, upload, and the new campaign runs without a restart;
 * a broken upload is refused with the element and the problem, and changes nothing. The system
 * works on copies of {@code bpmn/}, {@code forms/} and {@code config/}, since deployment writes there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class ProcedureDeploymentIntegrationTest {

    private static final Path WORK = createWork();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    WorkflowTasks workflow;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityDirectory directory;
    @Autowired
    CampaignCatalog catalog;

    @DynamicPropertySource
    static void copies(DynamicPropertyRegistry properties) {
        properties.add("qb.bpmn-dir", () -> WORK.resolve("bpmn").toString());
        properties.add("qb.forms-dir", () -> WORK.resolve("forms").toString());
        properties.add("qb.config-dir", () -> WORK.resolve("config").toString());
    }

    private static Path createWork() {
        try {
            Path work = Files.createTempDirectory("qb-procedures-");
            for (String folder : List.of("bpmn", "forms", "config")) {
                copy(Path.of(folder), work.resolve(folder));
            }
            // A folder someone left broken: it must not keep the others from deploying at start-up.
            Path broken = Files.createDirectories(work.resolve("bpmn/hebei/2021"));
            Files.writeString(broken.resolve("hebei-2021-national-case.bpmn"), Files.readString(
                    Path.of("bpmn/hebei/2022/hebei-2022-national-case.bpmn")).replace("hebei-2022-national-case",
                    "hebei-2021-national-case").replace("${caseFiledListener}", "${caseFiledListner}"));
            return work;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @AfterAll
    static void removeWork() throws IOException {
        try (Stream<Path> files = Files.walk(WORK)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void aProcessOwnerDeploysNextYearWithoutARestartAndABrokenModelChangesNothing() throws IOException {
        CampaignScenario hebei2022 = new CampaignScenario("hebei-2022-national", rest, json, workflow, history, directory,
                catalog);
        Case running = hebei2022.file("sjz", "130100", "he-1301", "石家庄甲精密机械有限公司");
        String runningDefinition = definitionOf(running.caseNumber());

        JsonNode folders = hebei2022.api.get("owner", "/api/procedures").getBody();
        assertThat(folders.findValuesAsText("folder")).contains("hebei/2021", "hebei/2022");
        for (JsonNode folder : folders) {
            if (folder.get("folder").asText().equals("hebei/2021")) {
                assertThat(folder.path("deploymentId").asText(null)).isNull();
                assertThat(folder.get("problems").findValuesAsText("message"))
                        .anyMatch(m -> m.startsWith("执行监听器「caseFiledListner」不存在"))
                        .anyMatch(m -> m.equals("版本标签为「2022」，应为本年度 2021"));
            } else if (folder.get("folder").asText().equals("hebei/2022")) {
                assertThat(folder.get("problems")).isEmpty();
                assertThat(folder.get("processes").findValuesAsText("key")).contains("hebei-2022-national-case");
                assertThat(folder.get("campaigns").get(0).asText()).isEqualTo("hebei-2022-national");
            }
        }

        // A unit's staff may look at nothing here, let alone deploy.
        assertThat(upload("sjz", "/api/procedures", "hebei/2023", nextYear()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // A broken copy: a task without its shape, a delegate misspelt. Refused, nothing deployed or written.
        Map<String, byte[]> broken = nextYear();
        broken.put("hebei-2023-national-campaign.bpmn", text(broken.get("hebei-2023-national-campaign.bpmn"))
                .replace("${closeApplicationsDelegate}", "${closeApplicationDelegate}").getBytes(StandardCharsets.UTF_8));
        broken.put("hebei-2023-national-case.bpmn", text(broken.get("hebei-2023-national-case.bpmn"))
                .replaceFirst("<bpmndi:BPMNShape id=\"CallActivity_Defense_di\"[^>]*>[\\s\\S]*?</bpmndi:BPMNShape>", "")
                .getBytes(StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> refused = upload("owner", "/api/procedures", "hebei/2023", broken);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problems = refused.getBody().get("problems");
        assertThat(problems.findValuesAsText("element")).contains("CallActivity_Defense", "ServiceTask_CloseApplications");
        assertThat(problems.findValuesAsText("message")).anyMatch(m -> m.contains("closeApplicationDelegate"));
        assertThat(repository.createDeploymentQuery().deploymentName("quality-benchmark/hebei/2023").count()).isZero();
        assertThat(WORK.resolve("bpmn/hebei/2023")).doesNotExist();
        assertThat(catalog.campaign("hebei-2023-national")).isEmpty();

        // Checked first, then deployed: the new campaign exists and its campaign process runs.
        ResponseEntity<JsonNode> checked = upload("owner", "/api/procedures/check", "hebei/2023", nextYear());
        assertThat(checked.getBody().get("ok").asBoolean()).as(checked.getBody().toString()).isTrue();
        ResponseEntity<JsonNode> deployed = upload("owner", "/api/procedures", "hebei/2023", nextYear());
        assertThat(deployed.getStatusCode()).as(deployed.getBody().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(deployed.getBody().get("campaignsAdded").get(0).asText()).isEqualTo("hebei-2023-national");
        assertThat(deployed.getBody().get("processes").findValuesAsText("versionTag")).containsOnly("2023");
        assertThat(WORK.resolve("bpmn/hebei/2023/hebei-2023-national-case.bpmn")).exists();
        assertThat(WORK.resolve("config/campaigns/hebei-2023-national.yaml")).exists();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hebei-2023-national-campaign")
                .processInstanceBusinessKey("hebei-2023-national").count()).isEqualTo(1);

        // The new year is used: a case filed in its window runs on the new model.
        hebei2022.moveClock("2023-06-20T09:00:00");
        CampaignScenario hebei2023 = new CampaignScenario("hebei-2023-national", rest, json, workflow, history, directory,
                catalog);
        Case next = hebei2023.file("sjz", "130100", "he-1301", "石家庄乙电子有限公司");
        assertThat(next.caseNumber()).startsWith("HEB2023-");
        assertThat(repository.getProcessDefinition(definitionOf(next.caseNumber())).getKey())
                .isEqualTo("hebei-2023-national-case");
        hebei2023.screen("sjz", next, 1);
        assertThat(hebei2023.stage(next)).isEqualTo("PROPOSED");

        // Deploying the same files again changes nothing; the running 2022 case stayed on its version.
        ResponseEntity<JsonNode> again = upload("owner", "/api/procedures", "hebei/2023", nextYear());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("unchanged").asBoolean()).isTrue();
        assertThat(definitionOf(running.caseNumber())).isEqualTo(runningDefinition);

        // A changed copy of a running campaign's file is refused: its configuration is fixed while it runs.
        Map<String, byte[]> changed = nextYear();
        changed.put("hebei-2023-national.yaml", text(changed.get("hebei-2023-national.yaml"))
                .replace("recommendationDue: 2023-06-30", "recommendationDue: 2023-07-07").getBytes(StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> rewritten = upload("owner", "/api/procedures", "hebei/2023", changed);
        assertThat(rewritten.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rewritten.getBody().get("problems").findValuesAsText("element")).contains("code");
    }

    private String definitionOf(String businessKey) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .rootProcessInstances().singleResult().getProcessDefinitionId();
    }

    /** Last year's folder and campaign file as a process owner edits them for 2023. */
    private static Map<String, byte[]> nextYear() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of("hebei-2022-national-campaign.bpmn", "hebei-2022-national-case.bpmn")) {
            String model = Files.readString(Path.of("bpmn/hebei/2022", name))
                    .replace("hebei-2022-national", "hebei-2023-national")
                    .replace("camunda:versionTag=\"2022\"", "camunda:versionTag=\"2023\"")
                    .replace("2022年", "2023年");
            files.put(name.replace("2022", "2023"), model.getBytes(StandardCharsets.UTF_8));
        }
        String campaign = Files.readString(Path.of("config/campaigns/hebei-2022-national.yaml"))
                .replace("hebei-2022-national", "hebei-2023-national")
                .replace("HEB2022", "HEB2023")
                .replace("year: 2022", "year: 2023")
                .replace("2022-06-", "2023-06-")
                .replace("financialYears: [2019, 2020, 2021]", "financialYears: [2020, 2021, 2022]");
        files.put("hebei-2023-national.yaml", campaign.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> upload(String user, String path, String folder, Map<String, byte[]> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("folder", folder);
        files.forEach((name, content) -> body.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        try {
            return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                    JsonNode.class);
        } catch (RestClientException e) {
            throw new IllegalStateException(e);
        }
    }
}
