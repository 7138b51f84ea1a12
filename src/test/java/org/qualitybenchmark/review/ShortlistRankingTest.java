package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.qualitybenchmark.review.ShortlistRanking.Candidate;

import static org.assertj.core.api.Assertions.assertThat;

class ShortlistRankingTest {

    private static final Instant JUNE_20 = Instant.parse("2022-06-20T01:00:00Z");

    @Test
    void theDefenseScoreComesFirst() {
        assertThat(rank(
                candidate("HEB2022-0001", "85.00", "99.00", 0),
                candidate("HEB2022-0002", "91.50", "70.00", 0),
                candidate("HEB2022-0003", "88.25", "80.00", 0)))
                .containsExactly("HEB2022-0002", "HEB2022-0003", "HEB2022-0001");
    }

    @Test
    void equalDefenseScoresGoByTheMaterialScore() {
        assertThat(rank(
                candidate("HEB2022-0001", "88.00", "80.00", 0),
                candidate("HEB2022-0002", "88.00", "86.50", 5),
                candidate("HEB2022-0003", "88.00", "86.49", 0)))
                .containsExactly("HEB2022-0002", "HEB2022-0003", "HEB2022-0001");
    }

    @Test
    void equalScoresGoByTheEarlierSubmission() {
        assertThat(rank(
                candidate("HEB2022-0001", "88.00", "86.00", 120),
                candidate("HEB2022-0002", "88.00", "86.00", 30),
                candidate("HEB2022-0003", "88.00", "86.00", 60)))
                .containsExactly("HEB2022-0002", "HEB2022-0003", "HEB2022-0001");
    }

    @Test
    void equalEverythingGoesByCaseNumber() {
        assertThat(rank(
                candidate("HEB2022-0012", "88.00", "86.00", 0),
                candidate("HEB2022-0003", "88.00", "86.00", 0),
                candidate("HEB2022-0007", "88.00", "86.00", 0)))
                .containsExactly("HEB2022-0003", "HEB2022-0007", "HEB2022-0012");
    }

    @Test
    void scoresCompareByValueNotByScale() {
        assertThat(rank(
                candidate("HEB2022-0002", "88.0", "86", 0),
                candidate("HEB2022-0001", "88.00", "86.00", 0)))
                .containsExactly("HEB2022-0001", "HEB2022-0002");
    }

    private static Candidate candidate(String caseNumber, String defense, String material, int submittedMinutesLater) {
        return new Candidate((long) caseNumber.hashCode(), caseNumber, JUNE_20.plusSeconds(60L * submittedMinutesLater),
                new BigDecimal(defense), new BigDecimal(material));
    }

    private static List<String> rank(Candidate... candidates) {
        return Stream.of(candidates).sorted(ShortlistRanking.ORDER).map(Candidate::caseNumber).toList();
    }
}
