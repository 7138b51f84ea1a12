package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TableLayout;
import org.qualitybenchmark.campaign.config.TableLayout.Cell;
import org.qualitybenchmark.campaign.config.TableLayout.Column;
import org.qualitybenchmark.campaign.config.TableLayout.FreeRows;
import org.qualitybenchmark.campaign.config.TableLayout.Row;
import org.qualitybenchmark.support.FieldViolation;

/**
 * Checks and converts the value of a TABLE field (a statistics table of the form) between the API's
 * JSON and its stored text.
 *
 * <p>The value is {@code {"rows": {rowKey: {columnKey: value}}, "freeRows": [{"label", "unit",
 * "cells": {columnKey: value}}]}}: fixed rows by key, rows the applicant added in order. Blank cells
 * and rows left wholly blank are dropped. Errors name the table, row and column by their labels as
 * the form shows them: {@code fields.economicBenefits[营业收入][2023年]}.
 */
final class TableValues {

    static final String ROWS = "rows";
    static final String FREE_ROWS = "freeRows";
    static final String LABEL = "label";
    static final String UNIT = "unit";
    static final String CELLS = "cells";

    /** Room for a row label or unit the applicant writes; the notice's own labels are shorter. */
    static final int MAX_LABEL_CHARS = 50;
    static final int MAX_UNIT_CHARS = 20;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> STORED = new TypeReference<>() {
    };

    private TableValues() {
    }

    /**
     * The table normalised to its stored text, or empty when nothing is filled in or something is
     * wrong (then {@code violations} says what).
     *
     * @param complete the case is being submitted: required rows and cells must be filled in
     */
    static Optional<String> convert(ExtraField field, Object value, String path, boolean complete,
            List<FieldViolation> violations) {
        TableLayout table = field.table();
        String label = field.label();
        int before = violations.size();
        if (!(value instanceof Map<?, ?> input)) {
            violations.add(new FieldViolation(path, "format", label + "应为表格（rows：各固定行；freeRows：增加的行）"));
            return Optional.empty();
        }
        for (Object key : input.keySet()) {
            if (!ROWS.equals(key) && !FREE_ROWS.equals(key)) {
                violations.add(new FieldViolation(path, "format", label + "中没有“" + key + "”一项，只有 rows 和 freeRows"));
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<String, Map<String, String>> rows = fixedRows(field, input.get(ROWS), path, complete, violations);
        if (!rows.isEmpty()) {
            stored.put(ROWS, rows);
        }
        List<Map<String, Object>> free = freeRows(field, input.get(FREE_ROWS), path, complete, violations);
        if (!free.isEmpty()) {
            stored.put(FREE_ROWS, free);
        }
        if (violations.size() > before || stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A table of strings is always JSON", e);
        }
    }

    private static Map<String, Map<String, String>> fixedRows(ExtraField field, Object raw, String path,
            boolean complete, List<FieldViolation> violations) {
        TableLayout table = field.table();
        Map<?, ?> input = Map.of();
        if (raw instanceof Map<?, ?> map) {
            input = map;
        } else if (raw != null) {
            violations.add(new FieldViolation(path, "format", field.label() + "的 rows 应为“行键: {列键: 值}”"));
        }
        for (Object key : input.keySet()) {
            if (table.row(String.valueOf(key)).isEmpty()) {
                violations.add(new FieldViolation(path, "table.row", field.label() + "中没有“" + key + "”一行，可填："
                        + String.join("、", table.rows().stream().map(r -> r.key() + "（" + r.name() + "）").toList())));
            }
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Row row : table.rows()) {
            String rowPath = path + "[" + row.name() + "]";
            String where = field.label() + "「" + row.name() + "」行";
            Map<String, String> cells = cells(field, row, input.get(row.key()), rowPath, where, violations);
            if (complete) {
                missing(field, row, cells, row.required(), rowPath, where, violations);
            }
            if (!cells.isEmpty()) {
                rows.put(row.key(), cells);
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> freeRows(ExtraField field, Object raw, String path, boolean complete,
            List<FieldViolation> violations) {
        TableLayout table = field.table();
        FreeRows rule = table.freeRows();
        if (raw == null) {
            raw = List.of();
        }
        if (!(raw instanceof List<?> input)) {
            violations.add(new FieldViolation(path, "format", field.label() + "的 freeRows 应为列表"));
            return List.of();
        }
        if (rule == null) {
            if (!input.isEmpty()) {
                violations.add(new FieldViolation(path, "table.freeRows", field.label() + "只有固定的行，不能增加行"));
            }
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        // Named by their place in the form as sent, so that an error finds its row even with blank rows before it.
        for (int i = 0; i < input.size(); i++) {
            Object item = input.get(i);
            String rowPath = path + "[" + freeRowName(table, i + 1) + "]";
            String where = field.label() + "「" + freeRowName(table, i + 1) + "」";
            if (!(item instanceof Map<?, ?> row)) {
                violations.add(new FieldViolation(rowPath, "format", where + "应为“label、unit、cells”构成的一行"));
                continue;
            }
            for (Object key : row.keySet()) {
                if (!LABEL.equals(key) && !UNIT.equals(key) && !CELLS.equals(key)) {
                    violations.add(new FieldViolation(rowPath, "format", where + "中没有“" + key + "”一项，只有 label、unit 和 cells"));
                }
            }
            Map<String, Object> stored = new LinkedHashMap<>();
            String label = text(row.get(LABEL));
            if (label != null) {
                if (rule.label() == null) {
                    violations.add(new FieldViolation(rowPath, "table.label", where + "不填写" + table.rowHeader()));
                } else if (TextLength.count(label) > MAX_LABEL_CHARS) {
                    violations.add(new FieldViolation(rowPath + "[" + rule.label() + "]", "text.tooLong",
                            where + "的" + rule.label() + "应在" + MAX_LABEL_CHARS + "字以内"));
                }
                stored.put(LABEL, label);
            }
            String unit = text(row.get(UNIT));
            if (unit != null) {
                if (!rule.unit()) {
                    violations.add(new FieldViolation(rowPath, "table.unit", where + "不填写单位"));
                } else if (TextLength.count(unit) > MAX_UNIT_CHARS) {
                    violations.add(new FieldViolation(rowPath + "[单位]", "text.tooLong",
                            where + "的单位应在" + MAX_UNIT_CHARS + "字以内"));
                }
                stored.put(UNIT, unit);
            }
            Map<String, String> cells = cells(field, null, row.get(CELLS), rowPath, where, violations);
            if (stored.isEmpty() && cells.isEmpty()) {
                // A row added and left blank is not a row: numbering continues without it.
                continue;
            }
            if (!cells.isEmpty()) {
                stored.put(CELLS, cells);
            }
            if (complete) {
                if (rule.label() != null && label == null) {
                    violations.add(new FieldViolation(rowPath + "[" + rule.label() + "]", "required",
                            "请填写" + where + "的" + rule.label()));
                }
                if (rule.unit() && unit == null) {
                    violations.add(new FieldViolation(rowPath + "[单位]", "required", "请填写" + where + "的单位"));
                }
                missing(field, null, cells, true, rowPath, where, violations);
            }
            rows.add(stored);
        }
        if (rows.size() > rule.max()) {
            violations.add(new FieldViolation(path, "table.tooManyRows",
                    field.label() + "最多" + (table.rows().isEmpty() ? "填写" : "增加") + rule.max() + "行，现为" + rows.size() + "行"));
        }
        if (complete && rows.size() < rule.min()) {
            violations.add(new FieldViolation(path, "required",
                    field.label() + "至少" + (table.rows().isEmpty() ? "填写" : "增加") + rule.min() + "行，现为" + rows.size() + "行"));
        }
        return rows;
    }

    /** The row's cells that are filled in, converted; {@code row} is null for an added row, which has every column. */
    private static Map<String, String> cells(ExtraField field, Row row, Object raw, String rowPath, String where,
            List<FieldViolation> violations) {
        TableLayout table = field.table();
        Map<String, String> cells = new LinkedHashMap<>();
        if (raw == null) {
            return cells;
        }
        if (!(raw instanceof Map<?, ?> input)) {
            violations.add(new FieldViolation(rowPath, "format", where + "应为“列键: 值”"));
            return cells;
        }
        for (Object key : input.keySet()) {
            Optional<Column> column = table.column(String.valueOf(key));
            if (column.isEmpty() || (row != null && !row.has(column.get()))) {
                violations.add(new FieldViolation(rowPath, "table.column", where + "没有“" + key + "”一列，可填："
                        + String.join("、", table.columns().stream().filter(c -> row == null || row.has(c))
                                .map(c -> c.key() + "（" + c.name() + "）").toList())));
            }
        }
        for (Column column : table.columns()) {
            Object value = input.get(column.key());
            if (value == null || (value instanceof String s && s.isBlank())) {
                continue;
            }
            String cellPath = rowPath + "[" + column.name() + "]";
            cell(table.rule(row, column), value, cellPath, where + "「" + column.name() + "」列", violations)
                    .ifPresent(v -> cells.put(column.key(), v));
        }
        return cells;
    }

    private static Optional<String> cell(Cell rule, Object value, String path, String where,
            List<FieldViolation> violations) {
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Boolean) {
            violations.add(new FieldViolation(path, "format", where + "应填写一个值"));
            return Optional.empty();
        }
        String text = value.toString().strip();
        switch (rule.type()) {
            case TEXT -> {
                if (rule.maxChars() != null && TextLength.count(text) > rule.maxChars()) {
                    violations.add(new FieldViolation(path, "text.tooLong",
                            where + "应在" + rule.maxChars() + "字以内，现为" + TextLength.count(text) + "字"));
                    return Optional.empty();
                }
                return Optional.of(text);
            }
            case INTEGER, DECIMAL -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    violations.add(new FieldViolation(path, "format",
                            where + (rule.type() == TableLayout.CellType.INTEGER ? "应为整数" : "应为数字") + "，现为“" + text + "”"));
                    return Optional.empty();
                }
                if (rule.type() == TableLayout.CellType.INTEGER && number.stripTrailingZeros().scale() > 0) {
                    violations.add(new FieldViolation(path, "format", where + "应为整数，现为" + text));
                    return Optional.empty();
                }
                if (rule.min() != null && number.compareTo(rule.min()) < 0) {
                    violations.add(new FieldViolation(path, "range", where + "不能小于" + rule.min().toPlainString()));
                    return Optional.empty();
                }
                if (rule.max() != null && number.compareTo(rule.max()) > 0) {
                    violations.add(new FieldViolation(path, "range", where + "不能大于" + rule.max().toPlainString()));
                    return Optional.empty();
                }
                return Optional.of(number.toPlainString());
            }
            case CHOICE -> {
                if (!rule.options().contains(text)) {
                    violations.add(new FieldViolation(path, "option", where + "只能选择：" + String.join("、", rule.options())));
                    return Optional.empty();
                }
                return Optional.of(text);
            }
            default -> throw new IllegalStateException("Unhandled cell type " + rule.type());
        }
    }

    /**
     * At submission: the required cells of a row that is filled in (or must be), and, for a
     * required row without required columns, at least one cell.
     */
    private static void missing(ExtraField field, Row row, Map<String, String> cells, boolean required, String rowPath,
            String where, List<FieldViolation> violations) {
        TableLayout table = field.table();
        if (!required && cells.isEmpty()) {
            return;
        }
        boolean anyRequired = false;
        for (Column column : table.columns()) {
            if (row != null && !row.has(column)) {
                continue;
            }
            boolean needed = column.required() || (column.requiredWhen() != null
                    && column.requiredWhen().equals().equals(cells.get(column.requiredWhen().column())));
            anyRequired |= column.required();
            String cellPath = rowPath + "[" + column.name() + "]";
            // A cell refused for its value is already named; "请填写" on top would only confuse.
            boolean refused = violations.stream().anyMatch(v -> v.field().equals(cellPath));
            if (needed && !cells.containsKey(column.key()) && !refused) {
                violations.add(new FieldViolation(cellPath, "required", "请填写" + where + "「" + column.name() + "」列"));
            }
        }
        if (required && !anyRequired && cells.isEmpty()) {
            violations.add(new FieldViolation(rowPath, "required", "请填写" + where));
        }
    }

    private static String freeRowName(TableLayout table, int number) {
        return (table.rows().isEmpty() ? "第" : "增加的第") + number + "行";
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The stored table back as the API shows it: numbers as numbers, rows and columns the layout no longer has left out. */
    static Map<String, Object> read(ExtraField field, String stored) {
        TableLayout table = field.table();
        Map<String, Object> value;
        try {
            value = JSON.readValue(stored, STORED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored table of field " + field.key() + " is not JSON", e);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        if (value.get(ROWS) instanceof Map<?, ?> rows) {
            Map<String, Object> shownRows = new LinkedHashMap<>();
            for (Row row : table.rows()) {
                if (rows.get(row.key()) instanceof Map<?, ?> cells) {
                    shownRows.put(row.key(), readCells(table, row, cells));
                }
            }
            shown.put(ROWS, shownRows);
        }
        if (value.get(FREE_ROWS) instanceof List<?> free && table.freeRows() != null) {
            List<Map<String, Object>> shownFree = new ArrayList<>();
            for (Object item : free) {
                Map<?, ?> row = (Map<?, ?>) item;
                Map<String, Object> shownRow = new LinkedHashMap<>();
                for (String key : List.of(LABEL, UNIT)) {
                    if (row.get(key) != null) {
                        shownRow.put(key, row.get(key));
                    }
                }
                shownRow.put(CELLS, row.get(CELLS) instanceof Map<?, ?> cells ? readCells(table, null, cells) : Map.of());
                shownFree.add(shownRow);
            }
            shown.put(FREE_ROWS, shownFree);
        }
        return shown;
    }

    private static Map<String, Object> readCells(TableLayout table, Row row, Map<?, ?> cells) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            Object cell = cells.get(column.key());
            if (cell == null) {
                continue;
            }
            TableLayout.CellType type = table.rule(row, column).type();
            boolean number = type == TableLayout.CellType.INTEGER || type == TableLayout.CellType.DECIMAL;
            // A cell stored before its column became numeric stays as it was written.
            shown.put(column.key(), number && NUMBER.matcher(cell.toString()).matches()
                    ? new BigDecimal(cell.toString()) : cell.toString());
        }
        return shown;
    }
}
