package org.qualitybenchmark.onlinesubmission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseSnapshot;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.DeadlineChanged;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.ScheduleKey;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;
import org.qualitybenchmark.support.TextInput;

/**
 * The recommended enterprises' online submission to the national system (山东2023 一（三）3：
 * “最终获得全国质量标杆推荐资格的企业于9月15日前访问中国质量网……进行网上申报”). The province's
 * recommendation opens it, the enterprise confirms it, and the day after the last day closes what
 * is still open as missed. Every step is written into the case's history.
 */
@Service
public class OnlineSubmissionService {

    static final int REFERENCE_MAX = 100;
    static final int NOTE_MAX = 2000;

    private final OnlineSubmissionRepository submissions;
    private final ApplicationRepository applicationRows;
    private final ApplicationService applications;
    private final CaseProgress progress;
    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;
    private final Clock clock;
    private final ZoneId zone;

    OnlineSubmissionService(OnlineSubmissionRepository submissions, ApplicationRepository applicationRows,
            ApplicationService applications, CaseProgress progress, CampaignCatalog catalog, EffectiveSchedule schedules, AppProperties properties,
            Clock clock) {
        this.submissions = submissions;
        this.applicationRows = applicationRows;
        this.applications = applications;
        this.progress = progress;
        this.catalog = catalog;
        this.schedules = schedules;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /**
     * The system's step when the province recommends a case: it waits for its online submission
     * until the campaign's {@code onlineSubmissionDue}. A second call (a retried step) changes nothing.
     *
     * @return the last day of the online submission
     */
    @Transactional
    public LocalDate open(Long applicationId) {
        Optional<OnlineSubmission> existing = submissions.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get().getDueOn();
        }
        CaseSnapshot snapshot = applications.snapshot(applicationId);
        CampaignRef campaign = catalog.campaign(snapshot.campaignId());
        LocalDate due = schedules.of(campaign).onlineSubmissionDue();
        if (due == null) {
            throw new IllegalStateException("Campaign " + campaign.code()
                    + " has no schedule.onlineSubmissionDue, yet its procedure opens an online submission");
        }
        progress.move(applicationId, Set.of(CaseStage.SHORTLISTED), CaseStage.ONLINE_SUBMISSION,
                CaseAction.ONLINE_SUBMISSION_OPENED, "OPEN",
                "获推荐资格，请于" + due + "（含当日）前在全国系统（中国质量网）完成网上申报，并在本系统确认", SystemActor.INSTANCE);
        submissions.save(new OnlineSubmission(snapshot.campaignId(), applicationId, due, clock.instant()));
        return due;
    }

    /**
     * The enterprise, its recommending unit or the office confirms that the case was submitted on
     * the national system, on or before the last day.
     *
     * @param submittedOn the day of the online submission; not in the future, not after the last day
     * @param reference   the national system's number for it, if any
     */
    @Transactional
    public OnlineSubmissionView confirm(Long applicationId, LocalDate submittedOn, String reference, String note,
            AppUser actor) {
        CaseSnapshot snapshot = applications.snapshot(applicationId);
        requireMayConfirm(actor, snapshot);
        OnlineSubmission submission = submissions.findByApplicationId(applicationId)
                .orElseThrow(() -> new ConflictException("onlineSubmission.notOpen",
                        "案件" + snapshot.caseNumber() + "没有待确认的网上申报"));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<FieldViolation> violations = new ArrayList<>();
        if (submittedOn == null) {
            violations.add(new FieldViolation("submittedOn", "required", "请填写网上申报日期"));
        } else if (submittedOn.isAfter(today)) {
            violations.add(new FieldViolation("submittedOn", "date.future", "网上申报日期" + submittedOn + "晚于今天（" + today + "）"));
        } else if (submittedOn.isAfter(submission.getDueOn())) {
            violations.add(new FieldViolation("submittedOn", "date.late",
                    "网上申报日期" + submittedOn + "晚于网上申报截止日期" + submission.getDueOn()));
        }
        String ref = TextInput.optional(reference, "reference", "网上申报编号", REFERENCE_MAX);
        String text = TextInput.optional(note, "note", "说明", NOTE_MAX);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (submission.getStatus() != OnlineSubmission.Status.OPEN) {
            throw new ConflictException("onlineSubmission.closed", "案件" + snapshot.caseNumber() + "的网上申报状态为“"
                    + submission.getStatus().label() + "”，不能再次确认");
        }
        if (today.isAfter(submission.getDueOn())) {
            throw new ConflictException("onlineSubmission.closed",
                    "网上申报已于" + submission.getDueOn() + "截止，不能再确认");
        }
        progress.move(applicationId, Set.of(CaseStage.ONLINE_SUBMISSION), CaseStage.SUBMITTED_ONLINE,
                CaseAction.ONLINE_SUBMISSION_CONFIRMED, "CONFIRMED", submittedOn + "在中国质量网完成网上申报"
                        + (ref == null ? "" : "（申报编号" + ref + "）") + (text == null ? "" : "；" + text), actor);
        submission.confirm(submittedOn, ref, text, actor.id(), clock.instant());
        return view(submission, applicationRows.findById(applicationId).orElseThrow());
    }

    /** The system's step the morning after the last day: an unconfirmed submission is recorded as missed. */
    /**
     * An extended online-submission deadline holds for the submissions still open; those confirmed
     * or missed keep the day they were judged by.
     */
    @EventListener
    void onDeadlineChanged(DeadlineChanged event) {
        if (event.key() != ScheduleKey.ONLINE_SUBMISSION_DUE) {
            return;
        }
        submissions.findByCampaignIdOrderById(event.campaignId()).stream()
                .filter(submission -> submission.getStatus() == OnlineSubmission.Status.OPEN)
                .forEach(submission -> submission.moveDueOn(event.newDate()));
    }

    @Transactional
    public void miss(Long applicationId) {
        OnlineSubmission submission = submissions.findByApplicationId(applicationId)
                .orElseThrow(() -> new IllegalStateException("Case " + applicationId + " has no online submission"));
        if (submission.getStatus() != OnlineSubmission.Status.OPEN) {
            return;
        }
        progress.move(applicationId, Set.of(CaseStage.ONLINE_SUBMISSION), CaseStage.ONLINE_SUBMISSION_MISSED,
                CaseAction.ONLINE_SUBMISSION_MISSED, "MISSED", "截至" + submission.getDueOn()
                        + "未确认在中国质量网完成网上申报，视为放弃全国质量标杆申报", SystemActor.INSTANCE);
        submission.miss(SystemActor.INSTANCE.id(), clock.instant());
    }

    /** A case's online submission, for whoever may see the case; empty before the province recommends it. */
    @Transactional(readOnly = true)
    public Optional<OnlineSubmissionView> of(Long applicationId, AppUser user) {
        applications.get(applicationId, user);
        return submissions.findByApplicationId(applicationId)
                .map(s -> view(s, applicationRows.findById(applicationId).orElseThrow()));
    }

    /** Every online submission of the campaign, for the office and managers. */
    @Transactional(readOnly = true)
    public List<OnlineSubmissionView> ofCampaign(String campaignCode, AppUser user) {
        if (!user.seesAllCases()) {
            throw new AccessDeniedException("Only the organiser sees a campaign's online submissions; " + user.id() + " may not");
        }
        CampaignRef campaign = catalog.campaign(campaignCode)
                .orElseThrow(() -> new NotFoundException("遴选活动“" + campaignCode + "”不存在"));
        List<OnlineSubmission> rows = submissions.findByCampaignIdOrderById(campaign.id());
        Map<Long, Application> cases = applicationRows.findAllById(rows.stream().map(OnlineSubmission::getApplicationId)
                .toList()).stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        return rows.stream().map(s -> view(s, cases.get(s.getApplicationId()))).toList();
    }

    private static void requireMayConfirm(AppUser actor, CaseSnapshot snapshot) {
        boolean mayConfirm = actor.id().equals(snapshot.ownerUserId()) || actor.groupIds().contains(snapshot.unitGroupId())
                || actor.has(Role.OFFICE) || actor.has(Role.ADMIN);
        if (!mayConfirm) {
            throw new AccessDeniedException("Only the applicant, its unit or the office may confirm the online submission of "
                    + snapshot.caseNumber() + "; " + actor.id() + " may not");
        }
    }

    private static OnlineSubmissionView view(OnlineSubmission s, Application application) {
        return new OnlineSubmissionView(s.getApplicationId(), application.getCaseNumber(), application.getEnterpriseName(),
                s.getDueOn(), s.getStatus(), s.getStatus().label(), s.getSubmittedOn(), s.getReference(), s.getNote(),
                s.getClosedBy(), s.getClosedAt());
    }
}
