package org.qualitybenchmark.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoreRepository extends JpaRepository<Score, Long> {

    List<Score> findByApplicationIdAndStage(Long applicationId, ReviewStage stage);

    Optional<Score> findByApplicationIdAndStageAndExpertUserIdAndCriterion(Long applicationId, ReviewStage stage,
            String expertUserId, String criterion);
}
