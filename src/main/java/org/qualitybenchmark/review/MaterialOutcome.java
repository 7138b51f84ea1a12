package org.qualitybenchmark.review;

/** Where the panel's defense list (or, without a defense, its review conclusion) puts a case after material review. */
public enum MaterialOutcome {
    /** At or above the cut-off: invited to the defense. */
    DEFENSE,
    /** Below the cut-off (未进入答辩). */
    BELOW_CUTOFF,
    /** No defense: at or above the cut-off, straight onto the shortlist (入围). */
    SHORTLISTED,
    /** No defense: at or above the cut-off, with a site check first (现场核查). */
    SITE_VISIT
}
