package org.qualitybenchmark.enterprise;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;

@RestController
@RequestMapping("/api/uscc-overrides")
@Tag(name = "统一社会信用代码例外", description = "组织单位登记校验位不符但合法的代码（2015年试点地区）")
@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
class UsccOverrideController {

    private final UsccOverrideService overrides;

    UsccOverrideController(UsccOverrideService overrides) {
        this.overrides = overrides;
    }

    record GrantRequest(String uscc, String reason) {
    }

    record OverrideView(String uscc, String reason, String grantedBy, Instant grantedAt) {
        static OverrideView of(UsccOverride o) {
            return new OverrideView(o.getUscc(), o.getReason(), o.getGrantedBy(), o.getGrantedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记例外")
    OverrideView grant(@RequestBody GrantRequest request) {
        return OverrideView.of(overrides.grant(request.uscc(), request.reason(), CurrentUser.get().id()));
    }

    @GetMapping
    @Operation(summary = "列出已登记的例外")
    List<OverrideView> list() {
        return overrides.list().stream().map(OverrideView::of).toList();
    }
}
