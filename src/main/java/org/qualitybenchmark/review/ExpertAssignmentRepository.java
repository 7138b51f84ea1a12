package org.qualitybenchmark.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExpertAssignmentRepository extends JpaRepository<ExpertAssignment, Long> {

    List<ExpertAssignment> findByApplicationIdAndStageOrderById(Long applicationId, ReviewStage stage);

    boolean existsByApplicationIdAndStageAndExpertUserId(Long applicationId, ReviewStage stage, String expertUserId);

    /** Each expert's number of assignments in the campaign, at any stage: [expertUserId, count]. */
    @Query("select a.expertUserId, count(a) from ExpertAssignment a where a.campaignId = :campaignId"
            + " group by a.expertUserId")
    List<Object[]> countByExpert(Long campaignId);
}
