package org.qualitybenchmark.campaign.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A text the campaign's template asks for, with its word limit (字数). The section keyed
 * {@value #TITLE} is the experience title (经验名称 / 质量标杆名称) of the case.
 */
public record TextSection(
        @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9]*", message = "应为字母开头的英文标识") String key,
        @NotBlank String label,
        @NotNull @Min(1) @Max(100000) Integer maxChars,
        boolean required) {

    public static final String TITLE = "title";
}
