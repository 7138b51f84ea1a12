package org.qualitybenchmark.application;

import java.time.LocalDate;

/**
 * A case went back to its applicant for correction, from screening or from formal review.
 * Published inside the returning transaction; {@code caseEventId} is the history entry of this return.
 *
 * @param returnedFrom the stage it will go back to when resubmitted
 * @param due          the last day of the correction
 */
public record CaseReturnedForCorrection(Long applicationId, Long caseEventId, CaseStage returnedFrom, String reason,
        LocalDate due) {
}
