package org.qualitybenchmark.quota;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.qualitybenchmark.application.CaseStage;

/**
 * A unit's recommendations in a campaign: its quota, the cases holding a place in it, in rank
 * order, and whether (by whom, when) the list has been submitted.
 *
 * @param quota     null when the unit's recommendations are unlimited (推荐名额不限)
 * @param minimum   how many the unit must at least recommend; null when there is no minimum
 * @param used      the places taken: cases proposed, and cases recommended on a submitted list
 * @param pending   cases still waiting for the unit's screening or with the applicant for correction;
 *                  the list cannot be submitted while there are any
 * @param submitted null until the list is submitted
 */
@Schema(description = "推荐单位的推荐名单")
public record RecommendationListView(String campaign, String unit, String unitName, Integer quota, Integer minimum,
        boolean ranked,
        int used, int pending, List<Entry> cases, Submission submitted) {

    @Schema(description = "名单中的一项")
    public record Entry(Long applicationId, String caseNumber, String enterpriseName, String title, Integer rank,
            CaseStage stage, String stageLabel) {
    }

    @Schema(description = "报送情况")
    public record Submission(String submittedBy, Instant submittedAt, String note, int caseCount) {
    }
}
