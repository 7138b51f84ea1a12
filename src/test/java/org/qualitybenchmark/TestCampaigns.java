package org.qualitybenchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A configuration folder for tests: the real one, plus the campaign
 * {@code src/test/resources/campaigns/test-quota-2022.yaml}, which has every kind of quota (a
 * unit's own, unlimited, by kind) and a recommendation deadline after the application window.
 */
public final class TestCampaigns {

    public static final String QUOTA_TEST = "test-quota-2022";

    private static Path configDir;

    private TestCampaigns() {
    }

    /** Made once per test run, under {@code target/}. */
    public static synchronized Path configDir() {
        if (configDir == null) {
            try {
                Path target = Files.createDirectories(Path.of("target"));
                Path dir = Files.createTempDirectory(target, "test-config-");
                copy(Path.of("config"), dir);
                Files.copy(Path.of("src/test/resources/campaigns/" + QUOTA_TEST + ".yaml"),
                        dir.resolve("campaigns/" + QUOTA_TEST + ".yaml"));
                configDir = dir.toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return configDir;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
