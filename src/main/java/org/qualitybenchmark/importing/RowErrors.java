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

    /**
     * A fault of one cell; a {@code key} not in the layout places it on the row as a whole. The same
     * fault found twice (by the request's annotations and by the rules) is reported once.
     */
    void add(UploadedWorkbook.DataRow row, String key, String message) {
        int index = key == null ? -1 : layout.indexOf(key);
        RowError error = index < 0 ? new RowError(row.number(), null, null, null, message)
                : new RowError(row.number(), CellReference.convertNumToColString(index),
                        layout.columns().get(index).heading(), row.get(key), message);
        if (!errors.contains(error)) {
            errors.add(error);
        }
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
