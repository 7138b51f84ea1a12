package org.qualitybenchmark.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.enterprise.Enterprise;
import org.qualitybenchmark.enterprise.EnterpriseProfile;
import org.qualitybenchmark.enterprise.EnterpriseRepository;
import org.qualitybenchmark.enterprise.Uscc;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;
import org.qualitybenchmark.reference.IndustryDivision;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.Hashes;
import org.qualitybenchmark.support.RuleViolationException;

import static org.qualitybenchmark.application.CaseViews.AttachmentView;
import static org.qualitybenchmark.application.CaseViews.CaseDetail;
import static org.qualitybenchmark.application.CaseViews.CaseSummary;
import static org.qualitybenchmark.application.CaseViews.ContactView;
import static org.qualitybenchmark.application.CaseViews.EnterpriseView;
import static org.qualitybenchmark.application.CaseViews.EventView;
import static org.qualitybenchmark.application.CaseViews.FigureView;
import static org.qualitybenchmark.application.CaseViews.Labelled;
import static org.qualitybenchmark.application.CaseViews.Page;

/**
 * Creating, changing, submitting, withdrawing and finding cases, and returning them for
 * correction. Every change is checked against the campaign's rules and the user's access first,
 * and lands in the case's history in the same transaction; creation, submission and withdrawal are
 * also published ({@link CaseCreated}, {@link CaseSubmitted}, {@link CaseWithdrawn}), as is a return for
 * correction ({@link CaseReturnedForCorrection}), inside that transaction, after the change.
 */
@Service
public class ApplicationService {

    /** The applicant (or the unit for them) may change a case while preparing it or correcting it. */
    static final Set<CaseStage> EDITABLE = EnumSet.of(CaseStage.DRAFT, CaseStage.CORRECTION);

    /** A case may be withdrawn until the public notice; not once it is decided or being noticed. */
    static final Set<CaseStage> WITHDRAWABLE = EnumSet.of(CaseStage.DRAFT, CaseStage.SUBMITTED, CaseStage.CORRECTION,
            CaseStage.PROPOSED, CaseStage.FORMAL_REVIEW, CaseStage.MATERIAL_REVIEW, CaseStage.DEFENSE,
            CaseStage.SITE_VISIT, CaseStage.SHORTLISTED);

    static final Set<CaseStage> RETURNABLE = EnumSet.of(CaseStage.SUBMITTED, CaseStage.FORMAL_REVIEW);

    static final Set<CaseStage> EXPIRABLE = EnumSet.of(CaseStage.DRAFT, CaseStage.CORRECTION, CaseStage.SUBMITTED,
            CaseStage.PROPOSED);

    private static final int MAX_REASON = 2000;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private final ApplicationRepository applications;
    private final EnterpriseRepository enterprises;
    private final AttachmentRepository attachments;
    private final CaseEventRepository events;
    private final CampaignCatalog catalog;
    private final ApplicationRules rules;
    private final CaseAccess access;
    private final IndustryClassification industries;
    private final AdministrativeDivisions divisions;
    private final CaseProgress progress;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApplicationService(ApplicationRepository applications, EnterpriseRepository enterprises,
            AttachmentRepository attachments, CaseEventRepository events, CampaignCatalog catalog,
            ApplicationRules rules, CaseAccess access, IndustryClassification industries,
            AdministrativeDivisions divisions, CaseProgress progress, ApplicationEventPublisher publisher,
            TransactionTemplate transactions, Clock clock) {
        this.applications = applications;
        this.enterprises = enterprises;
        this.attachments = attachments;
        this.events = events;
        this.catalog = catalog;
        this.rules = rules;
        this.access = access;
        this.industries = industries;
        this.divisions = divisions;
        this.progress = progress;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The case created, or the one an identical earlier request created ({@code replayed}). */
    public record CreateResult(CaseDetail detail, boolean replayed) {
    }

    /** Filters of the case list; all optional. */
    public record CaseFilter(String campaign, String unit, CaseStage stage, String q) {
    }

    /**
     * Files a new draft. Sending the same request again (a double click, a retry after a lost
     * answer) returns the case the first one created instead of a second case; an
     * {@code Idempotency-Key} makes that hold even after the first request changed nothing else.
     */
    public CreateResult create(ApplicationForm form, String idempotencyKey, AppUser user) {
        CampaignRef campaign = rules.campaign(form.campaign());
        rules.checkWindow(campaign, "campaign");
        String fingerprint = fingerprint(form);
        String key = ApplicationRules.trimToNull(idempotencyKey);
        if (key != null) {
            Optional<CreateResult> replay = transactions.execute(status -> applications
                    .findByOwnerUserIdAndIdempotencyKey(user.id(), key)
                    .map(existing -> replayOf(existing, fingerprint, user)));
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        ValidatedForm validated = rules.check(form, campaign, ApplicationRules.Mode.DRAFT);
        access.requireMayFile(user, validated.unitId());
        try {
            return transactions.execute(status -> insert(campaign, validated, fingerprint, key, user, status));
        } catch (DataIntegrityViolationException raceWithAnotherCampaign) {
            // Another campaign's case created the same new enterprise at the same moment; it exists now.
            return transactions.execute(status -> insert(campaign, validated, fingerprint, key, user, status));
        }
    }

    private CreateResult insert(CampaignRef campaign, ValidatedForm form, String fingerprint, String key, AppUser user,
            TransactionStatus status) {
        // Taken first: it serialises creation within the campaign, so the duplicate check below holds.
        String caseNumber = catalog.allocateCaseNumber(campaign.id());
        Instant now = clock.instant();
        Enterprise enterprise = enterprises.findByUscc(form.uscc())
                .orElseGet(() -> enterprises.saveAndFlush(new Enterprise(form.uscc(), form.enterpriseName(), now)));
        Optional<Application> existing = applications.findByCampaignIdAndEnterpriseId(campaign.id(), enterprise.getId());
        if (existing.isPresent()) {
            status.setRollbackOnly();
            return replayOf(existing.get(), fingerprint, user);
        }
        Application application = new Application(caseNumber, campaign.id(), enterprise.getId(), user.id(), key, now);
        application.fill(form, fingerprint, now);
        application = applications.saveAndFlush(application);
        record(application, CaseAction.CREATED, null, null, user, now);
        if (form.usccOverrideId() != null) {
            record(application, CaseAction.USCC_OVERRIDE_APPLIED, null, form.uscc(), user, now);
        }
        publisher.publishEvent(new CaseCreated(application.getId()));
        return new CreateResult(detail(application, enterprise), false);
    }

    private CreateResult replayOf(Application existing, String fingerprint, AppUser user) {
        if (existing.getOwnerUserId().equals(user.id()) && existing.getRequestFingerprint().equals(fingerprint)) {
            return new CreateResult(detail(existing, enterprises.findById(existing.getEnterpriseId()).orElseThrow()), true);
        }
        if (access.canSee(user, existing)) {
            throw new RuleViolationException("enterprise.uscc", "application.duplicate",
                    "该企业已在本次活动中申报（案件编号" + existing.getCaseNumber() + "，" + existing.getStage().label()
                            + "），不能重复申报");
        }
        throw new RuleViolationException("enterprise.uscc", "application.duplicate",
                "该企业已在本次活动中申报，不能重复申报；如有疑问请联系推荐单位");
    }

    /**
     * What {@link #create} would refuse in this form, without creating anything: the application
     * window, the rules of a draft and who may file with the unit. For bulk imports, which check
     * every row before they create any.
     *
     * @throws AccessDeniedException if the user may not file with the form's unit
     */
    @Transactional(readOnly = true)
    public List<FieldViolation> checkNew(ApplicationForm form, AppUser user) {
        try {
            CampaignRef campaign = rules.campaign(form.campaign());
            rules.checkWindow(campaign, "campaign");
            ValidatedForm validated = rules.check(form, campaign, ApplicationRules.Mode.DRAFT);
            access.requireMayFile(user, validated.unitId());
            return List.of();
        } catch (RuleViolationException e) {
            return e.violations();
        }
    }

    /**
     * Of these enterprises (normalised USCCs), those with a case in the campaign already, each with
     * the refusal {@link #create} would give this user (naming the case only if they may see it).
     * One query per 500 enterprises, whatever the size of the campaign.
     */
    @Transactional(readOnly = true)
    public Map<String, FieldViolation> alreadyFiled(String campaignCode, Collection<String> usccs, AppUser user) {
        CampaignRef campaign = rules.campaign(campaignCode);
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(usccs));
        Map<String, FieldViolation> filed = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            for (Object[] row : applications.findByCampaignIdAndEnterpriseUsccIn(campaign.id(), chunk)) {
                Application existing = (Application) row[0];
                String message = access.canSee(user, existing)
                        ? "该企业已在本次活动中申报（案件编号" + existing.getCaseNumber() + "，" + existing.getStage().label()
                                + "），不能重复申报"
                        : "该企业已在本次活动中申报，不能重复申报；如有疑问请联系推荐单位";
                filed.put((String) row[1], new FieldViolation("enterprise.uscc", "application.duplicate", message));
            }
        }
        return filed;
    }

    /**
     * Changes a draft, or a case returned for correction until its correction deadline. The
     * application window applies to drafts only: a correction is asked for after it has closed.
     */
    @Transactional
    public CaseDetail update(Long id, ApplicationForm form, AppUser user) {
        Application application = access.requireEditable(user, find(id));
        CaseProgress.requireStage(application, EDITABLE, CaseAction.UPDATED);
        CampaignRef campaign = catalog.campaign(application.getCampaignId());
        Enterprise enterprise = enterprises.findById(application.getEnterpriseId()).orElseThrow();
        List<FieldViolation> identity = new ArrayList<>();
        if (!campaign.code().equals(form.campaign())) {
            identity.add(new FieldViolation("campaign", "campaign.immutable", "案件所属的遴选活动不能更改"));
        }
        if (!enterprise.getUscc().equals(Uscc.normalize(form.enterprise().uscc()))) {
            identity.add(new FieldViolation("enterprise.uscc", "uscc.immutable",
                    "统一社会信用代码创建后不能更改；如填写有误，请撤回本申报后重新申报"));
        }
        boolean correction = application.getStage() == CaseStage.CORRECTION;
        if (correction && !catalog.unit(application.getUnitId()).code().equals(form.unit())) {
            // The unit screened (or recommended) the case; it cannot move to another unit's list meanwhile.
            identity.add(new FieldViolation("unit", "unit.immutable", "退回补正期间不能更改推荐单位"));
        }
        if (!identity.isEmpty()) {
            throw new RuleViolationException(identity);
        }
        if (correction) {
            requireCorrectionDue(application);
        } else {
            rules.checkWindow(campaign, "campaign");
        }
        ValidatedForm validated = rules.check(form, campaign, ApplicationRules.Mode.DRAFT);
        if (!validated.unitId().equals(application.getUnitId())) {
            access.requireMayFile(user, validated.unitId());
        }
        Instant now = clock.instant();
        application.fill(validated, fingerprint(form), now);
        record(application, CaseAction.UPDATED, null, null, user, now);
        return detail(application, enterprise);
    }

    /**
     * Submits a draft to its recommending unit once it is complete, within the application window.
     * A case returned for correction is resubmitted the same way, until its correction deadline
     * (the window does not apply), and goes back to the stage it was returned from. Submitting
     * again is harmless: the case stays as the first submission left it.
     */
    @Transactional
    public CaseDetail submit(Long id, AppUser user) {
        Application application = access.requireEditable(user, lock(id));
        Enterprise enterprise = enterprises.findById(application.getEnterpriseId()).orElseThrow();
        if (application.getStage() == CaseStage.SUBMITTED || isResubmitted(application)) {
            return detail(application, enterprise);
        }
        CaseProgress.requireStage(application, EDITABLE, CaseAction.SUBMITTED);
        boolean correction = application.getStage() == CaseStage.CORRECTION;
        CampaignRef campaign = catalog.campaign(application.getCampaignId());
        if (correction) {
            requireCorrectionDue(application);
        } else {
            rules.checkWindow(campaign, "campaign");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ValidatedForm validated = null;
        try {
            validated = rules.check(toForm(application, enterprise, campaign), campaign, ApplicationRules.Mode.SUBMISSION);
        } catch (RuleViolationException e) {
            violations.addAll(e.violations());
        }
        violations.addAll(rules.missingAttachments(campaign.definition(),
                attachments.findByApplicationIdOrderByUploadedAt(application.getId())));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Instant now = clock.instant();
        Integer latestYear = campaign.definition().eligibility().financialYears().stream().max(Integer::compare).orElseThrow();
        YearFigures latest = validated.figures().get(latestYear);
        enterprise.refreshProfile(new EnterpriseProfile(validated.enterpriseName(),
                validated.ownershipType() == null ? null : validated.ownershipType().name(), validated.industryCode(),
                validated.employees(), latest == null ? null : latest.revenue(), validated.computedSize()), now);
        String before = application.getStage().name();
        if (correction) {
            application.resubmit(now);
            events.save(new CaseEvent(application.getId(), before, CaseAction.RESUBMITTED, application.getStage().name(),
                    null, user.id(), now));
        } else {
            application.submit(now);
            events.save(new CaseEvent(application.getId(), before, CaseAction.SUBMITTED, "SUBMITTED", null, user.id(), now));
        }
        publisher.publishEvent(new CaseSubmitted(application.getId()));
        return detail(application, enterprise);
    }

    /** Resubmitted after a correction to a later stage, and not returned again since. */
    private static boolean isResubmitted(Application application) {
        return application.getReturnedFrom() != null && application.getCorrectionDue() == null
                && application.getStage() == application.getReturnedFrom();
    }

    /** The correction deadline is a whole day in the campaign's time zone, like the application window. */
    private void requireCorrectionDue(Application application) {
        LocalDate due = application.getCorrectionDue();
        if (due != null && rules.today().isAfter(due)) {
            throw new RuleViolationException("correctionDue", "correction.overdue",
                    "案件" + application.getCaseNumber() + "的补正期限已于" + due + "截止，逾期不再受理");
        }
    }

    /**
     * Withdraws a case at the applicant's (or the unit's) request, at any stage until the public
     * notice; a case decided, noticed or already withdrawn stays as it is.
     */
    @Transactional
    public CaseDetail withdraw(Long id, String reason, AppUser user) {
        Application application = access.requireEditable(user, lock(id));
        CaseProgress.requireStage(application, WITHDRAWABLE, CaseAction.WITHDRAWN);
        String why = requireReason(reason, "撤回原因");
        Instant now = clock.instant();
        String stageBefore = application.getStage().name();
        application.withdraw(now);
        events.save(new CaseEvent(application.getId(), stageBefore, CaseAction.WITHDRAWN, "WITHDRAWN", why, user.id(), now));
        publisher.publishEvent(new CaseWithdrawn(application.getId()));
        return detail(application, enterprises.findById(application.getEnterpriseId()).orElseThrow());
    }

    /**
     * Returns a case to its applicant for correction: by its unit (or the office) while it awaits
     * screening, by the office during formal review. The applicant may then edit it and resubmit it
     * until {@code due} (inclusive), and it goes back to the stage it was returned from.
     */
    @Transactional
    public CaseSnapshot returnForCorrection(Long id, String reason, LocalDate due, AppUser actor) {
        Application application = access.requireVisible(actor, lock(id));
        CaseProgress.requireStage(application, RETURNABLE, CaseAction.RETURNED_FOR_CORRECTION);
        boolean mayReturn = actor.has(Role.ADMIN) || actor.has(Role.OFFICE)
                || application.getStage() == CaseStage.SUBMITTED && access.unitIds(actor).contains(application.getUnitId());
        if (!mayReturn) {
            throw new AccessDeniedException("User " + actor.id() + " may not return case " + application.getCaseNumber());
        }
        String why = requireReason(reason, "退回原因");
        if (due == null) {
            throw new RuleViolationException("correctionDue", "required", "请填写补正期限");
        }
        if (due.isBefore(rules.today())) {
            throw new RuleViolationException("correctionDue", "date.past", "补正期限" + due + "已经过去，请填写今天或以后的日期");
        }
        Instant now = clock.instant();
        String before = application.getStage().name();
        application.returnForCorrection(due, now);
        // The deadline is part of the decision the applicant is told, so the history keeps it with the reason.
        String recorded = "补正期限" + due + "：" + why;
        CaseEvent entry = events.save(new CaseEvent(application.getId(), before, CaseAction.RETURNED_FOR_CORRECTION,
                "RETURN", recorded.length() > 2000 ? recorded.substring(0, 2000) : recorded, actor.id(), now));
        publisher.publishEvent(new CaseReturnedForCorrection(application.getId(), entry.getId(),
                application.getReturnedFrom(), why, due));
        return snapshot(application);
    }

    /** The system's step when a deadline passes with the case still waiting for its applicant or its unit. */
    @Transactional
    public CaseSnapshot expire(Long id, String reason) {
        Application application = lock(id);
        if (application.getStage() == CaseStage.EXPIRED) {
            return snapshot(application);
        }
        String why = ApplicationRules.trimToNull(reason);
        return snapshot(progress.move(id, EXPIRABLE, CaseStage.EXPIRED, CaseAction.EXPIRED, "EXPIRED",
                why == null ? CaseAction.EXPIRED.label() : why, SystemActor.INSTANCE));
    }

    /** Where a case stands, for the workflow adapter; no access check. */
    @Transactional(readOnly = true)
    public CaseSnapshot snapshot(Long id) {
        return snapshot(find(id));
    }

    private CaseSnapshot snapshot(Application a) {
        UnitRef unit = catalog.unit(a.getUnitId());
        return new CaseSnapshot(a.getId(), a.getCaseNumber(), a.getCampaignId(), unit.id(), unit.code(),
                unit.definition().groupId(), a.getOwnerUserId(), a.getStage(), a.getReturnedFrom(), a.getCorrectionDue());
    }

    private static String requireReason(String reason, String what) {
        String why = ApplicationRules.trimToNull(reason);
        if (why == null) {
            throw new RuleViolationException("reason", "required", "请说明" + what);
        }
        if (why.length() > MAX_REASON) {
            throw new RuleViolationException("reason", "text.tooLong", what + "不能超过" + MAX_REASON + "字");
        }
        return why;
    }

    @Transactional(readOnly = true)
    public CaseDetail get(Long id, AppUser user) {
        Application application = access.requireVisible(user, find(id));
        return detail(application, enterprises.findById(application.getEnterpriseId()).orElseThrow());
    }

    /**
     * The case for someone about to change it: not found for those who may not see it, refused for
     * those who may see but not change it, by the same rule every change of a case goes through.
     */
    @Transactional(readOnly = true)
    public CaseDetail getEditable(Long id, AppUser user) {
        Application application = access.requireEditable(user, find(id));
        return detail(application, enterprises.findById(application.getEnterpriseId()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public Page<CaseSummary> search(CaseFilter filter, Pageable pageable, AppUser user) {
        Specification<Application> spec = access.visibleTo(user);
        if (filter.campaign() != null) {
            Long campaignId = catalog.campaign(filter.campaign()).map(CampaignRef::id).orElse(-1L);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("campaignId"), campaignId));
        }
        if (filter.unit() != null) {
            Long unitId = catalog.unit(filter.unit()).map(UnitRef::id).orElse(-1L);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("unitId"), unitId));
        }
        if (filter.stage() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("stage"), filter.stage()));
        }
        String q = ApplicationRules.trimToNull(filter.q());
        if (q != null) {
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.or(
                    cb.like(root.get("caseNumber"), like, '\\'),
                    cb.like(root.get("enterpriseName"), like, '\\'),
                    cb.like(root.get("title"), like, '\\')));
        }
        org.springframework.data.domain.Page<Application> page = applications.findAll(spec, pageable);
        Map<Long, String> usccs = enterprises.findAllById(page.getContent().stream().map(Application::getEnterpriseId).toList())
                .stream().collect(Collectors.toMap(Enterprise::getId, Enterprise::getUscc));
        List<CaseSummary> rows = page.getContent().stream().map(a -> {
            UnitRef unit = catalog.unit(a.getUnitId());
            return new CaseSummary(a.getId(), a.getCaseNumber(), catalog.campaign(a.getCampaignId()).code(), unit.code(),
                    unit.name(), a.getEnterpriseName(), usccs.get(a.getEnterpriseId()), a.getTitle(), a.getStage(),
                    a.getStage().label(), a.getUnitRank(), a.getSubmittedAt(), a.getUpdatedAt());
        }).toList();
        return new Page<>(rows, page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }

    /**
     * What the submission rules and the required attachments find wrong with the case as it stands,
     * checked as {@link #submit} checks them but without the application window. For the organiser's
     * formal review of a recommended case, which is not the applicant's request: no access check.
     */
    @Transactional(readOnly = true)
    public List<FieldViolation> submissionFindings(Long id) {
        Application application = find(id);
        Enterprise enterprise = enterprises.findById(application.getEnterpriseId()).orElseThrow();
        CampaignRef campaign = catalog.campaign(application.getCampaignId());
        List<FieldViolation> violations = new ArrayList<>();
        try {
            rules.check(toForm(application, enterprise, campaign), campaign, ApplicationRules.Mode.SUBMISSION);
        } catch (RuleViolationException e) {
            violations.addAll(e.violations());
        }
        violations.addAll(rules.missingAttachments(campaign.definition(),
                attachments.findByApplicationIdOrderByUploadedAt(application.getId())));
        return violations;
    }

    private Application find(Long id) {
        return applications.findById(id).orElseThrow(() -> CaseAccess.notFound(id));
    }

    private Application lock(Long id) {
        return applications.lockById(id).orElseThrow(() -> CaseAccess.notFound(id));
    }

    private void record(Application application, CaseAction action, String outcome, String reason, AppUser user,
            Instant now) {
        events.save(new CaseEvent(application.getId(), application.getStage().name(), action, outcome, reason, user.id(), now));
    }

    /** The stored case as the form that would create it, so that submission runs the same rules. */
    private ApplicationForm toForm(Application a, Enterprise enterprise, CampaignRef campaign) {
        Contact c = a.getContact();
        Map<String, Object> fields = new LinkedHashMap<>();
        a.getFields().forEach((key, value) -> campaign.definition().field(key)
                .ifPresent(field -> fields.put(key, FieldValues.read(field, value))));
        a.getTables().forEach((key, value) -> campaign.definition().field(key)
                .filter(field -> field.type() == ExtraField.FieldType.TABLE)
                .ifPresent(field -> fields.put(key, FieldValues.read(field, value))));
        return new ApplicationForm(campaign.code(), catalog.unit(a.getUnitId()).code(),
                new ApplicationForm.EnterpriseInput(enterprise.getUscc(), a.getEnterpriseName(), a.getOwnershipType(),
                        a.getIndustryCode(), a.getEmployees(), a.getDeclaredSize(), a.getAddress(), a.getPostcode()),
                List.copyOf(a.getDirections()), a.getTitle(), a.getTexts(),
                a.getFigures().entrySet().stream().map(e -> new ApplicationForm.FigureInput(e.getKey(),
                        e.getValue().revenue(), e.getValue().profit(), e.getValue().totalAssets())).toList(),
                c == null ? null : new ApplicationForm.ContactInput(c.name(), c.department(), c.position(), c.phone(),
                        c.mobile(), c.email()),
                fields);
    }

    CaseDetail detail(Application a, Enterprise enterprise) {
        CampaignRef campaign = catalog.campaign(a.getCampaignId());
        CampaignDefinition definition = campaign.definition();
        UnitRef unit = catalog.unit(a.getUnitId());
        Optional<IndustryDivision> industry = Optional.ofNullable(a.getIndustryCode()).flatMap(industries::division);
        EnterpriseView enterpriseView = new EnterpriseView(enterprise.getUscc(), a.getEnterpriseName(),
                enterprise.getRegisteredRegion(), divisions.describe(enterprise.getRegisteredRegion()),
                a.getOwnershipType(), a.getIndustryCode(), industry.map(IndustryDivision::name).orElse(null),
                a.getEmployees(), a.getDeclaredSize() == null ? null : a.getDeclaredSize().name(),
                a.getComputedSize() == null ? null : a.getComputedSize().name(), a.getUsccOverrideId() != null,
                a.getAddress(), a.getPostcode());
        List<Labelled> directions = a.getDirections().stream()
                .map(code -> new Labelled(code, definition.direction(code).map(d -> d.name()).orElse(code)))
                .toList();
        List<FigureView> figures = a.getFigures().entrySet().stream()
                .map(e -> new FigureView(e.getKey(), e.getValue().revenue(), e.getValue().profit(), e.getValue().totalAssets()))
                .toList();
        Contact c = a.getContact();
        ContactView contact = c == null ? null
                : new ContactView(c.name(), c.department(), c.position(), c.phone(), c.mobile(), c.email());
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ExtraField field : definition.fields()) {
            String stored = field.type() == ExtraField.FieldType.TABLE
                    ? a.getTables().get(field.key())
                    : a.getFields().get(field.key());
            if (stored != null) {
                fields.put(field.key(), FieldValues.read(field, stored));
            }
        }
        List<AttachmentView> files = attachments.findByApplicationIdOrderByUploadedAt(a.getId()).stream()
                .map(file -> AttachmentService.view(file, definition))
                .toList();
        List<EventView> history = events.findByApplicationIdOrderByActedAtAscIdAsc(a.getId()).stream()
                .map(e -> new EventView(e.getActedAt(), e.getActor(), e.getStage(), e.getAction().name(),
                        e.getAction().label(), e.getOutcome(), e.getReason()))
                .toList();
        return new CaseDetail(a.getId(), a.getCaseNumber(), campaign.code(), definition.name(), unit.code(), unit.name(),
                a.getStage(), a.getStage().label(), a.getUnitRank(), enterpriseView, directions, a.getTitle(),
                new TreeMap<>(a.getTexts()), figures, contact, fields, files, history, a.getOwnerUserId(), a.getCreatedAt(),
                a.getUpdatedAt(), a.getSubmittedAt());
    }

    static String fingerprint(ApplicationForm form) {
        try {
            return Hashes.sha256Hex(CANONICAL.writeValueAsBytes(form));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint an application form", e);
        }
    }
}
