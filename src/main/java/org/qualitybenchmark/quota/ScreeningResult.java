package org.qualitybenchmark.quota;

import org.qualitybenchmark.application.CaseStage;

/**
 * What a screening decision did to the case.
 *
 * @param rank              the unit's rank of the case after the decision; null unless recommended with one
 * @param screeningOutcome  the value of the unit-screening block's {@code screeningOutcome}: PROPOSED,
 *                          NOT_RECOMMENDED or RETURN
 */
public record ScreeningResult(Long applicationId, ScreeningDecision decision, CaseStage stage, Integer rank,
        String screeningOutcome) {
}
