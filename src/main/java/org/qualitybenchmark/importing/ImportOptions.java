package org.qualitybenchmark.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;

/** What the import page offers a user: the kinds they may import, and the campaigns and units for each. */
@Component
class ImportOptions {

    private final CampaignCatalog catalog;
    private final UnitHierarchy hierarchy;

    ImportOptions(CampaignCatalog catalog, UnitHierarchy hierarchy) {
        this.catalog = catalog;
        this.hierarchy = hierarchy;
    }

    record Choices(List<KindChoice> kinds) {
    }

    /** @param campaigns the campaigns this kind can import into, for this user */
    record KindChoice(ImportKind kind, String label, List<CampaignChoice> campaigns) {
    }

    /** @param units the units (own units of the user) that take part in the campaign; for applications only */
    record CampaignChoice(String code, String name, List<UnitChoice> units) {
    }

    record UnitChoice(String code, String name) {
    }

    Choices of(AppUser user) {
        List<KindChoice> kinds = new ArrayList<>();
        if (user.has(Role.UNIT_STAFF)) {
            List<UnitRef> own = hierarchy.coveredByGroups(user.groupIds()).stream().map(catalog::unit)
                    .sorted(Comparator.comparing(UnitRef::code)).toList();
            List<CampaignChoice> campaigns = new ArrayList<>();
            for (CampaignRef campaign : catalog.campaigns()) {
                List<UnitChoice> units = own.stream().filter(u -> hierarchy.recommendingUnit(campaign, u).isPresent())
                        .map(u -> new UnitChoice(u.code(), u.name())).toList();
                if (!units.isEmpty()) {
                    campaigns.add(new CampaignChoice(campaign.code(), campaign.definition().name(), units));
                }
            }
            kinds.add(new KindChoice(ImportKind.APPLICATIONS, ImportKind.APPLICATIONS.label(), campaigns));
        }
        if (user.has(Role.OFFICE) || user.has(Role.ADMIN)) {
            kinds.add(new KindChoice(ImportKind.EXPERTS, ImportKind.EXPERTS.label(), List.of()));
        }
        if (user.has(Role.PROCESS_OWNER) || user.has(Role.ADMIN)) {
            kinds.add(new KindChoice(ImportKind.UNITS, ImportKind.UNITS.label(), catalog.campaigns().stream()
                    .map(c -> new CampaignChoice(c.code(), c.definition().name(), List.of())).toList()));
        }
        return new Choices(kinds);
    }
}
