package org.qualitybenchmark.quota;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A unit's recommendation list (推荐名单) for a campaign, as submitted: who submitted it, when, and
 * which cases in which order. Submitted once; the cases then go on without the unit.
 */
@Entity
@Table(name = "qb_recommendation_list")
public class RecommendationList {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private Long unitId;

    @Column(updatable = false, length = 2000)
    private String note;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @ElementCollection
    @CollectionTable(name = "qb_recommendation_entry", joinColumns = @JoinColumn(name = "list_id"))
    @OrderColumn(name = "list_position")
    private List<RecommendedCase> cases = new ArrayList<>();

    protected RecommendationList() {
    }

    RecommendationList(Long campaignId, Long unitId, String note, String submittedBy, Instant submittedAt,
            List<RecommendedCase> cases) {
        this.campaignId = campaignId;
        this.unitId = unitId;
        this.note = note;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.cases.addAll(cases);
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getNote() {
        return note;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<RecommendedCase> getCases() {
        return List.copyOf(cases);
    }
}
