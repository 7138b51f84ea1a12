package org.qualitybenchmark.nomination;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** A past benchmark picked in a round, with the office's reason. */
@Entity
@Table(name = "qb_province_nomination")
public class ProvinceNomination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false, updatable = false)
    private Long roundId;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Lob
    @Column(nullable = false, length = Length.LONG32)
    private String reason;

    @Column(name = "picked_by", nullable = false)
    private String pickedBy;

    @Column(name = "picked_at", nullable = false)
    private Instant pickedAt;

    protected ProvinceNomination() {
    }

    ProvinceNomination(Long roundId, Long applicationId, String reason, String pickedBy, Instant pickedAt) {
        this.roundId = roundId;
        this.applicationId = applicationId;
        this.reason = reason;
        this.pickedBy = pickedBy;
        this.pickedAt = pickedAt;
    }

    void revise(String newReason, String by, Instant at) {
        this.reason = newReason;
        this.pickedBy = by;
        this.pickedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getReason() {
        return reason;
    }

    public String getPickedBy() {
        return pickedBy;
    }

    public Instant getPickedAt() {
        return pickedAt;
    }
}
