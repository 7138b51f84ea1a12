package org.qualitybenchmark.quota;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecommendationListRepository extends JpaRepository<RecommendationList, Long> {

    Optional<RecommendationList> findByCampaignIdAndUnitId(Long campaignId, Long unitId);
}
