package org.qualitybenchmark.review;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SiteVisitRepository extends JpaRepository<SiteVisit, Long> {

    Optional<SiteVisit> findByApplicationId(Long applicationId);
}
