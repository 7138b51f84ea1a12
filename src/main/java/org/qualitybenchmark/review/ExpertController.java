package org.qualitybenchmark.review;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.review.ExpertService.ExpertInput;
import org.qualitybenchmark.review.ExpertService.ExpertView;

@RestController
@RequestMapping("/api/experts")
@Tag(name = "评审专家", description = "组织单位维护的专家库")
@SecurityRequirement(name = "basic")
@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
class ExpertController {

    private final ExpertService experts;

    ExpertController(ExpertService experts) {
        this.experts = experts;
    }

    @GetMapping
    @Operation(summary = "列出专家库")
    List<ExpertView> list() {
        return experts.list();
    }

    @PostMapping
    @Operation(summary = "登记专家", description = "userId 须为已加入评审专家组的登录账号；unit 为专家所在推荐单位的代码（回避用），可不填")
    ResponseEntity<ExpertView> register(@RequestBody ExpertInput input) {
        ExpertView expert = experts.register(input, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/experts/" + expert.userId())).body(expert);
    }

    @PutMapping("/{userId}")
    @Operation(summary = "修改专家信息", description = "active 为 false 时不再分配新的评审任务")
    ExpertView update(@PathVariable String userId, @RequestBody ExpertInput input) {
        return experts.update(userId, input, CurrentUser.get());
    }
}
