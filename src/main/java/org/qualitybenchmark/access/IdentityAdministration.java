package org.qualitybenchmark.access;

import java.util.Set;

/** Creating users and groups in the identity service, for set-up and the demo data. */
public interface IdentityAdministration {

    /** Creates the group if it does not exist yet. */
    void ensureGroup(String groupId, String name);

    /** Creates the user if it does not exist yet, and adds them to these groups (creating none). */
    void ensureUser(String userId, String password, String firstName, String lastName, String email, Set<String> groupIds);
}
