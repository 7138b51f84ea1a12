package org.qualitybenchmark.support;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the running system finds what process owners edit, and where it keeps uploaded files.
 * The folders default to the ones in the repository, so a production install points these at its
 * own copies without rebuilding.
 */
@ConfigurationProperties("qb")
public record AppProperties(
        @DefaultValue("config") Path configDir,
        @DefaultValue("bpmn") Path bpmnDir,
        @DefaultValue("forms") Path formsDir,
        @DefaultValue("data/files") Path storageDir,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public Path referenceDir() {
        return configDir.resolve("reference");
    }

    public Path campaignsDir() {
        return configDir.resolve("campaigns");
    }

    public Path unitsDir() {
        return configDir.resolve("units");
    }
}
