package org.qualitybenchmark.publication;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.qualitybenchmark.calendar.CalendarDataMissingException;
import org.qualitybenchmark.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The end of a public notice on the official calendar (config/reference/cn-holidays.json). */
class PublicNoticePeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            Path.of("config/reference", WorkingDayCalendar.FILE_NAME));

    @Test
    void tenWorkingDaysFromTheWorkedExampleAcrossNationalDay2024() {
        PublicNoticePeriod period = PublicNoticePeriod.of(CALENDAR, LocalDate.of(2024, 9, 25), 10, SHANGHAI, List.of(7L));
        assertThat(period.startsOn()).isEqualTo(LocalDate.of(2024, 9, 25));
        assertThat(period.endsOn()).as("Sunday 9-29 and Saturday 10-12 are worked, 10-01 to 10-07 are off")
                .isEqualTo(LocalDate.of(2024, 10, 12));
        assertThat(period.endsAt()).as("the start of 13 October in Beijing time")
                .isEqualTo(Instant.parse("2024-10-12T16:00:00Z"));
        assertThat(period.applicationIds()).containsExactly(7L);
    }

    @ParameterizedTest(name = "{0} + {1} working days ends {2}")
    @CsvSource({
            // Spring Festival 2022: Saturday 1-29 and Sunday 1-30 worked, 1-31 to 2-06 off.
            "2022-01-24, 10, 2022-02-09",
            // Spring Festival 2024: Sunday 2-04 and Sunday 2-18 worked, 2-10 to 2-17 off.
            "2024-02-07, 10, 2024-02-26",
            // Starting on a holiday: day 1 is the first working day after it, the make-up Sunday 2-18.
            "2024-02-10, 10, 2024-02-29",
            "2024-02-10, 1, 2024-02-18",
            // National Day 2022: 10-01 to 10-07 off, Saturday 10-08 and Sunday 10-09 worked.
            "2022-09-26, 10, 2022-10-12",
            // National Day 2025: Sunday 9-28 worked, 10-01 to 10-08 off, Saturday 10-11 worked.
            "2025-09-26, 10, 2025-10-15",
            // The 2022 national notice's first day; 10 working days reach past its published 9-23.
            "2022-09-14, 10, 2022-09-27",
            // A notice starting on a weekend begins counting on Monday.
            "2022-06-18, 10, 2022-07-01",
            "2022-06-20, 10, 2022-07-01",
            "2022-06-20, 5, 2022-06-24"
    })
    void endsOnTheLastWorkingDay(LocalDate start, int workingDays, LocalDate end) {
        PublicNoticePeriod period = PublicNoticePeriod.of(CALENDAR, start, workingDays, SHANGHAI, List.of());
        assertThat(period.endsOn()).isEqualTo(end);
        assertThat(period.endsAt()).isEqualTo(end.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
    }

    @Test
    void aPeriodRunningIntoAYearWithoutHolidayDataIsRefused() {
        assertThatThrownBy(() -> PublicNoticePeriod.of(CALENDAR, LocalDate.of(2026, 12, 28), 10, SHANGHAI, List.of()))
                .isInstanceOf(CalendarDataMissingException.class)
                .hasMessageContaining("2027");
    }
}
