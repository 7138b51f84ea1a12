package org.qualitybenchmark.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is delivered ({@code qb.notifications.*}).
 *
 * @param dispatcherEnabled whether this node runs the scheduled dispatcher; every node may, the claim keeps them apart
 * @param dispatchInterval  pause between two rounds of the dispatcher
 * @param batchSize         rows one round takes at most
 * @param maxAttempts       attempts before a row is marked FAILED
 * @param initialBackoff    wait after the first failed attempt; doubled after each further one
 * @param maxBackoff        the longest wait between two attempts
 * @param sendingTimeout    how long a row may stay SENDING before it counts as abandoned by a crashed node; must
 *                          exceed the longest SMTP call (the mail timeouts in {@code spring.mail.properties})
 * @param baseUrl           the system's address, put before the links in emails
 */
@ConfigurationProperties("qb.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("PT15S") Duration dispatchInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("PT2H") Duration maxBackoff,
        @DefaultValue("PT10M") Duration sendingTimeout,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    /** The wait before the next attempt after {@code attempts} failed ones: 1×, 2×, 4× … the initial wait, capped. */
    public Duration backoffAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
