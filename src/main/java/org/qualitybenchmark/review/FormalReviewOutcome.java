package org.qualitybenchmark.review;

import org.qualitybenchmark.application.CaseStage;

/** A formal review decision and the stage it left the case in. */
public record FormalReviewOutcome(Long applicationId, FormalDecision decision, CaseStage stage) {
}
