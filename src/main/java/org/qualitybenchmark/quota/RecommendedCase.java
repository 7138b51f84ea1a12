package org.qualitybenchmark.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One case on a submitted recommendation list, with the rank it was recommended at. */
@Embeddable
public record RecommendedCase(
        @Column(name = "application_id", nullable = false) Long applicationId,
        @Column(name = "unit_rank") Integer unitRank) {
}
