package org.qualitybenchmark.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigYaml;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

/**
 * The notification templates of {@code config/notifications/*.yaml}, read once at start-up. Like the
 * campaign files, every fault in every file is collected and start-up stops with all of them, each
 * naming the file, the template and the variable: a placeholder not declared in {@code variables}, a
 * declared variable the system does not know or the text does not use, a key given twice. The
 * reminder rules ({@value ReminderRules#FILE_NAME}) in the same folder are not templates and are left to
 * {@link ReminderRules}.
 */
@Component
public class NotificationTemplates {

    private static final Logger log = LoggerFactory.getLogger(NotificationTemplates.class);
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final Path dir;
    private final Map<String, NotificationTemplate> templates;

    @Autowired
    public NotificationTemplates(AppProperties properties) {
        this(properties.configDir().resolve("notifications"));
    }

    public NotificationTemplates(Path dir) {
        this.dir = dir;
        List<Problem> problems = new ArrayList<>();
        Map<String, NotificationTemplate> byKey = new LinkedHashMap<>();
        for (Path file : files(dir, problems)) {
            for (NotificationTemplate template : read(file, problems)) {
                NotificationTemplate earlier = byKey.putIfAbsent(template.key(), template);
                if (earlier != null) {
                    problems.add(new Problem(file, template.key(), "通知模板“" + template.key() + "”已在" + earlier.file()
                            + "中定义，模板的 key 不能重复"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }
        this.templates = Collections.unmodifiableMap(byKey);
        log.info("已读取 {} 个通知模板 {}", templates.size(), templates.keySet());
    }

    public Optional<NotificationTemplate> find(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    public NotificationTemplate get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("没有通知模板“" + key + "”（" + dir + "）"));
    }

    public Set<String> keys() {
        return templates.keySet();
    }

    /**
     * Checks that the templates an event sends exist and declare only variables that event
     * supplies; start-up stops otherwise, naming file, template and variable.
     *
     * @param uses  template key → the variables its event supplies
     * @param event who sends them, for the message (e.g. "案件通知")
     */
    public void require(Map<String, Set<String>> uses, String event) {
        List<Problem> problems = new ArrayList<>();
        uses.forEach((key, supplied) -> {
            NotificationTemplate template = templates.get(key);
            if (template == null) {
                problems.add(new Problem(dir, key, "缺少通知模板“" + key + "”（" + event + "要用），请在"
                        + dir + "下的文件中添加"));
                return;
            }
            for (String name : template.variables()) {
                if (!supplied.contains(name)) {
                    problems.add(new Problem(template.file(), key + ".variables", "通知模板“" + key + "”的变量“" + name
                            + "”在" + event + "中没有取值；可用的变量：" + String.join("、", new TreeSet<>(supplied))));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }
    }

    private static List<Path> files(Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir, "", "找不到通知模板文件夹"));
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            // The reminder rules live beside the templates but are read by ReminderRules.
            return entries.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(p -> !p.getFileName().toString().equals(ReminderRules.FILE_NAME)).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(dir, "", "无法读取通知模板文件夹：" + e.getMessage()));
            return List.of();
        }
    }

    /** The shape of a file: {@code templates:} and a list of them. */
    record TemplateFile(List<Entry> templates) {
    }

    record Entry(String key, String description, String subject, String body, List<String> variables) {
    }

    static List<NotificationTemplate> read(Path file, List<Problem> problems) {
        int faultsBefore = problems.size();
        TemplateFile parsed = ConfigYaml.read(file, TemplateFile.class, problems).orElse(null);
        if (problems.size() > faultsBefore) {
            return List.of();
        }
        if (parsed == null || parsed.templates() == null || parsed.templates().isEmpty()) {
            problems.add(new Problem(file, "templates", "文件中没有通知模板（templates 为空）"));
            return List.of();
        }
        List<NotificationTemplate> result = new ArrayList<>();
        for (int i = 0; i < parsed.templates().size(); i++) {
            Entry entry = parsed.templates().get(i);
            int before = problems.size();
            String key = entry == null ? null : entry.key();
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add(new Problem(file, "templates[" + i + "].key", "模板的 key 须为小写字母、数字和连字符，如 application-received"
                        + (key == null ? "（未填写）" : "，现为“" + key + "”")));
                continue;
            }
            check(file, entry, problems);
            if (problems.size() == before) {
                result.add(new NotificationTemplate(key, entry.description(), entry.subject().strip(), entry.body(),
                        entry.variables() == null ? List.of() : entry.variables(), file));
            }
        }
        return result;
    }

    private static void check(Path file, Entry entry, List<Problem> problems) {
        String key = entry.key();
        String named = "通知模板“" + key + "”";
        if (entry.subject() == null || entry.subject().isBlank()) {
            problems.add(new Problem(file, key + ".subject", named + "缺少主题（subject）"));
        } else if (entry.subject().strip().contains("\n")) {
            problems.add(new Problem(file, key + ".subject", named + "的主题只能有一行"));
        }
        if (entry.body() == null || entry.body().isBlank()) {
            problems.add(new Problem(file, key + ".body", named + "缺少正文（body）"));
        }
        List<String> declared = entry.variables() == null ? List.of() : entry.variables();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : declared) {
            if (name == null || !TemplateVariables.known(name)) {
                problems.add(new Problem(file, key + ".variables", named + "声明的变量“" + name + "”不是系统提供的通知变量；可用的变量："
                        + TemplateVariables.KNOWN.keySet().stream().sorted().collect(Collectors.joining("、"))));
            } else if (!seen.add(name)) {
                problems.add(new Problem(file, key + ".variables", named + "重复声明了变量“" + name + "”"));
            }
        }
        Set<String> used = new LinkedHashSet<>();
        placeholders(file, key, "subject", entry.subject(), declared, used, problems);
        placeholders(file, key, "body", entry.body(), declared, used, problems);
        for (String name : seen) {
            if (!used.contains(name)) {
                problems.add(new Problem(file, key + ".variables", named + "声明了变量“" + name
                        + "”，但主题和正文都没有用到；请删去该声明或在文中写 {{" + name + "}}"));
            }
        }
    }

    private static void placeholders(Path file, String key, String part, String text, List<String> declared,
            Set<String> used, List<Problem> problems) {
        if (text == null) {
            return;
        }
        Matcher matcher = NotificationTemplate.PLACEHOLDER.matcher(text);
        int end = 0;
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            rest.append(text, end, matcher.start());
            end = matcher.end();
            String name = matcher.group(1);
            if (!NAME.matcher(name).matches()) {
                problems.add(new Problem(file, key + "." + part, "通知模板“" + key + "”中的“{{" + name
                        + "}}”不是有效的变量名"));
            } else if (!declared.contains(name)) {
                problems.add(new Problem(file, key + "." + part, "通知模板“" + key + "”用到了变量“" + name + "”，但未在 variables 中声明"
                        + (TemplateVariables.known(name) ? "" : "，系统也不提供这个变量")));
            } else {
                used.add(name);
            }
        }
        rest.append(text.substring(end));
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            problems.add(new Problem(file, key + "." + part, "通知模板“" + key + "”中有不成对的 {{ 或 }}"));
        }
    }
}
