package org.qualitybenchmark.access;

import java.util.Optional;

/** The users and groups of the identity service. */
public interface IdentityDirectory {

    /** The user, if the password is theirs. */
    Optional<AppUser> authenticate(String userId, String password);

    Optional<AppUser> find(String userId);
}
