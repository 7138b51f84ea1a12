package org.qualitybenchmark.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SelectionRepository extends JpaRepository<Selection, Long> {

    List<Selection> findByCampaignIdOrderByFinalRank(Long campaignId);

    List<Selection> findByCampaignIdAndOutcomeOrderByFinalRank(Long campaignId, SelectionOutcome outcome);
}
