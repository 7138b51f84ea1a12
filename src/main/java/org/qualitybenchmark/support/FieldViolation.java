package org.qualitybenchmark.support;

/**
 * One thing wrong with one field of a request.
 *
 * @param field    the field's path as the client sent it, e.g. {@code enterprise.uscc} or {@code figures[2021].profit}
 * @param code     a stable machine-readable reason, e.g. {@code uscc.checkDigit}
 * @param message  what is wrong, in Chinese, for the person filling the form
 */
public record FieldViolation(String field, String code, String message) {
}
