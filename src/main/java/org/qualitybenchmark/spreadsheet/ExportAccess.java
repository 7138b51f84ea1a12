package org.qualitybenchmark.spreadsheet;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.support.NotFoundException;

/**
 * Who may download what. A unit's staff download their own unit's summary table, and a city's staff
 * also those of the counties under it; the organiser's office, managers and administrators download
 * every unit's. The score sheets and the lists of the result are the organiser's, so only they and
 * managers download them; an expert downloads their own score sheet.
 */
@Component
class ExportAccess {

    private final CampaignCatalog catalog;
    private final UnitHierarchy hierarchy;

    ExportAccess(CampaignCatalog catalog, UnitHierarchy hierarchy) {
        this.catalog = catalog;
        this.hierarchy = hierarchy;
    }

    CampaignRef campaign(String code) {
        return catalog.campaign(code).orElseThrow(() -> new NotFoundException("未找到遴选活动“" + code + "”"));
    }

    /** The unit, if it takes part in the campaign and the user may read its summary table. */
    UnitRef unitForSummary(CampaignRef campaign, String unitCode, AppUser actor) {
        UnitRef unit = catalog.unit(unitCode).filter(u -> campaign.definition().unit(u.code()).isPresent())
                .orElseThrow(() -> new NotFoundException("推荐单位“" + unitCode + "”不是" + campaign.definition().name()
                        + "的推荐单位"));
        if (!mayReadSummary(unit, actor)) {
            throw new AccessDeniedException("User " + actor.id() + " may not read the summary table of unit " + unit.code());
        }
        return unit;
    }

    boolean mayReadSummary(UnitRef unit, AppUser actor) {
        if (actor.seesAllCases()) {
            return true;
        }
        if (!actor.has(Role.UNIT_STAFF)) {
            return false;
        }
        var own = catalog.unitsOfGroups(actor.groupIds());
        return own.contains(unit) || hierarchy.ancestors(unit).stream().anyMatch(own::contains);
    }

    /** The campaign's units whose summary table the user may read, in the campaign's order. */
    List<UnitRef> summaryUnits(CampaignRef campaign, AppUser actor) {
        return campaign.definition().units().stream()
                .map(u -> catalog.unit(u.unit()))
                .flatMap(Optional::stream)
                .filter(unit -> mayReadSummary(unit, actor))
                .toList();
    }

    /** Office, managers and administrators: the organiser's files. */
    void requireOrganiserSide(AppUser actor, String what) {
        if (!actor.seesAllCases()) {
            throw new AccessDeniedException("Only the office and managers may download " + what + "; " + actor.id()
                    + " may not");
        }
    }
}
