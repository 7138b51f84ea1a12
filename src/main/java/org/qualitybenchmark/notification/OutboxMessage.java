package org.qualitybenchmark.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.Length;

/**
 * One message to one recipient over one channel, rendered when its event happened. The version
 * column is the claim's guard: of two dispatchers that read the same row, only the first update
 * succeeds.
 */
@Entity
@Table(name = "qb_notification_outbox")
public class OutboxMessage {

    static final int ERROR_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_key", nullable = false, updatable = false)
    private String eventKey;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(updatable = false)
    private String address;

    @Column(name = "template_key", nullable = false, updatable = false)
    private String templateKey;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Lob
    @Column(nullable = false, updatable = false, length = Length.LONG32)
    private String body;

    @Column(updatable = false)
    private String link;

    @Column(name = "message_id")
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claim_token")
    private String claimToken;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected OutboxMessage() {
    }

    OutboxMessage(String eventKey, String recipient, Channel channel, String address, String templateKey, String subject,
            String body, String link, Instant now) {
        this.eventKey = eventKey;
        this.recipient = recipient;
        this.channel = channel;
        this.address = address;
        this.templateKey = templateKey;
        this.subject = subject;
        this.body = body;
        this.link = link;
        this.status = OutboxStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Fixed once the row has its id, and sent with every attempt, so that copies of one message share it. */
    void assignMessageId(String domain) {
        if (messageId == null) {
            messageId = "<qb-notification-" + id + "@" + domain + ">";
        }
    }

    boolean claimable(Instant now, Instant staleBefore) {
        return status == OutboxStatus.PENDING && !nextAttemptAt.isAfter(now)
                || status == OutboxStatus.SENDING && claimedAt != null && claimedAt.isBefore(staleBefore);
    }

    /** Takes the row for one attempt; a row left SENDING by a crashed sender says so in its error. */
    void claim(String token, Instant now) {
        if (status == OutboxStatus.SENDING) {
            lastError = clip("上一次发送（" + claimedAt + "开始）未完成确认，可能因节点中断；按同一 Message-ID 重新发送");
        }
        status = OutboxStatus.SENDING;
        claimToken = token;
        claimedAt = now;
        attempts++;
    }

    boolean heldBy(String token) {
        return status == OutboxStatus.SENDING && token.equals(claimToken);
    }

    void sent(Instant now) {
        status = OutboxStatus.SENT;
        sentAt = now;
        claimToken = null;
    }

    /** After a failed attempt: again later, with a longer wait, or FAILED once the attempts are used up. */
    void failed(String error, int maxAttempts, Instant retryAt) {
        lastError = clip(error);
        claimToken = null;
        if (attempts >= maxAttempts) {
            status = OutboxStatus.FAILED;
        } else {
            status = OutboxStatus.PENDING;
            nextAttemptAt = retryAt;
        }
    }

    /** An operator's new series of attempts, from now. */
    void requeue(Instant now) {
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        claimToken = null;
    }

    private static String clip(String text) {
        String value = text == null ? "未知错误" : text;
        return value.length() > ERROR_MAX ? value.substring(0, ERROR_MAX) : value;
    }

    public Long getId() {
        return id;
    }

    public String getEventKey() {
        return eventKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAddress() {
        return address;
    }

    public String getTemplateKey() {
        return templateKey;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getLink() {
        return link;
    }

    public String getMessageId() {
        return messageId;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimToken() {
        return claimToken;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public long getVersion() {
        return version;
    }
}
