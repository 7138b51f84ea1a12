package org.qualitybenchmark.onlinesubmission;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A recommended case's online submission as the API shows it.
 *
 * @param dueOn       the last day to submit on the national system (the campaign's onlineSubmissionDue)
 * @param submittedOn the day the enterprise says it submitted; null until confirmed
 * @param reference   the national system's number for the submission, if the enterprise gave one
 * @param closedBy    who confirmed, or {@code system} when the day passed unconfirmed
 */
@Schema(description = "获推荐资格企业的网上申报情况")
public record OnlineSubmissionView(Long applicationId, String caseNumber, String enterpriseName, LocalDate dueOn,
        OnlineSubmission.Status status, String statusLabel, LocalDate submittedOn, String reference, String note,
        String closedBy, Instant closedAt) {
}
