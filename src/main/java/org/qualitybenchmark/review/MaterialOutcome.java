package org.qualitybenchmark.review;

/** Where the panel's defense list puts a case after material review. */
public enum MaterialOutcome {
    /** At or above the cut-off: invited to the defense. */
    DEFENSE,
    /** Below the cut-off (未进入答辩). */
    BELOW_CUTOFF
}
