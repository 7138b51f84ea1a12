package org.qualitybenchmark.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sender of notification emails ({@code qb.mail.*}). The SMTP server itself (host, port, user,
 * TLS) is Spring's {@code spring.mail.*}; without {@code spring.mail.host} no email is queued at all.
 *
 * @param fromAddress     the sender's address
 * @param fromName        the sender's display name
 * @param messageIdDomain the right-hand side of the Message-IDs; empty: the domain of {@code fromAddress}
 */
@ConfigurationProperties("qb.mail")
public record MailProperties(
        @DefaultValue("noreply@quality-benchmark.invalid") String fromAddress,
        @DefaultValue("质量标杆遴选系统") String fromName,
        @DefaultValue("") String messageIdDomain) {

    public String idDomain() {
        if (!messageIdDomain.isBlank()) {
            return messageIdDomain.strip();
        }
        int at = fromAddress.lastIndexOf('@');
        return at < 0 ? "quality-benchmark.invalid" : fromAddress.substring(at + 1).strip();
    }
}
