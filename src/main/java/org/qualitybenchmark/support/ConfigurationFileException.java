package org.qualitybenchmark.support;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used. Start-up stops with this, naming every file and key
 * at fault, so a process owner can fix all of them in one go.
 */
public class ConfigurationFileException extends RuntimeException {

    private final List<Problem> problems;

    public ConfigurationFileException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigurationFileException(Path file, String key, String message) {
        this(List.of(new Problem(file, key, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return "配置文件有误，系统无法启动：\n" + problems.stream()
                .map(p -> "  - " + p)
                .collect(Collectors.joining("\n"));
    }

    /** One fault: the file, the key inside it (dotted path, may be empty for the whole file), what is wrong. */
    public record Problem(Path file, String key, String message) {
        @Override
        public String toString() {
            return file + (key == null || key.isBlank() ? "" : " [" + key + "]") + ": " + message;
        }
    }
}
