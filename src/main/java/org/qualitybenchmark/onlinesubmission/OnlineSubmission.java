package org.qualitybenchmark.onlinesubmission;

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

/** One recommended case's online submission to the national system: open until confirmed or missed. */
@Entity
@Table(name = "qb_online_submission")
public class OnlineSubmission {

    public enum Status {
        /** Recommended by the province; the enterprise has yet to submit online. */
        OPEN("待网上申报"),
        /** The enterprise (or its unit, or the office) confirmed the submission. */
        CONFIRMED("已网上申报"),
        /** The last day passed without a confirmation. */
        MISSED("逾期未网上申报");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    /** The campaign's onlineSubmissionDue when opened; moved with it while the submission is open. */
    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "submitted_on")
    private LocalDate submittedOn;

    private String reference;

    private String note;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected OnlineSubmission() {
    }

    OnlineSubmission(Long campaignId, Long applicationId, LocalDate dueOn, Instant openedAt) {
        this.campaignId = campaignId;
        this.applicationId = applicationId;
        this.dueOn = dueOn;
        this.status = Status.OPEN;
        this.openedAt = openedAt;
    }

    void confirm(LocalDate submittedOn, String reference, String note, String by, Instant at) {
        this.status = Status.CONFIRMED;
        this.submittedOn = submittedOn;
        this.reference = reference;
        this.note = note;
        this.closedBy = by;
        this.closedAt = at;
    }

    void moveDueOn(LocalDate day) {
        this.dueOn = day;
    }

    void miss(String by, Instant at) {
        this.status = Status.MISSED;
        this.closedBy = by;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getSubmittedOn() {
        return submittedOn;
    }

    public String getReference() {
        return reference;
    }

    public String getNote() {
        return note;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
