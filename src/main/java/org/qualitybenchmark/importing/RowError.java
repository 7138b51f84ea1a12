package org.qualitybenchmark.importing;

/**
 * One thing wrong in an uploaded file.
 *
 * @param row     the row number as Excel shows it; 0 for the file as a whole
 * @param column  the column letter as Excel shows it (A, B, …), or null for the whole row or file
 * @param heading the column's heading, or null
 * @param value   what the cell holds, as read
 * @param message what is wrong, in Chinese
 */
public record RowError(int row, String column, String heading, String value, String message) {

    static RowError ofFile(String message) {
        return new RowError(0, null, null, null, message);
    }
}
