package org.qualitybenchmark.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ExpertRepository extends JpaRepository<Expert, Long> {

    Optional<Expert> findByUserId(String userId);

    List<Expert> findByActiveTrueOrderByUserId();

    List<Expert> findAllByOrderByUserId();
}
