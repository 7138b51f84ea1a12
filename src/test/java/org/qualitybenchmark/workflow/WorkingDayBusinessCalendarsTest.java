package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualitybenchmark.calendar.WorkingDayCalendar;

/**
 * The calendars by themselves, for what the engine test model does not reach: timers of type date,
 * repeating timers, and the engine's clock as the starting point.
 */
class WorkingDayBusinessCalendarsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final WorkingDayBusinessCalendars calendars = new WorkingDayBusinessCalendars(
            new WorkingDayCalendar(Path.of("config/reference", WorkingDayCalendar.FILE_NAME)), ZONE);

    @BeforeEach
    void setClock() {
        ClockUtil.setCurrentTime(at("2024-09-27T10:00"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void registersTheThreeCalendarsUnderTheEngineNames() {
        assertThat(calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME)).isInstanceOf(DueDateBusinessCalendar.class);
        assertThat(calendars.getBusinessCalendar(DurationBusinessCalendar.NAME)).isInstanceOf(DurationBusinessCalendar.class);
        // TimerEntity casts the cycle calendar to CycleBusinessCalendar when it repeats a timer.
        assertThat(calendars.getBusinessCalendar(CycleBusinessCalendar.NAME)).isInstanceOf(CycleBusinessCalendar.class);
    }

    @Test
    void countsFromTheEngineClockWhenNoStartIsGiven() {
        BusinessCalendar durations = calendars.getBusinessCalendar(DurationBusinessCalendar.NAME);
        assertThat(durations.resolveDuedate("P1WD")).isEqualTo(at("2024-09-30T00:00"));
        assertThat(durations.resolveDuedate("P1WD", at("2024-09-30T08:00"))).isEqualTo(at("2024-10-09T00:00"));
    }

    /** A timer of type date given in working days fires when the last day is over, like a duration. */
    @Test
    void aDateTimerInWorkingDaysFiresAtTheEndOfTheLastDay() {
        BusinessCalendar dueDates = calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME);
        assertThat(dueDates.resolveDuedate("P2WD")).isEqualTo(at("2024-10-01T00:00"));
        assertThat(dueDates.resolveDuedate("2024-10-20T12:00:00+08:00")).isEqualTo(at("2024-10-20T12:00"));
    }

    /** Just after midnight in Beijing is still the previous day in UTC; the count starts from the Beijing day. */
    @Test
    void theDayIsTheCampaignZonesDay() {
        BusinessCalendar durations = calendars.getBusinessCalendar(DurationBusinessCalendar.NAME);
        assertThat(durations.resolveDuedate("P1WD", at("2024-09-30T00:30"))).isEqualTo(at("2024-10-09T00:00"));
    }

    @Test
    void aRepeatingTimerInWorkingDaysIsRefused() {
        CycleBusinessCalendar cycles = (CycleBusinessCalendar) calendars.getBusinessCalendar(CycleBusinessCalendar.NAME);
        assertThatThrownBy(() -> cycles.resolveDuedate("R3/P1WD", null, 0))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("循环计时器不能按工作日计算：“R3/P1WD”");
        assertThat(cycles.resolveDuedate("R3/PT2H")).isEqualTo(at("2024-09-27T12:00"));
        assertThat(cycles.resolveDuedate("0 0 9 ? * MON-FRI")).isEqualTo(at("2024-09-30T09:00"));
        assertThatThrownBy(() -> cycles.resolveDuedate("every day"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("无法识别循环计时器“every day”");
    }

    @Test
    void anUnreadableDateIsRefusedInChinese() {
        BusinessCalendar dueDates = calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME);
        assertThatThrownBy(() -> dueDates.resolveDuedate("2024-13-01"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("无法识别日期“2024-13-01”")
                .hasMessageContaining("P10WD");
    }

    private static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }
}
