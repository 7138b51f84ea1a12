package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.Pick;
import org.qualitybenchmark.support.RuleViolationException;

/** The office's list in Tasklist: one line per case, its number first and the reason after it. */
class ProvinceRecommendationPicksTest {

    @Test
    void eachLineIsACaseNumberAndItsReason() {
        assertThat(ProvinceRecommendationSteps.parse("""
                LY2023-0001 轴承全生命周期质量追溯
                  
                LY2022-0007：数字化质量管控，已在全市推广
                LY2023-0003， 可靠性提升：台架试验
                """)).containsExactly(
                new Pick("LY2023-0001", "轴承全生命周期质量追溯"),
                new Pick("LY2022-0007", "数字化质量管控，已在全市推广"),
                new Pick("LY2023-0003", "可靠性提升：台架试验"));
    }

    @Test
    void aLineWithoutReasonIsRefusedNamingItsRow() {
        assertThatThrownBy(() -> ProvinceRecommendationSteps.parse("LY2023-0001 理由\nLY2023-0002\nLY2023-0003 ："))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations())
                        .extracting(v -> v.message())
                        .containsExactly("推荐名单第2行缺少推荐理由：应为“案件编号 推荐理由”",
                                "推荐名单第3行缺少推荐理由：应为“案件编号 推荐理由”"));
    }
}
