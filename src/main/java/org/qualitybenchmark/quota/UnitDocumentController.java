package org.qualitybenchmark.quota;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.support.NotFoundException;

@RestController
@RequestMapping("/api/campaigns/{code}/units/{unit}/documents")
@Tag(name = "推荐单位材料", description = "推荐单位随推荐名单报送的材料（如推荐文件、推荐汇总表），按活动配置 recommendation.documents")
@SecurityRequirement(name = "basic")
class UnitDocumentController {

    private final UnitDocumentService documents;
    private final CampaignCatalog catalog;

    UnitDocumentController(UnitDocumentService documents, CampaignCatalog catalog) {
        this.documents = documents;
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "查看推荐单位材料",
            description = "各类材料及已上传的文件、尚缺的必交材料。推荐单位工作人员只能查看本单位；组织单位、管理人员可查看全部")
    UnitDocumentsView list(@PathVariable String code, @PathVariable String unit) {
        return documents.list(campaign(code).id(), unit(unit).id(), CurrentUser.get());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传推荐单位材料",
            description = "kind 为活动配置的材料类别（如 recommendation-letter、summary-table）；只有本单位工作人员可以上传，"
                    + "报送推荐名单后或推荐截止后不能再上传")
    UnitDocumentsView.File upload(@PathVariable String code, @PathVariable String unit, @RequestParam String kind,
            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return documents.upload(campaign(code).id(), unit(unit).id(), kind, file.getOriginalFilename(), content,
                    CurrentUser.get());
        }
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "下载推荐单位材料")
    ResponseEntity<InputStreamResource> download(@PathVariable String code, @PathVariable String unit,
            @PathVariable Long documentId) {
        UnitDocumentService.Download download = documents.open(campaign(code).id(), unit(unit).id(), documentId,
                CurrentUser.get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .contentLength(download.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.name(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除推荐单位材料", description = "只有本单位工作人员可以删除，报送推荐名单前可用")
    void delete(@PathVariable String code, @PathVariable String unit, @PathVariable Long documentId) {
        documents.delete(campaign(code).id(), unit(unit).id(), documentId, CurrentUser.get());
    }

    private CampaignRef campaign(String code) {
        return catalog.campaign(code).orElseThrow(() -> new NotFoundException("未找到遴选活动“" + code + "”"));
    }

    private UnitRef unit(String code) {
        return catalog.unit(code).orElseThrow(() -> RecommendationService.unitNotFound(code));
    }
}
