package org.qualitybenchmark.campaign.config;

import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Min;

/**
 * How many applications each recommending unit may put forward, and how many the organiser then
 * selects. A unit's own quota ({@link CampaignUnit#quota()}) wins over its kind's; a kind with no
 * entry here is unlimited (推荐名额不限).
 *
 * @param perKind     the limit per unit of each kind, e.g. CITY: 3, ASSOCIATION: 2
 * @param ranked      units must rank their recommendations (明确推荐排序)
 * @param selectTopK  how many the organiser selects after review (e.g. Hebei recommends 5 nationally); absent = no fixed number
 */
public record QuotaRules(
        Map<UnitKind, @Min(0) Integer> perKind,
        boolean ranked,
        @Min(1) Integer selectTopK) {

    public QuotaRules {
        perKind = perKind == null ? Map.of() : Map.copyOf(perKind);
    }

    /** The quota of a unit of this kind with this campaign entry; empty means unlimited. */
    public Optional<Integer> quotaFor(UnitKind kind, CampaignUnit entry) {
        if (entry.unlimited()) {
            return Optional.empty();
        }
        if (entry.quota() != null) {
            return Optional.of(entry.quota());
        }
        return Optional.ofNullable(perKind.get(kind));
    }
}
