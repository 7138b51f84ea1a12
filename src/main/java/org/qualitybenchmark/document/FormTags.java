package org.qualitybenchmark.document;

import java.util.Optional;

/**
 * How the form's content controls and tables are tagged, shared by the writer and the reader.
 * A value's control is tagged {@code qb:v:<key>}, a box of a choice {@code qb:o:<key>=<option>};
 * a statistics table carries a hidden bookmark {@code _qbT_<field>} (Word keeps both while the user
 * types). Keys follow the API's fields: {@code enterprise.name}, {@code texts.overview},
 * {@code figures.2023.revenue}, {@code fields.validPatents}; a table cell
 * {@code fields.<field>/<row>/<column>}, a cell of an added row {@code fields.<field>/+/<column>}
 * (with {@code #label} and {@code #unit} for the row's own label and unit).
 */
final class FormTags {

    static final String VALUE = "qb:v:";
    static final String OPTION = "qb:o:";
    static final String TABLE_BOOKMARK = "_qbT_";
    static final String FREE_ROW = "+";
    static final String LABEL = "#label";
    static final String UNIT = "#unit";

    /** Custom document properties: which campaign's form this is, and of which case. */
    static final String CAMPAIGN_PROPERTY = "qb.campaign";
    static final String CASE_PROPERTY = "qb.case";
    static final String FORMAT_PROPERTY = "qb.formFormat";
    static final String FORMAT = "1";

    private FormTags() {
    }

    static String value(String key) {
        return VALUE + key;
    }

    static String option(String key, String option) {
        return OPTION + key + "=" + option;
    }

    static String cell(String field, String row, String column) {
        return "fields." + field + "/" + row + "/" + column;
    }

    /** A tag's key and, for a box, its option. */
    record Tag(String key, String option) {
        boolean isOption() {
            return option != null;
        }
    }

    static Optional<Tag> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        if (tag.startsWith(VALUE)) {
            return Optional.of(new Tag(tag.substring(VALUE.length()), null));
        }
        if (tag.startsWith(OPTION)) {
            String rest = tag.substring(OPTION.length());
            int eq = rest.indexOf('=');
            return eq < 0 ? Optional.empty() : Optional.of(new Tag(rest.substring(0, eq), rest.substring(eq + 1)));
        }
        return Optional.empty();
    }
}
