package org.qualitybenchmark.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.UnitDefinition;

/**
 * The units above and below a unit ({@code parent} in {@code config/units/}). Where a campaign
 * screens at county level (浙江：县（市、区）经信局初审，设区市排序推荐), an enterprise files with its
 * county, which the campaign does not list: the case belongs to the county, and the listed unit
 * above it recommends it within its own quota.
 */
@Component
public class UnitHierarchy {

    private final CampaignRegistry registry;
    private final CampaignCatalog catalog;

    public UnitHierarchy(CampaignRegistry registry, CampaignCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    /**
     * The unit that recommends, in this campaign, a case filed with {@code unit}: the unit itself if
     * the campaign lists it; otherwise, in a campaign with county screening, its nearest listed
     * ancestor; otherwise none (the unit does not take part).
     */
    public Optional<UnitRef> recommendingUnit(CampaignRef campaign, UnitRef unit) {
        if (campaign.definition().unit(unit.code()).isPresent()) {
            return Optional.of(unit);
        }
        if (!campaign.definition().procedure().countyScreening()) {
            return Optional.empty();
        }
        return ancestors(unit).stream().filter(a -> campaign.definition().unit(a.code()).isPresent()).findFirst();
    }

    /** The units above this one, nearest first. */
    public List<UnitRef> ancestors(UnitRef unit) {
        List<UnitRef> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String parent = unit.definition().parent(); parent != null && seen.add(parent);) {
            Optional<UnitRef> above = catalog.unit(parent);
            if (above.isEmpty()) {
                break;
            }
            chain.add(above.get());
            parent = above.get().definition().parent();
        }
        return chain;
    }

    /**
     * The ids of the units whose cases the members of these identity groups act for: the units of
     * their {@code unit-…} groups and every unit below them (a city's staff also act for its counties).
     */
    public Set<Long> coveredByGroups(Collection<String> groupIds) {
        Set<Long> ids = new HashSet<>();
        for (UnitRef unit : catalog.unitsOfGroups(groupIds)) {
            ids.addAll(withDescendants(unit.id()));
        }
        return ids;
    }

    /** The ids of this unit and of every unit below it, at any depth. */
    public Set<Long> withDescendants(Long unitId) {
        UnitRef unit = catalog.unit(unitId);
        Set<Long> ids = new HashSet<>();
        ids.add(unit.id());
        Set<String> codes = new HashSet<>(Set.of(unit.code()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (UnitDefinition definition : registry.units()) {
                if (definition.parent() != null && codes.contains(definition.parent()) && codes.add(definition.code())) {
                    catalog.unit(definition.code()).ifPresent(ref -> ids.add(ref.id()));
                    grew = true;
                }
            }
        }
        return ids;
    }
}
