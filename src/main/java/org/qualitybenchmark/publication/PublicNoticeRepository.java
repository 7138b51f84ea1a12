package org.qualitybenchmark.publication;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PublicNoticeRepository extends JpaRepository<PublicNotice, Long> {

    Optional<PublicNotice> findByCampaignId(Long campaignId);

    /** Serialises the notice's steps (end, announce) with each other and with objections being recorded. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from PublicNotice n where n.campaignId = :campaignId")
    Optional<PublicNotice> lockByCampaignId(Long campaignId);
}
