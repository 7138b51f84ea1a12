package org.qualitybenchmark.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.access.RoleGroups;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.calendar.CalendarDataMissingException;
import org.qualitybenchmark.calendar.WorkingDayCalendar;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.ScheduleKey;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.CampaignUnit;
import org.qualitybenchmark.campaign.config.Schedule;
import org.qualitybenchmark.notification.OpenTasks.OpenTask;
import org.qualitybenchmark.notification.ReminderRules.EscalationRule;
import org.qualitybenchmark.notification.ReminderRules.HolderKind;
import org.qualitybenchmark.notification.ReminderRules.ReminderRule;
import org.qualitybenchmark.notification.ReminderRules.Supervisor;
import org.qualitybenchmark.support.AppProperties;

import static org.qualitybenchmark.notification.TemplateVariables.CAMPAIGN_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.DEADLINE;
import static org.qualitybenchmark.notification.TemplateVariables.DEADLINE_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.LINK;
import static org.qualitybenchmark.notification.TemplateVariables.OPEN_WORK;
import static org.qualitybenchmark.notification.TemplateVariables.OVERDUE_WORKING_DAYS;
import static org.qualitybenchmark.notification.TemplateVariables.REFERENCE;
import static org.qualitybenchmark.notification.TemplateVariables.TASK_HOLDER;
import static org.qualitybenchmark.notification.TemplateVariables.TASK_LIST;
import static org.qualitybenchmark.notification.TemplateVariables.TASK_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.UNIT_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.WORKING_DAYS_LEFT;

/**
 * Reminders before deadlines and escalations of overdue tasks, by the rules of
 * {@code config/notifications/reminders.yaml}. A scan works out, from the present moment alone,
 * which messages should exist by now, and writes the missing ones to the outbox, each under a key
 * that names the rule, what it is about, the deadline, which reminder or escalation it is, and (in
 * the outbox's unique key) the recipient. So a scan run twice, on two nodes at once, or again after a
 * crash in the middle writes nothing twice, and a scan that did not run is made up by the next one.
 * <p>
 * <b>Which day.</b> A reminder N working days before a deadline D goes out on the N-th working day
 * before D (counted on the official calendar, D itself not counted), from {@code qb.reminders.send-from}:
 * always on a working day, a make-up Saturday included, never on a holiday. If that day has passed
 * unseen (the scan did not run, the work appeared later), the latest reminder due by now is sent,
 * once, up to the end of D; earlier ones of the same deadline are not sent late on top of it.
 * An overdue task is escalated on the first working day after its due day, and, where the rule says
 * so, again every so many working days after that while it stays open; a missed escalation day is
 * made up the same way. A deadline moved by a deadline change is a new deadline with its own
 * reminders; those of the old one sent before stay sent, those not sent yet are never sent.
 */
@Component
public class ReminderScan {

    private static final Logger log = LoggerFactory.getLogger(ReminderScan.class);
    private static final int LISTED_CASES = 10;
    private static final String CASES_PAGE = "/cases/index.html";
    private static final String TASKLIST = "/camunda/app/tasklist/";

    private final ReminderRules rules;
    private final NotificationService notifications;
    private final OutboxRepository outbox;
    private final CaseNotifications cases;
    private final ReminderQueries queries;
    private final ApplicationRepository applications;
    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;
    private final UnitHierarchy hierarchy;
    private final WorkingDayCalendar calendar;
    private final IdentityDirectory directory;
    private final RoleGroups groups;
    private final ObjectProvider<OpenTasks> engine;
    private final ReminderProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    ReminderScan(ReminderRules rules, NotificationService notifications, OutboxRepository outbox, CaseNotifications cases,
            ReminderQueries queries, ApplicationRepository applications, CampaignCatalog catalog,
            EffectiveSchedule schedules, UnitHierarchy hierarchy, WorkingDayCalendar calendar,
            IdentityDirectory directory, RoleGroups groups, ObjectProvider<OpenTasks> engine,
            ReminderProperties properties, PlatformTransactionManager transactionManager, Clock clock,
            AppProperties app) {
        this.rules = rules;
        this.notifications = notifications;
        this.outbox = outbox;
        this.cases = cases;
        this.queries = queries;
        this.applications = applications;
        this.catalog = catalog;
        this.schedules = schedules;
        this.hierarchy = hierarchy;
        this.calendar = calendar;
        this.directory = directory;
        this.groups = groups;
        this.engine = engine;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = app.zone();
    }

    /** What one scan queued: outbox rows (a message to one recipient on one channel). */
    public record Result(int reminderRows, int escalationRows) {
    }

    /** The moment of a scan: what "today" is for reminders, and the real day for deadlines. */
    private record Moment(Instant now, LocalDate today, LocalDate sendDay) {
    }

    /**
     * One scan at the present moment. Synchronized so that one node does not race itself (the clock
     * moving during a scheduled scan); other nodes are kept apart by the outbox's unique key.
     */
    public synchronized Result scan() {
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        // Before send-from the day's reminders are not due yet: the scan acts as on the day before.
        LocalDate sendDay = local.toLocalTime().isBefore(properties.sendFrom())
                ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        Moment moment = new Moment(now, local.toLocalDate(), sendDay);
        Counter reminders = new Counter();
        Counter escalations = new Counter();
        List<CampaignRef> running = runningCampaigns();
        Map<Long, Schedule> effective = running.isEmpty() ? Map.of() : schedules.of(running);
        for (ReminderRule rule : rules.reminders()) {
            if (rule.scheduleKey().isEmpty()) {
                continue;
            }
            for (CampaignRef campaign : running) {
                if (rule.appliesTo(campaign.code())) {
                    guarded(rule.key() + "/" + campaign.code(), () ->
                            scheduleReminders(rule, campaign, effective.get(campaign.id()), moment, reminders));
                }
            }
        }
        boolean tasksWanted = rules.escalations().size() > 0
                || rules.reminders().stream().anyMatch(r -> r.scheduleKey().isEmpty());
        OpenTasks openTasks = engine.getIfAvailable();
        if (tasksWanted && openTasks != null) {
            guarded("tasks", () -> {
                List<OpenTask> tasks = openTasks.dueBefore(lookAheadEnd(moment), now);
                for (ReminderRule rule : rules.reminders()) {
                    if (rule.scheduleKey().isEmpty()) {
                        guarded(rule.key(), () -> taskReminders(rule, tasks, moment, reminders));
                    }
                }
                for (EscalationRule rule : rules.escalations()) {
                    guarded(rule.key(), () -> escalate(rule, tasks, moment, escalations));
                }
            });
        }
        Result result = new Result(reminders.rows, escalations.rows);
        if (result.reminderRows() + result.escalationRows() > 0) {
            log.info("提醒扫描（{}）：新写入截止提醒 {} 条、逾期督办 {} 条", local, result.reminderRows(),
                    result.escalationRows());
        }
        return result;
    }

    private static final class Counter {
        int rows;
    }

    /** One rule's failure (a year without calendar data, say) is logged and keeps no other rule from running. */
    private void guarded(String what, Runnable step) {
        try {
            step.run();
        } catch (CalendarDataMissingException e) {
            log.error("提醒规则 {} 无法按工作日计算：{}", what, e.getMessage());
        } catch (RuntimeException e) {
            log.error("提醒规则 {} 执行失败，下次扫描时重试", what, e);
        }
    }

    private List<CampaignRef> runningCampaigns() {
        List<CampaignRef> all = catalog.campaigns();
        OpenTasks openTasks = engine.getIfAvailable();
        if (openTasks == null) {
            return all;
        }
        Set<String> running = openTasks.runningCampaigns(all.stream()
                .map(c -> c.definition().procedure().campaignProcess()).collect(Collectors.toSet()));
        return all.stream().filter(c -> running.contains(c.code())).toList();
    }

    /** Tasks due up to the end of the last day any reminder looks ahead to, and every overdue one. */
    private Instant lookAheadEnd(Moment moment) {
        int ahead = rules.lookAhead();
        LocalDate last = ahead == 0 ? moment.today() : calendar.plusWorkingDays(moment.today(), ahead);
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    // ---- reminders before a campaign's deadlines -------------------------------------------------------------

    private void scheduleReminders(ReminderRule rule, CampaignRef campaign, Schedule schedule, Moment moment,
            Counter counter) {
        ScheduleKey key = rule.scheduleKey().orElseThrow();
        LocalDate deadline = key.in(schedule);
        switch (key) {
            case APPLICATION_CLOSES -> {
                // Drafts are due with the application deadline; a case returned for correction with its own.
                for (Application application : applications.findByCampaignIdAndStageInOrderByCaseNumber(campaign.id(),
                        List.of(CaseStage.DRAFT, CaseStage.CORRECTION))) {
                    boolean correction = application.getStage() == CaseStage.CORRECTION;
                    LocalDate due = correction && application.getCorrectionDue() != null
                            ? application.getCorrectionDue() : deadline;
                    caseReminder(rule, application, due, correction ? "补正截止日期" : key.label(),
                            correction ? "申报被退回补正，尚未修改后重新提交" : "申报书尚未提交", moment, counter);
                }
            }
            case ONLINE_SUBMISSION_DUE -> {
                if (deadline != null && due(rule, deadline, moment).isPresent()) {
                    for (Application application : applications.findByCampaignIdAndStageInOrderByCaseNumber(
                            campaign.id(), List.of(CaseStage.ONLINE_SUBMISSION))) {
                        caseReminder(rule, application, deadline, key.label(), "尚未确认已在全国系统网上申报", moment,
                                counter);
                    }
                }
            }
            case COUNTY_SCREENING_DUE -> {
                Optional<Integer> n = deadline == null ? Optional.empty() : due(rule, deadline, moment);
                if (n.isPresent()) {
                    Map<Long, List<Application>> byCounty = queries.awaitingCountyScreening(campaign.id(),
                            listedUnitIds(campaign)).stream()
                            .collect(Collectors.groupingBy(Application::getUnitId, TreeMap::new, Collectors.toList()));
                    byCounty.forEach((unitId, waiting) -> unitReminder(rule, campaign, catalog.unit(unitId), deadline,
                            key.label(), n.get(), "尚有 " + waiting.size() + " 件申报待县级初审：" + caseNumbers(waiting),
                            moment, counter));
                }
            }
            case RECOMMENDATION_DUE -> {
                Optional<Integer> n = due(rule, deadline, moment);
                if (n.isPresent()) {
                    recommendationReminders(rule, campaign, deadline, key, n.get(), moment, counter);
                }
            }
        }
    }

    /**
     * Units that have not submitted their list and have cases waiting for it (their own or their
     * counties'): a unit with nothing to screen or recommend is not reminded of an empty list.
     */
    private void recommendationReminders(ReminderRule rule, CampaignRef campaign, LocalDate deadline, ScheduleKey key,
            int n, Moment moment, Counter counter) {
        Set<Long> submitted = Set.copyOf(queries.unitsWithList(campaign.id()));
        Map<Long, Map<CaseStage, Long>> waiting = new TreeMap<>();
        for (Object[] row : queries.waitingByUnit(campaign.id())) {
            Optional<UnitRef> recommending = hierarchy.recommendingUnit(campaign, catalog.unit((Long) row[0]));
            recommending.ifPresent(unit -> waiting.computeIfAbsent(unit.id(), id -> new EnumMap<>(CaseStage.class))
                    .merge((CaseStage) row[1], ((Number) row[2]).longValue(), Long::sum));
        }
        waiting.forEach((unitId, counts) -> {
            if (submitted.contains(unitId)) {
                return;
            }
            String work = "推荐名单尚未报送（" + counts.entrySet().stream()
                    .map(e -> e.getKey().label() + " " + e.getValue() + " 件").collect(Collectors.joining("，")) + "）";
            unitReminder(rule, campaign, catalog.unit(unitId), deadline, key.label(), n, work, moment, counter);
        });
    }

    private void caseReminder(ReminderRule rule, Application application, LocalDate deadline, String deadlineName,
            String openWork, Moment moment, Counter counter) {
        if (deadline == null) {
            return;
        }
        Optional<Integer> n = due(rule, deadline, moment);
        if (n.isEmpty()) {
            return;
        }
        String eventKey = "reminder/" + rule.key() + "/" + application.getCaseNumber() + "/" + deadline + "/" + n.get();
        if (outbox.existsByEventKey(eventKey)) {
            return;
        }
        Map<String, String> values = cases.caseValues(application);
        values.putAll(deadlineValues(deadlineName, deadline, moment));
        values.put(OPEN_WORK, openWork);
        counter.rows += queue(eventKey, rule.template(), List.of(application.getOwnerUserId()), values);
    }

    private void unitReminder(ReminderRule rule, CampaignRef campaign, UnitRef unit, LocalDate deadline,
            String deadlineName, int n, String openWork, Moment moment, Counter counter) {
        String eventKey = "reminder/" + rule.key() + "/" + campaign.code() + "/" + unit.code() + "/" + deadline + "/" + n;
        if (outbox.existsByEventKey(eventKey)) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CAMPAIGN_NAME, campaign.definition().name());
        values.put(UNIT_NAME, unit.name());
        values.put(LINK, CASES_PAGE);
        values.putAll(deadlineValues(deadlineName, deadline, moment));
        values.put(OPEN_WORK, openWork);
        counter.rows += queue(eventKey, rule.template(), directory.memberIds(unit.definition().groupId()), values);
    }

    private Map<String, String> deadlineValues(String deadlineName, LocalDate deadline, Moment moment) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(DEADLINE_NAME, deadlineName);
        values.put(DEADLINE, deadline.toString());
        values.put(WORKING_DAYS_LEFT, String.valueOf(workingDaysLeft(moment.sendDay(), deadline)));
        return values;
    }

    // ---- reminders of open tasks by their due dates -------------------------------------------------------------

    private record DueTask(OpenTask task, LocalDate dueDay) {
    }

    /** One message per recipient and due day, listing every task of theirs due that day. */
    private void taskReminders(ReminderRule rule, List<OpenTask> tasks, Moment moment, Counter counter) {
        Map<String, Map<LocalDate, Map<Integer, List<DueTask>>>> byRecipient = new TreeMap<>();
        for (OpenTask task : tasks) {
            if (!task.due().isAfter(moment.now()) || !rule.appliesToTask(task.key()) || !campaignMatches(rule.campaigns(), task)) {
                continue;
            }
            LocalDate dueDay = LocalDate.ofInstant(task.due(), zone);
            Optional<Integer> n = due(rule, dueDay, moment);
            if (n.isEmpty()) {
                continue;
            }
            for (String recipient : holders(task)) {
                byRecipient.computeIfAbsent(recipient, r -> new TreeMap<>()).computeIfAbsent(dueDay, d -> new TreeMap<>())
                        .computeIfAbsent(n.get(), k -> new ArrayList<>()).add(new DueTask(task, dueDay));
            }
        }
        byRecipient.forEach((recipient, byDay) -> byDay.forEach((dueDay, byN) -> byN.forEach((n, due) -> {
            String eventKey = "reminder/" + rule.key() + "/tasks/" + dueDay + "/" + n;
            Map<String, String> values = new LinkedHashMap<>();
            values.put(DEADLINE, dueDay.toString());
            values.put(WORKING_DAYS_LEFT, String.valueOf(workingDaysLeft(moment.sendDay(), dueDay)));
            values.put(TASK_LIST, due.stream().map(d -> "· " + d.task().name() + "（" + orDash(d.task().reference()) + "）")
                    .distinct().collect(Collectors.joining("\n")));
            values.put(LINK, TASKLIST);
            counter.rows += queue(eventKey, rule.template(), List.of(recipient), values);
        })));
    }

    /** Who must do the task: its assignee, or else every candidate user and member of a candidate group. */
    private Set<String> holders(OpenTask task) {
        Set<String> users = new LinkedHashSet<>();
        if (task.assignee() != null) {
            users.add(task.assignee());
            return users;
        }
        users.addAll(task.candidateUsers());
        for (String group : task.candidateGroups()) {
            users.addAll(directory.memberIds(group));
        }
        return users;
    }

    private boolean campaignMatches(Set<String> campaigns, OpenTask task) {
        if (campaigns.isEmpty()) {
            return true;
        }
        return task.campaignId() != null && campaigns.contains(catalog.campaign(task.campaignId()).code());
    }

    // ---- escalation of overdue tasks ------------------------------------------------------------------------------

    private void escalate(EscalationRule rule, List<OpenTask> tasks, Moment moment, Counter counter) {
        for (OpenTask task : tasks) {
            // A task whose process still has a due timer may be ended by it any moment (the engine is catching up).
            if (task.due().isAfter(moment.now()) || task.timerPending() || !rule.appliesToTask(task.key())
                    || !campaignMatches(rule.campaigns(), task)) {
                continue;
            }
            LocalDate dueDay = LocalDate.ofInstant(task.due(), zone);
            Optional<Integer> occurrence = escalationDue(rule, dueDay, moment);
            if (occurrence.isEmpty()) {
                continue;
            }
            String eventKey = "escalation/" + rule.key() + "/" + task.id() + "/" + dueDay + "/" + occurrence.get();
            if (outbox.existsByEventKey(eventKey)) {
                continue;
            }
            List<Holder> holders = holderKinds(task);
            Set<String> recipients = new LinkedHashSet<>();
            for (Holder holder : holders) {
                recipients.addAll(supervisors(rule, holder, task));
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put(TASK_NAME, orDash(task.name()));
            values.put(TASK_HOLDER, holders.stream().map(Holder::label).distinct().collect(Collectors.joining("、")));
            values.put(REFERENCE, orDash(task.reference()));
            values.put(CAMPAIGN_NAME, task.campaignId() == null ? "—"
                    : catalog.campaign(task.campaignId()).definition().name());
            values.put(DEADLINE, dueDay.toString());
            values.put(OVERDUE_WORKING_DAYS, String.valueOf(moment.sendDay().isAfter(dueDay)
                    ? calendar.workingDaysBetween(dueDay.plusDays(1), moment.sendDay()) : 0));
            values.put(LINK, TASKLIST);
            counter.rows += queue(eventKey, rule.template(), recipients, values);
        }
    }

    /**
     * The escalation due by now: 0 from the first working day after the due day, k from the
     * working day k × {@code repeatEveryWorkingDays} working days after that; the latest one reached.
     */
    private Optional<Integer> escalationDue(EscalationRule rule, LocalDate dueDay, Moment moment) {
        LocalDate first = calendar.plusWorkingDays(dueDay, 1);
        if (moment.sendDay().isBefore(first)) {
            return Optional.empty();
        }
        if (rule.repeatEveryWorkingDays() == null) {
            return Optional.of(0);
        }
        int occurrence = 0;
        for (LocalDate next = calendar.plusWorkingDays(first, rule.repeatEveryWorkingDays());
                !next.isAfter(moment.sendDay()); next = calendar.plusWorkingDays(next, rule.repeatEveryWorkingDays())) {
            occurrence++;
        }
        return Optional.of(occurrence);
    }

    /** Whom a task is with, for the supervisors and the message. */
    private record Holder(HolderKind kind, UnitRef unit, String label) {
    }

    private List<Holder> holderKinds(OpenTask task) {
        List<Holder> holders = new ArrayList<>();
        if (task.assignee() != null) {
            holders.add(userHolder(task.assignee()));
            return holders;
        }
        task.candidateGroups().forEach(group -> holders.add(groupHolder(group)));
        task.candidateUsers().forEach(user -> holders.add(userHolder(user)));
        return holders;
    }

    private Holder groupHolder(String group) {
        Set<UnitRef> units = catalog.unitsOfGroups(List.of(group));
        if (!units.isEmpty()) {
            UnitRef unit = units.iterator().next();
            return new Holder(HolderKind.UNIT, unit, unit.name());
        }
        if (group.equals(groups.office())) {
            return new Holder(HolderKind.OFFICE, null, HolderKind.OFFICE.label());
        }
        if (group.equals(groups.managers())) {
            return new Holder(HolderKind.MANAGER, null, HolderKind.MANAGER.label());
        }
        if (group.equals(groups.experts())) {
            return new Holder(HolderKind.EXPERT, null, HolderKind.EXPERT.label());
        }
        if (group.equals(groups.applicants())) {
            return new Holder(HolderKind.APPLICANT, null, HolderKind.APPLICANT.label());
        }
        return new Holder(HolderKind.OTHER, null, "组 " + group);
    }

    private Holder userHolder(String userId) {
        Optional<AppUser> found = directory.find(userId);
        if (found.isEmpty()) {
            return new Holder(HolderKind.OTHER, null, userId);
        }
        AppUser user = found.get();
        String label = user.displayName() + "（" + user.id() + "）";
        if (user.has(Role.EXPERT)) {
            return new Holder(HolderKind.EXPERT, null, "评审专家 " + label);
        }
        if (user.has(Role.UNIT_STAFF)) {
            Optional<UnitRef> unit = catalog.unitsOfGroups(user.groupIds()).stream().findFirst();
            if (unit.isPresent()) {
                return new Holder(HolderKind.UNIT, unit.get(), unit.get().name() + " " + label);
            }
        }
        if (user.has(Role.APPLICANT)) {
            return new Holder(HolderKind.APPLICANT, null, "申报企业用户 " + label);
        }
        if (user.has(Role.OFFICE)) {
            return new Holder(HolderKind.OFFICE, null, "组织单位办公室 " + label);
        }
        if (user.has(Role.MANAGER)) {
            return new Holder(HolderKind.MANAGER, null, "管理人员 " + label);
        }
        return new Holder(HolderKind.OTHER, null, label);
    }

    private List<String> supervisors(EscalationRule rule, Holder holder, OpenTask task) {
        Supervisor supervisor = rule.supervisors().getOrDefault(holder.kind(), rule.supervisors().get(HolderKind.OTHER));
        if (supervisor == null) {
            return directory.memberIds(groups.office());
        }
        if (supervisor instanceof Supervisor.Group group) {
            return directory.memberIds(group.groupId());
        }
        if (supervisor instanceof Supervisor.CaseUnit) {
            return Optional.ofNullable(task.reference()).flatMap(applications::findByCaseNumber).map(cases::unitStaff)
                    .orElseGet(() -> directory.memberIds(groups.office()));
        }
        // The unit above (a county's city); a unit with none above it answers to the organiser's office.
        return Optional.ofNullable(holder.unit()).flatMap(unit -> hierarchy.ancestors(unit).stream().findFirst())
                .map(above -> directory.memberIds(above.definition().groupId()))
                .orElseGet(() -> directory.memberIds(groups.office()));
    }

    // ---- days ---------------------------------------------------------------------------------------------------

    /**
     * The reminder of the rule due by now for this deadline: the one with the fewest working days
     * left whose day has come, as long as the deadline has not passed.
     */
    private Optional<Integer> due(ReminderRule rule, LocalDate deadline, Moment moment) {
        if (deadline == null || moment.today().isAfter(deadline)) {
            return Optional.empty();
        }
        Integer latest = null;
        for (int n : rule.workingDaysBefore()) {
            if (!moment.sendDay().isBefore(workingDaysBefore(deadline, n))) {
                latest = n;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The n-th working day before {@code deadline}, the deadline itself not counted. */
    LocalDate workingDaysBefore(LocalDate deadline, int n) {
        LocalDate day = deadline;
        int counted = 0;
        while (counted < n) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private int workingDaysLeft(LocalDate from, LocalDate deadline) {
        return from.isBefore(deadline) ? calendar.workingDaysBetween(from.plusDays(1), deadline) : 0;
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    /**
     * Queues one event in a transaction of its own: what is written stays written if the scan dies
     * later, and a node that loses the race for the same row (the unique key) leaves it to the other.
     */
    private int queue(String eventKey, String template, Collection<String> recipients, Map<String, String> values) {
        List<String> to = recipients.stream().filter(Objects::nonNull).distinct().toList();
        if (to.isEmpty()) {
            return 0;
        }
        try {
            Integer rows = transactions.execute(status -> notifications.notify(eventKey, template, to, values).size());
            return rows == null ? 0 : rows;
        } catch (DataIntegrityViolationException writtenByAnotherNode) {
            log.debug("Reminder {} was queued by another node meanwhile", eventKey);
            return 0;
        }
    }

    private Set<Long> listedUnitIds(CampaignRef campaign) {
        Set<Long> ids = new LinkedHashSet<>();
        for (CampaignUnit unit : campaign.definition().units()) {
            catalog.unit(unit.unit()).ifPresent(ref -> ids.add(ref.id()));
        }
        return ids;
    }

    private static String caseNumbers(List<Application> waiting) {
        String shown = waiting.stream().limit(LISTED_CASES).map(a -> a.getCaseNumber() + " " + a.getEnterpriseName())
                .collect(Collectors.joining("、"));
        return waiting.size() > LISTED_CASES ? shown + " 等" : shown;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    /** For tests and the operators' view: the day a reminder N working days before this deadline goes out. */
    public LocalDate reminderDay(LocalDate deadline, int workingDaysBefore) {
        return workingDaysBefore(deadline, workingDaysBefore);
    }
}
