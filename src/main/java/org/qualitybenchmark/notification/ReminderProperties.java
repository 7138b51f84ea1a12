package org.qualitybenchmark.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the reminder scan runs ({@code qb.reminders.*}); what it sends is in
 * {@code config/notifications/reminders.yaml}.
 *
 * @param enabled         whether this node scans on a schedule and when the demo clock moves; every node may,
 *                        the outbox's unique key keeps them from sending anything twice
 * @param scanInterval    pause between two scans; a missed scan is caught up by the next
 * @param initialDelay    wait after start-up before the first scan
 * @param sendFrom        reminders and escalations of a day go out from this time (campaign zone), not at midnight
 */
@ConfigurationProperties("qb.reminders")
public record ReminderProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT5M") Duration scanInterval,
        @DefaultValue("PT30S") Duration initialDelay,
        @DefaultValue("08:00") LocalTime sendFrom) {
}
