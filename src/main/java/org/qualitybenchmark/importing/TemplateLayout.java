package org.qualitybenchmark.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.qualitybenchmark.support.Hashes;

/**
 * The columns of one template and what marks it: its kind, its campaign and a version computed from
 * its columns, so that a file made from another campaign's template, or from this campaign's before
 * its form changed, is recognised and refused instead of being read into the wrong fields.
 *
 * @param campaignCode the campaign the template belongs to; null for the expert roster
 * @param title        what the template is for, shown on its sheets
 * @param instructions the lines of the instruction sheet before the column list
 */
record TemplateLayout(ImportKind kind, String campaignCode, String title, List<Column> columns,
        List<String> instructions) {

    TemplateLayout {
        columns = List.copyOf(columns);
        instructions = List.copyOf(instructions);
    }

    String version() {
        StringBuilder text = new StringBuilder(kind.name()).append('|').append(campaignCode);
        for (Column column : columns) {
            text.append('|').append(column.key()).append('=').append(column.heading()).append(':')
                    .append(column.type()).append(column.options());
        }
        return Hashes.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
