package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which the panel ranks the shortlist (see {@link PanelService#decideShortlist}): the
 * defense score, highest first (a campaign without a defense has none: its cases are ranked by what
 * follows); equal defense scores by the material review score, highest first; then the earlier submission to the recommending unit; then the case number, so that the order is
 * total and the same every time.
 */
final class ShortlistRanking {

    /** A shortlisted case as the ranking sees it. */
    record Candidate(Long applicationId, String caseNumber, Instant submittedAt, BigDecimal defenseScore,
            BigDecimal materialScore) {
    }

    static final Comparator<Candidate> ORDER = Comparator
            .comparing(Candidate::defenseScore, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Candidate::materialScore, Comparator.reverseOrder())
            .thenComparing(Candidate::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::caseNumber);

    private ShortlistRanking() {
    }
}
