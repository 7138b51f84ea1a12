package org.qualitybenchmark.campaign.config;

import java.util.List;
import java.util.Optional;

/** The campaigns and units the configuration defines, validated, as the running system sees them. */
public interface CampaignRegistry {

    List<CampaignDefinition> campaigns();

    Optional<CampaignDefinition> campaign(String code);

    List<UnitDefinition> units();

    Optional<UnitDefinition> unit(String code);

    /** The raw text of the file a campaign was read from, kept with the campaign for audit. */
    String source(String campaignCode);
}
