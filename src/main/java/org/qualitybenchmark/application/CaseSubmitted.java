package org.qualitybenchmark.application;

/** A case was submitted, or resubmitted after a correction. Published inside the submitting transaction. */
public record CaseSubmitted(Long applicationId) {
}
