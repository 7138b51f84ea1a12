/**
 * The official working-day calendar: which dates are working days under the State Council's yearly
 * holiday notices (public holidays and the make-up working Saturdays and Sundays, 调休), and deadlines
 * counted in working days such as a 10-working-day public notice period. The data comes from
 * {@code config/reference/cn-holidays.json}; a date in a year without data is an error, never a
 * weekday guess. A later change plugs this calendar into the process engine as its business calendar.
 */
package org.qualitybenchmark.calendar;
