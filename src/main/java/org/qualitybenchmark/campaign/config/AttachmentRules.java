package org.qualitybenchmark.campaign.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.util.unit.DataSize;

/**
 * What files a case may carry.
 *
 * @param maxPackageSize all of one enterprise's files together (Shandong: 500MB per enterprise)
 * @param kinds          the kinds of file the notice asks for
 */
public record AttachmentRules(@NotNull DataSize maxPackageSize, @Valid @NotEmpty List<AttachmentKind> kinds) {
}
