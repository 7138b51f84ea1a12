package org.qualitybenchmark.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * The on-site check a county makes before it recommends a case (洛阳 2023: 县区负责申报材料的初审和现场核查).
 * The check is recorded in the case, whatever the county then decides; a case the county found not
 * to match its application cannot be recommended on that check.
 */
@Service
public class CountySiteCheckService {

    static final int MAX_INSPECTORS = 500;
    static final int MAX_FINDINGS = 2000;

    private final CountySiteCheckRepository checks;
    private final CaseProgress progress;
    private final ApplicationService applications;
    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;
    private final Clock clock;
    private final AppProperties properties;

    CountySiteCheckService(CountySiteCheckRepository checks, CaseProgress progress, ApplicationService applications,
            CampaignCatalog catalog, EffectiveSchedule schedules, Clock clock, AppProperties properties) {
        this.checks = checks;
        this.progress = progress;
        this.applications = applications;
        this.catalog = catalog;
        this.schedules = schedules;
        this.clock = clock;
        this.properties = properties;
    }

    /** What the county staff entered about one visit. */
    public record SiteCheckInput(LocalDate checkedOn, String inspectors, String findings, SiteCheckResult result) {
    }

    /** A recorded check, as the API shows it. */
    public record SiteCheckView(Long id, LocalDate checkedOn, String inspectors, String findings, SiteCheckResult result,
            String resultLabel, String recordedBy, Instant recordedAt) {

        static SiteCheckView of(CountySiteCheck check) {
            return new SiteCheckView(check.getId(), check.getCheckedOn(), check.getInspectors(), check.getFindings(),
                    check.getResult(), check.getResult().label(), check.getRecordedBy(), check.getRecordedAt());
        }
    }

    /**
     * Records a check of a submitted case by staff of the case's unit (or the office for it). The day
     * may not lie in the future nor before the campaign opened; who went and what they found are required.
     */
    @Transactional
    public SiteCheckView record(Long applicationId, SiteCheckInput input, AppUser actor) {
        Application application = progress.lock(applicationId);
        requireCountyStaff(actor, application);
        CaseProgress.requireStage(application, EnumSet.of(CaseStage.SUBMITTED), CaseAction.COUNTY_SITE_CHECKED);
        LocalDate opened = schedules.of(catalog.campaign(application.getCampaignId())).applicationOpens();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        List<FieldViolation> violations = new ArrayList<>();
        if (input.checkedOn() == null) {
            violations.add(new FieldViolation("checkedOn", "required", "请填写现场核查日期"));
        } else if (input.checkedOn().isAfter(today)) {
            violations.add(new FieldViolation("checkedOn", "date.future", "现场核查日期不能晚于今天（" + today + "）"));
        } else if (input.checkedOn().isBefore(opened)) {
            violations.add(new FieldViolation("checkedOn", "date.beforeOpening",
                    "现场核查日期不能早于本次活动开始申报的日期（" + opened + "）"));
        }
        String inspectors = text(input.inspectors(), "inspectors", "核查人员", MAX_INSPECTORS, violations);
        String findings = text(input.findings(), "findings", "核查发现", MAX_FINDINGS, violations);
        if (input.result() == null) {
            violations.add(new FieldViolation("result", "required", "请选择现场核查结论"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        CountySiteCheck check = checks.saveAndFlush(new CountySiteCheck(applicationId, input.checkedOn(), inspectors,
                findings, input.result(), actor.id(), clock.instant()));
        progress.record(applicationId, CaseAction.COUNTY_SITE_CHECKED, input.result().name(),
                input.checkedOn() + " " + inspectors + "：" + findings, actor);
        return SiteCheckView.of(check);
    }

    /** The case's checks, oldest first, for whoever may see the case. */
    @Transactional(readOnly = true)
    public List<SiteCheckView> checksOf(Long applicationId, AppUser user) {
        applications.get(applicationId, user);
        return checks.findByApplicationIdOrderByRecordedAtAscIdAsc(applicationId).stream().map(SiteCheckView::of).toList();
    }

    /** The last check of the case, if it has one. */
    @Transactional(readOnly = true)
    public Optional<SiteCheckResult> latestResult(Long applicationId) {
        List<CountySiteCheck> all = checks.findByApplicationIdOrderByRecordedAtAscIdAsc(applicationId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).getResult());
    }

    private void requireCountyStaff(AppUser actor, Application application) {
        UnitRef unit = catalog.unit(application.getUnitId());
        if (actor.has(Role.ADMIN) || actor.has(Role.OFFICE)
                || actor.has(Role.UNIT_STAFF) && catalog.unitsOfGroups(actor.groupIds()).contains(unit)) {
            return;
        }
        if (actor.seesAllCases() || actor.id().equals(application.getOwnerUserId())) {
            throw new AccessDeniedException("User " + actor.id() + " may not record a site check of case "
                    + application.getCaseNumber());
        }
        throw new NotFoundException("案件“" + application.getId() + "”不存在或您无权查看");
    }

    private static String text(String raw, String field, String label, int max, List<FieldViolation> violations) {
        String value = raw == null || raw.isBlank() ? null : raw.strip();
        if (value == null) {
            violations.add(new FieldViolation(field, "required", "请填写" + label));
        } else if (value.length() > max) {
            violations.add(new FieldViolation(field, "text.tooLong", label + "不能超过" + max + "字"));
        }
        return value;
    }
}
