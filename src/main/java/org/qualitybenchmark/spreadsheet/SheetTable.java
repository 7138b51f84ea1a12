package org.qualitybenchmark.spreadsheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One sheet as an office lays it out: a title, lines above the table (填报单位、日期), the column
 * headings, the rows, notes and the lines at the foot (联系人、盖章). Cell values are
 * {@link String}, {@link Number}, {@link java.time.LocalDate}, {@link java.time.LocalDateTime} or
 * null for an empty cell.
 *
 * @param sheetName the tab's name (at most 31 characters; Excel's limit)
 */
public record SheetTable(String sheetName, String title, List<SideLine> header, List<Heading> headings,
        List<List<Object>> rows, List<String> notes, List<SideLine> footer) {

    public SheetTable {
        header = List.copyOf(header);
        headings = List.copyOf(headings);
        // Rows keep their empty cells (null), which List.copyOf refuses.
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        notes = List.copyOf(notes);
        footer = List.copyOf(footer);
    }

    /** A line with a part at the table's left edge and one at its right edge; either may be empty. */
    public record SideLine(String left, String right) {
    }

    /**
     * @param width the column's width in characters (a Chinese character counts as two); null to
     *              size the column by its content
     */
    public record Heading(String label, Integer width) {
    }
}
