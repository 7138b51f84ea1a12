package org.qualitybenchmark.campaign.config;

import java.nio.file.Path;
import java.util.Set;

import org.qualitybenchmark.support.ConfigurationFileException.Problem;

/**
 * One configuration file as read.
 *
 * @param value       the object Jackson made of it; null when the file could not be read at all
 * @param faultyKeys  keys whose value could not be read and was left null or false
 */
record ConfigFile<T>(Path path, String text, T value, KeyLocations locations, Set<String> faultyKeys) {

    ConfigFile {
        faultyKeys = Set.copyOf(faultyKeys);
    }

    static <T> ConfigFile<T> unreadable(Path path, String text) {
        return new ConfigFile<>(path, text, null, KeyLocations.NONE, Set.of());
    }

    Problem problem(String key, String message) {
        return new Problem(path, key, message + locations.describe(key));
    }

    /**
     * Whether a fault at this key is only the consequence of one already reported at the key or
     * inside it: the value there was left null, so "missing" or "empty" would blame the wrong thing.
     */
    boolean explains(String key) {
        return explains(faultyKeys, key);
    }

    static boolean explains(Set<String> faultyKeys, String key) {
        return faultyKeys.stream().anyMatch(k -> key.isEmpty() || k.equals(key)
                || k.startsWith(key + ".") || k.startsWith(key + "["));
    }
}
