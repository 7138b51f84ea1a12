package org.qualitybenchmark.dashboard;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.dashboard.CampaignCases.CaseRow;
import org.qualitybenchmark.dashboard.CampaignCases.Stay;

import static org.assertj.core.api.Assertions.assertThat;

/** How a case's history becomes its stays, and the median and 90th percentile of stays. */
class DwellArithmeticTest {

    private static final Instant T0 = Instant.parse("2022-06-15T01:00:00Z");

    private static Instant day(double days) {
        return T0.plusSeconds((long) (days * 86400));
    }

    @Test
    void eachEntryThatChangesTheStageEndsAStayAtItsTime() {
        CaseRow row = new CaseRow(1, "HEB2022-0001", "示例", 1, CaseStage.FORMAL_REVIEW, null, T0);
        List<Object[]> events = List.of(
                new Object[] {"DRAFT", day(0)},            // created
                new Object[] {"DRAFT", day(0.5)},          // submitted: DRAFT -> SUBMITTED
                new Object[] {"SUBMITTED", day(2)},        // screened: -> PROPOSED
                new Object[] {"PROPOSED", day(2)},         // ranked, no move
                new Object[] {"PROPOSED", day(3)},         // listed: -> FORMAL_REVIEW
                new Object[] {"FORMAL_REVIEW", day(3.2)}); // checked, no move
        List<Stay> stays = CampaignCases.stays(row, events);
        assertThat(stays).containsExactly(
                new Stay(CaseStage.DRAFT, day(0), day(0.5)),
                new Stay(CaseStage.SUBMITTED, day(0.5), day(2)),
                new Stay(CaseStage.PROPOSED, day(2), day(3)),
                new Stay(CaseStage.FORMAL_REVIEW, day(3), null));
    }

    @Test
    void aCorrectionLoopIsTwoStaysInTheSameStage() {
        CaseRow row = new CaseRow(1, "HEB2022-0001", "示例", 1, CaseStage.SUBMITTED, CaseStage.SUBMITTED, T0);
        List<Object[]> events = List.of(new Object[] {"DRAFT", day(0)}, new Object[] {"DRAFT", day(1)},
                new Object[] {"SUBMITTED", day(2)}, new Object[] {"CORRECTION", day(4)});
        assertThat(CampaignCases.stays(row, events)).extracting(Stay::stage).containsExactly(CaseStage.DRAFT,
                CaseStage.SUBMITTED, CaseStage.CORRECTION, CaseStage.SUBMITTED);
    }

    @Test
    void aCaseWithoutHistoryIsInItsStageSinceItWasCreated() {
        CaseRow row = new CaseRow(1, "HEB2022-0001", "示例", 1, CaseStage.DRAFT, null, T0);
        assertThat(CampaignCases.stays(row, List.of())).containsExactly(new Stay(CaseStage.DRAFT, T0, null));
    }

    @Test
    void medianAndNearestRankPercentile() {
        assertThat(DashboardService.median(new double[] {1.5, 2.5, 2.5, 4.5})).isEqualTo(2.5);
        assertThat(DashboardService.median(new double[] {0.5, 1.5})).isEqualTo(1.0);
        assertThat(DashboardService.median(new double[] {3})).isEqualTo(3);
        assertThat(DashboardService.median(new double[] {})).isZero();
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(DashboardService.percentile(ten, 90)).isEqualTo(9);
        assertThat(DashboardService.percentile(new double[] {1.5, 2.5, 2.5, 4.5}, 90)).isEqualTo(4.5);
        assertThat(DashboardService.percentile(new double[] {0.5, 1.5}, 90)).isEqualTo(1.5);
        assertThat(DashboardService.percentile(new double[] {7}, 90)).isEqualTo(7);
        double[] eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertThat(DashboardService.percentile(eleven, 90)).isEqualTo(10);
    }

    @Test
    void durationsAreRoundedToATenthOfADay() {
        assertThat(DashboardService.round(DashboardService.days(day(0), day(2.54)))).isEqualTo(2.5);
        assertThat(DashboardService.round(DashboardService.days(day(0), day(2.56)))).isEqualTo(2.6);
    }
}
