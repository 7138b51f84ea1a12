package org.qualitybenchmark.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Chinese labels for Tasklist, Cockpit, Admin and Welcome against the English ones of the
 * webjar on the class path: a Camunda upgrade that adds labels fails here until they are translated,
 * instead of showing raw keys to Chinese users.
 */
class WebappTranslationsTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyShippedLabelHasAChineseTranslationWithTheSameParameters(String app) throws IOException {
        JsonNode english = read(APP + app + "/locales/en.json", "camunda-webapp-webjar");
        JsonNode chinese = read(APP + app + "/locales/zh.json", "target/classes");
        List<String> missing = new ArrayList<>();
        List<String> wrongParameters = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> labels = english.get("labels").fields(); labels.hasNext(); ) {
            Map.Entry<String, JsonNode> label = labels.next();
            JsonNode translation = chinese.path("labels").get(label.getKey());
            if (translation == null || !translation.isTextual()) {
                missing.add(label.getKey());
            } else if (!parameters(label.getValue().asText()).equals(parameters(translation.asText()))) {
                wrongParameters.add(label.getKey() + ": " + translation.asText());
            }
        }
        assertThat(missing).as("%s labels missing from zh.json", app).isEmpty();
        assertThat(wrongParameters).as("%s labels whose {{parameters}} differ from en.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void dateLocalesHaveEveryPartMomentIsGiven(String app) throws IOException {
        JsonNode english = read(APP + app + "/locales/en.json", "camunda-webapp-webjar").get("dateLocales");
        JsonNode chinese = read(APP + app + "/locales/zh.json", "target/classes").get("dateLocales");
        assertThat(fieldNames(chinese)).isEqualTo(fieldNames(english));
        assertThat(chinese.get("months")).hasSize(12);
        assertThat(chinese.get("weekdays")).hasSize(7);
        assertThat(chinese.at("/longDateFormat/LL").asText()).isEqualTo("YYYY年M月D日");
    }

    private JsonNode read(String resource, String expectedSource) throws IOException {
        URL url = getClass().getClassLoader().getResource(resource);
        assertThat(url).as(resource).isNotNull();
        assertThat(url.toString()).as("where %s comes from", resource).contains(expectedSource);
        try (InputStream in = url.openStream()) {
            // The webjar's files start with a byte order mark, which Jackson reads as content.
            byte[] bytes = in.readAllBytes();
            int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
            return json.readTree(bytes, start, bytes.length - start);
        }
    }

    private static TreeSet<String> parameters(String text) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
