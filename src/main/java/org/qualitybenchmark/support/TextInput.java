package org.qualitybenchmark.support;

import java.util.List;

/**
 * Free text typed by a person (a reason, a comment, findings): trimmed, and measured in characters
 * as a reader counts them, so that a Chinese character or an emoji counts once.
 */
public final class TextInput {

    private TextInput() {
    }

    /** The trimmed text, or a refusal naming the field when it is blank or longer than {@code max}. */
    public static String required(String value, String field, String label, int max) {
        String text = optional(value, field, label, max);
        if (text == null) {
            throw new RuleViolationException(field, "required", "请填写" + label);
        }
        return text;
    }

    /**
     * As {@link #required(String, String, String, int)}, but adds the refusal to {@code violations}
     * and returns null, so that a form's faults are reported together.
     */
    public static String required(String value, String field, String label, int max, List<FieldViolation> violations) {
        try {
            return required(value, field, label, max);
        } catch (RuleViolationException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    /** The trimmed text, null when blank, or a refusal naming the field when longer than {@code max}. */
    public static String optional(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        int length = length(text);
        if (length > max) {
            throw new RuleViolationException(field, "text.tooLong", label + "应在" + max + "字以内，现为" + length + "字");
        }
        return text;
    }

    /** At most {@code max} characters of the text, for a summary in a column of that size. */
    public static String clip(String text, int max) {
        if (text == null || length(text) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
