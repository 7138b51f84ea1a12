package org.qualitybenchmark.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit's participation in a campaign, with its resolved quota (null = unlimited). */
@Entity
@Table(name = "qb_campaign_unit")
public class CampaignUnitQuota {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private Long unitId;

    private Integer quota;

    protected CampaignUnitQuota() {
    }

    CampaignUnitQuota(Long campaignId, Long unitId, Integer quota) {
        this.campaignId = campaignId;
        this.unitId = unitId;
        this.quota = quota;
    }

    void setQuota(Integer quota) {
        this.quota = quota;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public Integer getQuota() {
        return quota;
    }
}
