package org.qualitybenchmark.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which identity-service group gives which role. Unit staff are members of a group whose id starts
 * with {@link #UNIT_GROUP_PREFIX}; the unit directory names each unit's group.
 */
@ConfigurationProperties("qb.groups")
public record RoleGroups(
        @DefaultValue("camunda-admin") String admin,
        @DefaultValue("office") String office,
        @DefaultValue("managers") String managers,
        @DefaultValue("experts") String experts,
        @DefaultValue("process-owners") String processOwners,
        @DefaultValue("applicants") String applicants) {

    public static final String UNIT_GROUP_PREFIX = "unit-";

    public Set<Role> rolesOf(Collection<String> groupIds) {
        Map<String, Role> byGroup = byGroup();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groupIds) {
            if (byGroup.containsKey(group)) {
                roles.add(byGroup.get(group));
            } else if (group.startsWith(UNIT_GROUP_PREFIX)) {
                roles.add(Role.UNIT_STAFF);
            }
        }
        return roles;
    }

    /** Each role's group, with the Chinese name it is created with. */
    public Map<String, String> groupNames() {
        return Map.of(admin, "系统管理员", office, "组织单位办公室", managers, "管理人员",
                experts, "评审专家", processOwners, "流程负责人", applicants, "申报企业");
    }

    public Map<String, Role> byGroup() {
        return Map.of(admin, Role.ADMIN, office, Role.OFFICE, managers, Role.MANAGER, experts, Role.EXPERT,
                processOwners, Role.PROCESS_OWNER, applicants, Role.APPLICANT);
    }
}
