package org.qualitybenchmark.nomination;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** One round of recommendation to the province, opened on the province's notice. */
@Entity
@Table(name = "qb_province_round")
public class ProvinceRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "province_notice", nullable = false, updatable = false, length = 500)
    private String provinceNotice;

    @Column(updatable = false)
    private Integer places;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RoundStatus status;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Lob
    @Column(length = Length.LONG32)
    private String note;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected ProvinceRound() {
    }

    ProvinceRound(Long campaignId, String provinceNotice, Integer places, LocalDate dueOn, String openedBy,
            Instant openedAt) {
        this.campaignId = campaignId;
        this.provinceNotice = provinceNotice;
        this.places = places;
        this.dueOn = dueOn;
        this.status = RoundStatus.OPEN;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void close(RoundStatus outcome, String note, String by, Instant at) {
        this.status = outcome;
        this.note = note;
        this.closedBy = by;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getProvinceNotice() {
        return provinceNotice;
    }

    public Integer getPlaces() {
        return places;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public RoundStatus getStatus() {
        return status;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getNote() {
        return note;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
