package org.qualitybenchmark.application;

/** A case was withdrawn by its applicant or unit. Published inside the withdrawing transaction. */
public record CaseWithdrawn(Long applicationId) {
}
