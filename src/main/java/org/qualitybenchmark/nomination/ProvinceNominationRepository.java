package org.qualitybenchmark.nomination;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProvinceNominationRepository extends JpaRepository<ProvinceNomination, Long> {

    List<ProvinceNomination> findByRoundIdOrderByIdAsc(Long roundId);

    List<ProvinceNomination> findByApplicationIdIn(Collection<Long> applicationIds);

    Optional<ProvinceNomination> findByRoundIdAndApplicationId(Long roundId, Long applicationId);
}
