package org.qualitybenchmark.campaign.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A recommending unit in the unit directory ({@code config/units/*.yaml}). Units outlive campaigns:
 * 石家庄市工业和信息化局 recommends every year, and its staff keep one login group.
 *
 * @param code    stable identifier, e.g. "he-1301"; the unit's group in the identity service is {@code unit-<code>}
 * @param region  the GB/T 2260 code prefix the unit covers, where it has one (associations do not)
 * @param parent  the code of the unit above it (a county's city), if any
 */
public record UnitDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,40}", message = "只能使用小写字母、数字和连字符") String code,
        @NotBlank String name,
        @NotNull UnitKind kind,
        @Pattern(regexp = "[0-9]{2,6}", message = "应为2-6位行政区划码") String region,
        String parent) {

    public String groupId() {
        return "unit-" + code;
    }
}
