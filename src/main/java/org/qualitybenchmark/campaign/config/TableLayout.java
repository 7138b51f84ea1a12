package org.qualitybenchmark.campaign.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The layout of a statistics table a campaign's application form contains (浙江2024 表1–表5): fixed
 * rows the notice labels (资产总额、营业收入 …, each with its unit), rows the applicant adds up to a
 * maximum (表5 主要竞争对手), and typed columns (2022年、2023年行业平均水平 …).
 *
 * <p>A cell's rule is its column's, unless its row gives a type of its own (the 主导产品 row of 表1
 * holds product names above columns of percentages).
 *
 * @param rowHeader the heading of the first column, which holds the row labels (default 项目)
 * @param rows      the fixed rows, in the notice's order
 * @param freeRows  rows the applicant adds; absent when the table has only fixed rows
 * @param note      the notice's note under the table (注：…), shown to the applicant
 */
public record TableLayout(
        String rowHeader,
        @Valid @NotEmpty List<Column> columns,
        @Valid List<Row> rows,
        @Valid FreeRows freeRows,
        String note) {

    public static final String DEFAULT_ROW_HEADER = "项目";

    public TableLayout {
        rowHeader = rowHeader == null || rowHeader.isBlank() ? DEFAULT_ROW_HEADER : rowHeader;
        // Copied without List.copyOf: an empty "- " item reads as null and is reported by the checks, not here.
        columns = columns == null ? null : Collections.unmodifiableList(new ArrayList<>(columns));
        rows = rows == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** The value types a cell may have. */
    public enum CellType { TEXT, INTEGER, DECIMAL, CHOICE }

    /**
     * @param group        a heading shared by consecutive columns (主导产品一 over 国内 and 国际)
     * @param required     in every row that is filled in, this cell must be too
     * @param requiredWhen the cell is required only when another cell of the row has a given value
     *                     (调查机构名称 when 评价方式 is 第三方调查)
     */
    public record Column(
            @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9]*", message = "应为字母开头的英文标识") String key,
            @NotBlank String label,
            String group,
            @NotNull CellType type,
            boolean required,
            @Valid Condition requiredWhen,
            List<@NotBlank String> options,
            @Min(1) @Max(10000) Integer maxChars,
            BigDecimal min,
            BigDecimal max) {

        public Column {
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** How messages and error paths name the column: 国内 under 主导产品一 is 主导产品一（国内）. */
        public String name() {
            return TableLayout.name(group, label);
        }

        public Cell rule() {
            return new Cell(type, options, maxChars, min, max);
        }
    }

    /** A cell of the same row that must hold one value for the column carrying the condition to be required. */
    public record Condition(@NotBlank String column, @NotBlank String equals) {
    }

    /**
     * @param group    a heading shared by consecutive rows (市场占有率 over 2022年 and 2023年)
     * @param unit     the unit of the row's figures (万元、%、次)
     * @param required the row must be filled in: its required cells, or at least one cell where no
     *                 column is required
     * @param columns  the keys of the columns this row has cells in; absent means all
     * @param type     the type of all the row's cells, replacing the columns' rules; with it
     *                 {@code options}, {@code maxChars}, {@code min} and {@code max} apply as for a column
     */
    public record Row(
            @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9]*", message = "应为字母开头的英文标识") String key,
            @NotBlank String label,
            String group,
            String unit,
            boolean required,
            List<@NotBlank String> columns,
            CellType type,
            List<@NotBlank String> options,
            @Min(1) @Max(10000) Integer maxChars,
            BigDecimal min,
            BigDecimal max) {

        public Row {
            columns = columns == null ? null : Collections.unmodifiableList(new ArrayList<>(columns));
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** How messages and error paths name the row: 2022年 under 市场占有率 is 市场占有率（2022年）. */
        public String name() {
            return TableLayout.name(group, label);
        }

        public boolean has(Column column) {
            return columns == null || columns.contains(column.key());
        }
    }

    /**
     * @param max   the most rows an applicant may add
     * @param min   the fewest (counted at submission)
     * @param label the heading of the applicant's own row label (项目); absent: rows are only numbered (序号)
     * @param unit  each added row also has a unit the applicant writes
     */
    public record FreeRows(
            @NotNull @Min(1) @Max(100) Integer max,
            @Min(0) Integer min,
            String label,
            boolean unit) {

        public FreeRows {
            min = min == null ? 0 : min;
        }
    }

    /** What a cell accepts. */
    public record Cell(CellType type, List<String> options, Integer maxChars, BigDecimal min, BigDecimal max) {
    }

    public Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public Optional<Row> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** The rule of one cell: the row's where it gives a type, otherwise the column's. */
    public Cell rule(Row row, Column column) {
        return row != null && row.type() != null
                ? new Cell(row.type(), row.options(), row.maxChars(), row.min(), row.max())
                : column.rule();
    }

    /** Whether the table shows a unit column. */
    public boolean hasUnits() {
        return rows.stream().anyMatch(r -> r != null && r.unit() != null) || (freeRows != null && freeRows.unit());
    }

    private static String name(String group, String label) {
        return group == null || group.isBlank() ? label : group + "（" + label + "）";
    }
}
