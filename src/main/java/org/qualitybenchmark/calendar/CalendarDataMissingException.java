package org.qualitybenchmark.calendar;

import java.nio.file.Path;

/**
 * A working-day question touched a year the holiday file has no entry for. Guessing from weekdays
 * would silently misplace deadlines around Spring Festival and National Day, so this stops instead.
 */
public class CalendarDataMissingException extends RuntimeException {

    private final int year;
    private final Path file;

    public CalendarDataMissingException(int year, Path file) {
        super("工作日历缺少" + year + "年的节假日安排，无法计算工作日。请按国务院办公厅公布的" + year
                + "年放假通知，在参考数据文件 " + file + " 中补充该年的放假日和调休上班日后重启系统。");
        this.year = year;
        this.file = file;
    }

    public int year() {
        return year;
    }

    public Path file() {
        return file;
    }
}
