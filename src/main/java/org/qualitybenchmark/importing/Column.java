package org.qualitybenchmark.importing;

import java.util.List;

/**
 * One column of a template.
 *
 * @param key      what the column fills, e.g. {@code enterprise.uscc}; never shown
 * @param heading  the Chinese heading, which identifies the column in an upload
 * @param options  the allowed values of a choice column, offered as a drop-down list
 * @param note     how to fill it in, shown on the instruction sheet and as the heading's comment
 */
record Column(String key, String heading, Type type, boolean required, List<String> options, String note, int width) {

    enum Type { TEXT, LONG_TEXT, INTEGER, DECIMAL, CHOICE }

    Column {
        options = options == null ? List.of() : List.copyOf(options);
    }

    static Column text(String key, String heading, boolean required, String note) {
        return new Column(key, heading, Type.TEXT, required, List.of(), note, 20);
    }

    static Column longText(String key, String heading, boolean required, String note) {
        return new Column(key, heading, Type.LONG_TEXT, required, List.of(), note, 40);
    }

    static Column integer(String key, String heading, boolean required, String note) {
        return new Column(key, heading, Type.INTEGER, required, List.of(), note, 14);
    }

    static Column decimal(String key, String heading, boolean required, String note) {
        return new Column(key, heading, Type.DECIMAL, required, List.of(), note, 16);
    }

    static Column choice(String key, String heading, boolean required, List<String> options, String note) {
        return new Column(key, heading, Type.CHOICE, required, options, note, 18);
    }
}
