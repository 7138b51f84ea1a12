package org.qualitybenchmark.access;

import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user as our code sees them.
 *
 * @param groupIds all identity-service groups of the user, unit groups included
 */
public record AppUser(String id, String displayName, Set<Role> roles, Set<String> groupIds)
        implements AuthenticatedPrincipal {

    public AppUser {
        roles = Set.copyOf(roles);
        groupIds = Set.copyOf(groupIds);
    }

    @Override
    public String getName() {
        return id;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Sees every case of every campaign (the organiser's office, managers, administrators). */
    public boolean seesAllCases() {
        return has(Role.ADMIN) || has(Role.OFFICE) || has(Role.MANAGER);
    }
}
