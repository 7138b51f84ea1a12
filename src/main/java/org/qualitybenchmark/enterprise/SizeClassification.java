package org.qualitybenchmark.enterprise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of sizing one enterprise.
 *
 * @param sizeClass         empty when an indicator the row needs is missing or the industry is outside the scheme
 * @param category          the row of the 2017 table that applied, e.g. 工业, or the industry that is outside it
 * @param missingIndicators Chinese names of the indicators the row needs but were not given (从业人员, 营业收入, 资产总额)
 * @param explanation       one Chinese sentence saying how the class was reached, for reviewers and applicants
 */
public record SizeClassification(
        Optional<SizeClass> sizeClass,
        String category,
        List<String> missingIndicators,
        String explanation) {

    public SizeClassification {
        Objects.requireNonNull(sizeClass, "sizeClass");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(explanation, "explanation");
        missingIndicators = List.copyOf(missingIndicators);
    }

    /** False when the industry is not covered by the scheme at all (e.g. 金融业), so no figures would help. */
    public boolean applicable() {
        return sizeClass.isPresent() || !missingIndicators.isEmpty();
    }
}
