package org.qualitybenchmark.campaign;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One deadline of a running campaign moved by a process owner: which, from when to when, by whom and why. */
@Entity
@Table(name = "qb_deadline_change")
public class DeadlineChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_key", nullable = false, updatable = false)
    private ScheduleKey key;

    @Column(name = "old_date", nullable = false, updatable = false)
    private LocalDate oldDate;

    @Column(name = "new_date", nullable = false, updatable = false)
    private LocalDate newDate;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected DeadlineChange() {
    }

    DeadlineChange(Long campaignId, ScheduleKey key, LocalDate oldDate, LocalDate newDate, String reason,
            String changedBy, Instant changedAt) {
        this.campaignId = campaignId;
        this.key = key;
        this.oldDate = oldDate;
        this.newDate = newDate;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public ScheduleKey getKey() {
        return key;
    }

    public LocalDate getOldDate() {
        return oldDate;
    }

    public LocalDate getNewDate() {
        return newDate;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
