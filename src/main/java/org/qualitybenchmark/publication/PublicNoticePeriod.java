package org.qualitybenchmark.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.qualitybenchmark.calendar.WorkingDayCalendar;

/**
 * The period of a public notice and the cases on it.
 *
 * @param startsOn the day the notice is published
 * @param endsOn   the last day of the period: the working-day count starts on the first working day
 *                 on or after {@code startsOn} (day 1) and ends on the N-th, make-up working weekend
 *                 days included and public holidays left out
 * @param endsAt   when the period is over: the start of the day after {@code endsOn} in the campaign's zone
 */
public record PublicNoticePeriod(LocalDate startsOn, LocalDate endsOn, Instant endsAt, List<Long> applicationIds) {

    public PublicNoticePeriod {
        applicationIds = List.copyOf(applicationIds);
    }

    /** The period of a notice of {@code workingDays} working days published on {@code startsOn}. */
    public static PublicNoticePeriod of(WorkingDayCalendar calendar, LocalDate startsOn, int workingDays, ZoneId zone,
            List<Long> applicationIds) {
        LocalDate endsOn = calendar.lastDayOfPeriod(startsOn, workingDays);
        return new PublicNoticePeriod(startsOn, endsOn, endOf(endsOn, zone), applicationIds);
    }

    static Instant endOf(LocalDate endsOn, ZoneId zone) {
        return endsOn.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
