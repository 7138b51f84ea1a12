package org.qualitybenchmark.publication;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A campaign's public notice: its period in whole days of the campaign's time zone, and its steps. */
@Entity
@Table(name = "qb_public_notice")
public class PublicNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    /** The last day objections are received. */
    @Column(name = "ends_on", nullable = false, updatable = false)
    private LocalDate endsOn;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "announced_at")
    private Instant announcedAt;

    protected PublicNotice() {
    }

    PublicNotice(Long campaignId, LocalDate startsOn, LocalDate endsOn, Instant startedAt) {
        this.campaignId = campaignId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.startedAt = startedAt;
    }

    void end(Instant now) {
        endedAt = now;
    }

    void announce(Instant now) {
        announcedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getAnnouncedAt() {
        return announcedAt;
    }
}
