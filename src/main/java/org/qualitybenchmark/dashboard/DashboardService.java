package org.qualitybenchmark.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.access.RoleGroups;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.calendar.CalendarDataMissingException;
import org.qualitybenchmark.calendar.WorkingDayCalendar;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignUnit;
import org.qualitybenchmark.dashboard.CampaignCases.AssignmentRow;
import org.qualitybenchmark.dashboard.CampaignCases.Stay;
import org.qualitybenchmark.dashboard.CampaignCases.Timeline;
import org.qualitybenchmark.dashboard.DashboardFigures.Bucket;
import org.qualitybenchmark.dashboard.DashboardFigures.CampaignInfo;
import org.qualitybenchmark.dashboard.DashboardFigures.DayThroughput;
import org.qualitybenchmark.dashboard.DashboardFigures.Diagram;
import org.qualitybenchmark.dashboard.DashboardFigures.Dwell;
import org.qualitybenchmark.dashboard.DashboardFigures.ExpertLoad;
import org.qualitybenchmark.dashboard.DashboardFigures.Filter;
import org.qualitybenchmark.dashboard.DashboardFigures.OverdueTask;
import org.qualitybenchmark.dashboard.DashboardFigures.Queue;
import org.qualitybenchmark.dashboard.DashboardFigures.Scope;
import org.qualitybenchmark.dashboard.DashboardFigures.StageCount;
import org.qualitybenchmark.dashboard.DashboardFigures.Step;
import org.qualitybenchmark.dashboard.DashboardFigures.UnitProgress;
import org.qualitybenchmark.dashboard.DashboardFigures.UnitQueue;
import org.qualitybenchmark.dashboard.ProcessFigures.ActivityLoad;
import org.qualitybenchmark.dashboard.ProcessFigures.OpenTask;
import org.qualitybenchmark.dashboard.ProcessFigures.ProcessLoad;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * Computes the dashboard's figures for one campaign, and the cases behind each of them. Each
 * request reads the campaign's cases with their history once (see {@link CampaignCases}), and
 * every figure and every drill-down list is counted from that one reading, so a number and the list
 * behind it always agree.
 */
@Service
public class DashboardService {

    /** The buckets of the dwell-time histogram, in days: [from, to). */
    static final List<DwellBucket> DWELL_BUCKETS = List.of(new DwellBucket("d0-1", "1天以内", 0, 1),
            new DwellBucket("d1-3", "1–3天", 1, 3), new DwellBucket("d3-7", "3–7天", 3, 7),
            new DwellBucket("d7-14", "7–14天", 7, 14), new DwellBucket("d14+", "14天以上", 14, Double.MAX_VALUE));

    record DwellBucket(String key, String label, double fromDays, double toDays) {
        boolean holds(double days) {
            return days >= fromDays && days < toDays;
        }
    }

    /**
     * Stages of a case that holds a place in its unit's quota: proposed, or recommended and gone on
     * from there even if it failed later (the rule of {@code quota.RecommendationService}).
     */
    static final Set<CaseStage> HOLDING = EnumSet.of(CaseStage.PROPOSED, CaseStage.FORMAL_REVIEW, CaseStage.REJECTED,
            CaseStage.MATERIAL_REVIEW, CaseStage.BELOW_CUTOFF, CaseStage.DEFENSE, CaseStage.DEFENSE_FAILED,
            CaseStage.SITE_VISIT, CaseStage.SITE_VISIT_FAILED, CaseStage.SHORTLISTED, CaseStage.NOT_SELECTED,
            CaseStage.PUBLIC_NOTICE, CaseStage.REMOVED, CaseStage.ANNOUNCED, CaseStage.REVOKED);

    private static final int DUE_SOON_DAYS = 3;
    private static final int MAX_THROUGHPUT_DAYS = 400;

    private final CampaignCatalog catalog;
    private final UnitHierarchy hierarchy;
    private final EffectiveSchedule schedules;
    private final CampaignCases cases;
    private final ProcessFigures engine;
    private final WorkingDayCalendar calendar;
    private final IdentityDirectory directory;
    private final RoleGroups groups;
    private final Clock clock;
    private final ZoneId zone;

    DashboardService(CampaignCatalog catalog, UnitHierarchy hierarchy, EffectiveSchedule schedules, CampaignCases cases,
            ProcessFigures engine, WorkingDayCalendar calendar, IdentityDirectory directory, RoleGroups groups,
            Clock clock, AppProperties properties) {
        this.catalog = catalog;
        this.hierarchy = hierarchy;
        this.schedules = schedules;
        this.cases = cases;
        this.engine = engine;
        this.calendar = calendar;
        this.directory = directory;
        this.groups = groups;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** A campaign as the filter lists it. */
    public record CampaignOption(String code, String name, int year, String organiser, List<UnitOption> units) {
    }

    /** A unit the user may filter a campaign's figures by. */
    public record UnitOption(String code, String name) {
    }

    /** What a figure's number stands for, to list the cases behind it; see {@link #cases}. */
    public record DrillDown(String figure, String at, String bucket, LocalDate date, String kind, String unitRow,
            String expert, String process, String activity) {
    }

    /** A case behind a number, with what puts it there (e.g. how long it stayed, how late its task is). */
    public record DrillCase(long id, String caseNumber, String enterpriseName, String unit, String unitName, String stage,
            String stageLabel, double daysInStage, String note) {
    }

    /** The campaigns the user may watch, newest year first; {@code year} keeps one year's. */
    public List<CampaignOption> campaigns(Integer year, AppUser user) {
        Set<Long> visible = visibleUnits(user);
        return catalog.campaigns().stream()
                .filter(c -> year == null || c.definition().year().equals(year))
                .filter(c -> visible == null || takesPart(c, visible))
                .sorted(Comparator.comparing((CampaignRef c) -> -c.definition().year()).thenComparing(CampaignRef::code))
                .map(c -> new CampaignOption(c.code(), c.definition().name(), c.definition().year(),
                        c.definition().organiser(), unitOptions(c, visible)))
                .toList();
    }

    /** The campaign's listed units the user may see, and for a unit's staff their own units (a county's too). */
    private List<UnitOption> unitOptions(CampaignRef campaign, Set<Long> visible) {
        List<UnitOption> options = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (CampaignUnit entry : campaign.definition().units()) {
            catalog.unit(entry.unit()).filter(u -> visible == null || visible.contains(u.id())).ifPresent(u -> {
                options.add(new UnitOption(u.code(), u.name()));
                listed.add(u.code());
            });
        }
        if (visible != null) {
            visible.stream().map(catalog::unit).filter(u -> !listed.contains(u.code()))
                    .filter(u -> hierarchy.recommendingUnit(campaign, u).isPresent())
                    .sorted(Comparator.comparing(UnitRef::code))
                    .forEach(u -> options.add(new UnitOption(u.code(), u.name())));
        }
        return options;
    }

    @Transactional(readOnly = true)
    public DashboardFigures figures(String campaignCode, String stageName, String unitCode, AppUser user) {
        Reading reading = read(campaignCode, stageName, unitCode, user);
        List<Timeline> staged = reading.staged();
        CampaignRef campaign = reading.campaign;
        CampaignDefinition definition = campaign.definition();
        return new DashboardFigures(
                new CampaignInfo(campaign.code(), definition.name(), definition.year(), definition.organiser()),
                new Filter(reading.stage == null ? null : reading.stage.name(),
                        reading.stage == null ? null : reading.stage.label(),
                        reading.unit == null ? null : reading.unit.code(), reading.unit == null ? null : reading.unit.name()),
                new Scope(reading.visible == null, reading.scopeNames(), reading.expertsShown()),
                reading.now, reading.today, staged.size(),
                funnel(staged), queues(reading, staged), unitQueues(reading, staged), overdue(reading),
                dwell(reading, staged), throughput(reading, staged), units(reading), experts(reading),
                diagrams(reading));
    }

    /**
     * The cases behind one number of {@link #figures} with the same filter. Figures: {@code current}
     * and {@code reached} (stage {@code at}), {@code queue} (stage {@code at}, optionally of the unit
     * {@code unitRow}), {@code overdue} (optionally of the task step {@code activity}), {@code dwell}
     * (stage {@code at}, optionally {@code bucket}), {@code throughput} ({@code date} and {@code kind}:
     * created, submitted, moved, finished), {@code unit} ({@code unitRow} and {@code kind}: filed,
     * drafts, pending, held, notRecommended), {@code expert} ({@code expert}, optionally stage
     * {@code at} and {@code kind} scored or open), {@code activity} ({@code process} and {@code
     * activity}: the cases on a step of the diagram), and {@code all}.
     */
    @Transactional(readOnly = true)
    public List<DrillCase> cases(String campaignCode, String stageName, String unitCode, DrillDown drill, AppUser user) {
        Reading reading = read(campaignCode, stageName, unitCode, user);
        String figure = drill.figure() == null ? "all" : drill.figure();
        CaseStage at = drill.at() == null || drill.at().isBlank() ? null : stage(drill.at(), "at");
        List<DrillCase> found = new ArrayList<>();
        switch (figure) {
            case "all" -> reading.staged().forEach(t -> found.add(drillCase(reading, t, null)));
            case "current" -> reading.staged().stream().filter(t -> t.row().stage() == required(at))
                    .forEach(t -> found.add(drillCase(reading, t, null)));
            case "reached" -> reading.staged().stream().filter(t -> t.reached(required(at)))
                    .forEach(t -> found.add(drillCase(reading, t, null)));
            case "queue" -> reading.staged().stream().filter(t -> t.row().stage() == required(at) && !at.isFinal())
                    .filter(t -> drill.unitRow() == null || drill.unitRow().equals(reading.recommender(t).code()))
                    .forEach(t -> found.add(drillCase(reading, t, null)));
            case "overdue" -> {
                Map<Long, Timeline> byId = reading.staged().stream()
                        .collect(Collectors.toMap(t -> t.row().id(), t -> t));
                Set<Long> listed = new HashSet<>();
                for (OverdueTask task : overdue(reading)) {
                    if (task.caseId() != null && (drill.activity() == null || drill.activity().equals(task.activityId()))
                            && listed.add(task.caseId())) {
                        found.add(drillCase(reading, byId.get(task.caseId()), task.taskName() + "，逾期" + task.daysLate()
                                + "天" + (task.workingDaysLate() == null ? "" : "（" + task.workingDaysLate() + "个工作日）")
                                + "，办理人：" + task.holderName()));
                    }
                }
            }
            case "dwell" -> {
                DwellBucket bucket = drill.bucket() == null ? null : DWELL_BUCKETS.stream()
                        .filter(b -> b.key().equals(drill.bucket())).findFirst()
                        .orElseThrow(() -> new RuleViolationException("bucket", "unknown", "没有停留时长分段“" + drill.bucket() + "”"));
                for (Timeline t : reading.staged()) {
                    for (Stay stay : t.stays()) {
                        if (stay.to() != null && stay.stage() == required(at)) {
                            double days = days(stay.from(), stay.to());
                            if (bucket == null || bucket.holds(days)) {
                                found.add(drillCase(reading, t, "在“" + at.label() + "”停留" + round(days) + "天"));
                            }
                        }
                    }
                }
            }
            case "throughput" -> {
                if (drill.date() == null) {
                    throw new RuleViolationException("date", "required", "请指明日期");
                }
                for (Timeline t : reading.staged()) {
                    long count = throughputEvents(t, drill.kind()).stream().filter(drill.date()::equals).count();
                    if (count > 0) {
                        found.add(drillCase(reading, t, count > 1 ? "当日" + count + "次" : null));
                    }
                }
            }
            case "unit" -> {
                UnitRef row = catalog.unit(Objects.requireNonNullElse(drill.unitRow(), ""))
                        .orElseThrow(() -> new RuleViolationException("unitRow", "unknown", "没有代码为“" + drill.unitRow() + "”的推荐单位"));
                Predicate<Timeline> kind = unitKind(drill.kind());
                reading.timelines.stream().filter(t -> reading.recommender(t).id().equals(row.id())).filter(kind)
                        .forEach(t -> found.add(drillCase(reading, t, null)));
            }
            case "expert" -> {
                if (!reading.expertsShown()) {
                    throw new AccessDeniedException("专家评审情况仅供管理人员和组织单位办公室查看");
                }
                Map<Long, Timeline> byId = reading.timelines.stream().collect(Collectors.toMap(t -> t.row().id(), t -> t));
                for (AssignmentRow row : reading.assignments()) {
                    if (row.expertUserId().equals(drill.expert()) && (at == null || at.name().equals(row.stage()))
                            && ("open".equals(drill.kind()) ? !row.scored()
                                    : !"scored".equals(drill.kind()) || row.scored())
                            && reading.stagedIds().contains(row.applicationId())) {
                        found.add(drillCase(reading, byId.get(row.applicationId()),
                                CaseStage.valueOf(row.stage()).label() + (row.scored() ? "，已评分" : "，未评分")));
                    }
                }
            }
            case "activity" -> {
                ActivityLoad step = diagramsLoads(reading).stream().filter(p -> p.key().equals(drill.process()))
                        .flatMap(p -> p.activities().stream()).filter(a -> a.activityId().equals(drill.activity()))
                        .findFirst().orElse(null);
                if (step != null) {
                    Set<String> numbers = Set.copyOf(step.activeCases());
                    reading.staged().stream().filter(t -> numbers.contains(t.row().caseNumber()))
                            .forEach(t -> found.add(drillCase(reading, t, "在“" + step.name() + "”")));
                }
            }
            default -> throw new RuleViolationException("figure", "unknown", "没有名为“" + figure + "”的指标");
        }
        return found;
    }

    /** The BPMN XML of the campaign's case process or one of its stage blocks, for the diagram. */
    public String diagramXml(String campaignCode, String processKey, AppUser user) {
        visibleUnits(user);
        CampaignRef campaign = campaign(campaignCode);
        String xml = engine.diagramXml(campaign, processKey);
        if (xml == null) {
            throw new NotFoundException("遴选活动“" + campaign.definition().name() + "”没有流程“" + processKey + "”");
        }
        return xml;
    }

    // ---------------------------------------------------------------- reading

    /** One reading of the campaign for one request: the cases that count and what the figures share. */
    private final class Reading {
        final CampaignRef campaign;
        final CaseStage stage;
        final UnitRef unit;
        /** The units whose cases the user may see; null for all. */
        final Set<Long> visible;
        /** The units whose cases count (visibility and the unit filter); null for all. */
        final Set<Long> counted;
        /** The cases that count, whatever their stage. */
        final List<Timeline> timelines;
        final Instant now;
        final LocalDate today;
        private final Map<Long, UnitRef> recommenders = new HashMap<>();
        private List<OpenTask> tasks;
        private List<AssignmentRow> assignments;
        private List<ProcessLoad> loads;
        private Set<Long> stagedIds;

        Reading(CampaignRef campaign, CaseStage stage, UnitRef unit, Set<Long> visible, Set<Long> counted) {
            this.campaign = campaign;
            this.stage = stage;
            this.unit = unit;
            this.visible = visible;
            this.counted = counted;
            this.now = clock.instant();
            this.today = LocalDate.ofInstant(now, zone);
            this.timelines = cases.timelines(campaign.id(), counted, null);
        }

        /** The cases that count and are in the filtered stage. */
        List<Timeline> staged() {
            return stage == null ? timelines : timelines.stream().filter(t -> t.row().stage() == stage).toList();
        }

        Set<Long> stagedIds() {
            if (stagedIds == null) {
                stagedIds = staged().stream().map(t -> t.row().id()).collect(Collectors.toSet());
            }
            return stagedIds;
        }

        /** The unit that recommends the case in this campaign: its own, or for a county's case the listed unit above. */
        UnitRef recommender(Timeline t) {
            return recommenders.computeIfAbsent(t.row().unitId(), id -> {
                UnitRef filedWith = catalog.unit(id);
                return hierarchy.recommendingUnit(campaign, filedWith).orElse(filedWith);
            });
        }

        List<OpenTask> tasks() {
            if (tasks == null) {
                tasks = engine.openTasks(campaign);
            }
            return tasks;
        }

        List<AssignmentRow> assignments() {
            if (assignments == null) {
                assignments = cases.assignments(campaign.id(), counted, null);
            }
            return assignments;
        }

        boolean expertsShown() {
            return visible == null;
        }

        List<String> scopeNames() {
            if (visible == null) {
                return List.of();
            }
            return visible.stream().map(catalog::unit).map(UnitRef::name).sorted().toList();
        }
    }

    private Reading read(String campaignCode, String stageName, String unitCode, AppUser user) {
        Set<Long> visible = visibleUnits(user);
        CampaignRef campaign = campaign(campaignCode);
        CaseStage stage = stageName == null || stageName.isBlank() ? null : stage(stageName, "stage");
        UnitRef unit = null;
        Set<Long> counted = visible;
        if (unitCode != null && !unitCode.isBlank()) {
            unit = catalog.unit(unitCode).orElseThrow(() -> new RuleViolationException("unit", "unknown",
                    "没有代码为“" + unitCode + "”的推荐单位"));
            Set<Long> filtered = hierarchy.withDescendants(unit.id());
            if (visible != null && !visible.containsAll(filtered)) {
                throw new AccessDeniedException("您只能查看本单位的案件，不能查看“" + unit.name() + "”的");
            }
            counted = filtered;
        }
        return new Reading(campaign, stage, unit, visible, counted);
    }

    /** The units whose cases the user may see; null for all. Refuses everyone but managers, the office, admins and unit staff. */
    private Set<Long> visibleUnits(AppUser user) {
        if (user.seesAllCases()) {
            return null;
        }
        if (!user.has(Role.UNIT_STAFF)) {
            throw new AccessDeniedException("仪表盘仅供管理人员、组织单位办公室和推荐单位查看");
        }
        return hierarchy.coveredByGroups(user.groupIds());
    }

    private boolean takesPart(CampaignRef campaign, Set<Long> unitIds) {
        for (Long id : unitIds) {
            UnitRef unit = catalog.unit(id);
            if (hierarchy.recommendingUnit(campaign, unit).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private CampaignRef campaign(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleViolationException("campaign", "required", "请选择遴选活动");
        }
        return catalog.campaign(code).orElseThrow(() -> new NotFoundException("没有代码为“" + code + "”的遴选活动"));
    }

    private static CaseStage stage(String name, String field) {
        try {
            return CaseStage.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(field, "unknown", "没有名为“" + name + "”的案件阶段");
        }
    }

    private static CaseStage required(CaseStage at) {
        if (at == null) {
            throw new RuleViolationException("at", "required", "请指明案件阶段");
        }
        return at;
    }

    // ---------------------------------------------------------------- figures

    private static List<StageCount> funnel(List<Timeline> timelines) {
        List<StageCount> funnel = new ArrayList<>();
        for (CaseStage stage : CaseStage.values()) {
            int current = 0;
            int reached = 0;
            for (Timeline t : timelines) {
                if (t.row().stage() == stage) {
                    current++;
                }
                if (t.reached(stage)) {
                    reached++;
                }
            }
            if (reached > 0) {
                funnel.add(new StageCount(stage.name(), stage.label(), stage.isFinal(), current, reached));
            }
        }
        return funnel;
    }

    private static List<Queue> queues(Reading reading, List<Timeline> timelines) {
        Map<CaseStage, List<Timeline>> byStage = new TreeMap<>();
        for (Timeline t : timelines) {
            if (!t.row().stage().isFinal()) {
                byStage.computeIfAbsent(t.row().stage(), s -> new ArrayList<>()).add(t);
            }
        }
        List<Queue> queues = new ArrayList<>();
        byStage.forEach((stage, waiting) -> {
            Timeline oldest = waiting.stream().min(Comparator.comparing(t -> t.current().from())).orElseThrow();
            double[] ages = waiting.stream().mapToDouble(t -> days(t.current().from(), reading.now)).toArray();
            queues.add(new Queue(stage.name(), stage.label(), waiting.size(), round(average(ages)),
                    round(days(oldest.current().from(), reading.now)), oldest.row().caseNumber()));
        });
        return queues;
    }

    private static List<UnitQueue> unitQueues(Reading reading, List<Timeline> timelines) {
        Map<String, List<Timeline>> byUnitAndStage = new TreeMap<>();
        Map<String, UnitRef> units = new HashMap<>();
        for (Timeline t : timelines) {
            if (!t.row().stage().isFinal()) {
                UnitRef unit = reading.recommender(t);
                units.put(unit.code(), unit);
                String key = unit.code() + "|" + String.format("%02d", t.row().stage().ordinal());
                byUnitAndStage.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            }
        }
        List<UnitQueue> queues = new ArrayList<>();
        byUnitAndStage.forEach((key, waiting) -> {
            UnitRef unit = units.get(key.substring(0, key.indexOf('|')));
            CaseStage stage = waiting.get(0).row().stage();
            double[] ages = waiting.stream().mapToDouble(t -> days(t.current().from(), reading.now)).toArray();
            queues.add(new UnitQueue(unit.code(), unit.name(), stage.name(), stage.label(), waiting.size(),
                    round(average(ages)), round(max(ages))));
        });
        return queues;
    }

    private List<OverdueTask> overdue(Reading reading) {
        Map<String, Timeline> byNumber = new HashMap<>();
        reading.staged().forEach(t -> byNumber.put(t.row().caseNumber(), t));
        boolean campaignWide = reading.counted == null && reading.stage == null;
        List<OverdueTask> overdue = new ArrayList<>();
        for (OpenTask task : reading.tasks()) {
            if (task.due() == null || !task.due().isBefore(reading.now)) {
                continue;
            }
            Timeline t = byNumber.get(task.businessKey());
            UnitRef unit;
            if (t != null) {
                unit = reading.recommender(t);
            } else if (task.businessKey().equals(reading.campaign.code())) {
                // A task of the campaign process (a unit's list): shown with the unit it is offered to.
                unit = catalog.unitsOfGroups(task.candidateGroups()).stream().findFirst().orElse(null);
                boolean visible = unit == null ? campaignWide
                        : reading.stage == null && (reading.counted == null || reading.counted.contains(unit.id()));
                if (!visible) {
                    continue;
                }
            } else {
                continue;
            }
            LocalDate dueDay = LocalDate.ofInstant(task.due(), zone);
            int daysLate = (int) Math.max(1, ChronoUnit.DAYS.between(dueDay, reading.today));
            Integer workingDaysLate;
            try {
                workingDaysLate = reading.today.isAfter(dueDay)
                        ? calendar.workingDaysBetween(dueDay.plusDays(1), reading.today) : 0;
            } catch (CalendarDataMissingException e) {
                workingDaysLate = null;
            }
            String holderKind;
            String holder;
            String holderName;
            if (task.assignee() != null) {
                holderKind = "USER";
                holder = task.assignee();
                holderName = userName(task.assignee());
            } else if (!task.candidateGroups().isEmpty()) {
                holderKind = "GROUP";
                holder = String.join(",", new TreeSet<>(task.candidateGroups()));
                holderName = task.candidateGroups().stream().sorted().map(this::groupName).collect(Collectors.joining("、"));
            } else {
                holderKind = "USER";
                holder = String.join(",", new TreeSet<>(task.candidateUsers()));
                holderName = task.candidateUsers().stream().sorted().map(this::userName).collect(Collectors.joining("、"));
            }
            CaseStage stage = t == null ? null : t.row().stage();
            overdue.add(new OverdueTask(task.id(), task.name(), task.activityId(), t == null ? null : t.row().id(),
                    t == null ? null : t.row().caseNumber(), t == null ? null : t.row().enterpriseName(),
                    unit == null ? null : unit.code(), unit == null ? null : unit.name(),
                    stage == null ? null : stage.name(), stage == null ? null : stage.label(), holderKind,
                    holder.isEmpty() ? null : holder, holderName.isEmpty() ? "（无人认领）" : holderName, task.due(),
                    daysLate, workingDaysLate));
        }
        overdue.sort(Comparator.comparing(OverdueTask::due).thenComparing(o -> Objects.toString(o.caseNumber(), "")));
        return overdue;
    }

    private String userName(String userId) {
        return directory.find(userId).map(u -> u.displayName() + "（" + userId + "）").orElse(userId);
    }

    private String groupName(String groupId) {
        String role = groups.groupNames().get(groupId);
        if (role != null) {
            return role;
        }
        return catalog.unitsOfGroups(Set.of(groupId)).stream().findFirst().map(UnitRef::name).orElse(groupId);
    }

    private static List<Dwell> dwell(Reading reading, List<Timeline> timelines) {
        Map<CaseStage, List<Double>> stays = new TreeMap<>();
        for (Timeline t : timelines) {
            for (Stay stay : t.stays()) {
                if (stay.to() != null) {
                    stays.computeIfAbsent(stay.stage(), s -> new ArrayList<>()).add(days(stay.from(), stay.to()));
                }
            }
        }
        List<Dwell> dwell = new ArrayList<>();
        stays.forEach((stage, days) -> {
            double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            List<Bucket> buckets = DWELL_BUCKETS.stream().map(b -> new Bucket(b.key(), b.label(),
                    (int) days.stream().filter(b::holds).count())).toList();
            dwell.add(new Dwell(stage.name(), stage.label(), sorted.length, round(median(sorted)),
                    round(percentile(sorted, 90)), round(average(sorted)), buckets));
        });
        return dwell;
    }

    private List<DayThroughput> throughput(Reading reading, List<Timeline> timelines) {
        String[] kinds = {"created", "submitted", "moved", "finished"};
        Map<LocalDate, int[]> days = new TreeMap<>();
        for (Timeline t : timelines) {
            for (int k = 0; k < kinds.length; k++) {
                for (LocalDate date : throughputEvents(t, kinds[k])) {
                    days.computeIfAbsent(date, d -> new int[kinds.length])[k]++;
                }
            }
        }
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate first = ((TreeMap<LocalDate, int[]>) days).firstKey();
        LocalDate last = ((TreeMap<LocalDate, int[]>) days).lastKey();
        if (reading.today.isAfter(last) && ChronoUnit.DAYS.between(last, reading.today) <= 31) {
            last = reading.today;
        }
        if (ChronoUnit.DAYS.between(first, last) > MAX_THROUGHPUT_DAYS) {
            first = last.minusDays(MAX_THROUGHPUT_DAYS);
        }
        List<DayThroughput> throughput = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            int[] counts = days.getOrDefault(date, new int[kinds.length]);
            throughput.add(new DayThroughput(date, counts[0], counts[1], counts[2], counts[3]));
        }
        return throughput;
    }

    /** The days on which a case was created, submitted (into 待初审), moved, or reached a final stage. */
    private List<LocalDate> throughputEvents(Timeline t, String kind) {
        List<LocalDate> dates = new ArrayList<>();
        if ("created".equals(kind)) {
            dates.add(LocalDate.ofInstant(t.row().createdAt(), zone));
            return dates;
        }
        if (kind != null && !Set.of("submitted", "moved", "finished").contains(kind)) {
            throw new RuleViolationException("kind", "unknown", "没有名为“" + kind + "”的处理量");
        }
        List<Stay> stays = t.stays();
        for (int i = 1; i < stays.size(); i++) {
            Stay entered = stays.get(i);
            boolean counts = switch (kind == null ? "moved" : kind) {
                case "submitted" -> entered.stage() == CaseStage.SUBMITTED;
                case "finished" -> entered.stage().isFinal();
                default -> true;
            };
            if (counts) {
                dates.add(LocalDate.ofInstant(entered.from(), zone));
            }
        }
        return dates;
    }

    private List<UnitProgress> units(Reading reading) {
        CampaignRef campaign = reading.campaign;
        Map<Long, Instant> lists = cases.listsSubmitted(campaign.id());
        LocalDate deadline = schedules.of(campaign).recommendationDue();
        Map<Long, List<Timeline>> byUnit = new HashMap<>();
        for (Timeline t : reading.timelines) {
            byUnit.computeIfAbsent(reading.recommender(t).id(), id -> new ArrayList<>()).add(t);
        }
        List<UnitProgress> units = new ArrayList<>();
        for (CampaignUnit entry : campaign.definition().units()) {
            Optional<UnitRef> found = catalog.unit(entry.unit());
            if (found.isEmpty() || (reading.counted != null && !reading.counted.contains(found.get().id()))) {
                continue;
            }
            UnitRef unit = found.get();
            List<Timeline> own = byUnit.getOrDefault(unit.id(), List.of());
            Instant submitted = lists.get(unit.id());
            long daysLeft = ChronoUnit.DAYS.between(reading.today, deadline);
            String status;
            if (submitted != null) {
                status = LocalDate.ofInstant(submitted, zone).isAfter(deadline) ? "SUBMITTED_LATE" : "SUBMITTED";
            } else if (daysLeft < 0) {
                status = "OVERDUE";
            } else {
                status = daysLeft <= DUE_SOON_DAYS ? "DUE_SOON" : "OPEN";
            }
            String label = switch (status) {
                case "SUBMITTED" -> "已报送推荐名单";
                case "SUBMITTED_LATE" -> "逾期后报送";
                case "OVERDUE" -> "逾期未报送（已过" + (-daysLeft) + "天）";
                case "DUE_SOON" -> "即将截止（剩" + daysLeft + "天）";
                default -> "未报送（剩" + daysLeft + "天）";
            };
            units.add(new UnitProgress(unit.code(), unit.name(), unit.definition().kind().label(),
                    catalog.quota(campaign, unit).orElse(null),
                    count(own, unitKind("filed")), count(own, unitKind("drafts")), count(own, unitKind("pending")),
                    count(own, unitKind("held")), count(own, unitKind("notRecommended")), submitted, deadline,
                    daysLeft, status, label));
        }
        return units;
    }

    private static Predicate<Timeline> unitKind(String kind) {
        return switch (kind == null ? "filed" : kind) {
            case "filed" -> t -> t.row().stage() != CaseStage.DRAFT;
            case "drafts" -> t -> t.row().stage() == CaseStage.DRAFT;
            case "pending" -> t -> t.row().stage() == CaseStage.SUBMITTED || (t.row().stage() == CaseStage.CORRECTION
                    && (t.row().returnedFrom() == null || t.row().returnedFrom() == CaseStage.SUBMITTED));
            case "held" -> t -> HOLDING.contains(t.row().stage());
            case "notRecommended" -> t -> t.row().stage() == CaseStage.NOT_RECOMMENDED;
            default -> throw new RuleViolationException("kind", "unknown", "没有名为“" + kind + "”的单位进度");
        };
    }

    private static int count(List<Timeline> timelines, Predicate<Timeline> which) {
        return (int) timelines.stream().filter(which).count();
    }

    private List<ExpertLoad> experts(Reading reading) {
        if (!reading.expertsShown()) {
            return List.of();
        }
        Map<String, int[]> loads = new TreeMap<>();
        Set<String> experts = new HashSet<>();
        for (AssignmentRow row : reading.assignments()) {
            if (!reading.stagedIds().contains(row.applicationId())) {
                continue;
            }
            experts.add(row.expertUserId());
            int[] load = loads.computeIfAbsent(row.expertUserId() + "|" + row.stage(), k -> new int[2]);
            load[0]++;
            if (row.scored()) {
                load[1]++;
            }
        }
        Map<String, String> names = cases.expertNames(experts);
        List<ExpertLoad> result = new ArrayList<>();
        loads.forEach((key, load) -> {
            String expert = key.substring(0, key.indexOf('|'));
            CaseStage stage = CaseStage.valueOf(key.substring(key.indexOf('|') + 1));
            result.add(new ExpertLoad(expert, names.getOrDefault(expert, expert), stage.name(), stage.label(), load[0],
                    load[1], load[0] - load[1]));
        });
        return result;
    }

    private List<ProcessLoad> diagramsLoads(Reading reading) {
        if (reading.loads == null) {
            Predicate<String> counted;
            if (reading.counted == null && reading.stage == null) {
                counted = number -> true;
            } else {
                Set<String> numbers = reading.staged().stream().map(t -> t.row().caseNumber()).collect(Collectors.toSet());
                counted = numbers::contains;
            }
            reading.loads = engine.caseProcessLoads(reading.campaign, counted, reading.now);
        }
        return reading.loads;
    }

    private List<Diagram> diagrams(Reading reading) {
        return diagramsLoads(reading).stream().map(p -> new Diagram(p.key(), p.name(), p.main(),
                p.activities().stream().map(a -> new Step(a.activityId(), a.name(), a.type(), a.calledProcessKey(),
                        a.active(), round(a.averageWaitHours() / 24), round(a.maxWaitHours() / 24), a.completed(),
                        round(a.averageDurationHours() / 24))).toList())).toList();
    }

    private DrillCase drillCase(Reading reading, Timeline t, String note) {
        UnitRef unit = reading.recommender(t);
        UnitRef filedWith = catalog.unit(t.row().unitId());
        String unitName = filedWith.id().equals(unit.id()) ? unit.name() : unit.name() + " / " + filedWith.name();
        return new DrillCase(t.row().id(), t.row().caseNumber(), t.row().enterpriseName(), unit.code(), unitName,
                t.row().stage().name(), t.row().stage().label(), round(days(t.current().from(), reading.now)), note);
    }

    // ---------------------------------------------------------------- arithmetic

    static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86400.0;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The median of sorted values (the mean of the middle two for an even count); 0 for none. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The p-th percentile of sorted values by the nearest-rank method: the smallest value with p% at or below it. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
