package org.qualitybenchmark.campaign.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

/** The content of one file under {@code config/units/}. */
public record UnitDirectoryFile(@Valid @NotEmpty List<UnitDefinition> units) {
}
