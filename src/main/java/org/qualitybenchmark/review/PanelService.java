package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;
import org.qualitybenchmark.support.TextInput;

/**
 * The review panel's decisions (专家组合议, 附件4 第十九条、第二十条): which cases go on to the defense,
 * how each defense ends, what a site visit found, and which cases make the recommendation list.
 */
@Service
public class PanelService {

    static final int TEXT_MAX = 2000;
    static final int FINDINGS_MAX = 10000;

    /** Stages in which a case still waits for formal or material review to finish. */
    private static final Set<CaseStage> BEFORE_DEFENSE_LIST = EnumSet.of(CaseStage.SUBMITTED, CaseStage.CORRECTION,
            CaseStage.PROPOSED, CaseStage.FORMAL_REVIEW);

    private final ApplicationRepository applications;
    private final CaseProgress progress;
    private final ReviewResultRepository results;
    private final PanelDecisionRepository decisions;
    private final DefenseSlotRepository slots;
    private final SiteVisitRepository visits;
    private final SelectionRepository selections;
    private final CampaignCatalog catalog;
    private final AppProperties properties;
    private final Clock clock;

    PanelService(ApplicationRepository applications, CaseProgress progress, ReviewResultRepository results,
            PanelDecisionRepository decisions, DefenseSlotRepository slots, SiteVisitRepository visits,
            SelectionRepository selections, CampaignCatalog catalog, AppProperties properties, Clock clock) {
        this.applications = applications;
        this.progress = progress;
        this.results = results;
        this.decisions = decisions;
        this.slots = slots;
        this.visits = visits;
        this.selections = selections;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sets the defense list once every case of the campaign is through material review: cases
     * scoring at or above the cut-off go to the defense, each with a slot (highest score first, each
     * {@code slotMinutes} after the one before, from {@code defenseStart} in the campaign's time
     * zone); the others end below the cut-off. Equal scores present in order of submission.
     *
     * @return each case's outcome, in the order of the list
     */
    @Transactional
    public Map<Long, MaterialOutcome> setDefenseList(Long campaignId, BigDecimal cutoff, LocalDateTime defenseStart,
            String place, int slotMinutes, AppUser actor) {
        OfficeAccess.require(actor, "set the defense list");
        CampaignRef campaign = catalog.campaign(campaignId);
        List<FieldViolation> violations = new ArrayList<>();
        BigDecimal maxScore = maxScore(campaign);
        if (cutoff == null) {
            violations.add(new FieldViolation("cutoff", "required", "请填写进入答辩的分数线"));
        } else if (cutoff.signum() < 0 || cutoff.compareTo(maxScore) > 0) {
            violations.add(new FieldViolation("cutoff", "range",
                    "分数线应在0到" + maxScore.stripTrailingZeros().toPlainString() + "分之间"));
        }
        Instant start = null;
        if (defenseStart == null) {
            violations.add(new FieldViolation("defenseStart", "required", "请填写答辩开始时间"));
        } else {
            start = defenseStart.atZone(properties.zone()).toInstant();
            if (!start.isAfter(clock.instant())) {
                violations.add(new FieldViolation("defenseStart", "date.past", "答辩开始时间" + defenseStart + "应晚于当前时间"));
            }
        }
        String where = TextInput.required(place, "place", "答辩地点", 200, violations);
        if (slotMinutes < 5 || slotMinutes > 240) {
            violations.add(new FieldViolation("slotMinutes", "range", "每家答辩时长应在5到240分钟之间"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        requireUndecided(campaignId, PanelDecision.Kind.DEFENSE_LIST, "答辩名单");

        List<Application> reviewed = reviewedAll(campaignId, "答辩名单");
        Map<Long, ReviewResult> scores = results(reviewed, ReviewStage.MATERIAL_REVIEW);
        record(campaignId, PanelDecision.Kind.DEFENSE_LIST, cutoff.setScale(2, RoundingMode.HALF_UP), null, actor);

        List<Application> ranked = reviewed.stream().sorted(Comparator
                .comparing((Application a) -> scores.get(a.getId()).getScore(), Comparator.reverseOrder())
                .thenComparing(Application::getSubmittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Application::getCaseNumber)).toList();
        Map<Long, MaterialOutcome> outcomes = new LinkedHashMap<>();
        int order = 0;
        for (Application application : ranked) {
            BigDecimal score = scores.get(application.getId()).getScore();
            String why = "资料评审得分" + score.toPlainString() + "，答辩分数线" + cutoff.toPlainString();
            if (score.compareTo(cutoff) >= 0) {
                order++;
                Instant at = start.plusSeconds(60L * slotMinutes * (order - 1));
                slots.save(new DefenseSlot(application.getId(), campaignId, order, at, slotMinutes, where));
                progress.move(application.getId(), Set.of(CaseStage.MATERIAL_REVIEW), CaseStage.DEFENSE,
                        CaseAction.DEFENSE_LIST_SET, MaterialOutcome.DEFENSE.name(), why + "；答辩时间"
                                + LocalDateTime.ofInstant(at, properties.zone()) + "，地点" + where, actor);
                outcomes.put(application.getId(), MaterialOutcome.DEFENSE);
            } else {
                progress.move(application.getId(), Set.of(CaseStage.MATERIAL_REVIEW), CaseStage.BELOW_CUTOFF,
                        CaseAction.DEFENSE_LIST_SET, MaterialOutcome.BELOW_CUTOFF.name(), why, actor);
                outcomes.put(application.getId(), MaterialOutcome.BELOW_CUTOFF);
            }
        }
        return outcomes;
    }

    /**
     * Concludes the material review of a campaign without a defense (浙江2024：“组织第三方机构和专家对申报材料进行评审，
     * 必要时对部分申报项目进行现场核查”), once every case is through it: cases scoring at or above the
     * cut-off are shortlisted, or go to a site check first where the panel names them; the others end
     * below the cut-off. The shortlist is then ranked by the material review score.
     *
     * @param siteVisitCases the case numbers the panel wants checked on site, each at or above the cut-off
     * @return each case's outcome, highest score first
     */
    @Transactional
    public Map<Long, MaterialOutcome> concludeMaterialReview(Long campaignId, BigDecimal cutoff,
            Collection<String> siteVisitCases, String note, AppUser actor) {
        OfficeAccess.require(actor, "conclude the material review");
        CampaignRef campaign = catalog.campaign(campaignId);
        List<FieldViolation> violations = new ArrayList<>();
        BigDecimal maxScore = maxScore(campaign);
        if (cutoff == null) {
            violations.add(new FieldViolation("cutoff", "required", "请填写入围分数线"));
        } else if (cutoff.signum() < 0 || cutoff.compareTo(maxScore) > 0) {
            violations.add(new FieldViolation("cutoff", "range",
                    "分数线应在0到" + maxScore.stripTrailingZeros().toPlainString() + "分之间"));
        }
        String text = TextInput.optional(note, "note", "合议意见", TEXT_MAX);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        requireUndecided(campaignId, PanelDecision.Kind.REVIEW_CONCLUDED, "评审结果");
        List<Application> reviewed = reviewedAll(campaignId, "评审结果");
        Map<Long, ReviewResult> scores = results(reviewed, ReviewStage.MATERIAL_REVIEW);
        Set<String> visits = new TreeSet<>(siteVisitCases == null ? List.of() : siteVisitCases);
        Map<String, Application> byNumber = reviewed.stream()
                .collect(Collectors.toMap(Application::getCaseNumber, Function.identity()));
        for (String number : visits) {
            Application a = byNumber.get(number);
            if (a == null) {
                violations.add(new FieldViolation("siteVisits", "case.unknown",
                        "案件" + number + "不在本活动的资料评审中，不能安排现场核查"));
            } else if (scores.get(a.getId()).getScore().compareTo(cutoff) < 0) {
                violations.add(new FieldViolation("siteVisits", "case.belowCutoff", "案件" + number + "的资料评审得分"
                        + scores.get(a.getId()).getScore().toPlainString() + "低于入围分数线，不需要现场核查"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        record(campaignId, PanelDecision.Kind.REVIEW_CONCLUDED, cutoff.setScale(2, RoundingMode.HALF_UP), text, actor);

        Map<Long, MaterialOutcome> outcomes = new LinkedHashMap<>();
        for (Application application : byScore(reviewed, scores)) {
            BigDecimal score = scores.get(application.getId()).getScore();
            String why = "资料评审得分" + score.toPlainString() + "，入围分数线" + cutoff.toPlainString();
            MaterialOutcome outcome = score.compareTo(cutoff) < 0 ? MaterialOutcome.BELOW_CUTOFF
                    : visits.contains(application.getCaseNumber()) ? MaterialOutcome.SITE_VISIT : MaterialOutcome.SHORTLISTED;
            CaseStage to = switch (outcome) {
                case SHORTLISTED -> CaseStage.SHORTLISTED;
                case SITE_VISIT -> CaseStage.SITE_VISIT;
                default -> CaseStage.BELOW_CUTOFF;
            };
            String detail = outcome == MaterialOutcome.SITE_VISIT ? why + "；入围，须现场核查" : why;
            progress.move(application.getId(), Set.of(CaseStage.MATERIAL_REVIEW), to, CaseAction.REVIEW_CONCLUDED,
                    outcome.name(), TextInput.clip(text == null ? detail : detail + "；" + text, TEXT_MAX), actor);
            outcomes.put(application.getId(), outcome);
        }
        return outcomes;
    }

    /** Every case of the campaign through material review and scored; refused while any still waits. */
    private List<Application> reviewedAll(Long campaignId, String what) {
        Map<CaseStage, Long> pending = inStages(campaignId, BEFORE_DEFENSE_LIST).stream()
                .collect(Collectors.groupingBy(Application::getStage, TreeMap::new, Collectors.counting()));
        List<Application> reviewed = inStages(campaignId, EnumSet.of(CaseStage.MATERIAL_REVIEW));
        Map<Long, ReviewResult> scores = results(reviewed, ReviewStage.MATERIAL_REVIEW);
        List<String> unscored = reviewed.stream().filter(a -> !scores.containsKey(a.getId()))
                .map(Application::getCaseNumber).sorted().toList();
        if (!pending.isEmpty() || !unscored.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            pending.forEach((stage, count) -> reasons.add(count + "件“" + stage.label() + "”"));
            if (!unscored.isEmpty()) {
                reasons.add(unscored.size() + "件资料评审尚未汇总得分（" + String.join("、", unscored) + "）");
            }
            throw new ConflictException("panel.reviewPending", "还不能确定" + what + "：尚有" + String.join("，", reasons));
        }
        return reviewed;
    }

    private static List<Application> byScore(List<Application> reviewed, Map<Long, ReviewResult> scores) {
        return reviewed.stream().sorted(Comparator
                .comparing((Application a) -> scores.get(a.getId()).getScore(), Comparator.reverseOrder())
                .thenComparing(Application::getSubmittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Application::getCaseNumber)).toList();
    }

    /** The case's defense slot, once the defense list is set. */
    @Transactional(readOnly = true)
    public Optional<DefenseSlot> defenseSlot(Long applicationId) {
        return slots.findByApplicationId(applicationId);
    }

    /**
     * The panel's conclusion on a defense, once the defense scores are aggregated. A failure and a
     * site visit need a reason: why it failed, or what the visit is to check.
     */
    @Transactional
    public DefenseOutcome concludeDefense(Long applicationId, DefenseDecision decision, String reason, AppUser actor) {
        OfficeAccess.require(actor, "conclude defenses");
        if (decision == null) {
            throw new RuleViolationException("decision", "required", "请选择答辩结论（通过、未通过或现场考察）");
        }
        String why = switch (decision) {
            case PASS -> TextInput.optional(reason, "reason", "合议意见", TEXT_MAX);
            case FAIL -> TextInput.required(reason, "reason", "答辩未通过的理由", TEXT_MAX);
            case SITE_VISIT -> TextInput.required(reason, "reason", "需现场考察核实的问题", TEXT_MAX);
        };
        Application application = progress.lock(applicationId);
        if (application.getStage() == CaseStage.DEFENSE
                && results.findByApplicationIdAndStage(applicationId, ReviewStage.DEFENSE).isEmpty()) {
            throw new ConflictException("review.notAggregated", "案件" + application.getCaseNumber()
                    + "的答辩得分尚未汇总，不能作出答辩结论");
        }
        CaseStage to = switch (decision) {
            case PASS -> CaseStage.SHORTLISTED;
            case FAIL -> CaseStage.DEFENSE_FAILED;
            case SITE_VISIT -> CaseStage.SITE_VISIT;
        };
        progress.move(applicationId, Set.of(CaseStage.DEFENSE), to, CaseAction.DEFENSE_CONCLUDED, decision.name(), why,
                actor);
        return new DefenseOutcome(applicationId, decision, to);
    }

    /** Records a site visit's findings; the case goes on to the shortlist if it passed. */
    @Transactional
    public SiteVisit recordSiteVisit(Long applicationId, LocalDate visitedOn, String findings, boolean passed,
            AppUser actor) {
        OfficeAccess.require(actor, "record site visits");
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (visitedOn == null) {
            violations.add(new FieldViolation("visitedOn", "required", "请填写现场考察日期"));
        } else if (visitedOn.isAfter(today)) {
            violations.add(new FieldViolation("visitedOn", "date.future", "现场考察日期" + visitedOn + "晚于今天（" + today + "）"));
        }
        String text = TextInput.required(findings, "findings", "现场考察情况", FINDINGS_MAX, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        CaseStage to = passed ? CaseStage.SHORTLISTED : CaseStage.SITE_VISIT_FAILED;
        progress.move(applicationId, Set.of(CaseStage.SITE_VISIT), to, CaseAction.SITE_VISITED,
                passed ? "PASS" : "FAIL", TextInput.clip(visitedOn + "现场考察：" + text, TEXT_MAX), actor);
        return visits.save(new SiteVisit(applicationId, visitedOn, text, passed, actor.id(), clock.instant()));
    }

    /**
     * Ranks the shortlisted cases and selects the campaign's {@code quota.selectTopK} best (all of
     * them when the campaign sets no number). The order: the defense score, highest first; equal
     * defense scores by the material review score, highest first; then the earlier submission; then
     * the case number. Selected cases stay shortlisted, with their final rank, until the public
     * notice starts; the others are not selected.
     *
     * @return each shortlisted case's outcome, in rank order
     */
    @Transactional
    public Map<Long, SelectionOutcome> decideShortlist(Long campaignId, String note, AppUser actor) {
        OfficeAccess.require(actor, "decide the shortlist");
        String text = TextInput.optional(note, "note", "合议意见", TEXT_MAX);
        CampaignRef campaign = catalog.campaign(campaignId);
        if (decisions.findByCampaignIdAndKind(campaignId, PanelDecision.Kind.DEFENSE_LIST).isEmpty()
                && decisions.findByCampaignIdAndKind(campaignId, PanelDecision.Kind.REVIEW_CONCLUDED).isEmpty()) {
            throw new ConflictException("panel.noDefenseList", campaign.definition().name() + "尚未确定答辩名单，不能确定推荐名单");
        }
        requireUndecided(campaignId, PanelDecision.Kind.SHORTLIST, "推荐名单");
        List<Application> open = inStages(campaignId, EnumSet.of(CaseStage.DEFENSE, CaseStage.SITE_VISIT));
        if (!open.isEmpty()) {
            throw new ConflictException("panel.defensePending", "还不能确定推荐名单：尚有" + open.size()
                    + "件案件处于答辩评审或现场考察阶段（" + open.stream().map(Application::getCaseNumber).sorted()
                            .collect(Collectors.joining("、")) + "）");
        }
        record(campaignId, PanelDecision.Kind.SHORTLIST, null, text, actor);

        List<Application> shortlisted = inStages(campaignId, EnumSet.of(CaseStage.SHORTLISTED));
        Map<Long, ReviewResult> defense = results(shortlisted, ReviewStage.DEFENSE);
        Map<Long, ReviewResult> material = results(shortlisted, ReviewStage.MATERIAL_REVIEW);
        List<ShortlistRanking.Candidate> ranked = shortlisted.stream()
                .map(a -> new ShortlistRanking.Candidate(a.getId(), a.getCaseNumber(), a.getSubmittedAt(),
                        defenseScoreOf(defense, a), scoreOf(material, a)))
                .sorted(ShortlistRanking.ORDER).toList();
        Integer topK = campaign.definition().quota().selectTopK();
        int selectedCount = topK == null ? ranked.size() : Math.min(topK, ranked.size());
        Instant now = clock.instant();
        Map<Long, SelectionOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            ShortlistRanking.Candidate candidate = ranked.get(i);
            int rank = i + 1;
            SelectionOutcome outcome = rank <= selectedCount ? SelectionOutcome.SELECTED : SelectionOutcome.NOT_SELECTED;
            selections.save(new Selection(campaignId, candidate.applicationId(), rank, outcome, candidate.defenseScore(),
                    candidate.materialScore(), now));
            String why = "综合排名第" + rank + "名（共" + ranked.size() + "名，择优" + selectedCount + "名）："
                    + (candidate.defenseScore() == null ? "" : "答辩得分" + candidate.defenseScore().toPlainString() + "，")
                    + "资料评审得分" + candidate.materialScore().toPlainString()
                    + (text == null ? "" : "；" + text);
            if (outcome == SelectionOutcome.SELECTED) {
                progress.record(candidate.applicationId(), CaseAction.SHORTLIST_DECIDED, outcome.name(),
                        TextInput.clip(why, TEXT_MAX), actor);
            } else {
                progress.move(candidate.applicationId(), Set.of(CaseStage.SHORTLISTED), CaseStage.NOT_SELECTED,
                        CaseAction.SHORTLIST_DECIDED, outcome.name(), TextInput.clip(why, TEXT_MAX), actor);
            }
            outcomes.put(candidate.applicationId(), outcome);
        }
        return outcomes;
    }

    /** The campaign's ranked shortlist, once decided. */
    @Transactional(readOnly = true)
    public List<Selection> shortlist(Long campaignId) {
        return selections.findByCampaignIdOrderByFinalRank(campaignId);
    }

    private void requireUndecided(Long campaignId, PanelDecision.Kind kind, String what) {
        decisions.findByCampaignIdAndKind(campaignId, kind).ifPresent(d -> {
            throw new ConflictException("panel.decided", what + "已于" + LocalDateTime.ofInstant(d.getDecidedAt(),
                    properties.zone()).toLocalDate() + "确定（" + d.getDecidedBy() + "），不能再次确定");
        });
    }

    /** Stores the decision first: of two offices deciding at once, the second fails here on the unique key. */
    private void record(Long campaignId, PanelDecision.Kind kind, BigDecimal cutoff, String note, AppUser actor) {
        try {
            decisions.saveAndFlush(new PanelDecision(campaignId, kind, cutoff, note, actor.id(), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("panel.decided", "该决定已由他人同时作出，请刷新后查看");
        }
    }

    private List<Application> inStages(Long campaignId, Set<CaseStage> stages) {
        Specification<Application> spec = (root, query, cb) -> cb.and(cb.equal(root.get("campaignId"), campaignId),
                root.get("stage").in(stages));
        return applications.findAll(spec);
    }

    private Map<Long, ReviewResult> results(List<Application> cases, ReviewStage stage) {
        return results.findByApplicationIdInAndStage(cases.stream().map(Application::getId).toList(), stage).stream()
                .collect(Collectors.toMap(ReviewResult::getApplicationId, Function.identity()));
    }

    private static BigDecimal scoreOf(Map<Long, ReviewResult> results, Application application) {
        ReviewResult result = results.get(application.getId());
        if (result == null) {
            throw new IllegalStateException("Shortlisted case " + application.getCaseNumber() + " has no aggregated score");
        }
        return result.getScore();
    }

    /** A shortlisted case's defense score; none where it was shortlisted without a defense. */
    private BigDecimal defenseScoreOf(Map<Long, ReviewResult> results, Application application) {
        ReviewResult result = results.get(application.getId());
        if (result != null) {
            return result.getScore();
        }
        if (decisions.findByCampaignIdAndKind(application.getCampaignId(), PanelDecision.Kind.REVIEW_CONCLUDED).isEmpty()) {
            throw new IllegalStateException("Shortlisted case " + application.getCaseNumber() + " has no defense score");
        }
        return null;
    }

    /** The highest score a case can get: every expert gives every criterion its maximum. */
    private static BigDecimal maxScore(CampaignRef campaign) {
        return Aggregation.expertTotal(campaign.definition().review().criteria().stream()
                .map(c -> BigDecimal.valueOf(c.maxScore())).toList());
    }

}
