package org.qualitybenchmark.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * Working-day questions for whoever writes or reads a notice: which day is N working days after a
 * date, how many working days lie between two dates, and the holidays and make-up working days of a
 * year. Parameters are read here rather than bound by Spring, so that a wrong one is refused in
 * Chinese, naming the parameter.
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历", description = "按国务院办公厅公布的放假安排（含调休上班日）计算工作日")
class CalendarController {

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    CalendarController(WorkingDayCalendar calendar, AppProperties properties) {
        this.calendar = calendar;
        this.zone = properties.zone();
    }

    record YearsView(List<Integer> years) {
    }

    record DayView(LocalDate date, String weekday) {
    }

    /** Consecutive days off, weekend days inside the holiday included. */
    record DaysOffView(LocalDate first, LocalDate last, int days) {
    }

    record YearView(int year, int workingDays, List<DaysOffView> holidays, List<DayView> makeUpWorkdays) {
    }

    record AfterView(LocalDate from, int days, String notation, LocalDate date, String weekday,
            OffsetDateTime dueAt) {
    }

    record PeriodView(LocalDate first, int days, LocalDate firstWorkingDay, LocalDate lastDay, String weekday) {
    }

    record BetweenView(LocalDate start, LocalDate end, int calendarDays, int workingDays, List<LocalDate> holidays,
            List<LocalDate> makeUpWorkdays) {
    }

    @GetMapping("/years")
    @Operation(summary = "有放假安排数据的年份", description = "只有这些年份内的日期可以计算工作日；其他年份会报错，不会按周一至周五估算。")
    YearsView years() {
        return new YearsView(List.copyOf(calendar.coveredYears()));
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "某年的放假日和调休上班日", description = "放假日按连续的日期合并为一段（含其中的周末）；调休上班日为需要上班的周六或周日。")
    YearView year(@Parameter(description = "四位年份，如 2024") @PathVariable String year) {
        int value = year(year, "year");
        List<DaysOffView> holidays = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (LocalDate date : calendar.holidays(value)) {
            if (last != null && date.equals(last.plusDays(1))) {
                last = date;
                continue;
            }
            if (first != null) {
                holidays.add(daysOff(first, last));
            }
            first = date;
            last = date;
        }
        if (first != null) {
            holidays.add(daysOff(first, last));
        }
        List<DayView> workdays = calendar.makeUpWorkdays(value).stream().map(CalendarController::day).toList();
        int workingDays = calendar.workingDaysBetween(LocalDate.of(value, 1, 1), LocalDate.of(value, 12, 31));
        return new YearView(value, workingDays, holidays, workdays);
    }

    @GetMapping("/after")
    @Operation(summary = "某日之后第 N 个工作日",
            description = "开始的当日不计入，自下一日起计算（民法典第二百零一条）。dueAt 为该日 23:59，即流程模型中写 "
                    + "P<N>WD（如 P10WD）时任务的到期时间；同样写法的计时器在该日结束时（次日 0:00）触发。")
    AfterView after(@Parameter(description = "起算日期，YYYY-MM-DD", example = "2024-09-27") @RequestParam(required = false) String from,
            @Parameter(description = "工作日数，1 至 250", example = "10") @RequestParam(required = false) String days) {
        LocalDate start = date(from, "from");
        int n = days(days);
        LocalDate date = calendar.plusWorkingDays(start, n);
        return new AfterView(start, n, new WorkingDayPeriod(n).toString(), date, WorkingDayCalendar.weekdayName(date.getDayOfWeek()),
                date.atTime(23, 59).atZone(zone).toOffsetDateTime());
    }

    @GetMapping("/period-end")
    @Operation(summary = "从某日开始、为期 N 个工作日的期间的最后一天",
            description = "如公示期“自9月25日起10个工作日”：首日为工作日时计为第1天，否则从其后第一个工作日开始计算。")
    PeriodView periodEnd(@Parameter(description = "期间的第一天，YYYY-MM-DD", example = "2024-09-25") @RequestParam(required = false) String first,
            @Parameter(description = "工作日数，1 至 250", example = "10") @RequestParam(required = false) String days) {
        LocalDate start = date(first, "first");
        int n = days(days);
        LocalDate firstWorkingDay = calendar.lastDayOfPeriod(start, 1);
        LocalDate last = calendar.lastDayOfPeriod(start, n);
        return new PeriodView(start, n, firstWorkingDay, last, WorkingDayCalendar.weekdayName(last.getDayOfWeek()));
    }

    @GetMapping("/between")
    @Operation(summary = "两个日期之间（含首尾两天）的工作日数",
            description = "同时列出其间落在周一至周五的放假日和调休上班日，便于核对。")
    BetweenView between(@Parameter(description = "开始日期，YYYY-MM-DD", example = "2024-09-25") @RequestParam(required = false) String start,
            @Parameter(description = "结束日期（含），YYYY-MM-DD", example = "2024-10-12") @RequestParam(required = false) String end) {
        LocalDate first = date(start, "start");
        LocalDate last = date(end, "end");
        if (last.isBefore(first)) {
            throw new RuleViolationException("end", "calendar.endBeforeStart", "结束日期" + last + "早于开始日期" + first);
        }
        int workingDays = calendar.workingDaysBetween(first, last);
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> workdays = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean working = calendar.isWorkingDay(date);
            if (weekend && working) {
                workdays.add(date);
            } else if (!weekend && !working) {
                holidays.add(date);
            }
        }
        return new BetweenView(first, last, (int) ChronoUnit.DAYS.between(first, last) + 1, workingDays, holidays,
                workdays);
    }

    /** A year without data is not a bad request: the data is missing, and the message says where to add it. */
    @ExceptionHandler(CalendarDataMissingException.class)
    ProblemDetail dataMissing(CalendarDataMissingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("工作日历缺少" + e.year() + "年的数据");
        problem.setProperty("code", "calendar.yearMissing");
        problem.setProperty("year", e.year());
        problem.setProperty("coveredYears", List.copyOf(calendar.coveredYears()));
        return problem;
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new RuleViolationException(field, "calendar.dateMissing", "请填写日期，格式为 YYYY-MM-DD，如 2024-09-27");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(field, "calendar.dateInvalid",
                    "“" + text + "”不是有效日期，格式应为 YYYY-MM-DD，如 2024-09-27");
        }
    }

    private static int days(String text) {
        String message = "工作日数应为1到" + WorkingDayPeriod.MAX_WORKING_DAYS + "之间的整数";
        if (text == null || text.isBlank()) {
            throw new RuleViolationException("days", "calendar.daysMissing",
                    "请填写工作日数（1到" + WorkingDayPeriod.MAX_WORKING_DAYS + "之间的整数）");
        }
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolationException("days", "calendar.daysInvalid", "“" + text + "”不是整数；" + message);
        }
        if (n < 1 || n > WorkingDayPeriod.MAX_WORKING_DAYS) {
            throw new RuleViolationException("days", "calendar.daysOutOfRange", message + "，实际为" + n);
        }
        return n;
    }

    private static int year(String text, String field) {
        if (text == null || !text.strip().matches("\\d{4}")) {
            throw new RuleViolationException(field, "calendar.yearInvalid", "“" + text + "”不是四位年份，如 2024");
        }
        return Integer.parseInt(text.strip());
    }

    private static DaysOffView daysOff(LocalDate first, LocalDate last) {
        return new DaysOffView(first, last, (int) ChronoUnit.DAYS.between(first, last) + 1);
    }

    private static DayView day(LocalDate date) {
        return new DayView(date, WorkingDayCalendar.weekdayName(date.getDayOfWeek()));
    }
}
