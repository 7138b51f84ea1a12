package org.qualitybenchmark.quota;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CountySiteCheckRepository extends JpaRepository<CountySiteCheck, Long> {

    List<CountySiteCheck> findByApplicationIdOrderByRecordedAtAscIdAsc(Long applicationId);
}
