package org.qualitybenchmark.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.CampaignRegistry.CampaignFileCheck;
import org.qualitybenchmark.notification.ModelNotifications;
import org.qualitybenchmark.workflow.ModelCheck.Handlers;
import org.qualitybenchmark.workflow.ModelCheck.Resource;

/**
 * Deploys each year's procedure, a folder {@code bpmn/<province>/<year>/}, as a deployment of its
 * own together with the shared stage blocks ({@code bpmn/stages/}) and forms ({@code forms/}, where a
 * form of the same id in the year's folder takes precedence), so that a year's cases call the stage
 * blocks and show the forms they were deployed with. Folders are deployed at start-up and, by a
 * process owner, while the system runs: both go through {@link ModelCheck} first, and a folder that
 * fails is not deployed, so nothing already running is touched. An unchanged folder is not deployed
 * again; cases already running stay on the version they began with.
 */
@Component
class ProcedureDeployments {

    private static final Logger log = LoggerFactory.getLogger(ProcedureDeployments.class);

    static final String DEPLOYMENT_PREFIX = "quality-benchmark/";
        static final Pattern FOLDER = Pattern.compile("([a-z][a-z0-9-]{1,30})/((?:19|20)[0-9]{2})");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final int TASKLIST_SCHEMA_VERSION = 16;

    private final RepositoryService repository;
    private final ProcedureFolders folders;
    private final CampaignRegistry registry;
    private final CampaignCatalog catalog;
    private final ApplicationContext context;
    private final IdentitySetup identity;
    private final CampaignProcesses campaignProcesses;
    private final ObjectMapper json;

    private final Map<String, List<ModelProblem>> refused = new ConcurrentHashMap<>();

    ProcedureDeployments(RepositoryService repository, ProcedureFolders folders, CampaignRegistry registry,
            CampaignCatalog catalog, ApplicationContext context, IdentitySetup identity,
            CampaignProcesses campaignProcesses, ObjectMapper json) {
        this.repository = repository;
        this.folders = folders;
        this.registry = registry;
        this.catalog = catalog;
        this.context = context;
        this.identity = identity;
        this.campaignProcesses = campaignProcesses;
        this.json = json;
    }

    /** A file of an upload: its bare name and content. */
    record UploadedFile(String name, byte[] content) {
    }

    /** What became of a deployment: the processes deployed, the campaigns added, or why nothing was. */
    record Outcome(String folder, String deploymentId, boolean unchanged, List<DeployedProcess> processes,
            List<String> campaignsAdded, List<ModelProblem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }

        static Outcome refused(String folder, List<ModelProblem> problems) {
            return new Outcome(folder, null, false, List.of(), List.of(), problems);
        }
    }

    record DeployedProcess(String key, String name, int version, String versionTag, String definitionId) {
    }

    /** A folder's files as they will be deployed, and what the check makes of them. */
    private record Assembly(String folder, String year, List<Resource> models, List<Resource> forms,
            List<CampaignFileCheck> campaignFiles, List<ModelProblem> problems) {
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void deployFolders() {
        for (String folder : folders.folders()) {
            Outcome outcome = deploy(folder, folders.files(folder), "启动时读取 bpmn/" + folder, false);
            if (outcome.ok()) {
                refused.remove(folder);
            } else {
                refused.put(folder, outcome.problems());
                log.error("流程文件夹 bpmn/{} 有错误，未部署（已部署的版本照常运行）：\n  {}", folder,
                        String.join("\n  ", outcome.problems().stream().map(ModelProblem::toString).toList()));
            }
        }
    }

    /** Checks an upload as {@link #deploy(String, List, AppUser)} would, without changing anything. */
    List<ModelProblem> check(String folder, List<UploadedFile> files) {
        return assemble(folder, files, true).problems();
    }

    /**
     * Deploys a process owner's upload: the year's models and forms, and campaign files to add to
     * the configuration. The files replace the folder's and are kept in {@code bpmn/} and
     * {@code config/campaigns/}, so the next start deploys the same.
     */
    synchronized Outcome deploy(String folder, List<UploadedFile> files, AppUser actor) {
        return deploy(folder, files, "上传：" + actor.id(), true);
    }

    private synchronized Outcome deploy(String folder, List<UploadedFile> files, String source, boolean upload) {
        Assembly assembly = assemble(folder, files, upload);
        if (!assembly.problems().isEmpty()) {
            return Outcome.refused(folder, assembly.problems());
        }
        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_PREFIX + folder)
                .source(source)
                .enableDuplicateFiltering(false);
        List<Resource> stages = folders.stageModels();
        for (Resource stage : stages) {
            builder.addInputStream("bpmn/" + ProcedureFolders.STAGES + "/" + stage.name(), new ByteArrayInputStream(stage.content()));
        }
        for (Resource model : assembly.models()) {
            builder.addInputStream("bpmn/" + folder + "/" + model.name(), new ByteArrayInputStream(model.content()));
        }
        for (Resource form : assembly.forms()) {
            builder.addInputStream(form.name(), new ByteArrayInputStream(form.content()));
        }
        Deployment previous = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_PREFIX + folder)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        Deployment deployment;
        try {
            deployment = builder.deploy();
        } catch (ParseException e) {
            return Outcome.refused(folder, engineProblems(folder, e));
        }
        boolean unchanged = previous != null && previous.getId().equals(deployment.getId());
        if (upload) {
            folders.keep(folder, files);
        }
        List<String> added = new ArrayList<>();
        for (CampaignFileCheck campaignFile : assembly.campaignFiles()) {
            if (!campaignFile.unchanged()) {
                registry.add(campaignFile);
                catalog.register(campaignFile.definition().code());
                identity.allowFiling(campaignFile.definition());
                added.add(campaignFile.definition().code());
            }
        }
        if (!added.isEmpty()) {
            campaignProcesses.startMissing();
        }
        List<DeployedProcess> processes = repository.createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).orderByProcessDefinitionKey().asc().list().stream()
                .filter(definition -> !isStage(definition))
                .map(d -> new DeployedProcess(d.getKey(), d.getName(), d.getVersion(), d.getVersionTag(), d.getId()))
                .toList();
        log.info("流程文件夹 bpmn/{} 已部署（{}）：部署 {}，{} 个流程，新增活动 {}", folder, source, deployment.getId(),
                processes.size(), added);
        return new Outcome(folder, deployment.getId(), unchanged, processes, added, List.of());
    }

    private boolean isStage(ProcessDefinition definition) {
        return definition.getResourceName() != null && definition.getResourceName().startsWith("bpmn/" + ProcedureFolders.STAGES + "/");
    }

    private Assembly assemble(String folder, List<UploadedFile> files, boolean upload) {
        List<ModelProblem> problems = new ArrayList<>();
        Matcher matcher = folder == null ? null : FOLDER.matcher(folder);
        if (matcher == null || !matcher.matches()) {
            problems.add(ModelProblem.ofFile(String.valueOf(folder),
                    "文件夹应写成「省份/年份」，如 liaoning/2025：省份用小写拼音（可含连字符），年份四位数字"));
            return new Assembly(folder, null, List.of(), List.of(), List.of(), problems);
        }
        if (matcher.group(1).equals(ProcedureFolders.STAGES)) {
            problems.add(ModelProblem.ofFile(folder, "bpmn/stages 存放各年度共用的阶段模块，不能作为年度流程部署"));
        }
        String year = matcher.group(2);
        List<Resource> models = new ArrayList<>();
        Map<String, Resource> folderForms = new LinkedHashMap<>();
        List<CampaignFileCheck> campaignFiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (UploadedFile file : files) {
            String name = file.name();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!FILE_NAME.matcher(name).matches()) {
                problems.add(ModelProblem.ofFile(name, "文件名只能用英文字母、数字、点、连字符和下划线"));
            } else if (!names.add(lower)) {
                problems.add(ModelProblem.ofFile(name, "同名文件上传了两次"));
            } else if (lower.endsWith(".bpmn")) {
                models.add(new Resource(name, file.content()));
            } else if (lower.endsWith(".form")) {
                formId(name, file.content(), problems).ifPresent(id -> folderForms.put(id, new Resource(name, file.content())));
            } else if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && upload) {
                CampaignFileCheck checked = registry.check(name, file.content());
                checked.problems().forEach(p -> problems.add(new ModelProblem(name, p.key() == null || p.key().isBlank()
                        ? null : p.key(), null, null, p.message())));
                if (checked.ok()) {
                    campaignFiles.add(checked);
                }
            } else {
                problems.add(ModelProblem.ofFile(name, upload
                        ? "只能上传 .bpmn 模型、.form 表单和 .yaml 活动配置文件"
                        : "流程文件夹中只能放 .bpmn 模型和 .form 表单"));
            }
        }
        if (models.isEmpty()) {
            problems.add(ModelProblem.ofFile(folder, "没有 .bpmn 模型文件"));
        }
        Map<String, Resource> forms = new LinkedHashMap<>();
        for (UploadedFile shared : folders.sharedForms()) {
            formId(shared.name(), shared.content(), new ArrayList<>())
                    .ifPresent(id -> forms.put(id, new Resource("forms/" + shared.name(), shared.content())));
        }
        folderForms.forEach((id, form) -> forms.put(id, new Resource("bpmn/" + folder + "/" + form.name(), form.content())));

        List<CampaignDefinition> campaigns = new ArrayList<>();
        campaignFiles.forEach(c -> campaigns.add(c.definition()));
        Set<String> declared = declaredProcesses(models);
        for (CampaignDefinition configured : registry.campaigns()) {
            boolean namesThisFolder = declared.contains(configured.procedure().campaignProcess())
                    || declared.contains(configured.procedure().caseProcess());
            if (namesThisFolder && campaigns.stream().noneMatch(c -> c.code().equals(configured.code()))) {
                campaigns.add(configured);
            }
        }
        problems.addAll(ModelCheck.check(year, models, folders.stageModels(), forms.keySet(), handlers(), campaigns));
        return new Assembly(folder, year, models, List.copyOf(forms.values()), campaignFiles, problems);
    }

    private static Set<String> declaredProcesses(List<Resource> models) {
        Set<String> ids = new HashSet<>();
        Pattern process = Pattern.compile("<(?:bpmn2?:)?process\\s[^>]*\\bid=\"([^\"]+)\"");
        for (Resource model : models) {
            Matcher matcher = process.matcher(new String(model.content(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    private Optional<String> formId(String name, byte[] content, List<ModelProblem> problems) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (IOException e) {
            problems.add(ModelProblem.ofFile(name, "表单文件不是有效的 JSON：" + e.getMessage()));
            return Optional.empty();
        }
        if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
            problems.add(ModelProblem.ofFile(name, "表单缺少 id；在 Camunda Modeler 中为表单填写 Form ID"));
            return Optional.empty();
        }
        if (!form.path("components").isArray()) {
            problems.add(ModelProblem.ofFile(name, "表单没有字段（components）"));
        }
        if (form.path("schemaVersion").asInt(0) > TASKLIST_SCHEMA_VERSION) {
            problems.add(ModelProblem.ofFile(name, "表单格式版本 schemaVersion 为 " + form.path("schemaVersion").asInt()
                    + "，本系统的 Tasklist 最高支持 " + TASKLIST_SCHEMA_VERSION
                    + "；请在 Camunda Modeler 中把表单的执行平台设为 Camunda Platform 7.24"));
        }
        return Optional.of(form.path("id").asText());
    }

    private static List<ModelProblem> engineProblems(String folder, ParseException e) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            String file = report.getResourceName();
            String shortName = file.substring(file.lastIndexOf('/') + 1);
            for (Problem problem : report.getErrors()) {
                problems.add(new ModelProblem(shortName, problem.getMainElementId(), null,
                        problem.getLine() > 0 ? problem.getLine() : null, "引擎无法解析：" + problem.getMessage()));
            }
        }
        if (problems.isEmpty()) {
            problems.add(ModelProblem.ofFile(folder, "引擎无法解析：" + e.getMessage()));
        }
        return problems;
    }

    private Handlers handlers() {
        return new Handlers(context.getBeansOfType(JavaDelegate.class).keySet(),
                context.getBeansOfType(TaskListener.class).keySet(),
                context.getBeansOfType(ExecutionListener.class).keySet(),
                context.getBean(ModelNotifications.class).templatesForModels());
    }

    /** The problems that kept a folder from being deployed at start-up, by folder. */
    Map<String, List<ModelProblem>> refusedAtStart() {
        return Map.copyOf(refused);
    }
}
