package org.qualitybenchmark.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An expert assigned to score one case at one review stage. */
@Entity
@Table(name = "qb_expert_assignment")
public class ExpertAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReviewStage stage;

    @Column(name = "expert_user_id", nullable = false, updatable = false)
    private String expertUserId;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    protected ExpertAssignment() {
    }

    ExpertAssignment(Long applicationId, Long campaignId, ReviewStage stage, String expertUserId, Instant assignedAt) {
        this.applicationId = applicationId;
        this.campaignId = campaignId;
        this.stage = stage;
        this.expertUserId = expertUserId;
        this.assignedAt = assignedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public ReviewStage getStage() {
        return stage;
    }

    public String getExpertUserId() {
        return expertUserId;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }
}
