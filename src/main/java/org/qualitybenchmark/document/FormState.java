package org.qualitybenchmark.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.qualitybenchmark.application.ApplicationForm;
import org.qualitybenchmark.application.CaseViews.CaseDetail;
import org.qualitybenchmark.application.CaseViews.FigureView;

/**
 * An application form being put together from a case's stored values and a Word file's, in the
 * shape of the API's JSON, so that it goes to the case's rules exactly as a client's form would.
 * Financial years are kept by year; the API's list is made from them in year order.
 */
final class FormState {

    final Map<String, Object> root = new LinkedHashMap<>();
    final Map<String, Object> enterprise = new LinkedHashMap<>();
    final Map<String, Object> contact = new LinkedHashMap<>();
    final Map<String, String> texts = new LinkedHashMap<>();
    final Map<String, Object> fields = new LinkedHashMap<>();
    final TreeMap<Integer, Map<String, Object>> figures = new TreeMap<>();
    List<String> directions = new ArrayList<>();

    private FormState(String campaign) {
        root.put("campaign", campaign);
    }

    static FormState empty(String campaign) {
        return new FormState(campaign);
    }

    /** The case as it is stored, as the form that would store it. */
    static FormState of(CaseDetail detail) {
        FormState state = new FormState(detail.campaign());
        state.root.put("unit", detail.unit());
        var e = detail.enterprise();
        put(state.enterprise, "uscc", e.uscc());
        put(state.enterprise, "name", e.name());
        put(state.enterprise, "ownershipType", e.ownershipType() == null ? null : e.ownershipType().name());
        put(state.enterprise, "industryCode", e.industryCode());
        put(state.enterprise, "employees", e.employees());
        put(state.enterprise, "declaredSize", e.declaredSize());
        put(state.enterprise, "address", e.address());
        put(state.enterprise, "postcode", e.postcode());
        state.directions = new ArrayList<>(detail.directions().stream().map(d -> d.code()).toList());
        put(state.root, "title", detail.title());
        state.texts.putAll(detail.texts());
        for (FigureView figure : detail.figures()) {
            Map<String, Object> year = state.figure(figure.year());
            put(year, "revenue", figure.revenue());
            put(year, "profit", figure.profit());
            put(year, "totalAssets", figure.totalAssets());
        }
        if (detail.contact() != null) {
            var c = detail.contact();
            put(state.contact, "name", c.name());
            put(state.contact, "department", c.department());
            put(state.contact, "position", c.position());
            put(state.contact, "phone", c.phone());
            put(state.contact, "mobile", c.mobile());
            put(state.contact, "email", c.email());
        }
        detail.fields().forEach((key, value) -> state.fields.put(key, copy(value)));
        return state;
    }

    Map<String, Object> figure(int year) {
        return figures.computeIfAbsent(year, y -> new LinkedHashMap<>());
    }

    /** The years in the order the API's figures list has them. */
    List<Integer> figureYears() {
        return new ArrayList<>(figures.keySet());
    }

    /** The JSON the API would receive. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>(root);
        json.put("enterprise", enterprise);
        json.put("directions", directions);
        json.put("texts", texts);
        List<Map<String, Object>> list = new ArrayList<>();
        figures.forEach((year, values) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("year", year);
            entry.putAll(values);
            list.add(entry);
        });
        json.put("figures", list);
        json.put("contact", contact.isEmpty() ? null : contact);
        json.put("fields", fields);
        return json;
    }

    ApplicationForm toForm(ObjectMapper mapper) {
        return mapper.convertValue(json(), ApplicationForm.class);
    }

    /** A table field's value, made if absent: {@code {"rows": {}}}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> table(String key) {
        Object value = fields.get(key);
        if (!(value instanceof Map<?, ?>)) {
            value = new LinkedHashMap<String, Object>();
            fields.put(key, value);
        }
        Map<String, Object> table = (Map<String, Object>) value;
        if (!(table.get("rows") instanceof Map<?, ?>)) {
            table.put("rows", new LinkedHashMap<String, Object>());
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> tableRow(String key, String row) {
        Map<String, Object> rows = (Map<String, Object>) table(key).get("rows");
        Object cells = rows.get(row);
        if (!(cells instanceof Map<?, ?>)) {
            cells = new LinkedHashMap<String, Object>();
            rows.put(row, cells);
        }
        return (Map<String, Object>) cells;
    }

    @SuppressWarnings("unchecked")
    List<Object> freeRows(String key) {
        Map<String, Object> table = table(key);
        if (!(table.get("freeRows") instanceof List<?>)) {
            table.put("freeRows", new ArrayList<Object>());
        }
        return (List<Object>) table.get("freeRows");
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** A deep, mutable copy of a stored value (tables are nested maps and lists). */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value;
    }
}
