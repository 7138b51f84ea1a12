package org.qualitybenchmark.review;

/** Whether a shortlisted case made the recommendation list (推荐名单). */
public enum SelectionOutcome {
    SELECTED,
    NOT_SELECTED
}
