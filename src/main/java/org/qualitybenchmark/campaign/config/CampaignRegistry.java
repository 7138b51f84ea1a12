package org.qualitybenchmark.campaign.config;

import java.util.List;
import java.util.Optional;

import org.qualitybenchmark.support.ConfigurationFileException.Problem;

/** The campaigns and units the configuration defines, validated, as the running system sees them. */
public interface CampaignRegistry {

    List<CampaignDefinition> campaigns();

    Optional<CampaignDefinition> campaign(String code);

    List<UnitDefinition> units();

    Optional<UnitDefinition> unit(String code);

    /** The raw text of the file a campaign was read from, kept with the campaign for audit. */
    String source(String campaignCode);

    /**
     * Reads a campaign file that is not part of the configuration yet (an upload by a process owner)
     * and checks it as if it were in {@code config/campaigns/} beside all the others. Nothing changes.
     */
    CampaignFileCheck check(String fileName, byte[] content);

    /**
     * Adds a campaign that {@link #check} found without problems; from now on it is part of the
     * configuration as if it had been read at start-up.
     *
     * @throws IllegalStateException if a campaign with that code or case number prefix exists
     */
    void add(CampaignFileCheck checked);

    /**
     * A campaign file as checked: its campaign when it has no problems, the text to keep, and every
     * problem found. A file identical to one already in the configuration is {@code unchanged}.
     */
    record CampaignFileCheck(String fileName, CampaignDefinition definition, String source, List<Problem> problems,
            boolean unchanged) {

        public CampaignFileCheck {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
