package org.qualitybenchmark.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's steps on the outbox, each its own short transaction committed before the next
 * step begins: a claim is visible to every node before anything is sent, and nothing is held open
 * while an SMTP server is being talked to.
 */
@Component
class OutboxStore {

    private final OutboxRepository outbox;
    private final InboxRepository inbox;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxStore(OutboxRepository outbox, InboxRepository inbox, NotificationProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What a sender needs of a claimed row; {@code token} proves the claim is still its own. */
    record Claim(Long id, String token, Channel channel, String recipient, String address, String subject, String body,
            String messageId, int attempts, Instant createdAt) {
    }

    List<Long> due(int limit) {
        Instant now = clock.instant();
        return transactions.execute(status -> outbox.findDue(now, now.minus(properties.sendingTimeout()),
                PageRequest.of(0, limit)));
    }

    /**
     * Takes the row for one attempt if it is still due: PENDING with its time come, or SENDING for
     * longer than the sending timeout (its sender crashed). The version column makes this a claim at
     * the database: of two nodes that read the same row, the second one's update matches no row.
     *
     * @return the claim, or empty if the row is not due or another node took it first
     */
    Optional<Claim> claim(Long id) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        try {
            return transactions.execute(status -> {
                OutboxMessage row = outbox.findById(id).orElse(null);
                if (row == null || !row.claimable(now, now.minus(properties.sendingTimeout()))) {
                    return Optional.<Claim>empty();
                }
                row.claim(token, now);
                outbox.flush();
                return Optional.of(new Claim(row.getId(), token, row.getChannel(), row.getRecipient(), row.getAddress(),
                        row.getSubject(), row.getBody(), row.getMessageId(), row.getAttempts(), row.getCreatedAt()));
            });
        } catch (OptimisticLockingFailureException takenByAnotherNode) {
            return Optional.empty();
        }
    }

    /**
     * Puts an INBOX row's message in the inbox and marks the row SENT, in one transaction: both or
     * neither, and the inbox's unique outbox id refuses a second copy whatever happens.
     *
     * @return false if the claim was lost meanwhile (nothing written)
     */
    boolean deliverToInbox(Claim claim) {
        return transactions.execute(status -> {
            OutboxMessage row = outbox.findById(claim.id()).orElseThrow();
            if (!row.heldBy(claim.token())) {
                return false;
            }
            if (!inbox.existsByOutboxId(row.getId())) {
                inbox.save(new InboxMessage(row));
            }
            row.sent(clock.instant());
            return true;
        });
    }

    /** @return false if the claim was lost meanwhile: a recovery took the row as abandoned */
    boolean markSent(Claim claim) {
        return transactions.execute(status -> {
            OutboxMessage row = outbox.findById(claim.id()).orElseThrow();
            if (!row.heldBy(claim.token())) {
                return false;
            }
            row.sent(clock.instant());
            return true;
        });
    }

    /** Records a failed attempt: retried after the backoff, or FAILED once the attempts are used up. */
    void markFailed(Claim claim, String error) {
        try {
            transactions.executeWithoutResult(status -> {
                OutboxMessage row = outbox.findById(claim.id()).orElseThrow();
                if (row.heldBy(claim.token())) {
                    row.failed(error, properties.maxAttempts(), clock.instant().plus(properties.backoffAfter(row.getAttempts())));
                }
            });
        } catch (OptimisticLockingFailureException takenOver) {
            // A recovery claimed the row meanwhile; its attempt decides what happens next.
        }
    }
}
