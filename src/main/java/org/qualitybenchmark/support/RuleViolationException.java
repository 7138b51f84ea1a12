package org.qualitybenchmark.support;

import java.util.List;
import java.util.stream.Collectors;

/** A request the rules refuse. Nothing of it has been stored. */
public class RuleViolationException extends RuntimeException {

    private final List<FieldViolation> violations;

    public RuleViolationException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A rule violation needs at least one field violation");
        }
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(String field, String code, String message) {
        this(List.of(new FieldViolation(field, code, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
