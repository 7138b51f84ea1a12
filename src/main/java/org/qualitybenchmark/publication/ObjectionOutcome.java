package org.qualitybenchmark.publication;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.review.Objection;

/**
 * The conclusion on an objection; also published, inside the deciding transaction, as an event.
 *
 * @param stage          the case's stage after it: {@code REMOVED} when the objection was upheld
 * @param openObjections objections to the case still under investigation
 */
public record ObjectionOutcome(Long objectionId, Long applicationId, Objection.Outcome outcome, CaseStage stage,
        int openObjections) {
}
