package org.qualitybenchmark.publication;

/**
 * An objection to a case on the public notice has been recorded. Published inside the recording
 * transaction; a listener that must not act on a rolled-back objection listens after commit.
 */
public record ObjectionReceived(Long applicationId, Long objectionId) {
}
