package org.qualitybenchmark.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads reference files as JSON trees rather than binding them to classes, so that every fault can
 * be reported with the key it sits under and a process owner can find it in the file.
 */
public final class ReferenceFiles {

    // A year or code listed twice would otherwise silently replace the first entry.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ReferenceFiles() {
    }

    /** The file's root object; any read or syntax error becomes a {@link ConfigurationFileException}. */
    public static JsonNode readObject(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationFileException(file, "", "找不到参考数据文件");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? ""
                    : "（第" + location.getLineNr() + "行第" + location.getColumnNr() + "列附近）";
            throw new ConfigurationFileException(file, "", "JSON 格式有误或存在重复的键" + where);
        } catch (IOException e) {
            throw new ConfigurationFileException(file, "", "无法读取文件：" + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationFileException(file, "", "文件内容应为一个 JSON 对象");
        }
        return root;
    }

    /**
     * The trimmed text of {@code node}, or null after recording a problem when it is missing, not a
     * string or blank. Some published names carry trailing spaces, hence the trim.
     */
    public static String requiredText(JsonNode node, Path file, String key, List<Problem> problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            problems.add(new Problem(file, key, "缺少此项"));
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new Problem(file, key, "应为非空字符串"));
            return null;
        }
        return node.asText().strip();
    }

    /** The array at {@code node}, or null after recording a problem when it is missing or not an array. */
    public static JsonNode requiredArray(JsonNode node, Path file, String key, List<Problem> problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            problems.add(new Problem(file, key, "缺少此项"));
            return null;
        }
        if (!node.isArray()) {
            problems.add(new Problem(file, key, "应为数组"));
            return null;
        }
        return node;
    }

    /** The object at {@code node}, or null after recording a problem when it is missing or not an object. */
    public static JsonNode requiredObject(JsonNode node, Path file, String key, List<Problem> problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            problems.add(new Problem(file, key, "缺少此项"));
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(file, key, "应为对象"));
            return null;
        }
        return node;
    }
}
