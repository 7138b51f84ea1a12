package org.qualitybenchmark.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.calendar.CalendarDataMissingException;
import org.qualitybenchmark.calendar.WorkingDayCalendar;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.review.Objection;
import org.qualitybenchmark.review.ObjectionRepository;
import org.qualitybenchmark.review.OfficeAccess;
import org.qualitybenchmark.review.Selection;
import org.qualitybenchmark.review.SelectionOutcome;
import org.qualitybenchmark.review.SelectionRepository;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;
import org.qualitybenchmark.support.TextInput;

/**
 * The public notice of the recommendation list (公示), the objections received during it, the
 * announcement of the result (结果公告) and the revocation of a title (撤销称号).
 *
 * <p>The notice's steps lock the campaign's notice row before any case row, and so does recording
 * an objection, so that no objection slips in after the period has been closed.
 */
@Service
public class PublicNoticeService {

    static final int REASON_MAX = 2000;
    static final int CONTENT_MAX = 20000;

    private final PublicNoticeRepository notices;
    private final SelectionRepository selections;
    private final ObjectionRepository objections;
    private final ApplicationRepository applications;
    private final CaseProgress progress;
    private final CampaignCatalog catalog;
    private final WorkingDayCalendar calendar;
    private final AppProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicNoticeService(PublicNoticeRepository notices, SelectionRepository selections, ObjectionRepository objections,
            ApplicationRepository applications, CaseProgress progress, CampaignCatalog catalog,
            WorkingDayCalendar calendar, AppProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.selections = selections;
        this.objections = objections;
        this.applications = applications;
        this.progress = progress;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A case's stage after a step of publication. */
    public record CaseStageView(Long applicationId, String caseNumber, CaseStage stage, String stageLabel) {
        static CaseStageView of(Application application) {
            return new CaseStageView(application.getId(), application.getCaseNumber(), application.getStage(),
                    application.getStage().label());
        }
    }

    /**
     * Publishes the recommendation list: the selected cases go on public notice from today (in the
     * campaign's time zone) for the campaign's {@code publicNotice.workingDays} working days.
     */
    @Transactional
    public PublicNoticePeriod start(Long campaignId) {
        CampaignRef campaign = catalog.campaign(campaignId);
        notices.findByCampaignId(campaignId).ifPresent(existing -> {
            throw new ConflictException("notice.started", campaign.definition().name() + "的公示已于"
                    + existing.getStartsOn() + "开始");
        });
        List<Selection> selected = selections.findByCampaignIdAndOutcomeOrderByFinalRank(campaignId,
                SelectionOutcome.SELECTED);
        if (selected.isEmpty()) {
            throw new ConflictException("notice.nothingSelected", campaign.definition().name()
                    + "尚未确定推荐名单，没有可公示的案件");
        }
        ZoneId zone = properties.zone();
        int workingDays = campaign.definition().publicNotice().workingDays();
        PublicNoticePeriod dates;
        try {
            dates = PublicNoticePeriod.of(calendar, LocalDate.now(clock.withZone(zone)), workingDays, zone, List.of());
        } catch (CalendarDataMissingException e) {
            throw new ConflictException("calendar.missing", e.getMessage());
        }
        try {
            notices.saveAndFlush(new PublicNotice(campaignId, dates.startsOn(), dates.endsOn(), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("notice.started", campaign.definition().name() + "的公示已由他人同时发布");
        }
        String why = "公示期" + dates.startsOn() + "至" + dates.endsOn() + "（" + workingDays + "个工作日）";
        List<Long> onNotice = new ArrayList<>();
        for (Selection selection : selected) {
            // A selected case withdrawn since the shortlist was decided is not published.
            if (progress.lock(selection.getApplicationId()).getStage() == CaseStage.SHORTLISTED) {
                progress.move(selection.getApplicationId(), Set.of(CaseStage.SHORTLISTED), CaseStage.PUBLIC_NOTICE,
                        CaseAction.PUBLIC_NOTICE_STARTED, SelectionOutcome.SELECTED.name(), why, SystemActor.INSTANCE);
                onNotice.add(selection.getApplicationId());
            }
        }
        return new PublicNoticePeriod(dates.startsOn(), dates.endsOn(), dates.endsAt(), onNotice);
    }

    @Transactional(readOnly = true)
    public Optional<PublicNotice> notice(Long campaignId) {
        return notices.findByCampaignId(campaignId);
    }

    /**
     * Records a written objection to a case on the notice (anonymous objections are not taken, so
     * the name and contact are required) and publishes {@link ObjectionReceived}. The history names
     * the objection, not the person who raised it.
     *
     * @return the objection's id
     */
    @Transactional
    public Long recordObjection(Long applicationId, String submitterName, String submitterContact, String content,
            AppUser actor) {
        OfficeAccess.require(actor, "record objections");
        List<FieldViolation> violations = new ArrayList<>();
        String name = TextInput.required(submitterName, "submitterName", "异议人姓名或单位名称", 100, violations);
        String contact = TextInput.required(submitterContact, "submitterContact", "异议人联系方式", 100, violations);
        String text = TextInput.required(content, "content", "异议内容", CONTENT_MAX, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Application found = applications.findById(applicationId).orElseThrow(() -> notFound(applicationId));
        Optional<PublicNotice> notice = notices.lockByCampaignId(found.getCampaignId());
        Application application = progress.lock(applicationId);
        if (application.getStage() != CaseStage.PUBLIC_NOTICE) {
            throw new ConflictException("case.stage", "案件" + application.getCaseNumber() + "当前为“"
                    + application.getStage().label() + "”，不能受理异议（只在公示期内受理）");
        }
        PublicNotice period = notice.orElseThrow(() -> new IllegalStateException(
                "Case " + application.getCaseNumber() + " is on public notice without a notice"));
        if (period.getEndedAt() != null
                || !clock.instant().isBefore(PublicNoticePeriod.endOf(period.getEndsOn(), properties.zone()))) {
            throw new ConflictException("notice.ended", "公示期已于" + period.getEndsOn() + "结束，不再受理异议");
        }
        Objection objection = objections.save(new Objection(applicationId, clock.instant(), name, contact, text,
                actor.id()));
        progress.record(applicationId, CaseAction.OBJECTION_RECEIVED, Objection.Status.OPEN.name(),
                "收到异议（编号" + objection.getId() + "）", actor);
        events.publishEvent(new ObjectionReceived(applicationId, objection.getId()));
        return objection.getId();
    }

    /**
     * Concludes the investigation of the case's oldest open objection. An upheld objection removes
     * the case from the list (取消入选).
     */
    @Transactional
    public ObjectionOutcome decideOldestOpenObjection(Long applicationId, Objection.Outcome outcome, String findings,
            AppUser actor) {
        OfficeAccess.require(actor, "decide objections");
        List<FieldViolation> violations = new ArrayList<>();
        if (outcome == null) {
            violations.add(new FieldViolation("outcome", "required", "请选择核实结论（异议成立或不成立）"));
        }
        String text = TextInput.required(findings, "findings", "调查核实情况", REASON_MAX, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Application application = progress.lock(applicationId);
        Objection objection = objections.findFirstByApplicationIdAndStatusOrderByReceivedAtAscIdAsc(applicationId,
                Objection.Status.OPEN).orElseThrow(() -> new ConflictException("objection.none",
                        "案件" + application.getCaseNumber() + "没有待核实的异议"));
        objection.decide(outcome, text, actor.id(), clock.instant());
        String why = TextInput.clip("异议（编号" + objection.getId() + "）经调查核实"
                + (outcome == Objection.Outcome.UPHELD ? "成立" : "不成立") + "：" + text, REASON_MAX);
        if (outcome == Objection.Outcome.UPHELD && application.getStage() == CaseStage.PUBLIC_NOTICE) {
            progress.move(applicationId, Set.of(CaseStage.PUBLIC_NOTICE), CaseStage.REMOVED,
                    CaseAction.OBJECTION_DECIDED, outcome.name(), why, actor);
        } else {
            progress.record(applicationId, CaseAction.OBJECTION_DECIDED, outcome.name(), why, actor);
        }
        int open = (int) objections.countByApplicationIdAndStatus(applicationId, Objection.Status.OPEN);
        ObjectionOutcome result = new ObjectionOutcome(objection.getId(), applicationId, outcome, application.getStage(), open);
        // Inside the deciding transaction: the applicant's message exists exactly when the conclusion does.
        events.publishEvent(result);
        return result;
    }

    /**
     * Closes the notice once its period is over and returns the cases still on it. Closing again
     * returns them again and changes nothing.
     */
    @Transactional
    public List<Long> end(Long campaignId) {
        PublicNotice notice = lockNotice(campaignId);
        List<Long> onNotice = onNotice(campaignId).stream().map(Application::getId).toList();
        if (notice.getEndedAt() != null) {
            return onNotice;
        }
        if (clock.instant().isBefore(PublicNoticePeriod.endOf(notice.getEndsOn(), properties.zone()))) {
            throw new ConflictException("notice.running", "公示期至" + notice.getEndsOn() + "，尚未期满");
        }
        notice.end(clock.instant());
        String why = "公示期" + notice.getStartsOn() + "至" + notice.getEndsOn() + "期满";
        for (Long id : onNotice) {
            progress.record(id, CaseAction.PUBLIC_NOTICE_ENDED, "ENDED", why, SystemActor.INSTANCE);
        }
        return onNotice;
    }

    /**
     * Announces the result once the notice has ended and every objection to a case still on it has
     * been concluded. The cases listed by number are removed (a reason is then required); the others
     * are announced.
     *
     * @return each case that was on the notice, in rank order, with what the announcement did to it
     */
    @Transactional
    public Map<Long, AnnouncementOutcome> announce(Long campaignId, List<String> removeCaseNumbers, String reason,
            AppUser actor) {
        OfficeAccess.require(actor, "announce results");
        PublicNotice notice = lockNotice(campaignId);
        if (notice.getAnnouncedAt() != null) {
            throw new ConflictException("notice.announced", "结果已于" + notice.getAnnouncedAt()
                    .atZone(properties.zone()).toLocalDate() + "公告");
        }
        if (notice.getEndedAt() == null) {
            throw new ConflictException("notice.running", "公示期至" + notice.getEndsOn() + "，公示结束后才能发布结果公告");
        }
        List<Application> onNotice = onNotice(campaignId);
        Map<String, Application> byNumber = onNotice.stream()
                .collect(Collectors.toMap(Application::getCaseNumber, Function.identity()));
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> removals = new LinkedHashSet<>();
        List<String> requested = removeCaseNumbers == null ? List.of() : removeCaseNumbers;
        for (int i = 0; i < requested.size(); i++) {
            String number = requested.get(i) == null ? "" : requested.get(i).strip();
            if (!byNumber.containsKey(number)) {
                violations.add(new FieldViolation("removeCaseNumbers[" + i + "]", "case.notOnNotice",
                        "案件“" + number + "”不在本次公示名单中"));
            } else {
                removals.add(number);
            }
        }
        String why = removals.isEmpty()
                ? TextInput.optional(reason, "reason", "公告说明", REASON_MAX)
                : TextInput.required(reason, "reason", "取消入选的原因", REASON_MAX, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Map<Long, String> numbers = onNotice.stream()
                .collect(Collectors.toMap(Application::getId, Application::getCaseNumber));
        List<String> open = objections.findByApplicationIdInAndStatus(numbers.keySet(), Objection.Status.OPEN).stream()
                .map(o -> numbers.get(o.getApplicationId())).distinct().sorted().toList();
        if (!open.isEmpty()) {
            throw new ConflictException("objection.open", "还有异议尚未核实完毕（" + String.join("、", open)
                    + "），不能发布结果公告");
        }
        Map<Long, AnnouncementOutcome> outcomes = new LinkedHashMap<>();
        for (Application application : onNotice) {
            if (removals.contains(application.getCaseNumber())) {
                progress.move(application.getId(), Set.of(CaseStage.PUBLIC_NOTICE), CaseStage.REMOVED, CaseAction.REMOVED,
                        AnnouncementOutcome.REMOVED.name(), why, actor);
                outcomes.put(application.getId(), AnnouncementOutcome.REMOVED);
            } else {
                progress.move(application.getId(), Set.of(CaseStage.PUBLIC_NOTICE), CaseStage.ANNOUNCED,
                        CaseAction.ANNOUNCED, AnnouncementOutcome.ANNOUNCED.name(), removals.isEmpty() ? why : null, actor);
                outcomes.put(application.getId(), AnnouncementOutcome.ANNOUNCED);
            }
        }
        notice.announce(clock.instant());
        return outcomes;
    }

    /**
     * Revokes an announced title (附件4 第二十四条: falsified materials, or a major accident in
     * quality, safety, environment or integrity).
     */
    @Transactional
    public CaseStageView revoke(Long applicationId, String reason, AppUser actor) {
        OfficeAccess.require(actor, "revoke titles");
        String why = TextInput.required(reason, "reason", "撤销称号的原因", REASON_MAX);
        return CaseStageView.of(progress.move(applicationId, Set.of(CaseStage.ANNOUNCED), CaseStage.REVOKED,
                CaseAction.REVOKED, "REVOKED", why, actor));
    }

    private PublicNotice lockNotice(Long campaignId) {
        return notices.lockByCampaignId(campaignId).orElseThrow(() -> new ConflictException("notice.notStarted",
                catalog.campaign(campaignId).definition().name() + "的公示尚未开始"));
    }

    /** The cases on the notice, in the order of the recommendation list. */
    private List<Application> onNotice(Long campaignId) {
        Specification<Application> spec = (root, query, cb) -> cb.and(cb.equal(root.get("campaignId"), campaignId),
                cb.equal(root.get("stage"), CaseStage.PUBLIC_NOTICE));
        Map<Long, Integer> rank = selections.findByCampaignIdOrderByFinalRank(campaignId).stream()
                .collect(Collectors.toMap(Selection::getApplicationId, Selection::getFinalRank));
        return applications.findAll(spec).stream()
                .sorted(Comparator.comparing((Application a) -> rank.getOrDefault(a.getId(), Integer.MAX_VALUE))
                        .thenComparing(Application::getCaseNumber))
                .toList();
    }

    private static NotFoundException notFound(Long applicationId) {
        return new NotFoundException("案件“" + applicationId + "”不存在");
    }
}
