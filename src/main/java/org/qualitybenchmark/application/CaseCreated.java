package org.qualitybenchmark.application;

/** A case was filed as a draft. Published inside the creating transaction. */
public record CaseCreated(Long applicationId) {
}
