package org.qualitybenchmark.campaign.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Which BPMN models run the campaign. A process owner edits the models in Camunda Modeler; this
 * names them, so a new year's campaign can reuse last year's models or point at its own.
 *
 * @param campaignProcess the process key of the campaign-wide process (window, lists, panel, notice)
 * @param caseProcess     the process key of the per-case process
 * @param countyScreening county-level initial review with an on-site check before the unit's screening
 * @param provinceRecommendationProcess the process key of the organiser's later recommendation of its past
 *                        benchmarks to the province (洛阳: 省质量标杆推荐), where the notice has one
 */
public record Procedure(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,99}", message = "流程标识只能使用小写字母、数字和连字符") String campaignProcess,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,99}", message = "流程标识只能使用小写字母、数字和连字符") String caseProcess,
        boolean countyScreening,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,99}", message = "流程标识只能使用小写字母、数字和连字符") String provinceRecommendationProcess) {
}
