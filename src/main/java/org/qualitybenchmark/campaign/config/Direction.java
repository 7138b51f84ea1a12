package org.qualitybenchmark.campaign.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A selection direction (遴选方向 / 申报方向) an application declares. */
public record Direction(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "只能使用小写字母、数字和连字符") String code,
        @NotBlank String name,
        String description) {
}
