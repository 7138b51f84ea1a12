package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.Samples;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TableLayout;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.campaign.config.UnitDocumentKind;
import org.qualitybenchmark.campaign.config.UnitKind;
import org.qualitybenchmark.enterprise.Uscc;

/**
 * Drives one configured campaign the way its users do: applicants file and upload through
 * {@code /api}, every task's form is submitted as the signed-in user through the form service (as
 * Tasklist does), and deadlines are reached by moving the demo clock and running the jobs that fall
 * due. The application form is built from the campaign's own configuration, so a scenario states
 * only what its notice makes special.
 */
public class CampaignScenario {

    private static final AtomicInteger SERIAL = new AtomicInteger(5000);

    public final ApiTestSupport api;
    private final WorkflowTasks workflow;
    private final HistoryService history;
    private final IdentityDirectory directory;
    private final CampaignDefinition campaign;
    private final CampaignCatalog catalog;
    private final TestRestTemplate rest;
    private final ObjectMapper json;

    public CampaignScenario(String campaignCode, TestRestTemplate rest, ObjectMapper json, WorkflowTasks workflow,
            HistoryService history, IdentityDirectory directory, CampaignCatalog catalog) {
        this.api = new ApiTestSupport(rest, json);
        this.workflow = workflow;
        this.history = history;
        this.directory = directory;
        this.campaign = catalog.campaign(campaignCode).orElseThrow().definition();
        this.catalog = catalog;
        this.rest = rest;
        this.json = json;
    }

    /** A case as a scenario follows it: its row id, its number (the process's business key) and who filed it. */
    public record Case(long id, String caseNumber, String owner) {
    }

    public CampaignDefinition campaign() {
        return campaign;
    }

    /** Registers experts {@code expert1..n}; the map gives the unit an expert belongs to, for recusal. */
    public void registerExperts(int count, Map<Integer, String> unitOf) {
        for (int n = 1; n <= count; n++) {
            Map<String, Object> expert = new LinkedHashMap<>();
            expert.put("userId", "expert" + n);
            expert.put("name", "专家" + n);
            expert.put("organisation", "评审单位" + n);
            expert.put("unit", unitOf.get(n));
            expert.put("active", true);
            assertThat(api.post("office", "/api/experts", expert).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    /**
     * A valid USCC no other scenario uses, registered in the given 6-digit division (e.g. "210100"
     * for 沈阳), check character computed.
     */
    public static String freshUscc(String division) {
        String first17 = String.format("91%s%09d", division, SERIAL.incrementAndGet());
        return first17 + Uscc.checkCharacter(first17);
    }

    /**
     * A complete application for this campaign: the first allowed direction(s), every required text,
     * profitable figures for each financial year, a value for every required extra field, and an
     * industry code inside the campaign's divisions. The customiser may change anything before filing.
     */
    public Map<String, Object> applicationForm(String division, String unit, String name) {
        Map<String, Object> enterprise = new LinkedHashMap<>();
        enterprise.put("uscc", freshUscc(division));
        enterprise.put("name", name);
        enterprise.put("ownershipType", "PRIVATE");
        enterprise.put("industryCode", industryCode());
        enterprise.put("employees", 1200);
        enterprise.put("declaredSize", "LARGE");
        enterprise.put("address", "示例市示例区示例路1号");
        enterprise.put("postcode", "100000");
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Integer year : campaign.eligibility().financialYears()) {
            figures.add(Map.of("year", year, "revenue", new BigDecimal("45000"), "profit", new BigDecimal("3200"),
                    "totalAssets", new BigDecimal("80000")));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (TextSection section : campaign.texts()) {
            if (!section.key().equals("title")) {
                texts.put(section.key(), section.label() + "。");
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ExtraField field : campaign.fields()) {
            if (field.required()) {
                fields.put(field.key(), sampleValue(field));
            }
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("campaign", campaign.code());
        form.put("unit", unit);
        form.put("enterprise", enterprise);
        form.put("directions", List.of(campaign.directions().get(0).code()));
        form.put("title", "实施全面质量管理的经验");
        form.put("texts", texts);
        form.put("figures", figures);
        form.put("contact", Map.of("name", "张三", "department", "质量部", "position", "部长", "phone", "010-80000001",
                "mobile", "13900000001", "email", "zhangsan@example.com"));
        form.put("fields", fields);
        return form;
    }

    private String industryCode() {
        List<String> divisions = campaign.eligibility().industryDivisions();
        String division = divisions.isEmpty() ? "34" : divisions.get(0).substring(0, 2);
        return campaign.eligibility().industryCodeDigits() == 4 ? sampleClass(division) : division;
    }

    /** A 4-digit class of the division that exists in GB/T 4754-2017. */
    private static String sampleClass(String division) {
        return switch (division) {
            case "06" -> "0610";
            case "13" -> "1311";
            case "34" -> "3484";
            default -> division + "10";
        };
    }

    private static Object sampleValue(ExtraField field) {
        return switch (field.type()) {
            case TEXT -> "示例";
            case INTEGER -> field.min() == null ? 1 : field.min().intValue();
            case DECIMAL -> field.min() == null ? BigDecimal.ONE : field.min();
            case CHOICE -> field.options().get(0);
            case MULTI_CHOICE -> List.of(field.options().get(0));
            case BOOLEAN -> true;
            case TABLE -> sampleTable(field.table());
        };
    }

    /** A table with its required rows' required cells filled and its fewest added rows (at least one where nothing else is required). */
    private static Map<String, Object> sampleTable(TableLayout table) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (TableLayout.Row row : table.rows()) {
            if (row.required()) {
                rows.put(row.key(), sampleCells(table, row));
            }
        }
        List<Map<String, Object>> free = new ArrayList<>();
        if (table.freeRows() != null) {
            int count = Math.max(table.freeRows().min(), rows.isEmpty() ? 1 : 0);
            for (int i = 0; i < count; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (table.freeRows().label() != null) {
                    row.put("label", "示例指标" + (i + 1));
                }
                if (table.freeRows().unit()) {
                    row.put("unit", "%");
                }
                row.put("cells", sampleCells(table, null));
                free.add(row);
            }
        } else if (rows.isEmpty()) {
            rows.put(table.rows().get(0).key(), sampleCells(table, table.rows().get(0)));
        }
        return Map.of("rows", rows, "freeRows", free);
    }

    private static Map<String, Object> sampleCells(TableLayout table, TableLayout.Row row) {
        Map<String, Object> cells = new LinkedHashMap<>();
        List<TableLayout.Column> columns = table.columns().stream().filter(c -> row == null || row.has(c)).toList();
        for (TableLayout.Column column : columns) {
            if (column.required() || (cells.isEmpty() && column == columns.get(columns.size() - 1))) {
                TableLayout.Cell rule = table.rule(row, column);
                cells.put(column.key(), switch (rule.type()) {
                    case TEXT -> "示例";
                    case INTEGER -> rule.min() == null ? 1 : rule.min().intValue();
                    case DECIMAL -> rule.min() == null ? BigDecimal.ONE : rule.min();
                    case CHOICE -> rule.options().get(0);
                });
            }
        }
        return cells;
    }

    /** Files a draft through {@code /api}, as the given user, after the customiser has had its say. */
    public Case fileDraft(String user, String division, String unit, String name, Consumer<Map<String, Object>> customiser) {
        Map<String, Object> form = applicationForm(division, unit, name);
        customiser.accept(form);
        ResponseEntity<JsonNode> created = api.post(user, "/api/applications", form);
        assertThat(created.getStatusCode()).as("filing %s: %s", name, created.getBody()).isEqualTo(HttpStatus.CREATED);
        return new Case(created.getBody().get("id").asLong(), created.getBody().get("caseNumber").asText(), user);
    }

    /** Files, uploads one file of every required kind open at filing, and submits. */
    public Case file(String user, String division, String unit, String name) {
        Case created = fileDraft(user, division, unit, name, form -> { });
        uploadRequired(created, name);
        ResponseEntity<JsonNode> submitted = submit(created);
        assertThat(submitted.getStatusCode()).as("submitting %s: %s", name, submitted.getBody()).isEqualTo(HttpStatus.OK);
        return created;
    }

    public void uploadRequired(Case c, String enterpriseName) {
        for (AttachmentKind kind : campaign.attachments().kinds()) {
            if (kind.required() && kind.uploadStages().contains("DRAFT")) {
                String stem = kind.nameMustMatchEnterprise() ? enterpriseName : kind.code();
                String extension = kind.extensions().contains("pdf") ? "pdf" : kind.extensions().get(0);
                ResponseEntity<JsonNode> uploaded = api.upload(c.owner(), c.id(), kind.code(), stem + "." + extension,
                        Samples.pdf());
                assertThat(uploaded.getStatusCode()).as("uploading %s: %s", kind.code(), uploaded.getBody())
                        .isEqualTo(HttpStatus.CREATED);
            }
        }
    }

    public ResponseEntity<JsonNode> submit(Case c) {
        return api.post(c.owner(), "/api/applications/" + c.id() + "/submit", null);
    }

    public void withdraw(Case c, String user) {
        assertThat(api.post(user, "/api/applications/" + c.id() + "/withdraw", Map.of("reason", "企业决定明年再报"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    public String stage(Case c) {
        return api.get("demo", "/api/applications/" + c.id()).getBody().get("stage").asText();
    }

    public JsonNode detail(Case c) {
        return api.get("demo", "/api/applications/" + c.id()).getBody();
    }

    /** The keys of the tasks the user can work on for this case (or campaign, by its code). */
    public List<String> openTasks(String businessKey, String user) {
        return workflow.open(businessKey, user(user)).stream().map(WorkflowTasks.OpenTask::key).toList();
    }

    /** Submits the task's form as Tasklist does: the form service, as the signed-in user. */
    public void submitForm(String user, Case c, String taskKey, Map<String, Object> form) {
        workflow.runDueJobs();
        workflow.submit(c.caseNumber(), taskKey, user(user), form);
        workflow.runDueJobs();
    }

    /** Submits a task of the campaign's own process (business key = campaign code). */
    public void submitCampaignForm(String user, String taskKey, Map<String, Object> form) {
        workflow.runDueJobs();
        workflow.submit(campaign.code(), taskKey, user(user), form);
        workflow.runDueJobs();
    }

    public void screen(String user, Case c, int rank) {
        submitForm(user, c, "UserTask_ScreenApplication", Map.of("form_decision", "RECOMMEND", "form_rank", rank));
    }

    /**
     * Uploads, as the unit's staff, one file of each document the campaign requires from this unit
     * with its recommendation list (推荐文件, 汇总表 …), as the “推荐单位材料” page does; a list
     * submitted without them is refused.
     */
    public void uploadUnitDocuments(String user, String unit) {
        UnitKind kind = catalog.unit(unit).orElseThrow().definition().kind();
        for (UnitDocumentKind document : campaign.recommendation().documents()) {
            if (document.required() && document.sentBy(kind)) {
                boolean pdf = document.extensions().contains("pdf");
                String extension = pdf ? "pdf" : document.extensions().contains("xlsx") ? "xlsx"
                        : document.extensions().get(0);
                ResponseEntity<JsonNode> uploaded = uploadUnitDocument(user, unit, document.code(),
                        document.code() + "." + extension, pdf ? Samples.pdf() : Samples.zip());
                assertThat(uploaded.getStatusCode()).as("uploading %s for %s: %s", document.code(), unit,
                        uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }
    }

    /** One file through {@code POST /api/campaigns/{code}/units/{unit}/documents}. */
    public ResponseEntity<JsonNode> uploadUnitDocument(String user, String unit, String kind, String fileName,
            byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("kind", kind);
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.withBasicAuth(user, user).exchange(
                "/api/campaigns/" + campaign.code() + "/units/" + unit + "/documents", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        try {
            return ResponseEntity.status(response.getStatusCode())
                    .body(response.getBody() == null ? null : json.readTree(response.getBody()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void submitList(String user) {
        submitCampaignForm(user, "UserTask_SubmitRecommendationList", Map.of("form_confirm", true));
    }

    public Map<String, Object> checklist(String decision) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("form_qualified", true);
        form.put("form_complete", true);
        form.put("form_sealed", true);
        if (campaign.eligibility().profitableEachYear()) {
            // Elsewhere the form hides the item and the server neither requires nor records it.
            form.put("form_profitable", true);
        }
        form.put("form_decision", decision);
        return form;
    }

    /**
     * Every expert who holds the task for this case scores each criterion with the same score;
     * returns how many did.
     */
    public int scoreAll(Case c, String taskKey, int score, int experts) {
        workflow.runDueJobs();
        int scored = 0;
        for (int n = 1; n <= experts; n++) {
            String expert = "expert" + n;
            if (openTasks(c.caseNumber(), expert).contains(taskKey)) {
                Map<String, Object> form = new LinkedHashMap<>();
                campaign.review().criteria().forEach(criterion -> form.put("form_" + criterion.key(),
                        Math.min(score, criterion.maxScore())));
                form.put("form_comment", "逻辑清晰，数据充分");
                workflow.submit(c.caseNumber(), taskKey, user(expert), form);
                scored++;
            }
        }
        workflow.runDueJobs();
        return scored;
    }

    public AppUser user(String id) {
        return directory.find(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
    }

    /** Moves the demo clock (as the office does) and runs every job that falls due. */
    public void moveClock(String to) {
        assertThat(api.post("office", "/api/clock", Map.of("to", to)).getStatusCode()).isEqualTo(HttpStatus.OK);
        workflow.runDueJobs();
    }

    /** The none end event the case's process ended in, or null while it runs. */
    public String endOf(Case c) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(c.caseNumber())
                .processDefinitionKey(campaign.procedure().caseProcess()).singleResult();
        List<HistoricActivityInstance> ends = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityType("noneEndEvent").list();
        return ends.isEmpty() ? null : ends.get(0).getActivityId();
    }

    /** The ids of the activities the case's process has passed, in order. */
    public List<String> activitiesPassed(Case c) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(c.caseNumber())
                .processDefinitionKey(campaign.procedure().caseProcess()).singleResult();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
