package org.qualitybenchmark.publication;

/** What the announcement does with a case that was on the public notice. */
public enum AnnouncementOutcome {
    /** On the announced list (已公告). */
    ANNOUNCED,
    /** Taken off the list when the result was approved (取消入选). */
    REMOVED
}
