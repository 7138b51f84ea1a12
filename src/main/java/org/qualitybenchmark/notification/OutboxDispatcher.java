package org.qualitybenchmark.notification;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox rows: claim (committed), hand to the channel, mark SENT (committed). A failed
 * attempt waits for the backoff; a row whose sender died while it was SENDING is taken up again once
 * the sending timeout has passed. See the package description for why this sends each message once
 * except in one narrow window, and what covers that window.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** Tries to record an accepted email as SENT; each waits twice as long as the one before, from 100 ms. */
    static final int MARK_SENT_TRIES = 6;

    private final OutboxStore store;
    private final EmailSender email;
    private final NotificationProperties properties;

    OutboxDispatcher(OutboxStore store, EmailSender email, NotificationProperties properties) {
        this.store = store;
        this.email = email;
        this.properties = properties;
    }

    /** One round over the rows due now. @return how many were delivered */
    public int dispatchDue() {
        int delivered = 0;
        for (Long id : store.due(properties.batchSize())) {
            Optional<OutboxStore.Claim> claim = store.claim(id);
            if (claim.isPresent() && deliver(claim.get())) {
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * Rounds until one is not full: a reminder to every applicant of a campaign writes hundreds of rows
     * at once, and one batch per interval would spread them over many minutes. A round with a failure
     * ends the run, and failed rows wait for their backoff.
     */
    public void dispatchBacklog() {
        while (dispatchDue() >= properties.batchSize()) {
            log.debug("A full batch of notifications was delivered; taking the next one");
        }
    }

    private boolean deliver(OutboxStore.Claim claim) {
        if (claim.channel() == Channel.INBOX) {
            try {
                return store.deliverToInbox(claim);
            } catch (RuntimeException e) {
                log.warn("Inbox delivery of notification {} failed", claim.id(), e);
                store.markFailed(claim, "写入站内消息失败：" + e.getMessage());
                return false;
            }
        }
        try {
            email.send(claim);
        } catch (MailException | IllegalArgumentException e) {
            log.warn("Email notification {} to {} not accepted (attempt {}): {}", claim.id(), claim.address(),
                    claim.attempts(), e.getMessage());
            store.markFailed(claim, "邮件服务器未接收：" + e.getMessage());
            return false;
        }
        return recordAccepted(claim);
    }

    /**
     * The server has the message now: from here on it must not be sent again, so a failure to record
     * that is retried here, in this process, instead of letting the row go back to the queue.
     */
    private boolean recordAccepted(OutboxStore.Claim claim) {
        long wait = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                if (!store.markSent(claim)) {
                    log.warn("Notification {} was accepted by the mail server after its claim was taken over; "
                            + "the recipient may receive it twice (same Message-ID {})", claim.id(), claim.messageId());
                }
                return true;
            } catch (RuntimeException e) {
                if (attempt >= MARK_SENT_TRIES) {
                    log.error("Notification {} was accepted by the mail server but could not be marked sent; it stays "
                            + "SENDING and will be sent again with Message-ID {} after {}", claim.id(), claim.messageId(),
                            properties.sendingTimeout(), e);
                    return true;
                }
                log.warn("Marking notification {} sent failed (try {}), trying again", claim.id(), attempt, e);
                sleep(wait);
                wait *= 2;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
