package org.qualitybenchmark.review;

/** The panel's conclusion on a defense (答辩评审). */
public enum DefenseDecision {
    /** Onto the shortlist. */
    PASS,
    /** Not passed (答辩未通过). */
    FAIL,
    /** Doubts remain: the experts visit the enterprise first (必要时现场考察). */
    SITE_VISIT
}
