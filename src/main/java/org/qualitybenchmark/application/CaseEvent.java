package org.qualitybenchmark.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a case's history: who did what, when, at which stage, and why. Never changed. */
@Entity
@Table(name = "qb_case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(nullable = false, updatable = false)
    private String stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CaseAction action;

    @Column(updatable = false)
    private String outcome;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "acted_at", nullable = false, updatable = false)
    private Instant actedAt;

    protected CaseEvent() {
    }

    public CaseEvent(Long applicationId, String stage, CaseAction action, String outcome, String reason, String actor,
            Instant actedAt) {
        this.applicationId = applicationId;
        this.stage = stage;
        this.action = action;
        this.outcome = outcome;
        this.reason = reason;
        this.actor = actor;
        this.actedAt = actedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getStage() {
        return stage;
    }

    public CaseAction getAction() {
        return action;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getActedAt() {
        return actedAt;
    }
}
