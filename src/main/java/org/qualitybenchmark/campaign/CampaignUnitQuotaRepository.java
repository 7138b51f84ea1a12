package org.qualitybenchmark.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignUnitQuotaRepository extends JpaRepository<CampaignUnitQuota, Long> {

    List<CampaignUnitQuota> findByCampaignId(Long campaignId);

    Optional<CampaignUnitQuota> findByCampaignIdAndUnitId(Long campaignId, Long unitId);
}
