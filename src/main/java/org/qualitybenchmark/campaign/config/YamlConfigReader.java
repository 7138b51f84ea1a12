package org.qualitybenchmark.campaign.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML file into a configuration record and reports, with file, key and line, everything
 * wrong with it that can be seen without looking at other files: YAML syntax, keys and values
 * Jackson cannot map, and Bean Validation constraints.
 */
final class YamlConfigReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    YamlConfigReader(Validator validator) {
        this.validator = validator;
        this.mapper = YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("configuration-values")
                        .addDeserializer(DataSize.class, new DataSizeDeserializer())
                        .addDeserializer(Boolean.TYPE, new FlagDeserializer()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Otherwise "kind: 3" quietly means the fourth constant.
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A second "schedule:" block would otherwise silently replace the first.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Lenient LocalDate reading takes 20220630 as a day count since 1970.
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                .build();
    }

    /** Reads the file; every problem found goes to {@code problems}, and the value is null if nothing usable was read. */
    <T> ConfigFile<T> read(Path file, Class<T> type, List<Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(file, "", "无法读取文件：" + e.getMessage()));
            return ConfigFile.unreadable(file, "");
        }
        return read(file, bytes, type, problems);
    }

    /** Reads a file's content that came from elsewhere (an upload); {@code file} names it in problems. */
    <T> ConfigFile<T> read(Path file, byte[] bytes, Class<T> type, List<Problem> problems) {
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, "", "文件不是 UTF-8 编码，请用 UTF-8 重新保存（Windows 记事本“另存为”时选择 UTF-8）"));
            return ConfigFile.unreadable(file, "");
        }

        KeyLocations locations;
        try {
            locations = scan(text);
        } catch (StreamReadException e) {
            problems.add(syntaxProblem(file, e));
            return ConfigFile.unreadable(file, text);
        } catch (IOException e) {
            problems.add(new Problem(file, "", "无法读取文件：" + e.getMessage()));
            return ConfigFile.unreadable(file, text);
        }
        if (locations == null) {
            problems.add(new Problem(file, "", "文件没有内容，或最外层不是「键: 值」形式的配置项"));
            return ConfigFile.unreadable(file, text);
        }

        CollectingProblemHandler handler = new CollectingProblemHandler();
        T value = null;
        try {
            value = mapper.readerFor(type).withHandler(handler).readValue(text);
        } catch (JsonProcessingException e) {
            String key = e instanceof JsonMappingException m ? ConfigKeys.of(m.getPath()) : "";
            handler.readingStopped(key, describe(e) + lineOf(e, locations, key));
        } catch (IOException e) {
            handler.readingStopped("", "无法读取文件：" + e.getMessage());
        }
        ConfigFile<T> read = new ConfigFile<>(file, text, value, locations, handler.problems().keySet());
        handler.problems().forEach((key, message) -> problems.add(read.problem(key, message)));

        if (value != null) {
            for (ConstraintViolation<T> violation : validator.validate(value)) {
                String key = ConfigKeys.of(violation.getPropertyPath());
                if (!read.explains(key)) {
                    problems.add(read.problem(key, message(violation)));
                }
            }
        }
        return read;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        // Notepad on Windows writes a byte-order mark that the YAML parser would take as part of the first key.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Checks the syntax and notes the line of every key; null when the file is not a mapping at the top. */
    private KeyLocations scan(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = first; token != null; token = parser.nextToken()) {
                if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(ConfigKeys.of(parser.getParsingContext()), parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return new KeyLocations(lines);
    }

    private static Problem syntaxProblem(Path file, StreamReadException e) {
        String key = e.getProcessor() == null ? "" : ConfigKeys.of(e.getProcessor().getParsingContext());
        String where = at(e.getLocation());
        if (e instanceof JacksonYAMLParseException && e.getCause() instanceof MarkedYAMLException yaml) {
            return new Problem(file, key, "YAML 语法有误" + where + "：" + yaml.getProblem()
                    + "。常见原因：缩进不一致、冒号后缺少空格、引号或括号未配对");
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return new Problem(file, key, "同一层级中配置项重复出现" + where + "，请删除或合并其中一个");
        }
        return new Problem(file, key, "YAML 语法有误" + where + "：" + e.getOriginalMessage());
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return CollectingProblemHandler.expected(f.getTargetType()) + "，实际为「" + f.getValue() + "」";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            if (m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Cannot coerce `null`")) {
                return CollectingProblemHandler.expected(m.getTargetType()) + "，不能留空";
            }
            return CollectingProblemHandler.expected(m.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return "无法创建该配置项：" + v.getCause().getMessage();
        }
        return "无法读取该配置项：" + e.getOriginalMessage();
    }

    private static String lineOf(JsonProcessingException e, KeyLocations locations, String key) {
        return locations.describe(key).isEmpty() ? at(e.getLocation()) : "";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return "（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列）";
    }

    /**
     * The constraint's own message where the record gives one in Chinese; for the standard
     * constraints a Chinese message independent of the JVM's locale.
     */
    private static String message(ConstraintViolation<?> violation) {
        if (!violation.getMessageTemplate().startsWith("{jakarta.validation.constraints.")) {
            return violation.getMessage();
        }
        Object invalid = violation.getInvalidValue();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull" -> "缺少必填项";
            case "NotBlank" -> invalid == null ? "缺少必填项" : "不能为空白";
            case "NotEmpty" -> invalid == null ? "缺少必填项" : "至少需要填写一项";
            case "Min" -> "不能小于 " + attributes.get("value") + "，实际为 " + invalid;
            case "Max" -> "不能大于 " + attributes.get("value") + "，实际为 " + invalid;
            case "Pattern" -> "格式不正确，实际为「" + invalid + "」";
            default -> violation.getMessage();
        };
    }
}
