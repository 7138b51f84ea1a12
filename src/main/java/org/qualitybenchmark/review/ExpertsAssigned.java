package org.qualitybenchmark.review;

import java.util.List;

/**
 * Experts were assigned to a case for a review stage, for the first time (asking again assigns
 * nobody and publishes nothing). Published inside the assigning transaction, so listeners that queue
 * messages to the experts commit or roll back with the assignment.
 */
public record ExpertsAssigned(Long applicationId, ReviewStage stage, List<String> experts) {
}
