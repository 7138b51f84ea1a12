package org.qualitybenchmark.onlinesubmission;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OnlineSubmissionRepository extends JpaRepository<OnlineSubmission, Long> {

    Optional<OnlineSubmission> findByApplicationId(Long applicationId);

    List<OnlineSubmission> findByCampaignIdOrderById(Long campaignId);
}
