package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One expert's score on one criterion (e.g. 科学性和创新性) of one case at one stage. */
@Entity
@Table(name = "qb_score")
public class Score {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReviewStage stage;

    @Column(name = "expert_user_id", nullable = false, updatable = false)
    private String expertUserId;

    @Column(nullable = false, updatable = false)
    private String criterion;

    @Column(nullable = false)
    private BigDecimal score;

    @Column(name = "comment_text")
    private String comment;

    @Column(name = "scored_at", nullable = false)
    private Instant scoredAt;

    protected Score() {
    }

    public Score(Long applicationId, ReviewStage stage, String expertUserId, String criterion, BigDecimal score,
            String comment, Instant scoredAt) {
        this.applicationId = applicationId;
        this.stage = stage;
        this.expertUserId = expertUserId;
        this.criterion = criterion;
        this.score = score;
        this.comment = comment;
        this.scoredAt = scoredAt;
    }

    /** An expert revises their score before the panel closes the stage; the time of the last change is kept. */
    public void revise(BigDecimal newScore, String newComment, Instant now) {
        score = newScore;
        comment = newComment;
        scoredAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public ReviewStage getStage() {
        return stage;
    }

    public String getExpertUserId() {
        return expertUserId;
    }

    public String getCriterion() {
        return criterion;
    }

    public BigDecimal getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public Instant getScoredAt() {
        return scoredAt;
    }
}
