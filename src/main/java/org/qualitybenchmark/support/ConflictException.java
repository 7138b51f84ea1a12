package org.qualitybenchmark.support;

/** The request is valid but clashes with the current state, e.g. editing a case already submitted. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
