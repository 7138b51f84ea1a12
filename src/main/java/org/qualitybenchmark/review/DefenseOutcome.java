package org.qualitybenchmark.review;

import org.qualitybenchmark.application.CaseStage;

/** A defense conclusion and the stage it left the case in. */
public record DefenseOutcome(Long applicationId, DefenseDecision decision, CaseStage stage) {
}
