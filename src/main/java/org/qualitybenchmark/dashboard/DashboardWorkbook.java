package org.qualitybenchmark.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.dashboard.DashboardFigures.Bucket;
import org.qualitybenchmark.dashboard.DashboardFigures.Diagram;
import org.qualitybenchmark.dashboard.DashboardFigures.Step;
import org.qualitybenchmark.support.AppProperties;

/**
 * The dashboard's figures as an Excel workbook: a summary sheet, then one sheet per figure with
 * Chinese headers, numbers as numbers and dates as dates, so the office can sort and chart them.
 */
@Component
class DashboardWorkbook {

    /** The sheets in order, by name; tests read them back by these names. */
    static final List<String> SHEETS = List.of("概况", "阶段漏斗", "阶段积压", "单位积压", "逾期任务", "停留时长", "每日处理量",
            "推荐单位进度", "专家评审", "流程环节");

    private final ZoneId zone;

    DashboardWorkbook(AppProperties properties) {
        this.zone = properties.zone();
    }

    /** A column: its header and how to read its value from a row of the figure. */
    private record Column<T>(String header, Function<T, Object> value) {
    }

    private static <T> Column<T> col(String header, Function<T, Object> value) {
        return new Column<>(header, value);
    }

    byte[] write(DashboardFigures f) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            summary(workbook.createSheet(SHEETS.get(0)), f, styles);
            table(workbook.createSheet(SHEETS.get(1)), styles, f.funnel(), List.of(
                    col("阶段", s -> s.label()), col("阶段代码", s -> s.stage()), col("当前案件数", s -> s.current()),
                    col("曾到达案件数", s -> s.reached()), col("终结阶段", s -> s.finalStage() ? "是" : "否")));
            table(workbook.createSheet(SHEETS.get(2)), styles, f.queues(), List.of(
                    col("阶段", q -> q.label()), col("积压案件数", q -> q.count()), col("平均已停留（天）", q -> q.averageAgeDays()),
                    col("最长已停留（天）", q -> q.maxAgeDays()), col("停留最久的案件", q -> q.oldestCaseNumber())));
            table(workbook.createSheet(SHEETS.get(3)), styles, f.unitQueues(), List.of(
                    col("推荐单位", q -> q.unitName()), col("单位代码", q -> q.unit()), col("阶段", q -> q.label()),
                    col("积压案件数", q -> q.count()), col("平均已停留（天）", q -> q.averageAgeDays()),
                    col("最长已停留（天）", q -> q.maxAgeDays())));
            table(workbook.createSheet(SHEETS.get(4)), styles, f.overdue(), List.of(
                    col("任务", o -> o.taskName()), col("案件编号", o -> o.caseNumber()), col("企业名称", o -> o.enterpriseName()),
                    col("推荐单位", o -> o.unitName()), col("案件阶段", o -> o.stageLabel()),
                    col("办理人类型", o -> "USER".equals(o.holderKind()) ? "个人" : "单位/用户组"),
                    col("办理人", o -> o.holderName()), col("截止时间", o -> dateTime(o.due())),
                    col("逾期天数", o -> o.daysLate()), col("逾期工作日", o -> o.workingDaysLate())));
            table(workbook.createSheet(SHEETS.get(5)), styles, f.dwell(), dwellColumns(f));
            table(workbook.createSheet(SHEETS.get(6)), styles, f.throughput(), List.of(
                    col("日期", d -> d.date()), col("新建", d -> d.created()), col("提交", d -> d.submitted()),
                    col("阶段流转", d -> d.moved()), col("办结", d -> d.finished())));
            table(workbook.createSheet(SHEETS.get(7)), styles, f.units(), List.of(
                    col("推荐单位", u -> u.unitName()), col("单位代码", u -> u.unit()), col("类别", u -> u.kind()),
                    col("推荐名额", u -> u.quota() == null ? "不限" : u.quota()), col("已提交申报", u -> u.filed()),
                    col("草稿", u -> u.drafts()), col("待初审", u -> u.pending()), col("占用名额", u -> u.held()),
                    col("未获推荐", u -> u.notRecommended()), col("名单报送时间", u -> dateTime(u.listSubmittedAt())),
                    col("报送截止日期", u -> u.deadline()), col("距截止（天）", u -> u.daysLeft()),
                    col("状态", u -> u.statusLabel())));
            table(workbook.createSheet(SHEETS.get(8)), styles, f.experts(), List.of(
                    col("专家", e -> e.expertName()), col("用户名", e -> e.expert()), col("评审阶段", e -> e.stageLabel()),
                    col("分配案件数", e -> e.assigned()), col("已评分", e -> e.scored()), col("未评分", e -> e.open())));
            List<Object[]> steps = new ArrayList<>();
            for (Diagram diagram : f.diagrams()) {
                for (Step step : diagram.steps()) {
                    if (step.active() > 0 || step.completed() > 0) {
                        steps.add(new Object[] {diagram, step});
                    }
                }
            }
            table(workbook.createSheet(SHEETS.get(9)), styles, steps, List.of(
                    col("流程", r -> ((Diagram) r[0]).name()), col("环节", r -> ((Step) r[1]).name()),
                    col("环节标识", r -> ((Step) r[1]).activityId()), col("当前案件数", r -> ((Step) r[1]).active()),
                    col("平均已等待（天）", r -> ((Step) r[1]).averageWaitDays()),
                    col("最长已等待（天）", r -> ((Step) r[1]).maxWaitDays()),
                    col("已完成次数", r -> ((Step) r[1]).completed()),
                    col("平均用时（天）", r -> ((Step) r[1]).averageDurationDays())));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Column<DashboardFigures.Dwell>> dwellColumns(DashboardFigures f) {
        List<Column<DashboardFigures.Dwell>> columns = new ArrayList<>(List.of(
                col("阶段", d -> d.label()), col("已离开的停留次数", d -> d.count()), col("中位数（天）", d -> d.medianDays()),
                col("90百分位（天）", d -> d.p90Days()), col("平均（天）", d -> d.averageDays())));
        for (int i = 0; i < DashboardService.DWELL_BUCKETS.size(); i++) {
            int index = i;
            columns.add(col(DashboardService.DWELL_BUCKETS.get(i).label(), d -> {
                Bucket bucket = d.buckets().get(index);
                return bucket.count();
            }));
        }
        return columns;
    }

    private void summary(Sheet sheet, DashboardFigures f, Styles styles) {
        Object[][] rows = {
                {"遴选活动", f.campaign().name()},
                {"活动代码", f.campaign().code()},
                {"年度", f.campaign().year()},
                {"组织单位", f.campaign().organiser()},
                {"统计时间", dateTime(f.generatedAt())},
                {"阶段筛选", f.filter().stageLabel() == null ? "全部阶段" : f.filter().stageLabel()},
                {"单位筛选", f.filter().unitName() == null ? "全部单位" : f.filter().unitName()},
                {"查看范围", f.scope().allUnits() ? "全部推荐单位" : String.join("、", f.scope().unitNames())},
                {"案件数", f.caseCount()},
                {"逾期任务数", f.overdue().size()}};
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            Cell label = row.createCell(0);
            label.setCellValue((String) rows[r][0]);
            label.setCellStyle(styles.header);
            set(row.createCell(1), rows[r][1], styles);
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 48 * 256);
    }

    private <T> void table(Sheet sheet, Styles styles, List<T> items, List<Column<T>> columns) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, Math.max(10, columns.get(c).header().length() * 2 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < items.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                set(row.createCell(c), columns.get(c).value().apply(items.get(r)), styles);
            }
        }
    }

    private static void set(Cell cell, Object value, Styles styles) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(styles.dateTime);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private LocalDateTime dateTime(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(XSSFWorkbook workbook) {
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        }
    }
}
