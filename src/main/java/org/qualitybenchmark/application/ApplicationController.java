package org.qualitybenchmark.application;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.support.RuleViolationException;

import static org.qualitybenchmark.application.CaseViews.AttachmentView;
import static org.qualitybenchmark.application.CaseViews.CaseDetail;
import static org.qualitybenchmark.application.CaseViews.CaseSummary;
import static org.qualitybenchmark.application.CaseViews.Page;

@RestController
@RequestMapping("/api/applications")
@Tag(name = "申报案件", description = "创建、修改、提交、撤回和查询申报案件及其附件")
@SecurityRequirement(name = "basic")
class ApplicationController {

    private static final Set<String> SORTABLE = Set.of("caseNumber", "enterpriseName", "updatedAt", "submittedAt", "stage");

    private final ApplicationService applications;
    private final AttachmentService attachments;

    ApplicationController(ApplicationService applications, AttachmentService attachments) {
        this.applications = applications;
        this.attachments = attachments;
    }

    @PostMapping
    @Operation(summary = "创建申报（草稿）",
            description = "重复发送同一请求（例如连续点击两次）只会创建一个案件，第二次返回第一次创建的案件（200）。"
                    + "可附带 Idempotency-Key 请求头。")
    ResponseEntity<CaseDetail> create(@Valid @RequestBody ApplicationForm form,
            @Parameter(description = "幂等键：同一用户以同一键重复提交时返回同一案件")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ApplicationService.CreateResult result = applications.create(form, idempotencyKey, CurrentUser.get());
        if (result.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(result.detail());
        }
        return ResponseEntity.created(URI.create("/api/applications/" + result.detail().id())).body(result.detail());
    }

    @GetMapping
    @Operation(summary = "查询案件列表", description = "只返回当前用户有权查看的案件；sort 可为 caseNumber、enterpriseName、updatedAt、submittedAt、stage，加 ,desc 倒序")
    Page<CaseSummary> search(@RequestParam(required = false) String campaign,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) CaseStage stage,
            @Parameter(description = "按案件编号、企业名称或经验名称模糊查询") @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "caseNumber") String sort) {
        if (page < 0) {
            throw new RuleViolationException("page", "range", "页码不能为负数");
        }
        if (size < 1 || size > 200) {
            throw new RuleViolationException("size", "range", "每页条数应在1到200之间");
        }
        String[] parts = sort.split(",");
        if (!SORTABLE.contains(parts[0])) {
            throw new RuleViolationException("sort", "option", "不能按“" + parts[0] + "”排序，可选：" + String.join("、", SORTABLE));
        }
        Sort.Direction direction = parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
        PageRequest pageable = PageRequest.of(page, size, Sort.by(direction, parts[0]).and(Sort.by("id")));
        return applications.search(new ApplicationService.CaseFilter(campaign, unit, stage, q), pageable, CurrentUser.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看案件详情")
    CaseDetail get(@PathVariable Long id) {
        return applications.get(id, CurrentUser.get());
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改申报", description = "草稿在申报期内可改；退回补正的申报在补正期限内可改，推荐单位不能更改")
    CaseDetail update(@PathVariable Long id, @Valid @RequestBody ApplicationForm form) {
        return applications.update(id, form, CurrentUser.get());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "提交申报", description = "检查全部必填项、财务条件和必需附件；已提交的案件再次提交不产生变化。"
            + "退回补正的申报在补正期限内用同一操作重新提交，回到退回前的阶段")
    CaseDetail submit(@PathVariable Long id) {
        return applications.submit(id, CurrentUser.get());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回申报", description = "公示开始前的各阶段均可撤回；已结束、公示中的案件不能撤回")
    CaseDetail withdraw(@PathVariable Long id, @RequestBody WithdrawRequest request) {
        return applications.withdraw(id, request.reason(), CurrentUser.get());
    }

    record WithdrawRequest(String reason) {
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传附件", description = "kind 为活动配置中的附件类别，如 application-form、experience、evidence")
    AttachmentView upload(@PathVariable Long id, @RequestParam String kind, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            return attachments.upload(id, kind, file.getOriginalFilename(), content, CurrentUser.get());
        }
    }

    @GetMapping("/{id}/attachments")
    @Operation(summary = "列出附件")
    List<AttachmentView> attachments(@PathVariable Long id) {
        return attachments.list(id, CurrentUser.get());
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "下载附件")
    ResponseEntity<InputStreamResource> download(@PathVariable Long id, @PathVariable Long attachmentId) {
        AttachmentService.Download download = attachments.open(id, attachmentId, CurrentUser.get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .contentLength(download.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.name(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除附件", description = "只能在该类附件可上传的阶段删除（多数类别为草稿和退回补正）")
    void deleteAttachment(@PathVariable Long id, @PathVariable Long attachmentId) {
        attachments.delete(id, attachmentId, CurrentUser.get());
    }
}
