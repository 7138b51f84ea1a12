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

/**
 * A shortlisted case's place in the panel's ranking and whether it made the recommendation list,
 * with the two scores it was ranked by.
 */
@Entity
@Table(name = "qb_selection")
public class Selection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "final_rank", nullable = false, updatable = false)
    private int finalRank;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SelectionOutcome outcome;

    /** Null where the campaign has no defense. */
    @Column(name = "defense_points", updatable = false, precision = 7, scale = 2)
    private BigDecimal defenseScore;

    @Column(name = "material_score", nullable = false, updatable = false, precision = 7, scale = 2)
    private BigDecimal materialScore;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected Selection() {
    }

    Selection(Long campaignId, Long applicationId, int finalRank, SelectionOutcome outcome, BigDecimal defenseScore,
            BigDecimal materialScore, Instant decidedAt) {
        this.campaignId = campaignId;
        this.applicationId = applicationId;
        this.finalRank = finalRank;
        this.outcome = outcome;
        this.defenseScore = defenseScore;
        this.materialScore = materialScore;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public int getFinalRank() {
        return finalRank;
    }

    public SelectionOutcome getOutcome() {
        return outcome;
    }

    public BigDecimal getDefenseScore() {
        return defenseScore;
    }

    public BigDecimal getMaterialScore() {
        return materialScore;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
