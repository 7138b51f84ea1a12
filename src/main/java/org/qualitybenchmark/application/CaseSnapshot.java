package org.qualitybenchmark.application;

import java.time.LocalDate;

/**
 * Where a case stands, with what the procedure needs to route it and offer its tasks.
 *
 * @param unitGroupId   the identity-service group of the unit's staff ({@code unit-<unit code>})
 * @param returnedFrom  the stage the case was last returned for correction from, where a resubmission goes back to;
 *                      null if it was never returned
 * @param correctionDue the last day of the current correction; null unless the case is being corrected
 */
public record CaseSnapshot(Long id, String caseNumber, Long campaignId, Long unitId, String unitCode,
        String unitGroupId, String ownerUserId, CaseStage stage, CaseStage returnedFrom, LocalDate correctionDue) {
}
