package org.qualitybenchmark.nomination;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.Candidate;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.OpenRound;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.Pick;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.RoundView;

@RestController
@Tag(name = "省质量标杆推荐", description = "在本市历年市质量标杆（已公告的案件）中择优推荐参加省质量标杆遴选：开启一轮推荐、选择并写明理由、"
        + "审定报送；组织单位办公室办理，管理人员可查看和审定")
@SecurityRequirement(name = "basic")
class ProvinceRecommendationController {

    private final ProvinceRecommendationService service;

    ProvinceRecommendationController(ProvinceRecommendationService service) {
        this.service = service;
    }

    @PostMapping("/api/campaigns/{code}/province-recommendations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开启一轮省质量标杆推荐", description = "收到省工信厅通知后由办公室开启；同时启动推荐流程，"
            + "在 Tasklist 中办理“遴选推荐省质量标杆”")
    RoundView open(@PathVariable String code, @RequestBody OpenRound request) {
        return service.open(code, request, CurrentUser.get());
    }

    @GetMapping("/api/campaigns/{code}/province-recommendations")
    @Operation(summary = "查看本活动组织单位的各轮省质量标杆推荐")
    List<RoundView> rounds(@PathVariable String code) {
        return service.roundsOf(code, CurrentUser.get());
    }

    @GetMapping("/api/province-recommendations/{id}")
    @Operation(summary = "查看一轮推荐及已选案件和理由")
    RoundView round(@PathVariable Long id) {
        return service.round(id, CurrentUser.get());
    }

    @GetMapping("/api/province-recommendations/{id}/candidates")
    @Operation(summary = "可推荐的历年市质量标杆", description = "同一组织单位各年度市级活动中已公告的案件，注明本轮是否已选、以前哪几轮已推荐过")
    List<Candidate> candidates(@PathVariable Long id) {
        return service.candidates(id, CurrentUser.get());
    }

    @PostMapping("/api/province-recommendations/{id}/nominations")
    @Operation(summary = "选择一件历年市质量标杆并写明推荐理由", description = "已选的再次提交即修改理由；不能超过省工信厅通知给定的名额")
    RoundView pick(@PathVariable Long id, @RequestBody Pick pick) {
        return service.pick(id, pick, CurrentUser.get());
    }

    @DeleteMapping("/api/province-recommendations/{id}/nominations/{applicationId}")
    @Operation(summary = "取消选择")
    RoundView unpick(@PathVariable Long id, @PathVariable Long applicationId) {
        return service.unpick(id, applicationId, CurrentUser.get());
    }
}
