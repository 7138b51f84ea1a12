package org.qualitybenchmark.campaign;

import java.time.LocalDate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.campaign.config.Schedule;

/**
 * A campaign's deadline was moved; raised in the transaction that stores the change, so that the
 * waiting timers, open tasks and open online submissions move with it or the change is undone.
 *
 * @param before the effective schedule before the change
 * @param after  the effective schedule after it
 */
public record DeadlineChanged(Long campaignId, Long changeId, ScheduleKey key, LocalDate oldDate, LocalDate newDate,
        String reason, Schedule before, Schedule after, AppUser actor) {
}
