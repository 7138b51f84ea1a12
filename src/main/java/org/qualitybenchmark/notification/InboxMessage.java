package org.qualitybenchmark.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** A message in a user's in-app inbox; only whether it is read changes. */
@Entity
@Table(name = "qb_inbox_message")
public class InboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "outbox_id", nullable = false, updatable = false)
    private Long outboxId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Lob
    @Column(nullable = false, updatable = false, length = Length.LONG32)
    private String body;

    @Column(updatable = false)
    private String link;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected InboxMessage() {
    }

    InboxMessage(OutboxMessage source) {
        this.outboxId = source.getId();
        this.userId = source.getRecipient();
        this.subject = source.getSubject();
        this.body = source.getBody();
        this.link = source.getLink();
        // When it happened, not when the dispatcher came by.
        this.createdAt = source.getCreatedAt();
    }

    /** Marks it read; reading it again keeps the first time. */
    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getOutboxId() {
        return outboxId;
    }

    public String getUserId() {
        return userId;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
