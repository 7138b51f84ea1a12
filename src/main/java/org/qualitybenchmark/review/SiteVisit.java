package org.qualitybenchmark.review;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** The experts' visit to an enterprise the panel had doubts about (现场考察), and what they found. */
@Entity
@Table(name = "qb_site_visit")
public class SiteVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "visited_on", nullable = false, updatable = false)
    private LocalDate visitedOn;

    @Lob
    @Column(nullable = false, updatable = false, length = Length.LONG32)
    private String findings;

    @Column(nullable = false, updatable = false)
    private boolean passed;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected SiteVisit() {
    }

    SiteVisit(Long applicationId, LocalDate visitedOn, String findings, boolean passed, String recordedBy,
            Instant recordedAt) {
        this.applicationId = applicationId;
        this.visitedOn = visitedOn;
        this.findings = findings;
        this.passed = passed;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public LocalDate getVisitedOn() {
        return visitedOn;
    }

    public String getFindings() {
        return findings;
    }

    public boolean isPassed() {
        return passed;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
