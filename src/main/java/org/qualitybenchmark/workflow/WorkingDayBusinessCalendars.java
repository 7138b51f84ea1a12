package org.qualitybenchmark.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.qualitybenchmark.calendar.CalendarDataMissingException;
import org.qualitybenchmark.calendar.WorkingDayCalendar;
import org.qualitybenchmark.calendar.WorkingDayPeriod;

/**
 * The engine's business calendars on the official working-day calendar, so that a model can give a
 * task's due or follow-up date, or a timer, in working days ({@link WorkingDayPeriod}, e.g. {@code P10WD}).
 * A working-day period ends with its last working day in the campaign's zone, as the notices' own
 * deadlines do ({@link ProcedureDates}): a task is due at 23:59 of that day, and a timer fires when the
 * day is over, at 00:00 of the next. The period is counted from the engine's clock (which the demo
 * clock moves), or from the timer's creation when the engine recalculates a due date.
 * <p>
 * Everything else, ISO 8601 dates, durations and cycles and cron expressions, goes to Camunda's own
 * calendars unchanged; only their refusals are put into Chinese, naming what was written. A repeating
 * timer in working days is refused: Camunda repeats a cycle by adding its ISO period again.
 * <p>
 * Public, because the process tests' engine (process-test.camunda.cfg.xml) is configured without Spring.
 */
public class WorkingDayBusinessCalendars extends MapBusinessCalendarManager {

    private static final String ACCEPTED = "可用的写法：ISO 8601 日期时间（如 2024-05-27T23:59:59）、ISO 8601 时长（如 P5D、PT12H）"
            + "或按工作日计算的期限（如 " + WorkingDayPeriod.EXAMPLE + "）";

    public WorkingDayBusinessCalendars(WorkingDayCalendar calendar, ZoneId zone) {
        WorkingDays workingDays = new WorkingDays(calendar, zone);
        addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDates(workingDays));
        addBusinessCalendar(DurationBusinessCalendar.NAME, new Durations(workingDays));
        addBusinessCalendar(CycleBusinessCalendar.NAME, new Cycles());
    }

    /** What the calendars share: reading the notation and counting on the official calendar. */
    private record WorkingDays(WorkingDayCalendar calendar, ZoneId zone, ProcedureDates dates) {

        WorkingDays(WorkingDayCalendar calendar, ZoneId zone) {
            this(calendar, zone, new ProcedureDates(zone));
        }

        Optional<WorkingDayPeriod> read(String text) {
            try {
                return WorkingDayPeriod.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ProcessEngineException(e.getMessage(), e);
            }
        }

        LocalDate lastDay(WorkingDayPeriod period, String text, Date start) {
            LocalDate from = LocalDate.ofInstant((start == null ? ClockUtil.getCurrentTime() : start).toInstant(), zone);
            try {
                return calendar.plusWorkingDays(from, period.workingDays());
            } catch (CalendarDataMissingException e) {
                throw new ProcessEngineException("无法按工作日计算期限“" + text + "”（自" + from + "起" + period.workingDays()
                        + "个工作日）：" + e.getMessage(), e);
            }
        }

        /** The due date of a task: the last minute of the period's last working day. */
        Date taskDue(WorkingDayPeriod period, String text, Date start) {
            return dates.dueAt(lastDay(period, text, start));
        }

        /** When a timer fires: the period's last working day is over. */
        Date timerDue(WorkingDayPeriod period, String text, Date start) {
            return dates.closesAt(lastDay(period, text, start));
        }
    }

    private static ProcessEngineException unreadable(String kind, String text, ProcessEngineException e) {
        return new ProcessEngineException("无法识别" + kind + "“" + text + "”。" + ACCEPTED + "。（引擎的原始信息："
                + e.getMessage() + "）", e);
    }

    /** Task due and follow-up dates, and timers of type date ({@code timeDate}). */
    private static final class DueDates extends DueDateBusinessCalendar {

        private final WorkingDays workingDays;

        DueDates(WorkingDays workingDays) {
            this.workingDays = workingDays;
        }

        /** Only tasks come here; the task's creation is the engine's present. */
        @Override
        public Date resolveDuedate(String text, Task task) {
            Optional<WorkingDayPeriod> period = workingDays.read(text);
            if (period.isPresent()) {
                return workingDays.taskDue(period.get(), text, task == null ? null : task.getCreateTime());
            }
            return iso(text, null);
        }

        @Override
        public Date resolveDuedate(String text, Date start) {
            Optional<WorkingDayPeriod> period = workingDays.read(text);
            if (period.isPresent()) {
                return workingDays.timerDue(period.get(), text, start);
            }
            return iso(text, start);
        }

        private Date iso(String text, Date start) {
            try {
                return super.resolveDuedate(text, start);
            } catch (ProcessEngineException e) {
                throw unreadable("日期", text, e);
            }
        }
    }

    /** Timers of type duration ({@code timeDuration}). */
    private static final class Durations extends DurationBusinessCalendar {

        private final WorkingDays workingDays;

        Durations(WorkingDays workingDays) {
            this.workingDays = workingDays;
        }

        @Override
        public Date resolveDuedate(String text, Date start) {
            Optional<WorkingDayPeriod> period = workingDays.read(text);
            if (period.isPresent()) {
                return workingDays.timerDue(period.get(), text, start);
            }
            try {
                return super.resolveDuedate(text, start);
            } catch (ProcessEngineException e) {
                throw unreadable("时长", text, e);
            }
        }
    }

    /** Repeating timers ({@code timeCycle}): ISO 8601 repetitions and cron, never working days. */
    private static final class Cycles extends CycleBusinessCalendar {

        @Override
        public Date resolveDuedate(String text, Date start, long repeatOffset) {
            if (WorkingDayPeriod.isMentionedIn(text)) {
                throw new ProcessEngineException("循环计时器不能按工作日计算：“" + text + "”。请改用“持续时间”（Duration）类型的计时器写 "
                        + WorkingDayPeriod.EXAMPLE + "，或用 ISO 8601 重复写法（如 R3/P1D）或 cron 表达式");
            }
            try {
                return super.resolveDuedate(text, start, repeatOffset);
            } catch (ProcessEngineException e) {
                throw new ProcessEngineException("无法识别循环计时器“" + text + "”：应为 ISO 8601 重复写法（如 R3/PT10H）"
                        + "或 cron 表达式。（引擎的原始信息：" + e.getMessage() + "）", e);
            }
        }
    }
}
