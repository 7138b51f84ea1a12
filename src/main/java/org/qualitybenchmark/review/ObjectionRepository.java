package org.qualitybenchmark.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectionRepository extends JpaRepository<Objection, Long> {

    List<Objection> findByApplicationIdOrderByReceivedAt(Long applicationId);

    Optional<Objection> findFirstByApplicationIdAndStatusOrderByReceivedAtAscIdAsc(Long applicationId,
            Objection.Status status);

    long countByApplicationIdAndStatus(Long applicationId, Objection.Status status);

    List<Objection> findByApplicationIdInAndStatus(Collection<Long> applicationIds, Objection.Status status);
}
