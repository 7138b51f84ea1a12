package org.qualitybenchmark.notification;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InboxRepository extends JpaRepository<InboxMessage, Long> {

    Page<InboxMessage> findByUserIdOrderByCreatedAtDescIdDesc(String userId, Pageable page);

    Page<InboxMessage> findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(String userId, Pageable page);

    long countByUserIdAndReadAtIsNull(String userId);

    Optional<InboxMessage> findByIdAndUserId(Long id, String userId);

    boolean existsByOutboxId(Long outboxId);

    @Modifying
    @Query("update InboxMessage m set m.readAt = :now where m.userId = :userId and m.readAt is null")
    int markAllRead(@Param("userId") String userId, @Param("now") Instant now);
}
