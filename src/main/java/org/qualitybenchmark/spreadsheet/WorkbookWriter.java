package org.qualitybenchmark.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontCharset;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@link SheetTable}s into an .xlsx workbook the way an office's own file looks: Chinese
 * fonts (黑体 title, 宋体 text), the title merged over the table, wrapped and bordered headings
 * that stay in view when scrolling, numbers stored as numbers and dates as dates, column widths
 * that fit the content, and a print setup for A4 landscape, fitted to the page width, with the
 * title and headings repeated on every page.
 */
final class WorkbookWriter {

    static final String TEXT_FONT = "宋体";
    static final String TITLE_FONT = "黑体";
    static final String DATE_FORMAT = "yyyy\"年\"m\"月\"d\"日\"";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;
    private static final float LINE_HEIGHT = 15f;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Set<String> sheetNames = new HashSet<>();
    private final CellStyle title;
    private final CellStyle lineLeft;
    private final CellStyle lineRight;
    private final CellStyle note;
    private final CellStyle heading;
    private final CellStyle text;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final Map<Integer, CellStyle> numbers = new HashMap<>();

    WorkbookWriter() {
        Font titleFont = font(TITLE_FONT, 16, true);
        Font plainFont = font(TEXT_FONT, 11, false);
        Font boldFont = font(TEXT_FONT, 11, true);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        title.setWrapText(true);
        lineLeft = plain(plainFont, HorizontalAlignment.LEFT);
        lineRight = plain(plainFont, HorizontalAlignment.RIGHT);
        note = plain(plainFont, HorizontalAlignment.LEFT);
        note.setWrapText(true);
        heading = bordered(boldFont, HorizontalAlignment.CENTER);
        heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered(plainFont, HorizontalAlignment.LEFT);
        date = bordered(plainFont, HorizontalAlignment.CENTER);
        date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
        dateTime = bordered(plainFont, HorizontalAlignment.CENTER);
        dateTime.setDataFormat(workbook.createDataFormat().getFormat(DATE_TIME_FORMAT));
    }

    /** The workbook of these sheets, in order, as the bytes of an .xlsx file. */
    static byte[] write(List<SheetTable> tables) {
        WorkbookWriter writer = new WorkbookWriter();
        tables.forEach(writer::add);
        return writer.bytes();
    }

    private void add(SheetTable table) {
        Sheet sheet = workbook.createSheet(sheetName(table.sheetName()));
        int columns = Math.max(1, table.headings().size());
        int[] widths = widths(table);
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, widths[c] * 256 + 200);
        }

        int r = 0;
        Row titleRow = sheet.createRow(r);
        titleRow.setHeightInPoints(32);
        put(titleRow, 0, table.title(), title);
        merge(sheet, r, 0, columns - 1);
        r++;
        for (SheetTable.SideLine line : table.header()) {
            sideLine(sheet, r++, line, columns);
        }

        int headingRow = r;
        Row headings = sheet.createRow(r++);
        int headingLines = 1;
        for (int c = 0; c < table.headings().size(); c++) {
            String label = table.headings().get(c).label();
            put(headings, c, label, heading);
            headingLines = Math.max(headingLines, lines(label, widths[c]));
        }
        headings.setHeightInPoints(Math.max(24f, headingLines * LINE_HEIGHT + 6));

        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            int rowLines = 1;
            for (int c = 0; c < columns; c++) {
                Object value = c < values.size() ? values.get(c) : null;
                value(row.createCell(c), value);
                if (value instanceof String s) {
                    rowLines = Math.max(rowLines, lines(s, widths[c]));
                }
            }
            // Excel does not grow a row for wrapped text in a file it did not lay out itself.
            row.setHeightInPoints(Math.max(20f, rowLines * LINE_HEIGHT + 4));
        }

        for (String line : table.notes()) {
            Row row = sheet.createRow(r);
            put(row, 0, line, note);
            merge(sheet, r, 0, columns - 1);
            int total = 0;
            for (int width : widths) {
                total += width;
            }
            row.setHeightInPoints(Math.max(18f, lines(line, total) * LINE_HEIGHT + 4));
            r++;
        }
        for (SheetTable.SideLine line : table.footer()) {
            sideLine(sheet, r++, line, columns);
        }

        sheet.createFreezePane(0, headingRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(0, headingRow, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    /** The left part over the first half of the columns, the right part over the rest, aligned right. */
    private void sideLine(Sheet sheet, int r, SheetTable.SideLine line, int columns) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(22);
        String left = line.left() == null ? "" : line.left();
        String right = line.right() == null ? "" : line.right();
        if (columns == 1) {
            put(row, 0, (left + "  " + right).strip(), lineLeft);
            return;
        }
        int split = (columns + 1) / 2;
        put(row, 0, left, lineLeft);
        merge(sheet, r, 0, split - 1);
        put(row, split, right, lineRight);
        merge(sheet, r, split, columns - 1);
    }

    private void value(Cell cell, Object value) {
        if (value == null) {
            cell.setCellStyle(text);
        } else if (value instanceof BigDecimal n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(number(Math.max(0, n.scale())));
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(number(n instanceof Double || n instanceof Float ? 2 : 0));
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(dateTime);
        } else {
            cell.setCellValue(value.toString());
            cell.setCellStyle(text);
        }
    }

    private CellStyle number(int decimals) {
        return numbers.computeIfAbsent(Math.min(decimals, 4), d -> {
            CellStyle style = bordered(font(TEXT_FONT, 11, false), HorizontalAlignment.RIGHT);
            style.setDataFormat(workbook.createDataFormat().getFormat(d == 0 ? "0" : "0." + "0".repeat(d)));
            return style;
        });
    }

    private int[] widths(SheetTable table) {
        int columns = Math.max(1, table.headings().size());
        int[] widths = new int[columns];
        for (int c = 0; c < table.headings().size(); c++) {
            SheetTable.Heading h = table.headings().get(c);
            if (h.width() != null) {
                widths[c] = h.width();
                continue;
            }
            int widest = Math.min(displayWidth(h.label()), 16);
            for (List<Object> row : table.rows()) {
                Object value = c < row.size() ? row.get(c) : null;
                int width = value == null ? 0
                        : value instanceof LocalDate ? 16
                        : value instanceof LocalDateTime ? 17
                        : displayWidth(value.toString());
                widest = Math.max(widest, width);
            }
            widths[c] = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widest + 2));
        }
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.max(widths[c], 2);
        }
        return widths;
    }

    /** How many lines the text takes in a column this wide, counting its own line breaks. */
    static int lines(String value, int width) {
        int lines = 0;
        for (String part : value.split("\n", -1)) {
            lines += Math.max(1, (displayWidth(part) + width - 1) / Math.max(1, width));
        }
        return lines;
    }

    /** Width in Excel's character units: a Chinese (full-width) character takes two. */
    static int displayWidth(String value) {
        int width = 0;
        for (int i = 0; i < value.length(); i++) {
            width += value.charAt(i) > 0x2E7F ? 2 : 1;
        }
        return width;
    }

    private String sheetName(String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int n = 2; !sheetNames.add(name); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private static void put(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void merge(Sheet sheet, int row, int first, int last) {
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, first, last));
        }
    }

    private Font font(String name, int points, boolean bold) {
        Font font = workbook.createFont();
        font.setFontName(name);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        // The East Asian font slot: without it Excel shows Chinese text in the default theme font.
        if (font instanceof XSSFFont xssf) {
            xssf.setCharSet(FontCharset.GB2312.getValue());
        }
        return font;
    }

    private CellStyle plain(Font font, HorizontalAlignment alignment) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private CellStyle bordered(Font font, HorizontalAlignment alignment) {
        CellStyle style = plain(font, alignment);
        style.setWrapText(true);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private byte[] bytes() {
        try (XSSFWorkbook book = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a workbook in memory failed", e);
        }
    }
}
