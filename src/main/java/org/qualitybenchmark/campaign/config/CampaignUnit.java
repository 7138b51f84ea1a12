package org.qualitybenchmark.campaign.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A recommending unit taking part in a campaign. The unit itself is defined once in
 * {@code config/units/}; the campaign says only whether its quota differs from its kind's.
 *
 * @param unit       the unit's code in the unit directory
 * @param quota      this unit's own limit (e.g. 杭州 and 宁波 at most 8 where other cities have 5)
 * @param unlimited  this unit has no limit even though its kind has one
 */
public record CampaignUnit(@NotBlank String unit, @Min(0) Integer quota, boolean unlimited) {
}
