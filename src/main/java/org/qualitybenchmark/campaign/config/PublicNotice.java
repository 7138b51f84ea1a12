package org.qualitybenchmark.campaign.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The public notice (公示): its length in working days on the official calendar. */
public record PublicNotice(@NotNull @Min(1) @Max(60) Integer workingDays) {
}
