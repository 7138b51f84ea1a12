package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.config.ReviewRules;
import org.qualitybenchmark.campaign.config.ReviewRules.Criterion;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;
import org.qualitybenchmark.support.TextInput;

/**
 * Experts' scores and their aggregation (附件4 第十九条、第二十条：“撰写评语并打分”). The scores and
 * comments are kept here, never in the process engine.
 */
@Service
public class ScoringService {

    static final int COMMENT_MAX = 4000;

    private final ScoreRepository scores;
    private final ReviewResultRepository results;
    private final ExpertAssignmentRepository assignments;
    private final CaseProgress progress;
    private final CampaignCatalog catalog;
    private final Clock clock;

    ScoringService(ScoreRepository scores, ReviewResultRepository results, ExpertAssignmentRepository assignments,
            CaseProgress progress, CampaignCatalog catalog, Clock clock) {
        this.scores = scores;
        this.results = results;
        this.assignments = assignments;
        this.progress = progress;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Records an expert's scores on every criterion of the campaign, with their comment. Scoring again
     * replaces the expert's earlier scores and discards an aggregate made from them.
     *
     * @param criterionScores criterion key → points, 0 to the criterion's maximum, at most two decimals
     */
    @Transactional
    public void score(Long applicationId, ReviewStage stage, String expertUserId,
            Map<String, BigDecimal> criterionScores, String comment) {
        Application application = progress.lock(applicationId);
        if (expertUserId == null || !assignments.existsByApplicationIdAndStageAndExpertUserId(applicationId, stage,
                expertUserId)) {
            throw new AccessDeniedException("Expert " + expertUserId + " is not assigned to " + stage + " of case "
                    + application.getCaseNumber());
        }
        requireStage(application, stage, "评分");
        ReviewRules rules = catalog.campaign(application.getCampaignId()).definition().review();
        Map<String, BigDecimal> checked = check(rules, criterionScores == null ? Map.of() : criterionScores);
        String text = TextInput.required(comment, "comment", "评语", COMMENT_MAX);
        Instant now = clock.instant();
        // The comment is kept with each criterion's score, so that every row reads on its own.
        checked.forEach((criterion, points) -> scores
                .findByApplicationIdAndStageAndExpertUserIdAndCriterion(applicationId, stage, expertUserId, criterion)
                .ifPresentOrElse(existing -> existing.revise(points, text, now),
                        () -> scores.save(new Score(applicationId, stage, expertUserId, criterion, points, text, now))));
        results.deleteByApplicationIdAndStage(applicationId, stage);
        // The points and the comment stay in qb_score; the history says who scored when.
        progress.record(applicationId, CaseAction.SCORED, stage.name(), null, expertActor(expertUserId));
    }

    /**
     * Aggregates the scores once every assigned expert has scored; aggregating again recomputes the
     * result from the scores as they are.
     */
    @Transactional
    public ReviewResult aggregate(Long applicationId, ReviewStage stage) {
        Application application = progress.lock(applicationId);
        requireStage(application, stage, "汇总评分");
        List<String> assigned = assignments.findByApplicationIdAndStageOrderById(applicationId, stage).stream()
                .map(ExpertAssignment::getExpertUserId).toList();
        if (assigned.isEmpty()) {
            throw new ConflictException("review.noExperts", "案件" + application.getCaseNumber() + "尚未分配"
                    + stage.label() + "专家");
        }
        ReviewRules rules = catalog.campaign(application.getCampaignId()).definition().review();
        Set<String> criteria = rules.criteria().stream().map(Criterion::key).collect(Collectors.toSet());
        Map<String, List<BigDecimal>> byExpert = new TreeMap<>();
        for (Score score : scores.findByApplicationIdAndStage(applicationId, stage)) {
            if (criteria.contains(score.getCriterion()) && assigned.contains(score.getExpertUserId())) {
                byExpert.computeIfAbsent(score.getExpertUserId(), e -> new ArrayList<>()).add(score.getScore());
            }
        }
        List<String> missing = assigned.stream()
                .filter(e -> byExpert.getOrDefault(e, List.of()).size() < criteria.size()).toList();
        if (!missing.isEmpty()) {
            throw new ConflictException("review.scoresMissing", "案件" + application.getCaseNumber() + "的" + stage.label()
                    + "还有" + missing.size() + "位专家未评分（" + String.join("、", missing) + "）");
        }
        List<BigDecimal> totals = byExpert.values().stream().map(Aggregation::expertTotal).toList();
        Aggregation aggregation = Aggregation.of(totals, rules.spreadThreshold());
        ReviewResult result = results.findByApplicationIdAndStage(applicationId, stage)
                .orElseGet(() -> new ReviewResult(applicationId, stage));
        result.apply(aggregation, clock.instant());
        result = results.save(result);
        progress.record(applicationId, CaseAction.SCORES_AGGREGATED, aggregation.flagged() ? "FLAGGED" : "AGGREGATED",
                describe(stage, aggregation, rules.spreadThreshold()), SystemActor.INSTANCE);
        return result;
    }

    @Transactional(readOnly = true)
    public Optional<ReviewResult> result(Long applicationId, ReviewStage stage) {
        return results.findByApplicationIdAndStage(applicationId, stage);
    }

    static String describe(ReviewStage stage, Aggregation a, int threshold) {
        String how = a.trimmed()
                ? a.expertCount() + "位专家评分，去掉一个最高分和一个最低分后平均"
                : a.expertCount() + "位专家评分，平均";
        String flag = a.flagged() ? "，超过" + threshold + "分，提请专家组合议" : "";
        return stage.label() + "得分" + a.score().toPlainString() + "（" + how + "）；专家总分最高"
                + a.highest().toPlainString() + "、最低" + a.lowest().toPlainString() + "，相差"
                + a.spread().toPlainString() + "分" + flag;
    }

    private static Map<String, BigDecimal> check(ReviewRules rules, Map<String, BigDecimal> raw) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Map<String, BigDecimal> checked = new LinkedHashMap<>();
        for (Criterion criterion : rules.criteria()) {
            known.add(criterion.key());
            String field = "scores." + criterion.key();
            BigDecimal points = raw.get(criterion.key());
            if (points == null) {
                violations.add(new FieldViolation(field, "required", "请为“" + criterion.label() + "”打分"));
            } else if (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(criterion.maxScore())) > 0) {
                violations.add(new FieldViolation(field, "score.range",
                        "“" + criterion.label() + "”的得分应在0到" + criterion.maxScore() + "分之间"));
            } else if (points.stripTrailingZeros().scale() > 2) {
                violations.add(new FieldViolation(field, "score.scale",
                        "“" + criterion.label() + "”的得分最多保留两位小数"));
            } else {
                checked.put(criterion.key(), points);
            }
        }
        raw.keySet().stream().filter(key -> !known.contains(key)).sorted().forEach(key -> violations.add(
                new FieldViolation("scores." + key, "score.unknownCriterion", "本次活动的评审标准中没有“" + key + "”")));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return checked;
    }

    private static void requireStage(Application application, ReviewStage stage, String what) {
        if (application.getStage() != stage.caseStage()) {
            throw new ConflictException("case.stage", "案件" + application.getCaseNumber() + "当前为“"
                    + application.getStage().label() + "”，不能进行" + stage.label() + what);
        }
    }

    /** The expert as the history names them; the scores are theirs even when a task listener records them. */
    private static AppUser expertActor(String expertUserId) {
        return new AppUser(expertUserId, expertUserId, Set.of(Role.EXPERT), Set.of());
    }
}
