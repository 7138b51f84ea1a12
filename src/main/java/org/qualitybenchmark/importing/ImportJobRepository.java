package org.qualitybenchmark.importing;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    List<ImportJob> findByCreatedByOrderByCreatedAtDescIdDesc(String createdBy, Pageable page);

    List<ImportJob> findByStatusIn(Collection<ImportStatus> statuses);
}
