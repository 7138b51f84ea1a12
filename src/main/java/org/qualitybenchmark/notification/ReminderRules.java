package org.qualitybenchmark.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.campaign.ScheduleKey;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigYaml;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

import static org.qualitybenchmark.notification.TemplateVariables.CAMPAIGN_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.CASE_NUMBER;
import static org.qualitybenchmark.notification.TemplateVariables.DEADLINE;
import static org.qualitybenchmark.notification.TemplateVariables.DEADLINE_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.ENTERPRISE_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.LINK;
import static org.qualitybenchmark.notification.TemplateVariables.OPEN_WORK;
import static org.qualitybenchmark.notification.TemplateVariables.OVERDUE_WORKING_DAYS;
import static org.qualitybenchmark.notification.TemplateVariables.REFERENCE;
import static org.qualitybenchmark.notification.TemplateVariables.TASK_HOLDER;
import static org.qualitybenchmark.notification.TemplateVariables.TASK_LIST;
import static org.qualitybenchmark.notification.TemplateVariables.TASK_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.TITLE;
import static org.qualitybenchmark.notification.TemplateVariables.UNIT_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.WORKING_DAYS_LEFT;

/**
 * The reminder and escalation rules of {@value #FILE_NAME} in {@code config/notifications/}, read once
 * at start-up. Every fault is collected and start-up stops with all of them, each naming the file and
 * the key: an unknown deadline, a template that does not exist or needs a value the rule cannot give,
 * a campaign that does not exist, working days out of range, a supervisor the system cannot find.
 */
@Component
public class ReminderRules {

    public static final String FILE_NAME = "reminders.yaml";
    /** The deadline of a rule that reminds of open engine tasks by their own due dates. */
    public static final String TASKS = "tasks";
    static final int MAX_WORKING_DAYS = 30;

    private static final Logger log = LoggerFactory.getLogger(ReminderRules.class);
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

    /** Whom a task belongs to, as far as escalation is concerned. */
    public enum HolderKind {
        UNIT("unit", "推荐单位"), EXPERT("expert", "评审专家"), APPLICANT("applicant", "申报企业"),
        OFFICE("office", "组织单位办公室"), MANAGER("manager", "管理人员"), OTHER("other", "其他");

        private final String key;
        private final String label;

        HolderKind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static Optional<HolderKind> of(String key) {
            for (HolderKind kind : values()) {
                if (kind.key.equals(key)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Who hears of an overdue task of a holder kind. */
    public sealed interface Supervisor {
        /** The unit above the holding unit (a county's city, {@code parent} in units/); the office where there is none. */
        record ParentUnit() implements Supervisor {
        }

        /** The staff of the unit the task's case was filed with. */
        record CaseUnit() implements Supervisor {
        }

        /** The members of an identity-service group. */
        record Group(String groupId) implements Supervisor {
        }
    }

    /**
     * A reminder {@code workingDaysBefore} working days before a deadline, to whoever still has work
     * due then.
     *
     * @param deadline          a schedule key, or {@link #TASKS} for open engine tasks by their due dates
     * @param workingDaysBefore largest first
     * @param campaigns         campaign codes the rule applies to; empty: every campaign
     */
    public record ReminderRule(String key, String deadline, List<Integer> workingDaysBefore, String template,
            Set<String> campaigns, Set<String> taskKeys, Set<String> excludeTaskKeys) {

        public Optional<ScheduleKey> scheduleKey() {
            return ScheduleKey.of(deadline);
        }

        public boolean appliesTo(String campaignCode) {
            return campaigns.isEmpty() || campaigns.contains(campaignCode);
        }

        public boolean appliesToTask(String taskKey) {
            return (taskKeys.isEmpty() || taskKeys.contains(taskKey)) && !excludeTaskKeys.contains(taskKey);
        }
    }

    /**
     * A message to the supervisors of an overdue task: once when it is overdue, and again every
     * {@code repeatEveryWorkingDays} working days while it stays open, if set.
     */
    public record EscalationRule(String key, String template, Integer repeatEveryWorkingDays, Set<String> campaigns,
            Set<String> taskKeys, Set<String> excludeTaskKeys, Map<HolderKind, Supervisor> supervisors) {

        public boolean appliesTo(String campaignCode) {
            return campaigns.isEmpty() || campaigns.contains(campaignCode);
        }

        public boolean appliesToTask(String taskKey) {
            return (taskKeys.isEmpty() || taskKeys.contains(taskKey)) && !excludeTaskKeys.contains(taskKey);
        }
    }

    /** The variables a template may use, by what the rule reminds of. */
    static final Set<String> CASE_REMINDER = Set.of(CAMPAIGN_NAME, DEADLINE_NAME, DEADLINE, WORKING_DAYS_LEFT, OPEN_WORK,
            LINK, CASE_NUMBER, ENTERPRISE_NAME, TITLE, UNIT_NAME);
    static final Set<String> UNIT_REMINDER = Set.of(CAMPAIGN_NAME, DEADLINE_NAME, DEADLINE, WORKING_DAYS_LEFT, OPEN_WORK,
            LINK, UNIT_NAME);
    static final Set<String> TASK_REMINDER = Set.of(DEADLINE, WORKING_DAYS_LEFT, TASK_LIST, LINK);
    static final Set<String> ESCALATION = Set.of(TASK_NAME, TASK_HOLDER, REFERENCE, CAMPAIGN_NAME, DEADLINE,
            OVERDUE_WORKING_DAYS, LINK);

    /** The variables a reminder of this deadline supplies. */
    static Set<String> supplied(String deadline) {
        if (TASKS.equals(deadline)) {
            return TASK_REMINDER;
        }
        return switch (ScheduleKey.of(deadline).orElseThrow()) {
            case APPLICATION_CLOSES, ONLINE_SUBMISSION_DUE -> CASE_REMINDER;
            case COUNTY_SCREENING_DUE, RECOMMENDATION_DUE -> UNIT_REMINDER;
        };
    }

    private final Path file;
    private final List<ReminderRule> reminders;
    private final List<EscalationRule> escalations;

    @Autowired
    public ReminderRules(AppProperties properties, NotificationTemplates templates, CampaignRegistry campaigns) {
        this(properties.configDir().resolve("notifications").resolve(FILE_NAME), templates,
                campaigns.campaigns().stream().map(c -> c.code()).collect(Collectors.toSet()));
    }

    public ReminderRules(Path file, NotificationTemplates templates, Set<String> campaignCodes) {
        this.file = file;
        List<Problem> problems = new ArrayList<>();
        RulesFile parsed = read(file, problems);
        List<ReminderRule> reminderList = new ArrayList<>();
        List<EscalationRule> escalationList = new ArrayList<>();
        if (parsed != null) {
            Set<String> keys = new HashSet<>();
            List<ReminderEntry> reminderEntries = parsed.reminders() == null ? List.of() : parsed.reminders();
            for (int i = 0; i < reminderEntries.size(); i++) {
                reminder(reminderEntries.get(i), "reminders[" + i + "]", templates, campaignCodes, keys, problems)
                        .ifPresent(reminderList::add);
            }
            List<EscalationEntry> escalationEntries = parsed.escalations() == null ? List.of() : parsed.escalations();
            for (int i = 0; i < escalationEntries.size(); i++) {
                escalation(escalationEntries.get(i), "escalations[" + i + "]", templates, campaignCodes, keys, problems)
                        .ifPresent(escalationList::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }
        this.reminders = List.copyOf(reminderList);
        this.escalations = List.copyOf(escalationList);
        log.info("已读取 {} 条截止提醒规则、{} 条逾期督办规则（{}）", reminders.size(), escalations.size(), file);
    }

    public List<ReminderRule> reminders() {
        return reminders;
    }

    public List<EscalationRule> escalations() {
        return escalations;
    }

    public Path file() {
        return file;
    }

    /** The largest number of working days any reminder looks ahead. */
    public int lookAhead() {
        return reminders.stream().flatMap(r -> r.workingDaysBefore().stream()).max(Integer::compare).orElse(0);
    }

    record RulesFile(List<ReminderEntry> reminders, List<EscalationEntry> escalations) {
    }

    record ReminderEntry(String key, String description, String deadline, List<Integer> workingDaysBefore,
            String template, List<String> campaigns, List<String> taskKeys, List<String> excludeTaskKeys) {
    }

    record EscalationEntry(String key, String description, String template, Integer repeatEveryWorkingDays,
            List<String> campaigns, List<String> taskKeys, List<String> excludeTaskKeys,
            Map<String, String> supervisors) {
    }

    private static RulesFile read(Path file, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            // No file, no reminders: a deployment may do without them.
            return new RulesFile(List.of(), List.of());
        }
        int before = problems.size();
        Optional<RulesFile> parsed = ConfigYaml.read(file, RulesFile.class, problems);
        return problems.size() > before ? null : parsed.orElse(new RulesFile(List.of(), List.of()));
    }

    private Optional<ReminderRule> reminder(ReminderEntry entry, String at, NotificationTemplates templates,
            Set<String> campaignCodes, Set<String> keys, List<Problem> problems) {
        if (entry == null) {
            problems.add(new Problem(file, at, "提醒规则为空"));
            return Optional.empty();
        }
        int before = problems.size();
        key(entry.key(), at, keys, problems);
        String deadline = entry.deadline();
        boolean knownDeadline = TASKS.equals(deadline) || ScheduleKey.of(deadline).isPresent();
        if (!knownDeadline) {
            problems.add(new Problem(file, at + ".deadline", "截止事项应为 "
                    + java.util.Arrays.stream(ScheduleKey.values()).map(ScheduleKey::key).collect(Collectors.joining("、"))
                    + " 或 " + TASKS + "（按待办任务自身的到期日）之一" + (deadline == null ? "（未填写）" : "，实际为“" + deadline + "”")));
        }
        List<Integer> days = entry.workingDaysBefore() == null ? List.of() : entry.workingDaysBefore();
        if (days.isEmpty()) {
            problems.add(new Problem(file, at + ".workingDaysBefore", "请写明提前几个工作日提醒，如 [3, 1]"));
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer n : days) {
            if (n == null || n < 1 || n > MAX_WORKING_DAYS) {
                problems.add(new Problem(file, at + ".workingDaysBefore", "提前的工作日数应在1到" + MAX_WORKING_DAYS
                        + "之间，实际为" + n));
            } else if (!seen.add(n)) {
                problems.add(new Problem(file, at + ".workingDaysBefore", "提前的工作日数" + n + "写了两次"));
            }
        }
        if (knownDeadline) {
            template(entry.template(), at, supplied(deadline), templates, problems);
        }
        Set<String> campaigns = campaigns(entry.campaigns(), at, campaignCodes, problems);
        Set<String> taskKeys = codes(entry.taskKeys());
        Set<String> excluded = codes(entry.excludeTaskKeys());
        if (!TASKS.equals(deadline) && (!taskKeys.isEmpty() || !excluded.isEmpty())) {
            problems.add(new Problem(file, at + ".taskKeys", "只有 deadline: " + TASKS + " 的规则可以写 taskKeys 或 excludeTaskKeys"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        List<Integer> largestFirst = days.stream().sorted(Comparator.reverseOrder()).toList();
        return Optional.of(new ReminderRule(entry.key(), deadline, largestFirst, entry.template(), campaigns, taskKeys,
                excluded));
    }

    private Optional<EscalationRule> escalation(EscalationEntry entry, String at, NotificationTemplates templates,
            Set<String> campaignCodes, Set<String> keys, List<Problem> problems) {
        if (entry == null) {
            problems.add(new Problem(file, at, "督办规则为空"));
            return Optional.empty();
        }
        int before = problems.size();
        key(entry.key(), at, keys, problems);
        template(entry.template(), at, ESCALATION, templates, problems);
        Integer repeat = entry.repeatEveryWorkingDays();
        if (repeat != null && (repeat < 1 || repeat > MAX_WORKING_DAYS)) {
            problems.add(new Problem(file, at + ".repeatEveryWorkingDays", "再次督办的间隔应在1到" + MAX_WORKING_DAYS
                    + "个工作日之间，实际为" + repeat + "；不再督办就不写此项"));
        }
        Set<String> campaigns = campaigns(entry.campaigns(), at, campaignCodes, problems);
        Map<HolderKind, Supervisor> supervisors = supervisors(entry.supervisors(), at, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new EscalationRule(entry.key(), entry.template(), repeat, campaigns, codes(entry.taskKeys()),
                codes(entry.excludeTaskKeys()), supervisors));
    }

    private void key(String key, String at, Set<String> keys, List<Problem> problems) {
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new Problem(file, at + ".key", "规则的 key 须为小写字母、数字和连字符，如 application-closes"
                    + (key == null ? "（未填写）" : "，实际为“" + key + "”")));
        } else if (!keys.add(key)) {
            problems.add(new Problem(file, at + ".key", "规则的 key“" + key + "”重复；key 是已发提醒的记录的一部分，不能重复"));
        }
    }

    private void template(String key, String at, Set<String> supplied, NotificationTemplates templates,
            List<Problem> problems) {
        if (key == null || key.isBlank()) {
            problems.add(new Problem(file, at + ".template", "请填写通知模板的 key"));
            return;
        }
        Optional<NotificationTemplate> template = templates.find(key);
        if (template.isEmpty()) {
            problems.add(new Problem(file, at + ".template", "没有通知模板“" + key + "”；可用的模板："
                    + String.join("、", new TreeSet<>(templates.keys()))));
            return;
        }
        for (String name : template.get().variables()) {
            if (!supplied.contains(name)) {
                problems.add(new Problem(file, at + ".template", "通知模板“" + key + "”的变量“" + name
                        + "”在这条规则中没有取值；可用的变量：" + String.join("、", new TreeSet<>(supplied))));
            }
        }
    }

    private Set<String> campaigns(List<String> listed, String at, Set<String> campaignCodes, List<Problem> problems) {
        Set<String> result = new LinkedHashSet<>();
        for (String code : listed == null ? List.<String>of() : listed) {
            if (code == null || !campaignCodes.contains(code)) {
                problems.add(new Problem(file, at + ".campaigns", "没有遴选活动“" + code + "”；现有的活动："
                        + String.join("、", new TreeSet<>(campaignCodes))));
            } else {
                result.add(code);
            }
        }
        return Collections.unmodifiableSet(result);
    }

    private Map<HolderKind, Supervisor> supervisors(Map<String, String> written, String at, List<Problem> problems) {
        Map<HolderKind, Supervisor> result = new LinkedHashMap<>();
        if (written == null || written.isEmpty()) {
            problems.add(new Problem(file, at + ".supervisors", "请写明逾期任务告知谁，如 unit: parent-unit、expert: office"));
            return result;
        }
        written.forEach((kindKey, value) -> {
            String where = at + ".supervisors." + kindKey;
            Optional<HolderKind> kind = HolderKind.of(kindKey);
            if (kind.isEmpty()) {
                problems.add(new Problem(file, where, "任务办理方应为 " + java.util.Arrays.stream(HolderKind.values())
                        .map(HolderKind::key).collect(Collectors.joining("、")) + " 之一"));
                return;
            }
            String target = value == null ? "" : value.strip();
            if (target.equals("parent-unit")) {
                if (kind.get() != HolderKind.UNIT) {
                    problems.add(new Problem(file, where, "parent-unit（上级单位）只能用于 unit（推荐单位的任务）"));
                    return;
                }
                result.put(kind.get(), new Supervisor.ParentUnit());
            } else if (target.equals("case-unit")) {
                result.put(kind.get(), new Supervisor.CaseUnit());
            } else if (target.startsWith("group:") && target.length() > "group:".length()) {
                result.put(kind.get(), new Supervisor.Group(target.substring("group:".length())));
            } else {
                problems.add(new Problem(file, where, "应为 parent-unit（上级单位，没有时为组织单位办公室）、case-unit（案件的推荐单位）"
                        + "或 group:组id（如 group:office、group:managers），实际为“" + target + "”"));
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private static Set<String> codes(List<String> list) {
        return list == null ? Set.of() : Set.copyOf(list.stream().filter(s -> s != null && !s.isBlank()).toList());
    }
}
