package org.qualitybenchmark.importing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.importing.Importer.ImportRequest;
import org.qualitybenchmark.support.RuleViolationException;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Excel 导入", description = "下载导入模板、上传 Excel 批量导入申报书、评审专家和推荐单位，查看进度和错误报告")
@SecurityRequirement(name = "basic")
class ImportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService imports;
    private final ImportOptions options;

    ImportController(ImportService imports, ImportOptions options) {
        this.imports = imports;
        this.options = options;
    }

    @GetMapping("/options")
    @Operation(summary = "当前用户可以导入的内容", description = "可导入的类别、遴选活动和（申报书导入时）本人所在的推荐单位")
    ImportOptions.Choices options() {
        return options.of(CurrentUser.get());
    }

    @GetMapping("/templates/{kind}")
    @Operation(summary = "下载导入模板", description = "kind：applications（须 campaign 和 unit）、experts、units（须 campaign）")
    ResponseEntity<byte[]> template(@PathVariable String kind, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String unit) {
        ImportRequest request = new ImportRequest(kind(kind), campaign, unit);
        return file(imports.template(request, CurrentUser.get()), name(request, "导入模板"));
    }

    @GetMapping("/exports/{kind}")
    @Operation(summary = "按导入模板导出现有数据", description = "experts：专家库；units：活动的推荐单位和名额（须 campaign）。"
            + "导出的文件修改后可直接再导入")
    ResponseEntity<byte[]> export(@PathVariable String kind, @RequestParam(required = false) String campaign) {
        ImportRequest request = new ImportRequest(kind(kind), campaign, null);
        return file(imports.export(request, CurrentUser.get()), name(request, "导出"));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传并导入", description = "在后台逐行检查；任何一行有错误则整个文件不导入，返回每个错误的行号、列和原因；"
            + "全部正确则在一个事务中全部导入。返回任务，进度见 GET /api/imports/{id}")
    ResponseEntity<ImportJobView> upload(@RequestParam String kind,
            @Parameter(description = "遴选活动代码（申报书、推荐单位）") @RequestParam(required = false) String campaign,
            @Parameter(description = "推荐单位代码（申报书）") @RequestParam(required = false) String unit,
            @RequestPart("file") MultipartFile file) throws IOException {
        ImportRequest request = new ImportRequest(kind(kind), blankToNull(campaign), blankToNull(unit));
        ImportJobView job = imports.start(request, file.getOriginalFilename(), file.getBytes(), CurrentUser.get());
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }

    @GetMapping
    @Operation(summary = "我最近的导入任务")
    List<ImportJobView> mine() {
        return imports.mine(CurrentUser.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "导入任务的进度和结果")
    ImportJobView get(@PathVariable Long id) {
        return imports.get(id, CurrentUser.get());
    }

    @GetMapping("/{id}/error-workbook")
    @Operation(summary = "下载标出错误的工作簿", description = "上传的文件，出错的单元格标红并附说明，末尾加“错误说明”列和“错误报告”工作表")
    ResponseEntity<byte[]> errorWorkbook(@PathVariable Long id) {
        return file(imports.errorWorkbook(id, CurrentUser.get()), imports.downloadName(id, CurrentUser.get()));
    }

    private static ImportKind kind(String kind) {
        try {
            return ImportKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("kind", "option", "导入类别只能是 applications（申报书）、experts（评审专家）或 units（推荐单位）");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String name(ImportRequest request, String what) {
        String base = switch (request.kind()) {
            case APPLICATIONS -> "申报书-" + request.campaign() + "-" + request.unit();
            case EXPERTS -> "评审专家";
            case UNITS -> "推荐单位-" + request.campaign();
        };
        return base + "-" + what + ".xlsx";
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
