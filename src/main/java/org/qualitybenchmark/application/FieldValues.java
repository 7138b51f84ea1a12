package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.support.FieldViolation;

/**
 * Converts the values of a campaign's extra fields between the API's JSON and their stored text.
 * Tables are checked by {@link TableValues}, which needs to know whether the case is being submitted.
 */
final class FieldValues {

    private FieldValues() {
    }

    static Optional<String> convert(ExtraField field, Object value, String path, List<FieldViolation> violations) {
        String label = field.label();
        switch (field.type()) {
            case TEXT -> {
                String text = value.toString().strip();
                if (field.maxChars() != null && TextLength.count(text) > field.maxChars()) {
                    violations.add(new FieldViolation(path, "text.tooLong",
                            label + "应在" + field.maxChars() + "字以内，现为" + TextLength.count(text) + "字"));
                    return Optional.empty();
                }
                return Optional.of(text);
            }
            case INTEGER, DECIMAL -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value.toString().strip());
                } catch (NumberFormatException e) {
                    violations.add(new FieldViolation(path, "format", label + "应为数字"));
                    return Optional.empty();
                }
                if (field.type() == ExtraField.FieldType.INTEGER && number.stripTrailingZeros().scale() > 0) {
                    violations.add(new FieldViolation(path, "format", label + "应为整数"));
                    return Optional.empty();
                }
                if (field.min() != null && number.compareTo(field.min()) < 0) {
                    violations.add(new FieldViolation(path, "range", label + "不能小于" + field.min().toPlainString()));
                    return Optional.empty();
                }
                if (field.max() != null && number.compareTo(field.max()) > 0) {
                    violations.add(new FieldViolation(path, "range", label + "不能大于" + field.max().toPlainString()));
                    return Optional.empty();
                }
                return Optional.of(number.toPlainString());
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    return Optional.of(b.toString());
                }
                violations.add(new FieldViolation(path, "format", label + "应为“是”或“否”（true / false）"));
                return Optional.empty();
            }
            case CHOICE -> {
                String choice = value.toString().strip();
                if (!field.options().contains(choice)) {
                    violations.add(new FieldViolation(path, "option", label + "只能选择：" + String.join("、", field.options())));
                    return Optional.empty();
                }
                return Optional.of(choice);
            }
            case MULTI_CHOICE -> {
                Collection<?> values = value instanceof Collection<?> c ? c : List.of(value);
                List<String> chosen = new ArrayList<>();
                for (Object v : values) {
                    String choice = String.valueOf(v).strip();
                    if (!field.options().contains(choice)) {
                        violations.add(new FieldViolation(path, "option", label + "只能选择：" + String.join("、", field.options())));
                        return Optional.empty();
                    }
                    if (!chosen.contains(choice)) {
                        chosen.add(choice);
                    }
                }
                return Optional.of(String.join(ApplicationRules.MULTI_VALUE_SEPARATOR, chosen));
            }
            default -> throw new IllegalStateException("Unhandled field type " + field.type());
        }
    }

    /** The stored text back as the API shows it. */
    static Object read(ExtraField field, String stored) {
        return switch (field.type()) {
            case INTEGER, DECIMAL -> new BigDecimal(stored);
            case BOOLEAN -> Boolean.valueOf(stored);
            case MULTI_CHOICE -> List.of(stored.split(ApplicationRules.MULTI_VALUE_SEPARATOR));
            case TABLE -> TableValues.read(field, stored);
            default -> stored;
        };
    }
}
