package org.qualitybenchmark.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecommendingUnitRepository extends JpaRepository<RecommendingUnit, Long> {

    Optional<RecommendingUnit> findByCode(String code);

    List<RecommendingUnit> findByGroupIdIn(Collection<String> groupIds);
}
