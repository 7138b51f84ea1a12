package org.qualitybenchmark.workflow;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityDirectory;
import org.springframework.stereotype.Component;

/**
 * The user on whose behalf the engine runs a command: the one signed in to Tasklist or the engine
 * REST API, or the one our own API completes a task for.
 */
@Component
class EngineUsers {

    private final IdentityService identity;
    private final IdentityDirectory directory;

    EngineUsers(IdentityService identity, IdentityDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /** The signed-in user; a form submitted without one is refused (the engine would not know who decided). */
    AppUser current() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw FormRejection.of("未登录，无法办理此任务；请登录后重试");
        }
        return directory.find(authentication.getUserId())
                .orElseThrow(() -> FormRejection.of("用户" + authentication.getUserId() + "不存在或已停用"));
    }

    /** Runs an engine call as this user, so the engine's authorization checks and our listeners see them. */
    <T> T runAs(AppUser user, Supplier<T> work) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(user.id(), List.copyOf(user.groupIds()));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }
}
