package org.qualitybenchmark.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DefenseSlotRepository extends JpaRepository<DefenseSlot, Long> {

    Optional<DefenseSlot> findByApplicationId(Long applicationId);

    List<DefenseSlot> findByCampaignIdOrderBySlotOrder(Long campaignId);
}
