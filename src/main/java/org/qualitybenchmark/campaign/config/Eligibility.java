package org.qualitybenchmark.campaign.config;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Who may apply.
 *
 * @param financialYears       the years whose revenue and profit the form asks for (e.g. 2021, 2022, 2023)
 * @param profitableEachYear   profit must be positive in every one of those years (近三年连续保持盈利)
 * @param industryDivisions    GB/T 4754-2017 divisions in scope, as single divisions ("72") or ranges
 *                             ("06-46"); empty means every industry
 * @param industryCodeDigits   how precise the industry code must be: 2 = division, 4 = class (填写至小类)
 * @param note                 the notice's own wording, shown to applicants
 */
public record Eligibility(
        @NotEmpty List<@NotNull @Min(2000) @Max(2100) Integer> financialYears,
        boolean profitableEachYear,
        List<@jakarta.validation.constraints.Pattern(regexp = "[0-9]{2}(-[0-9]{2})?", message = "应为两位大类代码或范围，如 06-46") String> industryDivisions,
        @NotNull @Min(2) @Max(4) Integer industryCodeDigits,
        String note) {

    public Eligibility {
        industryDivisions = industryDivisions == null ? List.of() : List.copyOf(industryDivisions);
    }

    /** Whether a division (two digits) lies inside the campaign's industry scope. */
    public boolean coversDivision(String division) {
        if (industryDivisions.isEmpty()) {
            return true;
        }
        int d = Integer.parseInt(division);
        for (String range : industryDivisions) {
            String[] bounds = range.split("-");
            int low = Integer.parseInt(bounds[0]);
            int high = bounds.length == 2 ? Integer.parseInt(bounds[1]) : low;
            if (d >= low && d <= high) {
                return true;
            }
        }
        return false;
    }
}
