package org.qualitybenchmark.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * What a user submitted with a task or start form: the {@code form_…} variables, taken out of the
 * process as they are read (see {@link FormInputHistoryLevel}). Values come as the form sends them
 * (text, numbers, booleans, dates as ISO text); the getters convert and collect every problem, so
 * that one refusal names all wrong fields at once.
 */
final class FormInput {

    private final Map<String, Object> values;
    private final List<FieldViolation> violations = new ArrayList<>();

    private FormInput(Map<String, Object> values) {
        this.values = values;
    }

    /** Reads and removes the form variables visible from this scope. */
    static FormInput take(VariableScope scope) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : scope.getVariableNames()) {
            if (name.startsWith(FormInputHistoryLevel.FORM_PREFIX)) {
                values.put(name, scope.getVariable(name));
            }
        }
        for (String name : values.keySet()) {
            scope.removeVariable(name);
        }
        return new FormInput(values);
    }

    static FormInput of(Map<String, Object> values) {
        return new FormInput(new LinkedHashMap<>(values));
    }

    String text(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    String requiredText(String key, String label) {
        String text = text(key);
        if (text == null) {
            violations.add(new FieldViolation(key, "required", "请填写" + label));
        }
        return text;
    }

    boolean flag(String key) {
        Object value = values.get(key);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
    }

    Integer integer(String key, String label) {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.toString().strip());
            return number.intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            violations.add(new FieldViolation(key, "integer", label + "应为整数"));
            return null;
        }
    }

    BigDecimal decimal(String key, String label) {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(key, "number", label + "应为数字"));
            return null;
        }
    }

    LocalDate date(String key, String label) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return text.length() > 10 ? LocalDateTime.parse(text.substring(0, Math.min(text.length(), 19))).toLocalDate()
                    : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(key, "date", label + "应为日期，如 2022-07-15"));
            return null;
        }
    }

    LocalDateTime dateTime(String key, String label) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        // Forms send "2022-08-10T09:00", sometimes with seconds or a space; a bare date means its start.
        String normalized = text.replace(' ', 'T');
        try {
            return normalized.length() == 10 ? LocalDate.parse(normalized).atStartOfDay()
                    : LocalDateTime.parse(normalized.substring(0, Math.min(normalized.length(), 19)));
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(key, "dateTime", label + "应为日期和时间，如 2022-08-10 09:00"));
            return null;
        }
    }

    <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
        String text = text(key);
        if (text == null) {
            violations.add(new FieldViolation(key, "required", "请选择" + label));
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(key, "choice", label + "的取值“" + text + "”不在可选范围内"));
            return null;
        }
    }

    void require(boolean condition, String key, String message) {
        if (!condition) {
            violations.add(new FieldViolation(key, "invalid", message));
        }
    }

    /** Throws the collected problems, if any, before the domain is asked. */
    FormInput check() {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(List.copyOf(violations));
        }
        return this;
    }
}
