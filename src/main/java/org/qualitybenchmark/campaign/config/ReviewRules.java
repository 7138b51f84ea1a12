package org.qualitybenchmark.campaign.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How the organiser's review runs: the published criteria, panel sizes and review periods.
 *
 * @param criteria                 the criteria each expert scores (e.g. 科学性和创新性)
 * @param expertsPerCase           experts scoring each case in material review
 * @param defensePanelSize         experts scoring each defense
 * @param spreadThreshold          a case whose highest and lowest expert totals differ by more is flagged for the panel
 * @param formalReviewWorkingDays  working days the office has for a case's formal review
 * @param materialReviewWorkingDays working days experts have to score a case
 * @param presentationMinutes      the longest a defense presentation may run, where the notice says so
 * @param siteVisitPresentationMinutes the longest the presentation and video at a site visit may run, where the notice says so
 */
public record ReviewRules(
        @Valid @NotEmpty List<Criterion> criteria,
        @NotNull @Min(1) @Max(15) Integer expertsPerCase,
        @NotNull @Min(1) @Max(15) Integer defensePanelSize,
        @NotNull @Min(0) @Max(100) Integer spreadThreshold,
        @NotNull @Min(1) @Max(60) Integer formalReviewWorkingDays,
        @NotNull @Min(1) @Max(60) Integer materialReviewWorkingDays,
        @Min(1) @Max(120) Integer presentationMinutes,
        @Min(1) @Max(240) Integer siteVisitPresentationMinutes) {

    /** One published criterion and the most points an expert may give on it. */
    public record Criterion(
            @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9]{0,31}", message = "只能使用字母和数字，以小写字母开头") String key,
            @NotBlank String label,
            @NotNull @Min(1) @Max(1000) Integer maxScore) {
    }
}
