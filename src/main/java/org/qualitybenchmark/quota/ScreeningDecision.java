package org.qualitybenchmark.quota;

/** A recommending unit's decision on a submitted case (初审). */
public enum ScreeningDecision {
    /** Propose it for the unit's list (拟推荐), holding one of the unit's quota. */
    RECOMMEND,
    /** Not recommended; the case ends here. */
    NOT_RECOMMEND,
    /** Back to the applicant for correction (退回补正). */
    RETURN
}
