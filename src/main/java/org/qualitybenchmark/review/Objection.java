package org.qualitybenchmark.review;

import java.time.Instant;

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
 * An objection to a case on the public notice (公示). Notices accept only signed objections
 * (anonymous ones are not taken), so the submitter's name and contact are required.
 */
@Entity
@Table(name = "qb_objection")
public class Objection {

    /** Where the investigation stands. */
    public enum Status { OPEN, DECIDED }

    /** What the investigation concluded. */
    public enum Outcome {
        /** The objection does not hold; the case stays on the list. */
        DISMISSED,
        /** The objection holds; the case is removed from the list. */
        UPHELD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "submitter_name", nullable = false, updatable = false)
    private String submitterName;

    @Column(name = "submitter_contact", nullable = false, updatable = false)
    private String submitterContact;

    @Lob
    @Column(nullable = false, updatable = false, length = Length.LONG32)
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "outcome_reason")
    private String outcomeReason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Objection() {
    }

    public Objection(Long applicationId, Instant receivedAt, String submitterName, String submitterContact,
            String content, String recordedBy) {
        this.applicationId = applicationId;
        this.receivedAt = receivedAt;
        this.submitterName = submitterName;
        this.submitterContact = submitterContact;
        this.content = content;
        this.recordedBy = recordedBy;
    }

    public void decide(Outcome decided, String reason, String decider, Instant now) {
        if (status == Status.DECIDED) {
            throw new IllegalStateException("Objection " + id + " is already decided");
        }
        status = Status.DECIDED;
        outcome = decided;
        outcomeReason = reason;
        decidedBy = decider;
        decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getSubmitterName() {
        return submitterName;
    }

    public String getSubmitterContact() {
        return submitterContact;
    }

    public String getContent() {
        return content;
    }

    public Status getStatus() {
        return status;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
