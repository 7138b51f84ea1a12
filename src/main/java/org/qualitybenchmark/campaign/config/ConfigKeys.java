package org.qualitybenchmark.campaign.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Turns the three ways a position in a configuration file is described (the YAML parser's context,
 * Jackson's reference chain, Bean Validation's property path) into one dotted key such as
 * {@code schedule.applicationCloses}, {@code units[3].unit} or {@code quota.perKind.CITY}, so that
 * a process owner sees the same spelling whichever check found the fault.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    static String of(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.hasCurrentName()) {
                parts.push("." + c.getCurrentName());
            }
        }
        return join(parts);
    }

    static String of(List<JsonMappingException.Reference> references) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                parts.add("." + reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        return join(parts);
    }

    static String of(Path propertyPath) {
        Deque<String> parts = new ArrayDeque<>();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    parts.add("[" + node.getIndex() + "]");
                } else if (node.getKey() != null) {
                    parts.add("." + node.getKey());
                }
            }
            boolean named = node.getName() != null && !node.getName().isEmpty();
            if (named && node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getKind() != ElementKind.BEAN) {
                parts.add("." + node.getName());
            }
        }
        return join(parts);
    }

    static String element(String list, int index) {
        return list + "[" + index + "]";
    }

    /** The key one level up: {@code units[3].unit} gives {@code units[3]}, which gives {@code units}. */
    static String parent(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut <= 0 ? "" : key.substring(0, cut);
    }

    private static String join(Deque<String> parts) {
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
