package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case's aggregated score at one review stage (see {@link Aggregation} for how it is computed). */
@Entity
@Table(name = "qb_review_result")
public class ReviewResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReviewStage stage;

    @Column(name = "expert_count", nullable = false)
    private int expertCount;

    @Column(nullable = false)
    private boolean trimmed;

    @Column(nullable = false, precision = 7, scale = 2)
    private BigDecimal score;

    @Column(name = "highest_total", nullable = false, precision = 7, scale = 2)
    private BigDecimal highestTotal;

    @Column(name = "lowest_total", nullable = false, precision = 7, scale = 2)
    private BigDecimal lowestTotal;

    @Column(nullable = false, precision = 7, scale = 2)
    private BigDecimal spread;

    @Column(nullable = false)
    private boolean flagged;

    @Column(name = "aggregated_at", nullable = false)
    private Instant aggregatedAt;

    protected ReviewResult() {
    }

    ReviewResult(Long applicationId, ReviewStage stage) {
        this.applicationId = applicationId;
        this.stage = stage;
    }

    void apply(Aggregation aggregation, Instant now) {
        expertCount = aggregation.expertCount();
        trimmed = aggregation.trimmed();
        score = aggregation.score();
        highestTotal = aggregation.highest();
        lowestTotal = aggregation.lowest();
        spread = aggregation.spread();
        flagged = aggregation.flagged();
        aggregatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public ReviewStage getStage() {
        return stage;
    }

    public int getExpertCount() {
        return expertCount;
    }

    public boolean isTrimmed() {
        return trimmed;
    }

    public BigDecimal getScore() {
        return score;
    }

    public BigDecimal getHighestTotal() {
        return highestTotal;
    }

    public BigDecimal getLowestTotal() {
        return lowestTotal;
    }

    public BigDecimal getSpread() {
        return spread;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public Instant getAggregatedAt() {
        return aggregatedAt;
    }
}
