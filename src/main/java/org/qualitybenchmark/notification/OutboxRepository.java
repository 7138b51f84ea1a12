package org.qualitybenchmark.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    boolean existsByEventKeyAndRecipientAndChannel(String eventKey, String recipient, Channel channel);

    /** Whether any message of the event was queued (the unique key's leading column answers it). */
    boolean existsByEventKey(String eventKey);

    Optional<OutboxMessage> findByEventKeyAndRecipientAndChannel(String eventKey, String recipient, Channel channel);

    /** Rows due now: waiting ones whose time has come, and SENDING ones abandoned before {@code staleBefore}. */
    @Query("""
            select m.id from OutboxMessage m
            where (m.status = org.qualitybenchmark.notification.OutboxStatus.PENDING and m.nextAttemptAt <= :now)
               or (m.status = org.qualitybenchmark.notification.OutboxStatus.SENDING and m.claimedAt < :staleBefore)
            order by m.nextAttemptAt, m.id""")
    List<Long> findDue(@Param("now") Instant now, @Param("staleBefore") Instant staleBefore, Pageable page);

    List<OutboxMessage> findByStatusOrderByIdDesc(OutboxStatus status, Pageable page);

    List<OutboxMessage> findAllByOrderByIdDesc(Pageable page);

    List<OutboxMessage> findByEventKeyOrderById(String eventKey);
}
