package org.qualitybenchmark.campaign;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CampaignUnitQuotaRepository extends JpaRepository<CampaignUnitQuota, Long> {

    List<CampaignUnitQuota> findByCampaignId(Long campaignId);

    Optional<CampaignUnitQuota> findByCampaignIdAndUnitId(Long campaignId, Long unitId);

    /** Serialises the decisions that count against one unit's quota in one campaign. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from CampaignUnitQuota q where q.campaignId = :campaignId and q.unitId = :unitId")
    Optional<CampaignUnitQuota> lockByCampaignIdAndUnitId(Long campaignId, Long unitId);
}
