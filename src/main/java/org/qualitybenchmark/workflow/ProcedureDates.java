package org.qualitybenchmark.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.qualitybenchmark.support.AppProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A notice's deadline is a whole day in the campaign's zone: "by 2022-06-30" accepts work until
 * that day ends. Timers fire at the start of the next day; tasks show the end of the day as due.
 */
@Component
class ProcedureDates {

    private final ZoneId zone;

    @Autowired
    ProcedureDates(AppProperties properties) {
        this(properties.zone());
    }

    /** For the engine's business calendars, which the process tests build without Spring. */
    ProcedureDates(ZoneId zone) {
        this.zone = zone;
    }

    /** When a deadline on this day has passed: the start of the next day. */
    Date closesAt(LocalDate lastDay) {
        return Date.from(lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The due date to show on a task: the last minute of the day. */
    Date dueAt(LocalDate lastDay) {
        return Date.from(lastDay.atTime(23, 59).atZone(zone).toInstant());
    }
}
