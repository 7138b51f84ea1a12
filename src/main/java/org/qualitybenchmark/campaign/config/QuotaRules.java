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
 * @param minimumPerKind how many a unit of each kind must at least put on its list (“各市择优推荐1—2项”);
 *                    a kind with no entry has no minimum
 * @param ranked      units must rank their recommendations (明确推荐排序)
 * @param selectTopK  how many the organiser selects after review (e.g. Hebei recommends 5 nationally); absent = no fixed number
 */
public record QuotaRules(
        Map<UnitKind, @Min(0) Integer> perKind,
        Map<UnitKind, @Min(1) Integer> minimumPerKind,
        boolean ranked,
        @Min(1) Integer selectTopK) {

    public QuotaRules {
        perKind = perKind == null ? Map.of() : Map.copyOf(perKind);
        minimumPerKind = minimumPerKind == null ? Map.of() : Map.copyOf(minimumPerKind);
    }

    /**
     * How many a unit of this kind must at least recommend; 0 when there is no minimum. A unit with
     * its own quota or unlimited recommendations keeps its kind's minimum.
     */
    public int minimumFor(UnitKind kind) {
        return minimumPerKind.getOrDefault(kind, 0);
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
