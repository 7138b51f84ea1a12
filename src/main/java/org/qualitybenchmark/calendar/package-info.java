/**
 * The official working-day calendar: which dates are working days under the State Council's yearly
 * holiday notices (public holidays and the make-up working Saturdays and Sundays, 调休), and deadlines
 * counted in working days such as a 10-working-day public notice period. The data comes from
 * {@code config/reference/cn-holidays.json}; a date in a year without data is an error, never a
 * weekday guess. Models write periods in working days as {@link org.qualitybenchmark.calendar.WorkingDayPeriod}
 * ({@code P10WD}), which the workflow adapter resolves on this calendar; process owners ask it their
 * questions through {@code /api/calendar} and the page {@code /calendar/}.
 */
package org.qualitybenchmark.calendar;
