package org.qualitybenchmark.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;

/**
 * The messages between the campaign process and the case processes, by the names the models
 * declare. A case is addressed by its case number, the business key of its process and of every
 * stage it calls.
 */
final class CaseMessages {

    static final String RECOMMENDATION_DECIDED = "RecommendationDecided";
    static final String MATERIAL_REVIEW_CONCLUDED = "MaterialReviewConcluded";
    static final String SHORTLIST_DECIDED = "ShortlistDecided";
    static final String PUBLIC_NOTICE_ENDED = "PublicNoticeEnded";
    static final String OBJECTION_RECEIVED = "ObjectionReceived";
    static final String RESULT_ANNOUNCED = "ResultAnnounced";
    static final String CASE_WITHDRAWN = "CaseWithdrawn";

    private CaseMessages() {
    }

    /**
     * Delivers a message the case must be waiting for. If it is not, the case and its process
     * disagree, and the step that sends it fails visibly (an incident) instead of losing it.
     */
    static void correlate(RuntimeService runtime, String caseNumber, String message, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).setVariables(variables)
                .correlateWithResult();
    }

    /** Delivers a message that only some cases wait for (a case filed before its model was deployed has none). */
    static boolean correlateIfWaiting(RuntimeService runtime, String caseNumber, String message,
            Map<String, Object> variables) {
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(message).count() > 0;
        if (waiting) {
            correlate(runtime, caseNumber, message, variables);
        }
        return waiting;
    }
}
