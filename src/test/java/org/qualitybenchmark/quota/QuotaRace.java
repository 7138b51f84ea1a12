package org.qualitybenchmark.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.support.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff of one unit recommending different cases all at the same moment: one thread per case,
 * released together by a barrier. Shared by the H2 and the MySQL-protocol tests.
 */
public final class QuotaRace {

    private QuotaRace() {
    }

    /** What the threads got: the cases recommended, and the refusals of the others. */
    public record Outcome(List<Long> recommended, List<Throwable> refused) {
    }

    public static Outcome run(RecommendationService recommendations, List<Long> caseIds, AppUser staff)
            throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(caseIds.size());
        CyclicBarrier start = new CyclicBarrier(caseIds.size());
        try {
            List<Future<ScreeningResult>> results = new ArrayList<>();
            for (Long id : caseIds) {
                results.add(threads.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return recommendations.screen(id, ScreeningDecision.RECOMMEND, null, "并发推荐", null, staff);
                }));
            }
            List<Long> recommended = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (Future<ScreeningResult> result : results) {
                try {
                    recommended.add(result.get(120, TimeUnit.SECONDS).applicationId());
                } catch (ExecutionException e) {
                    refused.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("A screening did not finish within two minutes", e);
                }
            }
            return new Outcome(recommended, refused);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Exactly {@code quota} threads won; every other one was told the quota is used up, and nothing else. */
    public static void assertExactlyQuotaRecommended(Outcome outcome, int threads, int quota) {
        assertThat(outcome.recommended()).hasSize(quota);
        assertThat(outcome.refused()).hasSize(threads - quota).allSatisfy(refusal -> {
            assertThat(refusal).isInstanceOf(RuleViolationException.class);
            assertThat(((RuleViolationException) refusal).violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("decision");
                assertThat(v.code()).isEqualTo("quota.exceeded");
                assertThat(v.message()).isEqualTo("本单位推荐名额为" + quota + "项，已拟推荐" + quota + "项");
            });
        });
    }
}
