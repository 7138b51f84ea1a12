package org.qualitybenchmark.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

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

/**
 * One round of formal review of a case: what the automatic check found, then the office's
 * checklist and decision. The round is open until decided; a case that comes back from correction
 * gets a new round.
 */
@Entity
@Table(name = "qb_formal_review")
public class FormalReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(name = "finding_count", nullable = false)
    private int findingCount;

    /** The findings as a JSON array of {field, code, message}. */
    @Lob
    @Column(nullable = false, length = Length.LONG32)
    private String findings;

    private Boolean qualified;

    private Boolean complete;

    private Boolean sealed;

    private Boolean profitable;

    @Enumerated(EnumType.STRING)
    private FormalDecision decision;

    private String reason;

    @Column(name = "correction_due")
    private LocalDate correctionDue;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected FormalReview() {
    }

    FormalReview(Long applicationId) {
        this.applicationId = applicationId;
    }

    void checked(int count, String findingsJson, Instant now) {
        findingCount = count;
        findings = findingsJson;
        checkedAt = now;
    }

    void decide(Map<ChecklistItem, Boolean> checklist, FormalDecision decided, String why, LocalDate due, String actor,
            Instant now) {
        qualified = checklist.get(ChecklistItem.QUALIFIED);
        complete = checklist.get(ChecklistItem.COMPLETE);
        sealed = checklist.get(ChecklistItem.SEALED);
        profitable = checklist.get(ChecklistItem.PROFITABLE);
        decision = decided;
        reason = why;
        correctionDue = due;
        decidedBy = actor;
        decidedAt = now;
    }

    public boolean isOpen() {
        return decision == null;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public int getFindingCount() {
        return findingCount;
    }

    public String getFindings() {
        return findings;
    }

    public Boolean getQualified() {
        return qualified;
    }

    public Boolean getComplete() {
        return complete;
    }

    public Boolean getSealed() {
        return sealed;
    }

    public Boolean getProfitable() {
        return profitable;
    }

    public FormalDecision getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getCorrectionDue() {
        return correctionDue;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
