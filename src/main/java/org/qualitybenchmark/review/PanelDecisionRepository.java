package org.qualitybenchmark.review;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PanelDecisionRepository extends JpaRepository<PanelDecision, Long> {

    Optional<PanelDecision> findByCampaignIdAndKind(Long campaignId, PanelDecision.Kind kind);
}
