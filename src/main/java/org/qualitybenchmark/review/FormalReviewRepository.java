package org.qualitybenchmark.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FormalReviewRepository extends JpaRepository<FormalReview, Long> {

    List<FormalReview> findByApplicationIdOrderById(Long applicationId);

    Optional<FormalReview> findFirstByApplicationIdAndDecisionIsNullOrderByIdDesc(Long applicationId);
}
