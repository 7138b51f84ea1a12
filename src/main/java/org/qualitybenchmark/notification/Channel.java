package org.qualitybenchmark.notification;

/** How a message reaches its recipient. */
public enum Channel {
    /** By email over SMTP, to the address the identity service has for the user. */
    EMAIL("邮件"),
    /** In the user's in-app inbox ({@code /api/inbox}). */
    INBOX("站内消息");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
