package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * How the experts' scores of one case become the case's score. One expert's total is the mean of
 * their criteria scores (the notices publish no weights, so the criteria weigh equally). The case's
 * score is the mean of the totals; with five or more experts the highest and the lowest total are
 * dropped first (one of each, even when several experts gave the same). Totals and the score are
 * rounded half up to two decimals. The case is flagged for the panel when the highest and lowest
 * totals differ by more than the campaign's spread threshold.
 *
 * @param expertCount how many experts' totals went in
 * @param trimmed     whether the highest and lowest total were dropped
 * @param spread      highest total minus lowest total
 */
public record Aggregation(int expertCount, boolean trimmed, BigDecimal score, BigDecimal highest, BigDecimal lowest,
        BigDecimal spread, boolean flagged) {

    /** From this many experts on, one highest and one lowest total are dropped. */
    public static final int TRIM_FROM = 5;

    private static final int SCALE = 2;

    public static BigDecimal expertTotal(Collection<BigDecimal> criteriaScores) {
        if (criteriaScores.isEmpty()) {
            throw new IllegalArgumentException("An expert's total needs at least one criterion score");
        }
        return mean(criteriaScores);
    }

    public static Aggregation of(List<BigDecimal> totals, int spreadThreshold) {
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("Aggregating needs at least one expert's total");
        }
        List<BigDecimal> sorted = totals.stream().map(t -> t.setScale(SCALE, RoundingMode.HALF_UP)).sorted().toList();
        BigDecimal lowest = sorted.get(0);
        BigDecimal highest = sorted.get(sorted.size() - 1);
        boolean trimmed = sorted.size() >= TRIM_FROM;
        List<BigDecimal> counted = trimmed ? sorted.subList(1, sorted.size() - 1) : sorted;
        BigDecimal spread = highest.subtract(lowest);
        return new Aggregation(sorted.size(), trimmed, mean(counted), highest, lowest, spread,
                spread.compareTo(BigDecimal.valueOf(spreadThreshold)) > 0);
    }

    private static BigDecimal mean(Collection<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), SCALE, RoundingMode.HALF_UP);
    }
}
