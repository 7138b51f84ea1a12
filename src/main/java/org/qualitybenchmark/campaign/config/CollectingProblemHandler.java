package org.qualitybenchmark.campaign.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.util.ClassUtil;

import org.springframework.util.unit.DataSize;

/**
 * Notes each key Jackson cannot map and lets reading go on, so one run reports every misspelt key
 * and malformed value in a file instead of only the first. The value at fault becomes null (or the
 * primitive default); later findings at that key or above it are then dropped as its consequences.
 */
final class CollectingProblemHandler extends DeserializationProblemHandler {

    private final Map<String, String> problems = new LinkedHashMap<>();

    /** Key to Chinese message, in the order found. */
    Map<String, String> problems() {
        return Collections.unmodifiableMap(problems);
    }

    /**
     * The fault that stopped reading altogether, unless it is only the consequence of one already
     * noted at or inside its key.
     */
    void readingStopped(String key, String message) {
        if (!ConfigFile.explains(problems.keySet(), key)) {
            problems.put(key, message);
        }
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        // The parser stands on the property's value, so its context already ends with the property name.
        record(ConfigKeys.of(p.getParsingContext()),
                "无法识别的配置项「" + propertyName + "」" + hint(propertyName, deserializer.getKnownPropertyNames()));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
            String failureMsg) {
        record(ConfigKeys.of(ctxt.getParser().getParsingContext()),
                expected(targetType) + "，实际为「" + valueToConvert + "」");
        return emptyValue(targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
            String failureMsg) {
        record(ConfigKeys.of(ctxt.getParser().getParsingContext()),
                expected(targetType) + "，实际为「" + valueToConvert + "」");
        return emptyValue(targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
            String failureMsg) throws IOException {
        record(ConfigKeys.of(p.getParsingContext()), expected(targetType.getRawClass()) + "，实际为" + describe(t));
        p.skipChildren();
        return emptyValue(targetType.getRawClass());
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
            ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
        record(ConfigKeys.of(p.getParsingContext()), expected(instClass) + "，实际为" + describe(p.currentToken()));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
            Throwable t) {
        String key = ConfigKeys.of(ctxt.getParser().getParsingContext());
        // A value reported below this key was replaced by null, which is what the record's
        // constructor tripped over; a second message would only blame the wrong line.
        if (!ConfigFile.explains(problems.keySet(), key)) {
            record(key, t instanceof NullPointerException
                    ? "列表项或映射值不能为空（检查是否有只写了「- 」或「CITY:」而没有填写内容的行）"
                    : "无法创建该配置项：" + t.getMessage());
        }
        return null;
    }

    @Override
    public Object handleWeirdKey(DeserializationContext ctxt, Class<?> rawKeyType, String keyValue, String failureMsg) {
        record(ConfigKeys.of(ctxt.getParser().getParsingContext()), expected(rawKeyType) + "，实际为「" + keyValue + "」");
        return null;
    }

    /** What a value of this type must look like, in the words a process owner reads. */
    static String expected(Class<?> type) {
        Class<?> t = type.isPrimitive() ? ClassUtil.wrapperType(type) : type;
        if (type.isEnum()) {
            return "取值应为 " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining("、")) + " 之一";
        }
        if (t == LocalDate.class) {
            return "日期格式应为 YYYY-MM-DD，如 2022-06-30";
        }
        if (t == DataSize.class) {
            return "大小应写成数字加单位，如 20MB、500MB、1GB";
        }
        if (t == Boolean.class) {
            return "应为 true 或 false";
        }
        if (t == Integer.class || t == Long.class || t == Short.class || t == BigInteger.class) {
            return "应为整数";
        }
        if (t == BigDecimal.class || t == Double.class || t == Float.class) {
            return "应为数字";
        }
        if (t == String.class) {
            return "应为一段文字";
        }
        if (Collection.class.isAssignableFrom(t)) {
            return "应为列表（每项另起一行，以「- 」开头）";
        }
        return "应为「键: 值」形式的下级配置项";
    }

    /** What the value at fault becomes: null, or for a primitive its default so that reading can go on. */
    private static Object emptyValue(Class<?> type) {
        return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "空";
        }
        return switch (token) {
            case START_ARRAY -> "列表";
            case START_OBJECT -> "「键: 值」形式的下级配置项";
            case VALUE_NULL -> "空";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "数字";
            case VALUE_STRING -> "一段文字";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String hint(String unknown, Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        String closest = known.stream().map(String::valueOf)
                .min(Comparator.comparingInt(k -> distance(unknown.toLowerCase(), k.toLowerCase())))
                .orElseThrow();
        if (distance(unknown.toLowerCase(), closest.toLowerCase()) <= Math.max(2, closest.length() / 4)) {
            return "，是否应为「" + closest + "」？";
        }
        return "，此处可用的配置项有：" + known.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private void record(String key, String message) {
        problems.putIfAbsent(key, message);
    }
}
