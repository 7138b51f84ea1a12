package org.qualitybenchmark.notification;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text from {@code config/notifications/}: subject and body with {@code {{variable}}}
 * placeholders, and the variables it declares.
 *
 * @param file where it was read, for messages about it
 */
public record NotificationTemplate(String key, String description, String subject, String body,
        List<String> variables, Path file) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    public NotificationTemplate {
        variables = List.copyOf(variables);
    }

    /** Subject and body with every placeholder filled. */
    public Rendered render(Map<String, String> values) {
        for (String name : variables) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("通知模板“" + key + "”（" + file + "）需要变量“" + name
                        + "”，发送方没有提供");
            }
        }
        return new Rendered(fill(subject, values), fill(body, values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public record Rendered(String subject, String body) {
    }
}
