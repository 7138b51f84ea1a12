package org.qualitybenchmark.campaign;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadlineChangeRepository extends JpaRepository<DeadlineChange, Long> {

    List<DeadlineChange> findByCampaignIdOrderById(Long campaignId);

    List<DeadlineChange> findByCampaignIdInOrderById(Collection<Long> campaignIds);
}
