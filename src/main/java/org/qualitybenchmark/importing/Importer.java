package org.qualitybenchmark.importing;

import java.util.List;

import org.qualitybenchmark.access.AppUser;

/** One kind of import: who may do it, its template, and how its rows are checked and applied. */
interface Importer {

    ImportKind kind();

    /**
     * Refuses a user who may not import this (AccessDeniedException) or a request naming an unknown
     * campaign or unit (RuleViolationException), before the file is even stored.
     */
    void authorise(ImportRequest request, AppUser user);

    TemplateLayout layout(ImportRequest request);

    /** How the target is called in messages, e.g. the campaign's name. */
    String targetName(ImportRequest request);

    /** Checks every row (reporting progress) and returns what would be applied, with every fault found. */
    Prepared prepare(ImportRequest request, TemplateLayout layout, List<UploadedWorkbook.DataRow> rows, AppUser user,
            Progress progress);

    /** What to import, as requested. {@code campaign} and {@code unit} are codes, each where the kind needs it. */
    record ImportRequest(ImportKind kind, String campaign, String unit) {
    }

    interface Progress {
        void rows(int done, int total);
    }

    /** The checked rows. With no errors, {@link #apply} writes them all in the caller's transaction. */
    interface Prepared {
        List<RowError> errors();

        Outcome apply(Progress progress) throws RowsRejected;
    }

    /** What a good file created and changed; {@code items} lists what was created or changed, row by row. */
    record Outcome(int created, int updated, List<Item> items, String summary) {
        public Outcome {
            items = List.copyOf(items);
        }
    }

    /**
     * @param row       the row as Excel shows it
     * @param caseId    the case created, for a link to it; null for other kinds
     */
    record Item(int row, String label, String action, Long caseId, String caseNumber) {
    }

    /** Rows refused while applying (a conflict that arose after the check); nothing is kept. */
    class RowsRejected extends Exception {
        private final transient List<RowError> errors;

        RowsRejected(List<RowError> errors) {
            super(errors.toString());
            this.errors = List.copyOf(errors);
        }

        List<RowError> errors() {
            return errors;
        }
    }
}
