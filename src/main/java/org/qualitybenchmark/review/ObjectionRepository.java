package org.qualitybenchmark.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectionRepository extends JpaRepository<Objection, Long> {

    List<Objection> findByApplicationIdOrderByReceivedAt(Long applicationId);
}
