package org.qualitybenchmark.quota;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * A recommending unit's part of the procedure: screening the cases filed with it, within its quota
 * and with its ranking (明确推荐排序), and submitting its recommendation list once.
 *
 * <p>Every decision that counts against a unit's quota first locks the unit's row of the campaign
 * (qb_campaign_unit), then counts the places taken: two staff recommending at the same moment are
 * taken one after the other, and the second sees the first's case. A case takes the unit's row
 * lock only after its own; the unit-wide steps (list, order, close) lock the unit's row and then
 * only cases already proposed, so the two orders never meet on one case.
 */
@Service
public class RecommendationService {

    /**
     * Stages of a case that holds a place in its unit's quota: proposed, or recommended on the
     * unit's list and gone on from there (even if it later failed: the place was used).
     */
    static final Set<CaseStage> HOLDING = EnumSet.of(CaseStage.PROPOSED, CaseStage.FORMAL_REVIEW, CaseStage.REJECTED,
            CaseStage.MATERIAL_REVIEW, CaseStage.BELOW_CUTOFF, CaseStage.DEFENSE, CaseStage.DEFENSE_FAILED,
            CaseStage.SITE_VISIT, CaseStage.SITE_VISIT_FAILED, CaseStage.SHORTLISTED, CaseStage.NOT_SELECTED,
            CaseStage.PUBLIC_NOTICE, CaseStage.REMOVED, CaseStage.ANNOUNCED, CaseStage.REVOKED);

    /** Cases the unit still has to decide on before it may submit its list. */
    static final Set<CaseStage> PENDING = EnumSet.of(CaseStage.SUBMITTED, CaseStage.CORRECTION);

    static final String LAPSED = "推荐单位逾期未报送推荐名单";

    private static final int MAX_TEXT = 2000;
    private static final Set<CaseStage> SUBMITTED = EnumSet.of(CaseStage.SUBMITTED);
    private static final Set<CaseStage> PROPOSED = EnumSet.of(CaseStage.PROPOSED);
    private static final Comparator<Application> RANK_ORDER = Comparator
            .comparing(Application::getUnitRank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Application::getCaseNumber);

    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final CaseProgress progress;
    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;
    private final RecommendationListRepository lists;
    private final Clock clock;
    private final AppProperties properties;
    private final UnitHierarchy hierarchy;
    private final UnitDocumentService documents;

    RecommendationService(ApplicationRepository applications, ApplicationService applicationService,
            CaseProgress progress, CampaignCatalog catalog, EffectiveSchedule schedules, RecommendationListRepository lists, Clock clock,
            AppProperties properties, UnitHierarchy hierarchy, UnitDocumentService documents) {
        this.hierarchy = hierarchy;
        this.applications = applications;
        this.applicationService = applicationService;
        this.progress = progress;
        this.catalog = catalog;
        this.schedules = schedules;
        this.lists = lists;
        this.clock = clock;
        this.properties = properties;
        this.documents = documents;
    }

    /**
     * The unit's decision on a submitted case.
     *
     * <ul>
     * <li>RECOMMEND: SUBMITTED → PROPOSED at {@code rank}, holding a place in the unit's quota. In a
     * ranked campaign the rank is required, within 1..quota and not given to another proposed
     * case of the unit; in an unranked campaign it may be left out. Refused over quota, after the
     * recommendation deadline and once the unit's list is submitted.</li>
     * <li>NOT_RECOMMEND: SUBMITTED → NOT_RECOMMENDED; a reason is required.</li>
     * <li>RETURN: back to the applicant for correction until {@code correctionDue}, which may not be
     * later than the campaign's recommendation deadline.</li>
     * </ul>
     */
    @Transactional
    public ScreeningResult screen(Long applicationId, ScreeningDecision decision, Integer rank, String reason,
            LocalDate correctionDue, AppUser actor) {
        // The case first, before anything is read of it in this transaction, so that the stage checked is the locked row's.
        Application application = progress.lock(applicationId);
        requireScreener(actor, application);
        if (decision == null) {
            throw new RuleViolationException("decision", "required", "请选择初审意见：推荐、不推荐或退回补正");
        }
        CaseProgress.requireStage(application, SUBMITTED, CaseAction.SCREENED);
        CampaignRef campaign = catalog.campaign(application.getCampaignId());
        return switch (decision) {
            case RECOMMEND -> recommend(application, campaign, rank, optionalText(reason, "reason", "初审意见"), actor);
            case NOT_RECOMMEND -> {
                progress.move(applicationId, SUBMITTED, CaseStage.NOT_RECOMMENDED, CaseAction.SCREENED, decision.name(),
                        requiredText(reason, "reason", "不推荐的理由"), actor);
                yield new ScreeningResult(applicationId, decision, CaseStage.NOT_RECOMMENDED, null, "NOT_RECOMMENDED");
            }
            case RETURN -> {
                LocalDate last = schedules.of(campaign).recommendationDue();
                if (correctionDue != null && correctionDue.isAfter(last)) {
                    throw new RuleViolationException("correctionDue", "correction.afterRecommendationDue",
                            "补正期限不能晚于推荐名单报送截止日期" + last);
                }
                CaseSnapshot returned = applicationService.returnForCorrection(applicationId, reason, correctionDue, actor);
                yield new ScreeningResult(applicationId, decision, returned.stage(), null, "RETURN");
            }
        };
    }

    private ScreeningResult recommend(Application application, CampaignRef campaign, Integer rank, String reason,
            AppUser actor) {
        UnitRef unit = recommender(campaign, application);
        Long unitId = unit.id();
        requireRecommendationOpen(campaign);
        catalog.lockUnit(campaign.id(), unitId);
        requireNoList(campaign, unit);
        Optional<Integer> quota = catalog.quota(campaign, unit);
        long used = used(campaign.id(), unitId);
        if (quota.isPresent() && used >= quota.get()) {
            throw new RuleViolationException("decision", "quota.exceeded", quotaMessage(quota.get(), used));
        }
        boolean ranked = campaign.definition().quota().ranked();
        if (rank == null && ranked) {
            throw new RuleViolationException("rank", "required", "本活动要求推荐单位明确推荐排序，请填写推荐排序");
        }
        if (rank != null) {
            int highest = quota.orElse(Integer.MAX_VALUE);
            if (rank < 1 || rank > highest) {
                throw new RuleViolationException("rank", "rank.range", quota.isPresent()
                        ? "推荐排序应在1至" + highest + "之间（本单位推荐名额为" + highest + "项）"
                        : "推荐排序应为从1开始的正整数");
            }
            Optional<Application> holder = proposed(campaign.id(), unitId).stream()
                    .filter(a -> rank.equals(a.getUnitRank())).findFirst();
            if (holder.isPresent()) {
                throw new RuleViolationException("rank", "rank.taken", "推荐排序第" + rank + "位已给了案件"
                        + holder.get().getCaseNumber() + "（" + holder.get().getEnterpriseName() + "），请选择其他位次");
            }
        }
        progress.move(application.getId(), SUBMITTED, CaseStage.PROPOSED, CaseAction.SCREENED,
                ScreeningDecision.RECOMMEND.name(), reason, actor);
        if (rank != null) {
            progress.rank(application.getId(), rank);
            progress.record(application.getId(), CaseAction.RANKED, "RANK " + rank, "推荐排序为第" + rank + "位", actor);
        }
        return new ScreeningResult(application.getId(), ScreeningDecision.RECOMMEND, CaseStage.PROPOSED, rank, "PROPOSED");
    }

    /**
     * Submits the unit's recommendation list: its proposed cases become recommended (on to the
     * organiser's formal review), in rank order. Refused while any case of the unit still awaits
     * screening or correction, when the ranks of a ranked campaign are not 1..n without gaps, while a
     * document the campaign requires with the list is missing, after the deadline, and the second
     * time. An empty list is a valid answer (no case recommended), unless the campaign sets a
     * minimum for the unit's kind ({@code quota.minimumPerKind}).
     *
     * @return the recommended cases' ids in rank order
     */
    @Transactional
    public List<Long> submitList(Long campaignId, Long unitId, String note, AppUser actor) {
        CampaignRef campaign = catalog.campaign(campaignId);
        UnitRef unit = participating(campaign, unitId);
        requireListMaker(actor, unit);
        String text = optionalText(note, "note", "推荐意见");
        requireRecommendationOpen(campaign);
        catalog.lockUnit(campaignId, unitId);
        requireNoList(campaign, unit);
        List<Application> pending = applications.findByCampaignIdAndUnitIdInAndStageIn(campaignId,
                hierarchy.withDescendants(unitId), PENDING).stream().sorted(Comparator.comparing(Application::getCaseNumber)).toList();
        if (!pending.isEmpty()) {
            throw new ConflictException("recommendation.pending", "还有" + pending.size() + "件申报未初审（"
                    + pending.stream().map(a -> a.getCaseNumber() + a.getStage().label()).collect(Collectors.joining("、"))
                    + "），请完成初审后再报送推荐名单");
        }
        List<Application> proposed = proposed(campaignId, unitId);
        Optional<Integer> quota = catalog.quota(campaign, unit);
        if (quota.isPresent() && proposed.size() > quota.get()) {
            // Only when the quota was lowered in the configuration after the cases were proposed.
            throw new RuleViolationException("decision", "quota.exceeded", quotaMessage(quota.get(), proposed.size()));
        }
        int minimum = campaign.definition().quota().minimumFor(unit.definition().kind());
        if (proposed.size() < minimum) {
            throw new RuleViolationException("list", "quota.belowMinimum", "本单位须至少推荐" + minimum + "项"
                    + quota.map(q -> "（推荐" + minimum + "—" + q + "项）").orElse("") + "，现拟推荐" + proposed.size()
                    + "项；请在初审中拟推荐后再报送推荐名单");
        }
        if (campaign.definition().quota().ranked()) {
            requireConsecutiveRanks(proposed);
        }
        documents.requireComplete(campaign, unit);
        List<RecommendedCase> entries = new ArrayList<>();
        for (Application a : proposed) {
            progress.move(a.getId(), PROPOSED, CaseStage.FORMAL_REVIEW, CaseAction.RECOMMENDED, "RECOMMENDED",
                    a.getUnitRank() == null ? null : "推荐排序第" + a.getUnitRank() + "位", actor);
            entries.add(new RecommendedCase(a.getId(), a.getUnitRank()));
        }
        lists.saveAndFlush(new RecommendationList(campaignId, unitId, text, actor.id(), clock.instant(), entries));
        return entries.stream().map(RecommendedCase::applicationId).toList();
    }

    /**
     * Puts the unit's proposed cases in this order, ranks 1..n: how a unit closes a gap (a proposed
     * case withdrawn) or swaps two cases before submitting its list.
     *
     * @param rankOrder every proposed case of the unit, each once, first-ranked first
     * @return the same ids, now ranked 1..n
     */
    @Transactional
    public List<Long> reorder(Long campaignId, Long unitId, List<Long> rankOrder, AppUser actor) {
        CampaignRef campaign = catalog.campaign(campaignId);
        UnitRef unit = participating(campaign, unitId);
        requireListMaker(actor, unit);
        catalog.lockUnit(campaignId, unitId);
        requireNoList(campaign, unit);
        List<Application> proposed = proposed(campaignId, unitId);
        Map<Long, Application> byId = proposed.stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        List<Long> order = rankOrder == null ? List.of() : rankOrder;
        if (order.size() != byId.size() || !byId.keySet().equals(new HashSet<>(order))) {
            throw new RuleViolationException("applicationIds", "rank.incomplete",
                    "请按顺序列出本单位全部拟推荐案件，每件一次：" + (proposed.isEmpty() ? "（无）"
                            : proposed.stream().map(a -> a.getCaseNumber() + "（" + a.getId() + "）")
                                    .collect(Collectors.joining("、"))));
        }
        for (int i = 0; i < order.size(); i++) {
            Integer rank = i + 1;
            Integer before = byId.get(order.get(i)).getUnitRank();
            if (rank.equals(before)) {
                continue;
            }
            progress.rank(order.get(i), rank);
            progress.record(order.get(i), CaseAction.RANKED, "RANK " + rank,
                    before == null ? "推荐排序为第" + rank + "位" : "推荐排序由第" + before + "位调整为第" + rank + "位", actor);
        }
        return List.copyOf(order);
    }

    /**
     * The system's step at the recommendation deadline: the proposed cases of every unit that has
     * not submitted its list are not recommended.
     *
     * @return the cases so closed
     */
    @Transactional
    public List<Long> closeRecommendation(Long campaignId) {
        CampaignRef campaign = catalog.campaign(campaignId);
        List<Long> closed = new ArrayList<>();
        for (var entry : campaign.definition().units()) {
            UnitRef unit = catalog.unit(entry.unit()).orElseThrow();
            catalog.lockUnit(campaignId, unit.id());
            if (lists.findByCampaignIdAndUnitId(campaignId, unit.id()).isPresent()) {
                continue;
            }
            for (Application a : proposed(campaignId, unit.id())) {
                progress.move(a.getId(), PROPOSED, CaseStage.NOT_RECOMMENDED, CaseAction.NOT_RECOMMENDED,
                        "NOT_RECOMMENDED", LAPSED, SystemActor.INSTANCE);
                closed.add(a.getId());
            }
        }
        return closed;
    }

    /** The unit's quota, the places taken and by which cases, and its list if submitted. */
    @Transactional(readOnly = true)
    public RecommendationListView list(Long campaignId, Long unitId, AppUser actor) {
        CampaignRef campaign = catalog.campaign(campaignId);
        UnitRef unit = participating(campaign, unitId);
        if (!actor.seesAllCases() && !staffOf(actor, unit)) {
            throw unitNotFound(unit.code());
        }
        List<Application> holding = holding(campaignId, unitId).stream().sorted(RANK_ORDER).toList();
        int pending = applications.findByCampaignIdAndUnitIdInAndStageIn(campaignId, hierarchy.withDescendants(unitId),
                PENDING).size();
        RecommendationListView.Submission submitted = lists.findByCampaignIdAndUnitId(campaignId, unitId)
                .map(l -> new RecommendationListView.Submission(l.getSubmittedBy(), l.getSubmittedAt(), l.getNote(),
                        l.getCases().size()))
                .orElse(null);
        return new RecommendationListView(campaign.code(), unit.code(), unit.name(),
                catalog.quota(campaign, unit).orElse(null), minimumOrNull(campaign, unit),
                campaign.definition().quota().ranked(), holding.size(),
                pending, holding.stream().map(a -> new RecommendationListView.Entry(a.getId(), a.getCaseNumber(),
                        a.getEnterpriseName(), a.getTitle(), a.getUnitRank(), a.getStage(), a.getStage().label())).toList(),
                submitted);
    }

    /** Places taken in the unit's quota; counted, not loaded, so that nothing read here goes stale. */
    private long used(Long campaignId, Long unitId) {
        Set<Long> covered = hierarchy.withDescendants(unitId);
        return applications.countByCampaignIdAndUnitIdInAndStageIn(campaignId, covered, HOLDING)
                + applications.countByCampaignIdAndUnitIdInAndStageAndReturnedFrom(campaignId, covered,
                        CaseStage.CORRECTION, CaseStage.FORMAL_REVIEW);
    }

    private List<Application> holding(Long campaignId, Long unitId) {
        Set<CaseStage> stages = EnumSet.copyOf(HOLDING);
        stages.add(CaseStage.CORRECTION);
        return applications.findByCampaignIdAndUnitIdInAndStageIn(campaignId, hierarchy.withDescendants(unitId), stages)
                .stream().filter(a -> a.getStage() != CaseStage.CORRECTION || a.getReturnedFrom() == CaseStage.FORMAL_REVIEW)
                .toList();
    }

    private List<Application> proposed(Long campaignId, Long unitId) {
        return applications.findByCampaignIdAndUnitIdInAndStageIn(campaignId, hierarchy.withDescendants(unitId), PROPOSED)
                .stream().sorted(RANK_ORDER).toList();
    }

    private static Integer minimumOrNull(CampaignRef campaign, UnitRef unit) {
        int minimum = campaign.definition().quota().minimumFor(unit.definition().kind());
        return minimum == 0 ? null : minimum;
    }

    static String quotaMessage(int quota, long used) {
        return "本单位推荐名额为" + quota + "项，已拟推荐" + used + "项";
    }

    private static void requireConsecutiveRanks(List<Application> proposed) {
        List<Integer> ranks = proposed.stream().map(Application::getUnitRank).toList();
        List<Integer> expected = IntStream.rangeClosed(1, proposed.size()).boxed().toList();
        if (!ranks.equals(expected)) {
            throw new RuleViolationException("rank", "rank.gaps", "推荐排序应为1至" + proposed.size() + "的连续整数，现为："
                    + proposed.stream().map(a -> a.getCaseNumber() + " "
                            + (a.getUnitRank() == null ? "未排序" : "第" + a.getUnitRank() + "位"))
                            .collect(Collectors.joining("、"))
                    + "；请先调整推荐排序");
        }
    }

    private void requireRecommendationOpen(CampaignRef campaign) {
        LocalDate due = schedules.of(campaign).recommendationDue();
        if (LocalDate.now(clock.withZone(properties.zone())).isAfter(due)) {
            throw new ConflictException("recommendation.closed", campaign.definition().name() + "的推荐名单已于" + due
                    + "截止报送");
        }
    }

    private void requireNoList(CampaignRef campaign, UnitRef unit) {
        lists.findByCampaignIdAndUnitId(campaign.id(), unit.id()).ifPresent(list -> {
            throw new ConflictException("recommendation.listSubmitted", unit.name() + "已于"
                    + list.getSubmittedAt().atZone(properties.zone()).toLocalDate() + "报送推荐名单，不能再更改或重复报送");
        });
    }

    private UnitRef participating(CampaignRef campaign, Long unitId) {
        UnitRef unit = catalog.unit(unitId);
        if (campaign.definition().unit(unit.code()).isEmpty()) {
            throw unitNotFound(unit.code());
        }
        return unit;
    }

    private boolean staffOf(AppUser actor, UnitRef unit) {
        return actor.has(Role.UNIT_STAFF) && catalog.unitsOfGroups(actor.groupIds()).contains(unit);
    }

    /**
     * The unit's staff screen its cases; the organiser's office may act for it. A county's case is
     * screened by the county and by the units above it. Others do not see the case.
     */
    private void requireScreener(AppUser actor, Application application) {
        UnitRef unit = catalog.unit(application.getUnitId());
        if (actor.has(Role.ADMIN) || actor.has(Role.OFFICE) || staffOf(actor, unit)
                || hierarchy.ancestors(unit).stream().anyMatch(above -> staffOf(actor, above))) {
            return;
        }
        if (actor.seesAllCases() || actor.id().equals(application.getOwnerUserId())) {
            throw new AccessDeniedException("User " + actor.id() + " may not screen case " + application.getCaseNumber());
        }
        throw new NotFoundException("案件“" + application.getId() + "”不存在或您无权查看");
    }

    /** The unit's staff submit and order its list; the office may record a list sent on paper. */
    private void requireListMaker(AppUser actor, UnitRef unit) {
        if (actor.has(Role.ADMIN) || actor.has(Role.OFFICE) || staffOf(actor, unit)) {
            return;
        }
        if (actor.seesAllCases()) {
            throw new AccessDeniedException("User " + actor.id() + " may not submit the list of unit " + unit.code());
        }
        throw unitNotFound(unit.code());
    }

    /** The unit whose quota, ranks and list a case counts in: its own, or the listed unit above its county. */
    private UnitRef recommender(CampaignRef campaign, Application application) {
        UnitRef unit = catalog.unit(application.getUnitId());
        return hierarchy.recommendingUnit(campaign, unit).orElse(unit);
    }

    static NotFoundException unitNotFound(String unitCode) {
        return new NotFoundException("推荐单位“" + unitCode + "”不存在、不参加本活动或您无权查看");
    }

    private static String requiredText(String text, String field, String what) {
        String value = optionalText(text, field, what);
        if (value == null) {
            throw new RuleViolationException(field, "required", "请填写" + what);
        }
        return value;
    }

    private static String optionalText(String text, String field, String what) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value != null && value.length() > MAX_TEXT) {
            throw new RuleViolationException(field, "text.tooLong", what + "不能超过" + MAX_TEXT + "字");
        }
        return value;
    }
}
