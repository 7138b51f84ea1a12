package org.qualitybenchmark.campaign.config;

import java.math.BigDecimal;
import java.util.List;

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
 */
public record ExtraField(
        @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9]*", message = "应为字母开头的英文标识") String key,
        @NotBlank String label,
        @NotNull FieldType type,
        boolean required,
        List<@NotBlank String> options,
        Integer maxChars,
        BigDecimal min,
        BigDecimal max) {

    public ExtraField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public enum FieldType { TEXT, INTEGER, DECIMAL, CHOICE, MULTI_CHOICE, BOOLEAN }
}
