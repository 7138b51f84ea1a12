package org.qualitybenchmark.quota;

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

/** A county's visit to an applicant before it recommends the case (现场核查): who, when, what was found. */
@Entity
@Table(name = "qb_county_site_check")
public class CountySiteCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "checked_on", nullable = false, updatable = false)
    private LocalDate checkedOn;

    @Column(nullable = false, updatable = false, length = 500)
    private String inspectors;

    @Lob
    @Column(nullable = false, updatable = false, length = Length.LONG32)
    private String findings;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private SiteCheckResult result;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected CountySiteCheck() {
    }

    CountySiteCheck(Long applicationId, LocalDate checkedOn, String inspectors, String findings,
            SiteCheckResult result, String recordedBy, Instant recordedAt) {
        this.applicationId = applicationId;
        this.checkedOn = checkedOn;
        this.inspectors = inspectors;
        this.findings = findings;
        this.result = result;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public String getInspectors() {
        return inspectors;
    }

    public String getFindings() {
        return findings;
    }

    public SiteCheckResult getResult() {
        return result;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
