package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregationTest {

    private static final int THRESHOLD = 20;

    @Test
    void threeExpertsArePlainlyAveraged() {
        Aggregation a = Aggregation.of(totals("80", "90", "70"), THRESHOLD);
        assertThat(a.expertCount()).isEqualTo(3);
        assertThat(a.trimmed()).isFalse();
        assertThat(a.score()).isEqualByComparingTo("80.00");
        assertThat(a.highest()).isEqualByComparingTo("90");
        assertThat(a.lowest()).isEqualByComparingTo("70");
        assertThat(a.spread()).isEqualByComparingTo("20");
        assertThat(a.flagged()).as("a spread equal to the threshold is not flagged").isFalse();
    }

    @Test
    void fourExpertsArePlainlyAveraged() {
        Aggregation a = Aggregation.of(totals("80", "85", "90", "95"), THRESHOLD);
        assertThat(a.trimmed()).isFalse();
        assertThat(a.score()).isEqualByComparingTo("87.50");
        assertThat(a.spread()).isEqualByComparingTo("15");
        assertThat(a.flagged()).isFalse();
    }

    @Test
    void fiveExpertsLoseTheirHighestAndLowestTotal() {
        Aggregation a = Aggregation.of(totals("60", "80", "85", "90", "100"), THRESHOLD);
        assertThat(a.expertCount()).isEqualTo(5);
        assertThat(a.trimmed()).isTrue();
        assertThat(a.score()).as("(80 + 85 + 90) / 3").isEqualByComparingTo("85.00");
        assertThat(a.spread()).isEqualByComparingTo("40");
        assertThat(a.flagged()).isTrue();
    }

    @Test
    void sevenExpertsLoseOnlyOneHighestAndOneLowest() {
        Aggregation a = Aggregation.of(totals("99", "70", "75", "80", "85", "90", "95"), THRESHOLD);
        assertThat(a.expertCount()).isEqualTo(7);
        assertThat(a.trimmed()).isTrue();
        assertThat(a.score()).as("(75 + 80 + 85 + 90 + 95) / 5").isEqualByComparingTo("85.00");
        assertThat(a.highest()).isEqualByComparingTo("99");
        assertThat(a.lowest()).isEqualByComparingTo("70");
        assertThat(a.spread()).isEqualByComparingTo("29");
        assertThat(a.flagged()).isTrue();
    }

    @Test
    void tiedHighestAndLowestTotalsLoseOneEach() {
        Aggregation a = Aggregation.of(totals("90", "70", "80", "90", "70"), THRESHOLD);
        assertThat(a.score()).as("(90 + 80 + 70) / 3").isEqualByComparingTo("80.00");
        assertThat(a.spread()).isEqualByComparingTo("20");
        assertThat(a.flagged()).isFalse();
    }

    @Test
    void allExpertsAgreeing() {
        Aggregation a = Aggregation.of(totals("88", "88", "88", "88", "88"), THRESHOLD);
        assertThat(a.score()).isEqualByComparingTo("88.00");
        assertThat(a.spread()).isEqualByComparingTo("0");
        assertThat(a.flagged()).isFalse();
    }

    @Test
    void aSpreadJustOverTheThresholdIsFlagged() {
        assertThat(Aggregation.of(totals("70.00", "90.01"), THRESHOLD).flagged()).isTrue();
        assertThat(Aggregation.of(totals("70.00", "90.00"), THRESHOLD).flagged()).isFalse();
        assertThat(Aggregation.of(totals("70", "75"), 0).flagged()).isTrue();
    }

    @Test
    void anExpertsTotalIsTheMeanOfTheCriteriaRoundedHalfUp() {
        assertThat(Aggregation.expertTotal(totals("85", "86", "86"))).isEqualByComparingTo("85.67");
        assertThat(Aggregation.expertTotal(totals("85", "85", "86"))).isEqualByComparingTo("85.33");
        assertThat(Aggregation.expertTotal(totals("80.5", "90", "70"))).as("80.1666…").isEqualByComparingTo("80.17");
        assertThat(Aggregation.expertTotal(totals("100", "100", "100"))).isEqualByComparingTo("100.00");
    }

    @Test
    void theScoreIsRoundedHalfUpToTwoDecimals() {
        assertThat(Aggregation.of(totals("85.67", "85.66", "85.66"), THRESHOLD).score()).as("256.99 / 3")
                .isEqualByComparingTo("85.66");
        assertThat(Aggregation.of(totals("80", "80.01", "80.01", "90", "60"), THRESHOLD).score()).as("240.02 / 3")
                .isEqualByComparingTo("80.01");
        assertThat(Aggregation.of(totals("80.01", "80.02"), THRESHOLD).score()).as("80.015").isEqualByComparingTo("80.02");
    }

    @Test
    void oneExpertIsTheirOwnTotal() {
        Aggregation a = Aggregation.of(totals("77.5"), THRESHOLD);
        assertThat(a.score()).isEqualByComparingTo("77.50");
        assertThat(a.spread()).isEqualByComparingTo("0");
    }

    @Test
    void nothingToAggregateIsAProgrammingError() {
        assertThatThrownBy(() -> Aggregation.of(List.of(), THRESHOLD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aggregation.expertTotal(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BigDecimal> totals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
