package org.qualitybenchmark.nomination;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProvinceRoundRepository extends JpaRepository<ProvinceRound, Long> {

    List<ProvinceRound> findByCampaignIdOrderByIdDesc(Long campaignId);

    boolean existsByCampaignIdAndStatus(Long campaignId, RoundStatus status);

    /** Serialises the changes to one round: two picks at once never exceed its places. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ProvinceRound r where r.id = :id")
    Optional<ProvinceRound> lockById(Long id);
}
