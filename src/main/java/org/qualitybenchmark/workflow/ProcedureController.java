package org.qualitybenchmark.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.workflow.ProcedureDeployments.Outcome;
import org.qualitybenchmark.workflow.ProcedureDeployments.UploadedFile;

/**
 * The yearly edit, for process owners: the deployed procedures by year, their files to copy, and
 * the upload of a new (or changed) year's models, forms and campaign file, checked before anything
 * is deployed.
 */
@RestController
@RequestMapping("/api/procedures")
@PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN', 'OFFICE', 'MANAGER')")
@Tag(name = "流程部署", description = "各省各年度的流程模型：查看、下载、检查与部署（流程负责人）")
class ProcedureController {

    private final ProcedureDeployments deployments;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final CampaignRegistry registry;
    private final ProcedureFolders files;

    ProcedureController(ProcedureDeployments deployments, RepositoryService repository, RuntimeService runtime,
            CampaignRegistry registry, ProcedureFolders files) {
        this.deployments = deployments;
        this.repository = repository;
        this.runtime = runtime;
        this.registry = registry;
        this.files = files;
    }

    record ProcessView(String key, String name, int version, String versionTag, long running) {
    }

    record FolderView(String folder, List<String> files, String deploymentId, Instant deployedAt, String deployedBy,
            List<ProcessView> processes, List<String> campaigns, List<ModelProblem> problems) {
    }

    @GetMapping
    @Operation(summary = "各年度流程文件夹及其已部署的流程版本")
    List<FolderView> folders() {
        Map<String, List<ModelProblem>> refused = deployments.refusedAtStart();
        List<FolderView> views = new ArrayList<>();
        for (String folder : files.folders()) {
            Deployment latest = repository.createDeploymentQuery()
                    .deploymentName(ProcedureDeployments.DEPLOYMENT_PREFIX + folder)
                    .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
            List<ProcessView> processes = new ArrayList<>();
            List<String> campaigns = new ArrayList<>();
            if (latest != null) {
                repository.createProcessDefinitionQuery().deploymentId(latest.getId())
                        .orderByProcessDefinitionKey().asc().list().stream()
                        .filter(d -> !d.getResourceName().startsWith("bpmn/" + ProcedureFolders.STAGES + "/"))
                        .forEach(d -> processes.add(new ProcessView(d.getKey(), d.getName(), d.getVersion(),
                                d.getVersionTag(), runtime.createProcessInstanceQuery().processDefinitionId(d.getId())
                                .count())));
                for (CampaignDefinition campaign : registry.campaigns()) {
                    if (processes.stream().anyMatch(p -> p.key().equals(campaign.procedure().caseProcess())
                            || p.key().equals(campaign.procedure().campaignProcess()))) {
                        campaigns.add(campaign.code());
                    }
                }
            }
            views.add(new FolderView(folder, files.fileNames(folder), latest == null ? null : latest.getId(),
                    latest == null ? null : latest.getDeploymentTime().toInstant(),
                    latest == null ? null : latest.getSource(), processes, campaigns,
                    refused.getOrDefault(folder, List.of())));
        }
        return views;
    }

    @GetMapping("/{province}/{year}/files/{name:.+}")
    @Operation(summary = "下载年度文件夹中的一个文件（复制为新年度时用）")
    ResponseEntity<byte[]> file(@PathVariable String province, @PathVariable String year, @PathVariable String name) {
        String folder = province + "/" + year;
        byte[] content = files.file(folder, name)
                .orElseThrow(() -> new NotFoundException("没有文件 bpmn/" + folder + "/" + name));
        return attachment(name, content);
    }

    @GetMapping("/campaign-files/{code}")
    @Operation(summary = "下载遴选活动的配置文件（复制为新年度时用）")
    ResponseEntity<byte[]> campaignFile(@PathVariable String code) {
        if (registry.campaign(code).isEmpty()) {
            throw new NotFoundException("没有代码为「" + code + "」的遴选活动");
        }
        return attachment(code + ".yaml", registry.source(code).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "检查一个年度的模型、表单和活动配置，不部署")
    Map<String, Object> check(@RequestParam String folder, @RequestParam("files") List<MultipartFile> files) {
        List<ModelProblem> problems = deployments.check(folder, uploaded(files));
        return Map.of("folder", folder, "ok", problems.isEmpty(), "problems", problems);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "部署一个年度的模型、表单和活动配置（先检查，有问题则不部署）")
    ResponseEntity<?> deploy(@RequestParam String folder, @RequestParam("files") List<MultipartFile> files) {
        Outcome outcome = deployments.deploy(folder, uploaded(files), CurrentUser.get());
        if (!outcome.ok()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    "模型或配置有 " + outcome.problems().size() + " 处问题，未部署；已在运行的流程不受影响");
            problem.setTitle("未通过部署检查");
            problem.setProperty("problems", outcome.problems());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        return ResponseEntity.status(outcome.unchanged() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome);
    }

    private static List<UploadedFile> uploaded(List<MultipartFile> files) {
        List<UploadedFile> uploaded = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            // A folder picked in the browser sends "2025/x.bpmn"; the folder is given separately.
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            try {
                uploaded.add(new UploadedFile(name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploaded;
    }

    private static ResponseEntity<byte[]> attachment(String name, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(content);
    }
}
