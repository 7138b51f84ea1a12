package org.qualitybenchmark.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** When and where a case presents its defense. */
@Entity
@Table(name = "qb_defense_slot")
public class DefenseSlot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    /** 1 for the first to present. */
    @Column(name = "slot_order", nullable = false, updatable = false)
    private int slotOrder;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "slot_minutes", nullable = false, updatable = false)
    private int slotMinutes;

    @Column(nullable = false, updatable = false)
    private String place;

    protected DefenseSlot() {
    }

    DefenseSlot(Long applicationId, Long campaignId, int slotOrder, Instant startsAt, int slotMinutes, String place) {
        this.applicationId = applicationId;
        this.campaignId = campaignId;
        this.slotOrder = slotOrder;
        this.startsAt = startsAt;
        this.slotMinutes = slotMinutes;
        this.place = place;
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

    public int getSlotOrder() {
        return slotOrder;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public int getSlotMinutes() {
        return slotMinutes;
    }

    public String getPlace() {
        return place;
    }
}
