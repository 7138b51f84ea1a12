package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringIntegrationTest extends ReviewTestSupport {

    private static final String COMMENT = "方法科学，数据翔实，示范性强 👍";

    @Test
    void fiveExpertsScoresLoseTheHighestAndLowestTotal() {
        long id = caseInMaterialReview();
        List<String> panel = assignments.assign(id, ReviewStage.MATERIAL_REVIEW);
        String[][] points = {{"90", "85", "80"}, {"70", "75", "80"}, {"95", "95", "95"}, {"88", "86", "84"},
                {"60", "65", "70"}};
        for (int i = 0; i < panel.size(); i++) {
            scoring.score(id, ReviewStage.MATERIAL_REVIEW, panel.get(i), scores(points[i]), COMMENT);
        }

        ReviewResult result = scoring.aggregate(id, ReviewStage.MATERIAL_REVIEW);

        assertThat(result.getExpertCount()).isEqualTo(5);
        assertThat(result.isTrimmed()).isTrue();
        assertThat(result.getScore()).as("totals 85, 75, 95, 86, 65: (85 + 75 + 86) / 3").isEqualByComparingTo("82.00");
        assertThat(result.getHighestTotal()).isEqualByComparingTo("95");
        assertThat(result.getLowestTotal()).isEqualByComparingTo("65");
        assertThat(result.getSpread()).isEqualByComparingTo("30");
        assertThat(result.isFlagged()).isTrue();
        assertThat(scoring.result(id, ReviewStage.MATERIAL_REVIEW)).get().extracting(ReviewResult::getScore)
                .isEqualTo(new BigDecimal("82.00"));
        assertThat(last(id)).containsExactly("SCORES_AGGREGATED", "FLAGGED", "system",
                "资料评审得分82.00（5位专家评分，去掉一个最高分和一个最低分后平均）；专家总分最高95.00、最低65.00，相差30.00分，超过20分，提请专家组合议");
        assertThat(history(id)).filteredOn(e -> e.get(0).equals("SCORED")).extracting(e -> e.get(2))
                .as("each expert's scoring, by the expert").containsExactlyElementsOf(panel);
        assertThat(jdbc.queryForList("select comment_text from qb_score where application_id = ?", String.class, id))
                .hasSize(15).containsOnly(COMMENT);
    }

    @Test
    void closeTotalsAreNotFlagged() {
        long id = caseInMaterialReview();
        scoreAll(id, ReviewStage.MATERIAL_REVIEW, "80", "85", "90", "95", "99.5");

        ReviewResult result = scoring.result(id, ReviewStage.MATERIAL_REVIEW).orElseThrow();

        assertThat(result.getScore()).isEqualByComparingTo("90.00");
        assertThat(result.getSpread()).isEqualByComparingTo("19.5");
        assertThat(result.isFlagged()).isFalse();
        assertThat(last(id).get(1)).isEqualTo("AGGREGATED");
    }

    @Test
    void onlyAnAssignedExpertScores() {
        long id = caseInMaterialReview();
        List<String> panel = assignments.assign(id, ReviewStage.MATERIAL_REVIEW);
        String outsider = EXPERTS.stream().filter(e -> !panel.contains(e)).findFirst().orElseThrow();

        assertThatThrownBy(() -> scoring.score(id, ReviewStage.MATERIAL_REVIEW, outsider, scores("80", "80", "80"),
                COMMENT)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scoring.score(id, ReviewStage.DEFENSE, panel.get(0), scores("80", "80", "80"), COMMENT))
                .as("assigned to material review, not to the defense").isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from qb_score where application_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void everyCriterionIsScoredWithinItsRange() {
        long id = caseInMaterialReview();
        String expert = assignments.assign(id, ReviewStage.MATERIAL_REVIEW).get(0);
        Map<String, BigDecimal> wrong = new LinkedHashMap<>();
        wrong.put("science", new BigDecimal("100.5"));
        wrong.put("system", new BigDecimal("85.555"));
        wrong.put("innovation", new BigDecimal("80"));

        assertThatThrownBy(() -> scoring.score(id, ReviewStage.MATERIAL_REVIEW, expert, wrong, COMMENT))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("scores.science", "score.range", "“科学性和创新性”的得分应在0到100分之间"),
                        new FieldViolation("scores.system", "score.scale", "“系统性和示范性”的得分最多保留两位小数"),
                        new FieldViolation("scores.effect", "required", "请为“显效性和发展性”打分"),
                        new FieldViolation("scores.innovation", "score.unknownCriterion", "本次活动的评审标准中没有“innovation”")));
        assertThatThrownBy(() -> scoring.score(id, ReviewStage.MATERIAL_REVIEW, expert, scores("-1", "0", "100"), COMMENT))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("scores.science"));
    }

    @Test
    void aCommentIsRequired() {
        long id = caseInMaterialReview();
        String expert = assignments.assign(id, ReviewStage.MATERIAL_REVIEW).get(0);

        assertThatThrownBy(() -> scoring.score(id, ReviewStage.MATERIAL_REVIEW, expert, scores("80", "80", "80"), " "))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("comment", "required", "请填写评语")));
        assertThatThrownBy(() -> scoring.score(id, ReviewStage.MATERIAL_REVIEW, expert, scores("80", "80", "80"),
                "评".repeat(4001)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations().get(0).message())
                        .isEqualTo("评语应在4000字以内，现为4001字"));
        scoring.score(id, ReviewStage.MATERIAL_REVIEW, expert, scores("80", "80", "80"), "评".repeat(4000));
    }

    @Test
    void scoringAgainReplacesTheScoresAndDiscardsTheAggregate() {
        long id = caseInMaterialReview();
        List<String> panel = scoreAll(id, ReviewStage.MATERIAL_REVIEW, "80");
        assertThat(scoring.result(id, ReviewStage.MATERIAL_REVIEW)).isPresent();

        scoring.score(id, ReviewStage.MATERIAL_REVIEW, panel.get(2), scores("90", "90", "90"), "复核后调整");

        assertThat(scoring.result(id, ReviewStage.MATERIAL_REVIEW)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from qb_score where application_id = ?", Integer.class, id))
                .isEqualTo(15);
        assertThat(scoring.aggregate(id, ReviewStage.MATERIAL_REVIEW).getScore()).as("(80 + 80 + 80) / 3, 90 dropped")
                .isEqualByComparingTo("80.00");
        assertThat(scoring.aggregate(id, ReviewStage.MATERIAL_REVIEW).getSpread()).isEqualByComparingTo("10");
        assertThat(jdbc.queryForObject("select count(*) from qb_review_result where application_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void aggregatingWaitsForEveryAssignedExpert() {
        long id = caseInMaterialReview();
        assertThatThrownBy(() -> scoring.aggregate(id, ReviewStage.MATERIAL_REVIEW)).isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "尚未分配资料评审专家");

        List<String> panel = assignments.assign(id, ReviewStage.MATERIAL_REVIEW);
        for (String expert : panel.subList(0, 3)) {
            scoring.score(id, ReviewStage.MATERIAL_REVIEW, expert, scores("80", "80", "80"), COMMENT);
        }

        assertThatThrownBy(() -> scoring.aggregate(id, ReviewStage.MATERIAL_REVIEW)).isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "的资料评审还有2位专家未评分（" + panel.get(3) + "、" + panel.get(4) + "）");
    }

    @Test
    void noScoringOnceTheCaseHasMovedOn() {
        long id = caseInMaterialReview();
        String expert = assignments.assign(id, ReviewStage.MATERIAL_REVIEW).get(0);
        moveTo(id, CaseStage.BELOW_CUTOFF);

        assertThatThrownBy(() -> scoring.score(id, ReviewStage.MATERIAL_REVIEW, expert, scores("80", "80", "80"), COMMENT))
                .isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "当前为“未进入答辩”，不能进行资料评审评分");
        assertThatThrownBy(() -> scoring.aggregate(id, ReviewStage.MATERIAL_REVIEW)).isInstanceOf(ConflictException.class)
                .hasMessage("案件" + caseNumber(id) + "当前为“未进入答辩”，不能进行资料评审汇总评分");
    }

    private long caseInMaterialReview() {
        long id = submittedCase('d', "he-1302", "评分测试有限公司" + System.nanoTime());
        moveTo(id, CaseStage.MATERIAL_REVIEW);
        return id;
    }

    private static Map<String, BigDecimal> scores(String science, String system, String effect) {
        return Map.of("science", new BigDecimal(science), "system", new BigDecimal(system), "effect", new BigDecimal(effect));
    }

    private static Map<String, BigDecimal> scores(String[] points) {
        return scores(points[0], points[1], points[2]);
    }
}
