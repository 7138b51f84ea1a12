package org.qualitybenchmark.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

class WorkingDayCalendarTest {

    private static final Path FILE = Path.of("config/reference", WorkingDayCalendar.FILE_NAME);

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(FILE);

    @TempDir
    Path tempDir;

    @Test
    void coversTheYearsInTheFile() {
        assertThat(calendar.coveredYears()).containsExactly(2022, 2023, 2024, 2025, 2026);
    }

    /** Spring Festival and National Day of each year: last day off, first day back, make-up weekend days. */
    @ParameterizedTest(name = "{0} working day: {1}")
    @CsvSource({
            "2022-01-29, true", "2022-01-30, true", "2022-01-31, false", "2022-02-04, false", "2022-02-06, false",
            "2022-02-07, true",
            "2022-10-01, false", "2022-10-07, false", "2022-10-08, true", "2022-10-09, true", "2022-10-10, true",
            "2023-01-27, false", "2023-01-28, true", "2023-01-29, true", "2023-01-30, true",
            "2023-09-29, false", "2023-10-06, false", "2023-10-07, true", "2023-10-08, true", "2023-10-09, true",
            "2024-02-04, true", "2024-02-10, false", "2024-02-16, false", "2024-02-17, false", "2024-02-18, true",
            "2024-02-19, true",
            "2024-09-28, false", "2024-09-29, true", "2024-10-01, false", "2024-10-07, false", "2024-10-08, true",
            "2024-10-12, true", "2024-10-13, false",
            "2025-01-26, true", "2025-01-28, false", "2025-02-04, false", "2025-02-05, true", "2025-02-08, true",
            "2025-09-28, true", "2025-10-01, false", "2025-10-08, false", "2025-10-09, true", "2025-10-11, true",
            "2026-02-14, true", "2026-02-15, false", "2026-02-23, false", "2026-02-24, true", "2026-02-28, true",
            "2026-09-20, true", "2026-10-01, false", "2026-10-07, false", "2026-10-08, true", "2026-10-10, true"
    })
    void springFestivalAndNationalDay(LocalDate date, boolean workingDay) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(workingDay);
    }

    @ParameterizedTest
    @CsvSource({
            "2022-12-31, false", // Saturday off for New Year 2023, listed under its own calendar year
            "2023-01-02, false",
            "2024-06-10, false",
            "2025-05-05, false",
            "2024-03-02, false", // an ordinary weekend
            "2024-03-04, true"   // an ordinary Monday
    })
    void otherDays(LocalDate date, boolean workingDay) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(workingDay);
    }

    @Test
    void aTenWorkingDayNoticeAcrossNationalDay2024() {
        assertThat(calendar.lastDayOfPeriod(LocalDate.of(2024, 9, 25), 10)).isEqualTo(LocalDate.of(2024, 10, 12));
    }

    @Test
    void aTenWorkingDayNoticeAfterMidAutumn2022() {
        assertThat(calendar.lastDayOfPeriod(LocalDate.of(2022, 9, 14), 10)).isEqualTo(LocalDate.of(2022, 9, 27));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2022, 9, 14), LocalDate.of(2022, 9, 23))).isEqualTo(8);
    }

    @Test
    void aPeriodThatStartsOnADayOffStartsOnTheNextWorkingDay() {
        assertThat(calendar.lastDayOfPeriod(LocalDate.of(2024, 10, 1), 1)).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(calendar.lastDayOfPeriod(LocalDate.of(2024, 10, 1), 5)).isEqualTo(LocalDate.of(2024, 10, 12));
        assertThat(calendar.lastDayOfPeriod(LocalDate.of(2024, 9, 28), 1)).isEqualTo(LocalDate.of(2024, 9, 29));
    }

    @Test
    void aOneDayPeriodOnAWorkingDayIsThatDay() {
        assertThat(calendar.lastDayOfPeriod(LocalDate.of(2024, 9, 25), 1)).isEqualTo(LocalDate.of(2024, 9, 25));
        assertThat(calendar.lastDayOfPeriod(LocalDate.of(2024, 10, 12), 1)).isEqualTo(LocalDate.of(2024, 10, 12));
    }

    @Test
    void plusWorkingDaysCountsStrictlyAfterTheStart() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 9, 27), 1)).isEqualTo(LocalDate.of(2024, 9, 29));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 9, 30), 1)).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 10, 3), 5)).isEqualTo(LocalDate.of(2024, 10, 12));
        // 1-3 January 2026 are off and Sunday 4 January is worked in exchange.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void workingDaysBetweenCountsBothEnds() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 10, 12), LocalDate.of(2024, 10, 12))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 7))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 9, 25), LocalDate.of(2024, 10, 12))).isEqualTo(10);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).isEqualTo(249);
    }

    @Test
    void rejectsNonsensicalArguments() {
        LocalDate date = LocalDate.of(2024, 5, 6);
        assertThatThrownBy(() -> calendar.plusWorkingDays(date, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.lastDayOfPeriod(date, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.workingDaysBetween(date, date.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aYearWithoutDataIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOfSatisfying(CalendarDataMissingException.class, e -> {
                    assertThat(e.year()).isEqualTo(2027);
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.getMessage()).contains("2027年").contains(FILE.toString());
                });
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2021, 12, 31)))
                .isInstanceOf(CalendarDataMissingException.class)
                .hasMessageContaining("2021年");
    }

    @Test
    void countingIntoAYearWithoutDataFails() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 12, 30), 2))
                .isInstanceOfSatisfying(CalendarDataMissingException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1)))
                .isInstanceOf(CalendarDataMissingException.class);
    }

    @Test
    void anUnparseableDateIsNamedByKey() throws IOException {
        Path file = write("""
                {"2024": {"holidays": ["2024-01-01"],
                          "workdays": ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-31"]}}
                """);

        assertSingleProblem(file, "2024.workdays[3]", "2024-04-31");
    }

    @Test
    void aDateUnderAnotherYearIsNamedByKey() throws IOException {
        Path file = write("""
                {"2022": {"holidays": ["2022-01-01"]},
                 "2023": {"holidays": ["2023-01-01", "2022-12-31", "2023-01-02"]}}
                """);

        assertSingleProblem(file, "2023.holidays[1]", "“2022”");
    }

    @Test
    void aDateCannotBeBothHolidayAndWorkday() throws IOException {
        Path file = write("""
                {"2024": {"holidays": ["2024-10-01", "2024-10-12"], "workdays": ["2024-09-29", "2024-10-12"]}}
                """);

        assertSingleProblem(file, "2024.workdays[1]", "2024.holidays[1]");
    }

    @Test
    void aMakeUpWorkdayMustBeAWeekendDay() throws IOException {
        Path file = write("""
                {"2024": {"holidays": ["2024-10-01"], "workdays": ["2024-10-12", "2024-10-10"]}}
                """);

        assertSingleProblem(file, "2024.workdays[1]", "星期四");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"24\": {\"holidays\": []}}",
            "{\"2024\": {\"holiday\": [\"2024-10-01\"]}}",
            "{\"2024\": [\"2024-10-01\"]}",
            "{\"2024\": {\"holidays\": \"2024-10-01\"}}",
            "{\"2024\": {\"holidays\": [20241001]}}"
    })
    void structuralFaultsAreNamedByKey(String json) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> new WorkingDayCalendar(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> {
                            assertThat(p.file()).isEqualTo(file);
                            assertThat(p.key()).isNotBlank();
                        }));
    }

    @Test
    void reportsEveryFaultAtOnce() throws IOException {
        Path file = write("""
                {"2024": {"holidays": ["2024-10-01", "2024-1-02", "2025-01-01"],
                          "workdays": ["2024-10-01", "2024-10-11"],
                          "note": "x"}}
                """);

        assertThatThrownBy(() -> new WorkingDayCalendar(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key)
                        .containsExactly("2024.note", "2024.holidays[1]", "2024.holidays[2]",
                                "2024.workdays[0]", "2024.workdays[1]"));
    }

    @Test
    void aYearListedTwiceIsRejected() throws IOException {
        Path file = write("""
                {"2024": {"holidays": ["2024-10-01"]},
                 "2024": {"holidays": ["2024-10-02"]}}
                """);

        assertThatThrownBy(() -> new WorkingDayCalendar(file))
                .isInstanceOf(ConfigurationFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("重复");
    }

    @Test
    void anEmptyObjectHasNoYears() throws IOException {
        Path file = write("{}");

        assertThatThrownBy(() -> new WorkingDayCalendar(file))
                .isInstanceOf(ConfigurationFileException.class)
                .hasMessageContaining("没有任何年份");
    }

    @Test
    void workdaysMayBeLeftOutForAYearWithoutMakeUpDays() throws IOException {
        Path file = write("{\"2030\": {\"holidays\": [\"2030-01-01\"]}}");

        WorkingDayCalendar sparse = new WorkingDayCalendar(file);

        assertThat(sparse.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(sparse.isWorkingDay(LocalDate.of(2030, 1, 2))).isTrue();
    }

    private void assertSingleProblem(Path file, String key, String messagePart) {
        assertThatThrownBy(() -> new WorkingDayCalendar(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(file);
                            assertThat(p.key()).isEqualTo(key);
                            assertThat(p.message()).contains(messagePart);
                        }));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(tempDir.resolve(WorkingDayCalendar.FILE_NAME), json);
    }
}
