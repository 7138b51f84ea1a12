package org.qualitybenchmark.application;

import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.support.NotFoundException;

/**
 * Who may see and change which case. The organiser's office, managers and administrators see
 * every case; a unit's staff see the cases of their own units and of the units below them (a city
 * the cases filed with its counties); an applicant sees the cases they
 * created. Every read and every change of a case, by any endpoint, goes through here; a case the
 * user may not see is reported as not found.
 */
@Component
class CaseAccess {

    private final CampaignCatalog catalog;
    private final UnitHierarchy hierarchy;

    CaseAccess(CampaignCatalog catalog, UnitHierarchy hierarchy) {
        this.catalog = catalog;
        this.hierarchy = hierarchy;
    }

    Set<Long> unitIds(AppUser user) {
        if (!user.has(Role.UNIT_STAFF)) {
            return Set.of();
        }
        return hierarchy.coveredByGroups(user.groupIds());
    }

    boolean canSee(AppUser user, Application application) {
        return user.seesAllCases()
                || unitIds(user).contains(application.getUnitId())
                || user.id().equals(application.getOwnerUserId());
    }

    /** Drafts are changed by whoever created them, or by staff of the unit they are filed with. */
    boolean canEdit(AppUser user, Application application) {
        return user.id().equals(application.getOwnerUserId()) || unitIds(user).contains(application.getUnitId());
    }

    Application requireVisible(AppUser user, Application application) {
        if (!canSee(user, application)) {
            throw notFound(application.getId());
        }
        return application;
    }

    Application requireEditable(AppUser user, Application application) {
        requireVisible(user, application);
        if (!canEdit(user, application)) {
            throw new AccessDeniedException("Only the applicant or the unit may change case " + application.getCaseNumber());
        }
        return application;
    }

    /** Who may file a new case with this unit: applicants with any unit, unit staff with their own. */
    void requireMayFile(AppUser user, Long unitId) {
        if (user.has(Role.APPLICANT) || unitIds(user).contains(unitId)) {
            return;
        }
        throw new AccessDeniedException("User " + user.id() + " may not file cases with unit " + unitId);
    }

    /** The cases this user may see, as a query condition. */
    Specification<Application> visibleTo(AppUser user) {
        if (user.seesAllCases()) {
            return (root, query, cb) -> cb.conjunction();
        }
        Set<Long> units = unitIds(user);
        return (root, query, cb) -> {
            Predicate own = cb.equal(root.get("ownerUserId"), user.id());
            return units.isEmpty() ? own : cb.or(own, root.get("unitId").in(units));
        };
    }

    static NotFoundException notFound(Object id) {
        return new NotFoundException("案件“" + id + "”不存在或您无权查看");
    }
}
