package org.qualitybenchmark.campaign.config;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A form field a campaign adds to the common application, e.g. Zhejiang's 亩均效益评价等级 or
 * Luoyang's patent counts.
 *
 * @param options   the allowed values of a CHOICE or MULTI_CHOICE field
 * @param maxChars  the longest TEXT value
 * @param min       the smallest INTEGER or DECIMAL value
 * @param max       the largest INTEGER or DECIMAL value
 * @param table     the rows and columns of a TABLE field (a statistics table of the form)
 */
public record ExtraField(
        // 32: the width of the key column the values are stored under.
        @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9]{0,31}", message = "应为字母开头的英文标识，不超过32位") String key,
        @NotBlank String label,
        @NotNull FieldType type,
        boolean required,
        List<@NotBlank String> options,
        Integer maxChars,
        BigDecimal min,
        BigDecimal max,
        @Valid TableLayout table) {

    public ExtraField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A field holding one value. */
    public ExtraField(String key, String label, FieldType type, boolean required, List<String> options,
            Integer maxChars, BigDecimal min, BigDecimal max) {
        this(key, label, type, required, options, maxChars, min, max, null);
    }

    public enum FieldType { TEXT, INTEGER, DECIMAL, CHOICE, MULTI_CHOICE, BOOLEAN, TABLE }
}
