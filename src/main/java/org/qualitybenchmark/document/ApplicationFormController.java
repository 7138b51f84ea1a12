package org.qualitybenchmark.document;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.support.RuleViolationException;

@RestController
@Tag(name = "申报书 Word", description = "下载已填写或空白的申报书（.docx），从填写好的申报书导入案件内容")
@SecurityRequirement(name = "basic")
class ApplicationFormController {

    private final ApplicationFormService forms;

    ApplicationFormController(ApplicationFormService forms) {
        this.forms = forms;
    }

    @GetMapping("/api/applications/{id}/application-form.docx")
    @Operation(summary = "下载案件的申报书（Word）", description = "按案件所属活动的格式生成，包含案件当前的全部内容；能查看案件的用户可以下载")
    ResponseEntity<byte[]> filled(@PathVariable Long id) {
        return download(forms.filled(id, CurrentUser.get()));
    }

    @GetMapping("/api/campaigns/{code}/application-form.docx")
    @Operation(summary = "下载活动的空白申报书（Word）", description = "企业可在 Word 中填写后，通过“从 Word 导入”填入草稿")
    ResponseEntity<byte[]> blank(@PathVariable String code) {
        return download(forms.blank(code));
    }

    @PostMapping(path = "/api/applications/{id}/application-form", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "从 Word 申报书导入到草稿",
            description = "逐项按与接口相同的规则校验；通过的内容写入草稿，未通过的逐项列出原因，且不覆盖原有内容。"
                    + "文件中留空的栏目保留原有内容。只有草稿可以导入，只有能修改案件的用户可以导入")
    ApplicationFormService.ImportReport prefill(@PathVariable Long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return forms.prefill(id, bytes(file), CurrentUser.get());
    }

    @PostMapping(path = "/api/application-forms", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "用 Word 申报书新建草稿", description = "遴选活动取自文件；推荐单位、统一社会信用代码和企业名称须能通过校验")
    ResponseEntity<ApplicationFormService.ImportReport> create(@RequestPart("file") MultipartFile file,
            @Parameter(description = "幂等键：同一用户以同一键重复提交时返回同一案件")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        ApplicationFormService.ImportReport report = forms.create(bytes(file), idempotencyKey, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/applications/" + report.application().id())).body(report);
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file.getSize() > ApplicationFormService.MAX_FILE_SIZE) {
            throw new RuleViolationException(ApplicationFormReader.FILE_FIELD, "file.tooLarge",
                    "文件超过" + ApplicationFormService.MAX_FILE_SIZE / 1024 / 1024 + "MB，不是本系统的申报书");
        }
        return file.getBytes();
    }

    private static ResponseEntity<byte[]> download(ApplicationFormService.Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ApplicationFormWriter.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }
}
