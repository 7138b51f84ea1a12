package org.qualitybenchmark.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.qualitybenchmark.reference.ReferenceFiles;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Working days in mainland China from {@value #FILE_NAME}. A date is a working day if it is listed
 * under {@code workdays} (a make-up working Saturday or Sunday), or if it is Monday to Friday and not
 * listed under {@code holidays}. Each date is listed under its own calendar year.
 */
@Component
public class WorkingDayCalendar {

    public static final String FILE_NAME = "cn-holidays.json";

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final String HOLIDAYS = "holidays";
    private static final String WORKDAYS = "workdays";

    private final Path file;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final SortedSet<Integer> years = new TreeSet<>();

    @Autowired
    public WorkingDayCalendar(AppProperties properties) {
        this(properties.referenceDir().resolve(FILE_NAME));
    }

    public WorkingDayCalendar(Path file) {
        this.file = file;
        load();
    }

    /**
     * @throws CalendarDataMissingException if the file has no data for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireYear(date.getYear());
        if (workdays.contains(date)) {
            return true;
        }
        return !isWeekend(date) && !holidays.contains(date);
    }

    /**
     * The n-th working day strictly after {@code from}, e.g. "within 5 working days of receipt".
     *
     * @throws IllegalArgumentException     if n is less than 1
     * @throws CalendarDataMissingException if the count runs into a year without data
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        requirePositive(n);
        LocalDate date = from;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The last day of a period of {@code workingDays} working days beginning on {@code firstDay}, such as
     * a public notice period "from 25 September, 10 working days". The first day counts as day 1 when it
     * is a working day; otherwise the period starts on the next working day.
     *
     * @throws IllegalArgumentException     if workingDays is less than 1
     * @throws CalendarDataMissingException if the period runs into a year without data
     */
    public LocalDate lastDayOfPeriod(LocalDate firstDay, int workingDays) {
        Objects.requireNonNull(firstDay, "firstDay");
        requirePositive(workingDays);
        if (!isWorkingDay(firstDay)) {
            return plusWorkingDays(firstDay, workingDays);
        }
        return workingDays == 1 ? firstDay : plusWorkingDays(firstDay, workingDays - 1);
    }

    /**
     * The number of working days from {@code startInclusive} to {@code endInclusive}, both counted.
     *
     * @throws IllegalArgumentException     if the end is before the start
     * @throws CalendarDataMissingException if the range touches a year without data
     */
    public int workingDaysBetween(LocalDate startInclusive, LocalDate endInclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endInclusive, "endInclusive");
        if (endInclusive.isBefore(startInclusive)) {
            throw new IllegalArgumentException("结束日期" + endInclusive + "早于开始日期" + startInclusive);
        }
        int count = 0;
        for (LocalDate date = startInclusive; !date.isAfter(endInclusive); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The days off of a year that the State Council's notice lists, weekend days inside a holiday
     * included, in date order.
     *
     * @throws CalendarDataMissingException if the file has no data for the year
     */
    public List<LocalDate> holidays(int year) {
        return datesOf(holidays, year);
    }

    /**
     * The Saturdays and Sundays of a year that are worked in exchange for days off (调休上班日), in date
     * order.
     *
     * @throws CalendarDataMissingException if the file has no data for the year
     */
    public List<LocalDate> makeUpWorkdays(int year) {
        return datesOf(workdays, year);
    }

    private List<LocalDate> datesOf(Set<LocalDate> dates, int year) {
        requireYear(year);
        return dates.stream().filter(date -> date.getYear() == year).sorted().toList();
    }

    /** The calendar years the file has data for. */
    public Set<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(years);
    }

    private void requireYear(int year) {
        if (!years.contains(year)) {
            throw new CalendarDataMissingException(year, file);
        }
    }

    private static void requirePositive(int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("工作日数应至少为1，实际为" + workingDays);
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private void load() {
        JsonNode root = ReferenceFiles.readObject(file);
        List<Problem> problems = new ArrayList<>();
        // Insertion order keeps the problems in file order.
        Map<LocalDate, String> holidayKeys = new LinkedHashMap<>();
        Map<LocalDate, String> workdayKeys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String yearKey = entry.getKey();
            if (!YEAR.matcher(yearKey).matches()) {
                problems.add(new Problem(file, yearKey, "年份键应为四位数字，如“2025”"));
                continue;
            }
            JsonNode yearNode = ReferenceFiles.requiredObject(entry.getValue(), file, yearKey, problems);
            if (yearNode == null) {
                continue;
            }
            int year = Integer.parseInt(yearKey);
            years.add(year);
            for (Map.Entry<String, JsonNode> field : yearNode.properties()) {
                if (!field.getKey().equals(HOLIDAYS) && !field.getKey().equals(WORKDAYS)) {
                    problems.add(new Problem(file, yearKey + "." + field.getKey(),
                            "无法识别的键，每年只能有 holidays（放假日）和 workdays（调休上班日）"));
                }
            }
            readDates(yearNode, HOLIDAYS, year, yearKey, holidayKeys, problems, true);
            readDates(yearNode, WORKDAYS, year, yearKey, workdayKeys, problems, false);
        }
        for (Map.Entry<LocalDate, String> workday : workdayKeys.entrySet()) {
            LocalDate date = workday.getKey();
            if (holidayKeys.containsKey(date)) {
                problems.add(new Problem(file, workday.getValue(), date + "同时列为放假日（"
                        + holidayKeys.get(date) + "）和调休上班日，只能是其中之一"));
            } else if (!isWeekend(date)) {
                problems.add(new Problem(file, workday.getValue(), "调休上班日" + date + "是"
                        + weekdayName(date.getDayOfWeek()) + "，调休上班日应为星期六或星期日"));
            }
        }
        if (problems.isEmpty() && years.isEmpty()) {
            problems.add(new Problem(file, "", "没有任何年份的数据"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }
        holidays.addAll(holidayKeys.keySet());
        workdays.addAll(workdayKeys.keySet());
    }

    private void readDates(JsonNode yearNode, String field, int year, String yearKey,
            Map<LocalDate, String> keysByDate, List<Problem> problems, boolean required) {
        String key = yearKey + "." + field;
        JsonNode list = yearNode.get(field);
        if (list == null && !required) {
            return;
        }
        if (ReferenceFiles.requiredArray(list, file, key, problems) == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemKey = key + "[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isTextual()) {
                problems.add(new Problem(file, itemKey, "应为 YYYY-MM-DD 格式的日期字符串"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(item.asText());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(file, itemKey, "“" + item.asText() + "”不是有效日期，应为 YYYY-MM-DD 格式"));
                continue;
            }
            if (date.getYear() != year) {
                problems.add(new Problem(file, itemKey, date + "应列在其所属年份“" + date.getYear()
                        + "”之下，而不是“" + yearKey + "”"));
                continue;
            }
            String earlier = keysByDate.putIfAbsent(date, itemKey);
            if (earlier != null) {
                problems.add(new Problem(file, itemKey, date + "与" + earlier + "重复"));
            }
        }
    }

    static String weekdayName(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "星期一";
            case TUESDAY -> "星期二";
            case WEDNESDAY -> "星期三";
            case THURSDAY -> "星期四";
            case FRIDAY -> "星期五";
            case SATURDAY -> "星期六";
            case SUNDAY -> "星期日";
        };
    }
}
