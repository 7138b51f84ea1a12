package org.qualitybenchmark.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayPeriodTest {

    @Test
    void readsTheNotation() {
        assertThat(WorkingDayPeriod.parse("P10WD")).contains(new WorkingDayPeriod(10));
        assertThat(WorkingDayPeriod.parse(" P1WD ")).contains(new WorkingDayPeriod(1));
        assertThat(WorkingDayPeriod.parse("P250WD")).contains(new WorkingDayPeriod(250));
        assertThat(new WorkingDayPeriod(5)).hasToString("P5WD");
    }

    /** What Camunda reads itself stays Camunda's: ISO durations, dates, cycles, cron. */
    @ParameterizedTest
    @ValueSource(strings = {"P5D", "PT12H", "P1W", "P1Y2M3DT4H", "2024-05-27T23:59:59", "R3/PT10H",
            "0 0 9 ? * MON-FRI", "0 0 9 ? * WED", ""})
    void leavesOtherTextAlone(String text) {
        assertThat(WorkingDayPeriod.parse(text)).isEmpty();
        assertThat(WorkingDayPeriod.isMentionedIn(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10个工作日", "10 working days", "P10 WD", "P10wd", "p10WD", "P1.5WD", "PT10WD",
            "P10WDT12H", "10WD", "R3/P1WD", "P-1WD"})
    void refusesWorkingDaysWrittenWrongly(String text) {
        assertThatThrownBy(() -> WorkingDayPeriod.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("“" + text.strip() + "”不是有效的工作日期限写法")
                .hasMessageContaining("P10WD");
        assertThat(WorkingDayPeriod.isMentionedIn(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0WD", "P251WD", "P99999999999WD"})
    void refusesNumbersOutOfRange(String text) {
        assertThatThrownBy(() -> WorkingDayPeriod.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("“" + text + "”的工作日数应在1到250之间");
    }
}
