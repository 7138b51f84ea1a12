package org.qualitybenchmark.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewResultRepository extends JpaRepository<ReviewResult, Long> {

    Optional<ReviewResult> findByApplicationIdAndStage(Long applicationId, ReviewStage stage);

    List<ReviewResult> findByApplicationIdInAndStage(Collection<Long> applicationIds, ReviewStage stage);

    void deleteByApplicationIdAndStage(Long applicationId, ReviewStage stage);
}
