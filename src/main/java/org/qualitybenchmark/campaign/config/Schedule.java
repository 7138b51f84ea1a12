package org.qualitybenchmark.campaign.config;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * The notice's dates. Each date is a whole day in the campaign's time zone: a deadline of
 * 2022-06-30 accepts work until the end of that day.
 *
 * @param applicationOpens     first day enterprises may apply (usually the notice's date)
 * @param applicationCloses    last day enterprises may submit to their recommending unit
 * @param recommendationDue    last day units submit their ranked recommendation lists
 * @param onlineSubmissionDue  last day recommended enterprises submit to a national system, where a notice has one
 * @param countyScreeningDue   last day county-level bureaus screen the cases filed with them, where the campaign
 *                             screens at county level; without it they may screen until {@code recommendationDue}
 */
public record Schedule(
        @NotNull LocalDate applicationOpens,
        @NotNull LocalDate applicationCloses,
        @NotNull LocalDate recommendationDue,
        LocalDate onlineSubmissionDue,
        LocalDate countyScreeningDue) {
}
