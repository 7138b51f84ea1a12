package org.qualitybenchmark.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The uploaded workbook handed back with its faults marked: each faulty cell filled red with the
 * message as a comment, an error column after the last one saying everything wrong with the row,
 * and a sheet listing every fault. A file that could not be opened gets the list alone.
 */
final class ErrorWorkbook {

    static final String REPORT_SHEET = "错误报告";
    static final String ERROR_HEADING = "错误说明（导入时生成）";

    private ErrorWorkbook() {
    }

    static byte[] write(byte[] upload, List<RowError> errors) {
        try (UploadedWorkbook uploaded = UploadedWorkbook.open(upload)) {
            XSSFWorkbook workbook = uploaded.workbook();
            Sheet data = workbook.getSheet(TemplateWriter.DATA_SHEET);
            if (data != null) {
                mark(workbook, data, errors);
            }
            return finish(workbook, errors);
        } catch (ImportFileException unreadable) {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                return finish(workbook, errors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void mark(Workbook workbook, Sheet data, List<RowError> errors) {
        Row head = data.getRow(0) == null ? data.createRow(0) : data.getRow(0);
        int errorColumn = Math.max(0, head.getLastCellNum());
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.RED.getIndex());
        CellStyle headingStyle = workbook.createCellStyle();
        headingStyle.setFont(bold);
        Cell heading = head.createCell(errorColumn);
        heading.setCellValue(ERROR_HEADING);
        heading.setCellStyle(headingStyle);
        data.setColumnWidth(errorColumn, 60 * 256);

        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        Font red = workbook.createFont();
        red.setColor(IndexedColors.RED.getIndex());
        wrap.setFont(red);
        Map<Short, CellStyle> highlighted = new HashMap<>();
        Drawing<?> drawing = data.createDrawingPatriarch();
        Map<Integer, List<RowError>> byRow = errors.stream().filter(e -> e.row() > 0)
                .collect(Collectors.groupingBy(RowError::row, LinkedHashMap::new, Collectors.toList()));
        byRow.forEach((number, rowErrors) -> {
            Row row = data.getRow(number - 1) == null ? data.createRow(number - 1) : data.getRow(number - 1);
            Cell summary = row.createCell(errorColumn);
            summary.setCellValue(rowErrors.stream()
                    .map(e -> (e.heading() == null ? "" : e.heading() + "：") + e.message())
                    .collect(Collectors.joining("；\n")));
            summary.setCellStyle(wrap);
            Map<String, List<RowError>> byColumn = rowErrors.stream().filter(e -> e.column() != null)
                    .collect(Collectors.groupingBy(RowError::column, LinkedHashMap::new, Collectors.toList()));
            byColumn.forEach((letter, cellErrors) -> {
                int c = CellReference.convertColStringToIndex(letter);
                Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                CellStyle style = highlighted.computeIfAbsent(cell.getCellStyle().getIndex(), index -> {
                    CellStyle copy = workbook.createCellStyle();
                    copy.cloneStyleFrom(cell.getCellStyle());
                    copy.setFillForegroundColor(IndexedColors.ROSE.getIndex());
                    copy.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    return copy;
                });
                cell.setCellStyle(style);
                if (cell.getCellComment() != null) {
                    cell.removeCellComment();
                }
                ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                anchor.setCol1(c);
                anchor.setCol2(c + 3);
                anchor.setRow1(number - 1);
                anchor.setRow2(number + 2);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(workbook.getCreationHelper().createRichTextString(
                        cellErrors.stream().map(RowError::message).collect(Collectors.joining("；"))));
                cell.setCellComment(comment);
            });
        });
    }

    private static byte[] finish(XSSFWorkbook workbook, List<RowError> errors) {
        Sheet existing = workbook.getSheet(REPORT_SHEET);
        if (existing != null) {
            workbook.removeSheetAt(workbook.getSheetIndex(existing));
        }
        Sheet report = workbook.createSheet(REPORT_SHEET);
        String[] titles = {"行号", "列", "列标题", "单元格内容", "错误说明"};
        Row head = report.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            head.createCell(i).setCellValue(titles[i]);
        }
        int r = 1;
        for (RowError error : errors) {
            Row row = report.createRow(r++);
            if (error.row() > 0) {
                row.createCell(0).setCellValue(error.row());
            } else {
                row.createCell(0).setCellValue("整个文件");
            }
            row.createCell(1).setCellValue(error.column() == null ? "" : error.column());
            row.createCell(2).setCellValue(error.heading() == null ? "" : error.heading());
            row.createCell(3).setCellValue(error.value() == null ? "" : error.value());
            row.createCell(4).setCellValue(error.message());
        }
        report.setColumnWidth(2, 24 * 256);
        report.setColumnWidth(3, 30 * 256);
        report.setColumnWidth(4, 80 * 256);
        workbook.setActiveSheet(workbook.getSheetIndex(report));
        workbook.setSelectedTab(workbook.getSheetIndex(report));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
