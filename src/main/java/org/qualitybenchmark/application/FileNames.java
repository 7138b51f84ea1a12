package org.qualitybenchmark.application;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a client's file name is safe to keep and show. The name is never used as a path
 * (files are stored under random keys) but it is offered back on download and exported into
 * folders named after enterprises, so it must be a plain, portable file name.
 */
final class FileNames {

    private static final int MAX_LENGTH = 200;
    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /**
     * The name to keep: the last path segment some browsers send, NFC-normalised and trimmed; or
     * the reason it cannot be kept.
     */
    static Result check(String raw) {
        if (raw == null || raw.isBlank()) {
            return Result.refused("文件名不能为空");
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return Result.refused("文件名不能为空");
        }
        if (FORBIDDEN.matcher(name).find()) {
            return Result.refused("文件名含有不允许的字符（\\ / : * ? \" < > | 或控制字符）");
        }
        if (name.startsWith(".")) {
            return Result.refused("文件名不能以“.”开头");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Result.refused("文件名不能以“.”或空格结尾");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Result.refused("文件名过长（不超过" + MAX_LENGTH + "个字符）");
        }
        String stem = stem(name).toUpperCase(Locale.ROOT);
        if (RESERVED.contains(stem)) {
            return Result.refused("文件名“" + name + "”是系统保留名称");
        }
        if (extension(name).isEmpty()) {
            return Result.refused("文件名缺少扩展名");
        }
        return new Result(name, null);
    }

    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1
                ? Optional.empty()
                : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    record Result(String name, String refusal) {
        static Result refused(String reason) {
            return new Result(null, reason);
        }

        boolean ok() {
            return refusal == null;
        }
    }
}
