package org.qualitybenchmark.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook an office opens: its values typed, its layout for screen and print. */
class WorkbookWriterTest {

    private static final SheetTable TABLE = new SheetTable("汇总表", "2023年洛阳市质量标杆汇总表",
            List.of(new SheetTable.SideLine("县区工业和信息化主管部门（盖章）：涧西区", "年    月    日")),
            List.of(new SheetTable.Heading("序号", 6), new SheetTable.Heading("企业名称", 30),
                    new SheetTable.Heading("2022年营业收入（万元）", null), new SheetTable.Heading("提交日期", null),
                    new SheetTable.Heading("评分时间", null)),
            List.of(Arrays.asList(1, "洛阳甲轴承有限公司", new BigDecimal("45000.50"), LocalDate.of(2023, 3, 2),
                            LocalDateTime.of(2023, 3, 20, 14, 30)),
                    Arrays.asList(2, "洛阳乙耐火材料有限公司\n（第二行）", null, null, null)),
            List.of("注：按推荐排序填写。"), List.of(new SheetTable.SideLine("联系人：", "联系电话：")));

    @Test
    void valuesComeBackWithTheirTypes() {
        byte[] bytes = WorkbookWriter.write(List.of(TABLE));
        List<List<Object>> rows = Workbooks.rows(bytes);
        assertThat(rows.get(0).get(0)).isEqualTo("2023年洛阳市质量标杆汇总表");
        assertThat(rows.get(1)).containsExactly("县区工业和信息化主管部门（盖章）：涧西区", null, null, "年    月    日");
        assertThat(rows.get(2)).containsExactly("序号", "企业名称", "2022年营业收入（万元）", "提交日期", "评分时间");
        assertThat(rows.get(3)).containsExactly(BigDecimal.ONE, "洛阳甲轴承有限公司", new BigDecimal("45000.5"),
                LocalDate.of(2023, 3, 2), LocalDateTime.of(2023, 3, 20, 14, 30));
        assertThat(rows.get(4)).containsExactly(new BigDecimal("2"), "洛阳乙耐火材料有限公司\n（第二行）", null, null, null);
        assertThat(rows.get(5).get(0)).isEqualTo("注：按推荐排序填写。");
        assertThat(rows.get(6)).containsExactly("联系人：", null, null, "联系电话：");
    }

    @Test
    void theSheetIsLaidOutForScreenAndPrint() throws Exception {
        try (XSSFWorkbook book = Workbooks.open(WorkbookWriter.write(List.of(TABLE)))) {
            XSSFSheet sheet = book.getSheet("汇总表");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 4),
                    new CellRangeAddress(1, 1, 0, 2), new CellRangeAddress(1, 1, 3, 4), new CellRangeAddress(5, 5, 0, 4));
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("rows kept in view").isEqualTo((short) 3);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:3"));
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).as("as many pages down as needed").isZero();

            assertThat(sheet.getColumnWidth(1)).as("the configured width, 30 characters").isEqualTo(30 * 256 + 200);
            assertThat(sheet.getColumnWidth(2)).as("sized by the heading, which wraps")
                    .isBetween(10 * 256, 20 * 256);

            XSSFCell title = sheet.getRow(0).getCell(0);
            assertThat(title.getCellStyle().getFont().getFontName()).isEqualTo("黑体");
            assertThat(title.getCellStyle().getFont().getBold()).isTrue();
            XSSFCell heading = sheet.getRow(2).getCell(2);
            assertThat(heading.getCellStyle().getWrapText()).isTrue();
            assertThat(heading.getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
            assertThat(heading.getCellStyle().getFont().getFontName()).isEqualTo("宋体");
            assertThat(heading.getCellStyle().getFont().getBold()).isTrue();

            XSSFCell revenue = sheet.getRow(3).getCell(2);
            assertThat(revenue.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(revenue.getCellStyle().getDataFormatString()).isEqualTo("0.00");
            XSSFCell date = sheet.getRow(3).getCell(3);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo(WorkbookWriter.DATE_FORMAT);
            XSSFCell name = sheet.getRow(4).getCell(1);
            assertThat(name.getCellStyle().getWrapText()).isTrue();
            assertThat(name.getCellStyle().getBorderLeft()).isEqualTo(BorderStyle.THIN);
            assertThat(sheet.getRow(4).getHeightInPoints()).as("two lines of text").isGreaterThan(30f);
        }
    }

    @Test
    void sheetNamesAreMadeSafeAndUnique() {
        SheetTable one = new SheetTable("专家：张三/李四", "表", List.of(), List.of(new SheetTable.Heading("序号", 6)),
                List.of(), List.of(), List.of());
        byte[] bytes = WorkbookWriter.write(List.of(one, one));
        assertThat(Workbooks.sheetNames(bytes)).containsExactly("专家：张三 李四", "专家：张三 李四(2)");
    }

    @Test
    void chineseCharactersCountTwiceInAWidth() {
        assertThat(WorkbookWriter.displayWidth("质量标杆")).isEqualTo(8);
        assertThat(WorkbookWriter.displayWidth("A4")).isEqualTo(2);
        assertThat(WorkbookWriter.lines("质量标杆质量标杆", 8)).isEqualTo(2);
        assertThat(WorkbookWriter.lines("一\n二", 8)).isEqualTo(2);
    }
}
