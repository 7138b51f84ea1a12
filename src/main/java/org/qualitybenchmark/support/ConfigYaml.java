package org.qualitybenchmark.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.qualitybenchmark.support.ConfigurationFileException.Problem;

/**
 * Reads a process owner's YAML file strictly (unknown and repeated keys are faults), turning every
 * fault into a {@link Problem} that names the file, the key path and the line, so that start-up can
 * list them all at once instead of stopping at the first.
 */
public final class ConfigYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigYaml() {
    }

    /**
     * The file's content as {@code type}; empty when the file could not be read or mapped (the fault
     * is added to {@code problems}) or holds no document at all.
     */
    public static <T> Optional<T> read(Path file, Class<T> type, List<Problem> problems) {
        try {
            return Optional.ofNullable(YAML.readValue(Files.readString(file), type));
        } catch (JsonMappingException e) {
            String where = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String line = e.getLocation() == null ? "" : "（第" + e.getLocation().getLineNr() + "行）";
            problems.add(new Problem(file, where, "无法识别的内容" + line + "：" + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, "", "不是有效的 YAML：" + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(file, "", "无法读取文件：" + e.getMessage()));
        }
        return Optional.empty();
    }
}
