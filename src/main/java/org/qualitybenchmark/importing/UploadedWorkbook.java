package org.qualitybenchmark.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An uploaded workbook, opened with limits a hostile file cannot get past: the upload's size is
 * bounded before this (see {@link ImportProperties}); POI refuses entries that inflate more than 100
 * times (zip bombs), entries above 100 MB and packages with more than 1,000 parts; only the .xlsx
 * format is read (an old .xls, a CSV or anything else renamed is refused by its first bytes); and
 * a sheet with more rows than allowed is refused before any row is checked.
 */
final class UploadedWorkbook implements AutoCloseable {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1000);
    }

    /** A data row as read: its row number as Excel shows it, and each column's text by key. */
    record DataRow(int number, Map<String, String> values) {
        String get(String key) {
            return values.get(key);
        }
    }

    private final XSSFWorkbook workbook;

    private UploadedWorkbook(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    static UploadedWorkbook open(byte[] bytes) throws ImportFileException {
        if (bytes.length == 0) {
            throw new ImportFileException("文件是空的，请上传从本系统下载并填写好的 Excel 模板（.xlsx）");
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(bytes);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            throw new ImportFileException("这是旧版 Excel 97-2003 文件（.xls）或其他 Office 旧格式文件；请使用从本系统下载的 .xlsx 模板填写后上传");
        }
        if (magic != FileMagic.OOXML) {
            throw new ImportFileException("文件不是 Excel 工作簿（.xlsx）；CSV、文本或改了扩展名的文件不能导入，请使用从本系统下载的模板");
        }
        try {
            OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            return new UploadedWorkbook(new XSSFWorkbook(pkg));
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).toLowerCase().contains("zip bomb")) {
                throw new ImportFileException("文件解压后的大小与压缩后相差异常（疑似压缩炸弹），为安全起见拒绝读取");
            }
            throw new ImportFileException("文件已损坏或不完整，无法作为 Excel 工作簿读取；请重新保存后上传");
        } catch (InvalidFormatException | POIXMLException | IllegalStateException
                 | IllegalArgumentException | UnsupportedOperationException e) {
            throw new ImportFileException("文件已损坏或不是 Excel 工作簿（.xlsx），无法读取；请重新保存后上传");
        } catch (RuntimeException e) {
            throw new ImportFileException("文件无法作为 Excel 工作簿读取（" + e.getClass().getSimpleName() + "）；请重新保存后上传");
        }
    }

    XSSFWorkbook workbook() {
        return workbook;
    }

    /** Refuses a workbook that is not this template: other kind, other campaign, other version. */
    void requireTemplate(TemplateLayout layout, String campaignName) throws ImportFileException {
        Sheet mark = workbook.getSheet(TemplateWriter.MARK_SHEET);
        if (mark == null || !TemplateWriter.MARK.equals(text(mark, 0, 0))) {
            throw new ImportFileException("文件不是从本系统下载的导入模板（缺少模板标记）；请先下载“" + layout.title()
                    + "”模板，把数据填入模板后上传");
        }
        String kind = text(mark, 0, 1);
        if (!layout.kind().name().equals(kind)) {
            String what = kind == null ? "其他" : switch (kind) {
                case "APPLICATIONS" -> ImportKind.APPLICATIONS.label();
                case "EXPERTS" -> ImportKind.EXPERTS.label();
                case "UNITS" -> ImportKind.UNITS.label();
                default -> "其他";
            };
            throw new ImportFileException("这是“" + what + "”的模板，不能用于" + layout.kind().label());
        }
        String campaign = text(mark, 1, 1);
        String expected = layout.campaignCode() == null ? "" : layout.campaignCode();
        if (!expected.equals(campaign == null ? "" : campaign)) {
            throw new ImportFileException("这是遴选活动“" + campaign + "”的模板，不能导入“" + campaignName + "”（" + expected
                    + "）；请下载本活动的模板");
        }
        if (!layout.version().equals(text(mark, 2, 1))) {
            throw new ImportFileException("模板版本已过期（活动的申报表或模板已更新，版本 " + text(mark, 2, 1) + "，现为 "
                    + layout.version() + "）；请重新下载模板，把数据复制进去后上传");
        }
    }

    /**
     * The data rows, after checking the headings: every column in the template's order and with its
     * heading. Wholly empty rows are skipped.
     */
    List<DataRow> rows(TemplateLayout layout, int maxRows) throws ImportFileException {
        Sheet sheet = workbook.getSheet(TemplateWriter.DATA_SHEET);
        if (sheet == null) {
            throw new ImportFileException("找不到工作表“" + TemplateWriter.DATA_SHEET + "”；请不要改动模板的工作表名称");
        }
        Row head = sheet.getRow(0);
        List<String> problems = new ArrayList<>();
        List<Column> columns = layout.columns();
        for (int c = 0; c < columns.size(); c++) {
            String found = head == null ? null : text(head.getCell(c));
            String expected = columns.get(c).heading();
            if (!expected.equals(found)) {
                String letter = CellReference.convertNumToColString(c);
                int elsewhere = indexOf(head, expected);
                problems.add(found == null
                        ? "第1行" + letter + "列应为“" + expected + "”，现为空" + (elsewhere >= 0 ? "（“" + expected + "”在"
                                + CellReference.convertNumToColString(elsewhere) + "列，请不要移动列）" : "（缺少该列）")
                        : "第1行" + letter + "列应为“" + expected + "”，现为“" + found + "”" + (elsewhere >= 0
                                ? "（“" + expected + "”在" + CellReference.convertNumToColString(elsewhere) + "列，请不要移动列）"
                                : "（该列缺失或标题被修改）"));
            }
        }
        if (head != null && head.getLastCellNum() > columns.size()) {
            for (int c = columns.size(); c < head.getLastCellNum(); c++) {
                String extra = text(head.getCell(c));
                if (extra != null) {
                    problems.add("第1行" + CellReference.convertNumToColString(c) + "列“" + extra + "”不是模板中的列，请删除");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportFileException("列标题与模板不一致，未读取任何数据：" + String.join("；", problems));
        }
        if (sheet.getPhysicalNumberOfRows() - 1 > maxRows) {
            throw new ImportFileException("文件有 " + (sheet.getPhysicalNumberOfRows() - 1) + " 行数据，一次最多导入 "
                    + maxRows + " 行；请分成几个文件导入");
        }
        List<DataRow> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean any = false;
            for (int c = 0; c < columns.size(); c++) {
                String value = text(row.getCell(c));
                values.put(columns.get(c).key(), value);
                any |= value != null;
            }
            if (any) {
                rows.add(new DataRow(r + 1, values));
            }
        }
        if (rows.size() > maxRows) {
            throw new ImportFileException("文件有 " + rows.size() + " 行数据，一次最多导入 " + maxRows + " 行；请分成几个文件导入");
        }
        return rows;
    }

    private static int indexOf(Row head, String heading) {
        if (head == null) {
            return -1;
        }
        for (int c = 0; c < head.getLastCellNum(); c++) {
            if (heading.equals(text(head.getCell(c)))) {
                return c;
            }
        }
        return -1;
    }

    private static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : text(r.getCell(column));
    }

    /** A cell's value as the text a person typed: numbers without a trailing ".0", dates as yyyy-mm-dd. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String value = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? LocalDate.ofInstant(cell.getDateCellValue().toInstant(), ZoneOffset.UTC).toString()
                    : plain(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            case ERROR -> "#错误";
            default -> null;
        };
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String plain(double number) {
        // Through the shortest decimal text of the double: 45000.1 stays 45000.1, not 45000.0999….
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // Read from memory: nothing to release that could fail to close.
        }
    }
}
