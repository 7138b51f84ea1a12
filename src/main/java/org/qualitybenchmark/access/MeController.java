package org.qualitybenchmark.access;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "当前用户")
class MeController {

    record Me(String id, String name, Set<Role> roles, Set<String> groups) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户及其角色、所属组")
    Me me() {
        AppUser user = CurrentUser.get();
        return new Me(user.id(), user.displayName(), user.roles(), user.groupIds());
    }
}
