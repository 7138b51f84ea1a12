package org.qualitybenchmark.application;

/**
 * A module's decision moved a case from one stage to another ({@link CaseProgress#move}). Published
 * inside the deciding transaction, after the history entry is written; {@code caseEventId} is that
 * entry, which names this one occurrence (a case may pass the same stages twice).
 *
 * @param outcome the decision's short code as recorded (PASS, RECOMMEND, NOT_RECOMMENDED, …)
 * @param reason  the actor's words as recorded; may be null
 */
public record CaseMoved(Long applicationId, Long caseEventId, CaseStage from, CaseStage to, CaseAction action,
        String outcome, String reason) {
}
