package org.qualitybenchmark.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.IdentityAdministration;
import org.qualitybenchmark.access.RoleGroups;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.UnitDefinition;

/**
 * Makes the identity service match the configuration at every start: a group per role and per
 * recommending unit, what each may do in the engine, and the Tasklist filters everybody works
 * from. Unit groups get no global right to read tasks or instances: they see a task only because
 * it names their group as candidate, which is how Tasklist keeps each unit to its own cases.
 */
@Component
class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final String FILTER_MY_TASKS = "我的待办";
    static final String FILTER_GROUP_TASKS = "本组待办";

    private final IdentityAdministration identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final RoleGroups roleGroups;
    private final CampaignRegistry registry;

    IdentitySetup(IdentityAdministration identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, RoleGroups roleGroups, CampaignRegistry registry) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.roleGroups = roleGroups;
        this.registry = registry;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void setUp() {
        roleGroups.groupNames().forEach(identity::ensureGroup);
        for (UnitDefinition unit : registry.units()) {
            identity.ensureGroup(unit.groupId(), unit.name());
        }

        List<String> everybody = new ArrayList<>(List.of(roleGroups.office(), roleGroups.managers(),
                roleGroups.experts(), roleGroups.processOwners(), roleGroups.applicants()));
        registry.units().stream().map(UnitDefinition::groupId).forEach(everybody::add);
        for (String group : everybody) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        for (String group : List.of(roleGroups.office(), roleGroups.managers(), roleGroups.processOwners())) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        for (String group : List.of(roleGroups.office(), roleGroups.managers())) {
            grant(group, Resources.TASK, "*", Permissions.READ);
        }
        // Those who file cases may start a case process from Tasklist's start form.
        List<String> filers = new ArrayList<>(List.of(roleGroups.applicants(), roleGroups.office()));
        registry.units().stream().map(UnitDefinition::groupId).forEach(filers::add);
        for (String group : filers) {
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        registry.campaigns().forEach(this::allowFiling);
        grant(roleGroups.processOwners(), Resources.DEPLOYMENT, "*", Permissions.ALL);
        grant(roleGroups.processOwners(), Resources.PROCESS_DEFINITION, "*", Permissions.ALL);

        ensureFilter(FILTER_MY_TASKS, -10, tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}").endOr(), "分配给我本人或由我办理的任务");
        ensureFilter(FILTER_GROUP_TASKS, -5, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(), "我所在单位或小组可以办理的任务");
        log.info("Identity set up: {} role groups, {} unit groups", roleGroups.groupNames().size(), registry.units().size());
    }

    /** Those who file cases may start the campaign's case process from Tasklist's start form. */
    void allowFiling(CampaignDefinition campaign) {
        List<String> filers = new ArrayList<>(List.of(roleGroups.applicants(), roleGroups.office()));
        registry.units().stream().map(UnitDefinition::groupId).forEach(filers::add);
        for (String group : filers) {
            grant(group, Resources.PROCESS_DEFINITION, campaign.procedure().caseProcess(), Permissions.READ,
                    Permissions.CREATE_INSTANCE);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private void ensureFilter(String name, int priority, TaskQuery query, String description) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter != null) {
            return;
        }
        filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filters.saveFilter(filter);
        Authorization readable = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        readable.setUserId(Authorization.ANY);
        readable.setResource(Resources.FILTER);
        readable.setResourceId(filter.getId());
        readable.addPermission(Permissions.READ);
        authorizations.saveAuthorization(readable);
    }
}
