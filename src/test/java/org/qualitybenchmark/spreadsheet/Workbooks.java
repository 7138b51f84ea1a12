package org.qualitybenchmark.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an exported workbook back with POI, as another program would: text as text, numbers as
 * {@link BigDecimal} (trailing zeros stripped), date-formatted numbers as dates or date-times,
 * empty cells as null.
 */
public final class Workbooks {

    private Workbooks() {
    }

    public static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> sheetNames(byte[] bytes) {
        try (Workbook book = open(bytes)) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of the sheet, each cell up to the row's last one. */
    public static List<List<Object>> rows(byte[] bytes, String sheetName) {
        try (Workbook book = open(bytes)) {
            Sheet sheet = book.getSheet(sheetName);
            if (sheet == null) {
                throw new AssertionError("no sheet " + sheetName);
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Object> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        values.add(value(row.getCell(c)));
                    }
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the first sheet. */
    public static List<List<Object>> rows(byte[] bytes) {
        return rows(bytes, sheetNames(bytes).get(0));
    }

    public static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType();
        if (type == CellType.STRING) {
            String text = cell.getStringCellValue();
            return text.isEmpty() ? null : text;
        }
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                var dateTime = cell.getLocalDateTimeCellValue();
                return dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate() : dateTime;
            }
            return number(cell.getNumericCellValue());
        }
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue();
        }
        return null;
    }

    public static BigDecimal number(double value) {
        BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    public static BigDecimal number(BigDecimal value) {
        return value == null ? null : number(value.doubleValue());
    }
}
