package org.qualitybenchmark.onlinesubmission;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;

/**
 * Where the online submissions stand. They are confirmed in Tasklist (确认网上申报), where the
 * confirmation also moves the case's process on.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "网上申报", description = "获推荐资格的企业向全国系统（中国质量网）网上申报的确认情况")
class OnlineSubmissionController {

    private final OnlineSubmissionService submissions;

    OnlineSubmissionController(OnlineSubmissionService submissions) {
        this.submissions = submissions;
    }

    @GetMapping("/campaigns/{code}/online-submissions")
    @Operation(summary = "列出活动中获推荐资格企业的网上申报情况（组织单位）")
    List<OnlineSubmissionView> ofCampaign(@PathVariable String code) {
        return submissions.ofCampaign(code, CurrentUser.get());
    }

    @GetMapping("/applications/{id}/online-submission")
    @Operation(summary = "查看案件的网上申报情况；省厅推荐之前为 404")
    ResponseEntity<OnlineSubmissionView> ofCase(@PathVariable Long id) {
        return ResponseEntity.of(submissions.of(id, CurrentUser.get()));
    }
}
