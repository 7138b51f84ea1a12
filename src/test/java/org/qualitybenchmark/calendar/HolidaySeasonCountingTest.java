package org.qualitybenchmark.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counting working days through Spring Festival and National Day of every year in the data, each
 * time over the make-up working Saturday or Sunday (调休上班日) of that holiday, as the State Council's
 * notices set them (config/reference/cn-holidays.json, sources in its README). The expected dates were
 * counted by hand from the notices; a weekday-only count would give another date in every row.
 */
class HolidaySeasonCountingTest {

    private final WorkingDayCalendar calendar =
            new WorkingDayCalendar(Path.of("config/reference", WorkingDayCalendar.FILE_NAME));

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 2022 Spring Festival: off 31 Jan - 6 Feb, worked Sat 29 and Sun 30 Jan
            "2022-01-28, 3, 2022-02-07",
            // 2022 National Day: off 1-7 Oct, worked Sat 8 and Sun 9 Oct
            "2022-09-30, 3, 2022-10-10",
            // 2023 Spring Festival: off 21-27 Jan, worked Sat 28 and Sun 29 Jan
            "2023-01-20, 2, 2023-01-29",
            // 2023 Mid-Autumn and National Day: off 29 Sep - 6 Oct, worked Sat 7 and Sun 8 Oct
            "2023-09-28, 2, 2023-10-08",
            // 2024 Spring Festival: off 10-17 Feb, worked Sun 4 and Sun 18 Feb
            "2024-02-02, 1, 2024-02-04",
            "2024-02-09, 1, 2024-02-18",
            // 2024 National Day: off 1-7 Oct, worked Sun 29 Sep and Sat 12 Oct
            "2024-09-27, 1, 2024-09-29",
            "2024-09-30, 5, 2024-10-12",
            // 2025 Spring Festival: off 28 Jan - 4 Feb, worked Sun 26 Jan and Sat 8 Feb
            "2025-01-25, 1, 2025-01-26",
            "2025-01-27, 4, 2025-02-08",
            // 2025 National Day and Mid-Autumn: off 1-8 Oct, worked Sun 28 Sep and Sat 11 Oct
            "2025-09-26, 2, 2025-09-29",
            "2025-09-30, 4, 2025-10-13",
            // 2026 Spring Festival: off 15-23 Feb, worked Sat 14 and Sat 28 Feb
            "2026-02-13, 1, 2026-02-14",
            "2026-02-14, 1, 2026-02-24",
            "2026-02-24, 4, 2026-02-28",
            // 2026 National Day: off 1-7 Oct, worked Sun 20 Sep and Sat 10 Oct
            "2026-09-18, 1, 2026-09-20",
            "2026-09-30, 3, 2026-10-10"
    })
    void workingDaysAfter(LocalDate from, int workingDays, LocalDate expected) {
        assertThat(calendar.plusWorkingDays(from, workingDays)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} to {1}: {2} working days")
    @CsvSource({
            "2022-01-29, 2022-02-07, 3",  // Sat 29, Sun 30 Jan; Mon 7 Feb
            "2022-10-01, 2022-10-09, 2",  // Sat 8, Sun 9 Oct
            "2023-01-21, 2023-01-29, 2",  // Sat 28, Sun 29 Jan
            "2023-09-29, 2023-10-08, 2",  // Sat 7, Sun 8 Oct
            "2024-02-03, 2024-02-18, 7",  // Sun 4, Mon 5 - Fri 9, Sun 18 Feb
            "2024-09-28, 2024-10-13, 7",  // Sun 29, Mon 30 Sep; Tue 8 - Fri 11, Sat 12 Oct
            "2025-01-25, 2025-02-08, 6",  // Sun 26, Mon 27 Jan; Wed 5 - Fri 7, Sat 8 Feb
            "2025-09-27, 2025-10-11, 6",  // Sun 28 - Tue 30 Sep; Thu 9, Fri 10, Sat 11 Oct
            "2026-02-14, 2026-02-28, 6",  // Sat 14; Tue 24 - Fri 27, Sat 28 Feb
            "2026-09-19, 2026-10-10, 11"  // Sun 20 - Thu 24, Mon 28 - Wed 30 Sep (25-27 off); Thu 8 - Sat 10 Oct
    })
    void workingDaysBetween(LocalDate start, LocalDate end, int expected) {
        assertThat(calendar.workingDaysBetween(start, end)).isEqualTo(expected);
    }
}
