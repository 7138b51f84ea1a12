package org.qualitybenchmark.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a template: the data sheet with its headings (required ones in red, each with its note as a
 * comment), drop-down lists for choices and number checks for figures; the instruction sheet; a
 * hidden sheet with the lists; and a very hidden sheet with the template's mark (kind, campaign,
 * version), which an upload must carry. With rows, the same file is an export that imports again.
 */
final class TemplateWriter {

    static final String DATA_SHEET = "导入数据";
    static final String INSTRUCTION_SHEET = "填写说明";
    static final String LIST_SHEET = "选项";
    static final String MARK_SHEET = "模板标记";
    static final String MARK = "qb-import-template";

    private TemplateWriter() {
    }

    /** The template, with these rows filled in (each a value per column: String, Number or null). */
    static byte[] write(TemplateLayout layout, List<List<Object>> rows, int validatedRows, Instant now) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = workbook.createSheet(DATA_SHEET);
            Sheet instructions = workbook.createSheet(INSTRUCTION_SHEET);
            Sheet lists = workbook.createSheet(LIST_SHEET);
            Sheet mark = workbook.createSheet(MARK_SHEET);

            CellStyle heading = headingStyle(workbook, false);
            CellStyle requiredHeading = headingStyle(workbook, true);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.cloneStyleFrom(text);
            wrapped.setWrapText(true);

            Drawing<?> drawing = data.createDrawingPatriarch();
            Row head = data.createRow(0);
            List<Column> columns = layout.columns();
            int lastRow = Math.max(validatedRows, rows.size());
            int listColumn = 0;
            DataValidationHelper validations = data.getDataValidationHelper();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                var cell = head.createCell(c);
                cell.setCellValue(column.heading());
                cell.setCellStyle(column.required() ? requiredHeading : heading);
                data.setColumnWidth(c, Math.min(255, column.width()) * 256);
                if (column.type() == Column.Type.TEXT || column.type() == Column.Type.CHOICE) {
                    data.setDefaultColumnStyle(c, text);
                } else if (column.type() == Column.Type.LONG_TEXT) {
                    data.setDefaultColumnStyle(c, wrapped);
                }
                if (column.note() != null && !column.note().isBlank()) {
                    ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                    anchor.setCol1(c);
                    anchor.setCol2(c + 3);
                    anchor.setRow1(0);
                    anchor.setRow2(4);
                    Comment comment = drawing.createCellComment(anchor);
                    comment.setString(workbook.getCreationHelper().createRichTextString(
                            (column.required() ? "必填。" : "选填。") + column.note()));
                    cell.setCellComment(comment);
                }
                CellRangeAddressList range = new CellRangeAddressList(1, Math.max(1, lastRow), c, c);
                DataValidationConstraint constraint = null;
                String message = null;
                if (column.type() == Column.Type.CHOICE && !column.options().isEmpty()) {
                    for (int i = 0; i < column.options().size(); i++) {
                        Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                        row.createCell(listColumn).setCellValue(column.options().get(i));
                    }
                    String letter = CellReference.convertNumToColString(listColumn);
                    constraint = validations.createFormulaListConstraint("'" + LIST_SHEET + "'!$" + letter + "$1:$" + letter
                            + "$" + column.options().size());
                    message = abbreviate("请从下拉列表中选择：" + String.join("、", column.options()));
                    listColumn++;
                } else if (column.type() == Column.Type.INTEGER) {
                    constraint = validations.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            "-2147483648", "2147483647");
                    message = "请填写整数";
                } else if (column.type() == Column.Type.DECIMAL) {
                    constraint = validations.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            "-1000000000000", "1000000000000");
                    message = "请填写数字";
                }
                if (constraint != null) {
                    DataValidation validation = validations.createValidation(constraint, range);
                    validation.setShowErrorBox(true);
                    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                    validation.createErrorBox(column.heading(), message);
                    data.addValidationData(validation);
                }
            }
            data.createFreezePane(0, 1);

            for (int r = 0; r < rows.size(); r++) {
                Row row = data.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < columns.size() && c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    Column column = columns.get(c);
                    if (value instanceof Number number
                            && (column.type() == Column.Type.INTEGER || column.type() == Column.Type.DECIMAL)) {
                        cell.setCellValue(new BigDecimal(number.toString()).doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                        cell.setCellStyle(column.type() == Column.Type.LONG_TEXT ? wrapped : text);
                    }
                }
            }

            writeInstructions(workbook, instructions, layout, heading);
            Row first = mark.createRow(0);
            first.createCell(0).setCellValue(MARK);
            first.createCell(1).setCellValue(layout.kind().name());
            Row second = mark.createRow(1);
            second.createCell(0).setCellValue("campaign");
            second.createCell(1).setCellValue(layout.campaignCode() == null ? "" : layout.campaignCode());
            Row third = mark.createRow(2);
            third.createCell(0).setCellValue("version");
            third.createCell(1).setCellValue(layout.version());
            Row fourth = mark.createRow(3);
            fourth.createCell(0).setCellValue("generated");
            fourth.createCell(1).setCellValue(now.toString());

            workbook.setSheetVisibility(workbook.getSheetIndex(lists), SheetVisibility.HIDDEN);
            workbook.setSheetVisibility(workbook.getSheetIndex(mark), SheetVisibility.VERY_HIDDEN);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInstructions(XSSFWorkbook workbook, Sheet sheet, TemplateLayout layout, CellStyle heading) {
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        int r = 0;
        sheet.createRow(r++).createCell(0).setCellValue(layout.title());
        for (String line : layout.instructions()) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        r++;
        Row head = sheet.createRow(r++);
        String[] titles = {"列", "列标题", "是否必填", "填写要求", "可选值"};
        for (int i = 0; i < titles.length; i++) {
            head.createCell(i).setCellValue(titles[i]);
            head.getCell(i).setCellStyle(heading);
        }
        for (int c = 0; c < layout.columns().size(); c++) {
            Column column = layout.columns().get(c);
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(CellReference.convertNumToColString(c));
            row.createCell(1).setCellValue(column.heading());
            row.createCell(2).setCellValue(column.required() ? "必填" : "选填");
            row.createCell(3).setCellValue(column.note() == null ? "" : column.note());
            row.getCell(3).setCellStyle(wrap);
            row.createCell(4).setCellValue(String.join("、", column.options()));
            row.getCell(4).setCellStyle(wrap);
        }
        sheet.setColumnWidth(0, 6 * 256);
        sheet.setColumnWidth(1, 28 * 256);
        sheet.setColumnWidth(2, 10 * 256);
        sheet.setColumnWidth(3, 60 * 256);
        sheet.setColumnWidth(4, 60 * 256);
    }

    private static CellStyle headingStyle(XSSFWorkbook workbook, boolean required) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        if (required) {
            font.setColor(IndexedColors.RED.getIndex());
        }
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setWrapText(true);
        return style;
    }

    /** Excel's data-validation message holds at most 255 characters. */
    private static String abbreviate(String text) {
        return text.length() <= 250 ? text : text.substring(0, 249) + "…";
    }
}
