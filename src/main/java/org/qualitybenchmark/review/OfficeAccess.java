package org.qualitybenchmark.review;

import org.springframework.security.access.AccessDeniedException;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;

/**
 * The organiser's decisions (formal review, the panel's lists, the public notice) are taken by its
 * office, or by an administrator and the system acting for it. The services check this themselves,
 * because they are reached from task listeners as well as from the API.
 */
public final class OfficeAccess {

    private OfficeAccess() {
    }

    public static void require(AppUser actor, String what) {
        if (!actor.has(Role.OFFICE) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only the organiser's office may " + what + "; " + actor.id() + " may not");
        }
    }
}
