package org.qualitybenchmark.importing;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellReference;

/** Collects the faults of a file, each placed at its row and column as Excel shows them. */
final class RowErrors {

    private final TemplateLayout layout;
    private final List<RowError> errors = new ArrayList<>();

    RowErrors(TemplateLayout layout) {
        this.layout = layout;
    }

    /** A fault of one cell; a {@code key} not in the layout places it on the row as a whole. */
    void add(UploadedWorkbook.DataRow row, String key, String message) {
        int index = key == null ? -1 : layout.indexOf(key);
        if (index < 0) {
            errors.add(new RowError(row.number(), null, null, null, message));
            return;
        }
        Column column = layout.columns().get(index);
        errors.add(new RowError(row.number(), CellReference.convertNumToColString(index), column.heading(),
                row.get(key), message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<RowError> list() {
        return List.copyOf(errors);
    }
}
