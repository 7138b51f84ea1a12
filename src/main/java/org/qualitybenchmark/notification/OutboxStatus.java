package org.qualitybenchmark.notification;

/** Where an outbox row stands. */
public enum OutboxStatus {
    /** Waiting for its (next) attempt at {@code nextAttemptAt}. */
    PENDING("待发送"),
    /** Claimed by a dispatcher, which is handing it to its channel now (or crashed doing so). */
    SENDING("发送中"),
    /** Delivered: the SMTP server accepted it, or it is in the inbox. Never sent again. */
    SENT("已发送"),
    /** Gave up after the configured number of attempts; an operator may queue it again. */
    FAILED("发送失败");

    private final String label;

    OutboxStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
