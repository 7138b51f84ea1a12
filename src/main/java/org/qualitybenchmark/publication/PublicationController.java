package org.qualitybenchmark.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.publication.PublicNoticeService.CaseStageView;

@RestController
@RequestMapping("/api/applications/{id}")
@Tag(name = "公示与公告", description = "公示期间受理异议；撤销已公告的称号")
@SecurityRequirement(name = "basic")
@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
class PublicationController {

    private final PublicNoticeService notices;

    PublicationController(PublicNoticeService notices) {
        this.notices = notices;
    }

    record ObjectionRequest(String submitterName, String submitterContact, String content) {
    }

    record ObjectionCreated(Long id, Long applicationId, String status) {
    }

    record RevocationRequest(String reason) {
    }

    @PostMapping("/objections")
    @Operation(summary = "登记异议", description = "只在案件公示期内受理；须写明异议人姓名或单位名称及联系方式（不受理匿名异议）")
    ResponseEntity<ObjectionCreated> recordObjection(@PathVariable Long id, @RequestBody ObjectionRequest request) {
        Long objectionId = notices.recordObjection(id, request.submitterName(), request.submitterContact(),
                request.content(), CurrentUser.get());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ObjectionCreated(objectionId, id, "OPEN"));
    }

    @PostMapping("/revocation")
    @Operation(summary = "撤销称号", description = "已公告的案件因弄虚作假或发生重大责任事故被撤销称号；须说明原因")
    CaseStageView revoke(@PathVariable Long id, @RequestBody RevocationRequest request) {
        return notices.revoke(id, request.reason(), CurrentUser.get());
    }
}
