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

/** A campaign-wide decision of the panel (专家组合议), taken once per campaign. */
@Entity
@Table(name = "qb_panel_decision")
public class PanelDecision {

    public enum Kind {
        /** 确定答辩名单 */
        DEFENSE_LIST,
        /** 确定评审结果（不设答辩的活动：资料评审后直接确定入围和现场核查） */
        REVIEW_CONCLUDED,
        /** 确定推荐名单 */
        SHORTLIST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(updatable = false, precision = 7, scale = 2)
    private BigDecimal cutoff;

    @Column(updatable = false)
    private String note;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected PanelDecision() {
    }

    PanelDecision(Long campaignId, Kind kind, BigDecimal cutoff, String note, String decidedBy, Instant decidedAt) {
        this.campaignId = campaignId;
        this.kind = kind;
        this.cutoff = cutoff;
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Kind getKind() {
        return kind;
    }

    public BigDecimal getCutoff() {
        return cutoff;
    }

    public String getNote() {
        return note;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
