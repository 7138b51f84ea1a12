package org.qualitybenchmark.access;

import java.util.List;
import java.util.Optional;

/** The users and groups of the identity service. */
public interface IdentityDirectory {

    /** The user, if the password is theirs. */
    Optional<AppUser> authenticate(String userId, String password);

    Optional<AppUser> find(String userId);

    /** The ids of the group's members, sorted; empty if the group has none or does not exist. */
    List<String> memberIds(String groupId);

    /** The user's email address, if they exist and have one. */
    Optional<String> email(String userId);
}
