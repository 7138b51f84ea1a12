package org.qualitybenchmark.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityAdministration;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.RoleGroups;

/** Users and groups as the engine's identity service keeps them (managed in Camunda Admin). */
@Component
class CamundaIdentityDirectory implements IdentityDirectory, IdentityAdministration {

    private final IdentityService identity;
    private final RoleGroups roleGroups;

    CamundaIdentityDirectory(IdentityService identity, RoleGroups roleGroups) {
        this.identity = identity;
        this.roleGroups = roleGroups;
    }

    @Override
    public Optional<AppUser> authenticate(String userId, String password) {
        if (userId == null || userId.isBlank() || password == null || !identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        return find(userId);
    }

    @Override
    public Optional<AppUser> find(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return Optional.of(new AppUser(userId, name.isEmpty() ? userId : name, roleGroups.rolesOf(groups), groups));
    }

    @Override
    public List<String> memberIds(String groupId) {
        return asSystem(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getId)
                .toList());
    }

    @Override
    public Optional<String> email(String userId) {
        User user = asSystem(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null || user.getEmail() == null || user.getEmail().isBlank()
                ? Optional.empty()
                : Optional.of(user.getEmail().strip());
    }

    /**
     * Who is told of a step is the system's business, not the acting user's: inside a Tasklist command the
     * engine would filter the query by that user's (absent) read grant on other users and find nobody.
     */
    private <T> T asSystem(Supplier<T> query) {
        Authentication previous = identity.getCurrentAuthentication();
        if (previous == null) {
            return query.get();
        }
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            identity.setAuthentication(previous);
        }
    }

    @Override
    public void ensureGroup(String groupId, String name) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    @Override
    public void ensureUser(String userId, String password, String firstName, String lastName, String email,
            Set<String> groupIds) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(password);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            identity.saveUser(user);
        }
        List<String> current = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        for (String groupId : groupIds) {
            if (!current.contains(groupId)) {
                identity.createMembership(userId, groupId);
            }
        }
    }
}
