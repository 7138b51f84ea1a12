package org.qualitybenchmark.campaign.config;

import java.util.Map;

/**
 * The line on which each key of a YAML file starts. Problems carry the line so that a process owner
 * editing a 300-line notice file does not have to count list items to find {@code units[17]}.
 */
final class KeyLocations {

    static final KeyLocations NONE = new KeyLocations(Map.of());

    private final Map<String, Integer> lines;

    KeyLocations(Map<String, Integer> lines) {
        this.lines = Map.copyOf(lines);
    }

    /**
     * A suffix naming the line of the key, or of the nearest enclosing key when the key itself is
     * absent (as it is when a required key was left out).
     */
    String describe(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        Integer line = lines.get(key);
        if (line != null) {
            return "（第 " + line + " 行）";
        }
        for (String outer = ConfigKeys.parent(key); !outer.isEmpty(); outer = ConfigKeys.parent(outer)) {
            line = lines.get(outer);
            if (line != null) {
                return "（在第 " + line + " 行的 " + outer + " 中）";
            }
        }
        return "";
    }
}
