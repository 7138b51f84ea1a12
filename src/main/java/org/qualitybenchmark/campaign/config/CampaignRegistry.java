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
     * Checks a new list of a campaign's units (with units to add to the unit directory) as the
     * files would be checked at start-up: the directory file {@value YamlCampaignRegistry#IMPORTED_UNITS}
     * with the new units, and the campaign's file with its {@code units:} block replaced, read and
     * checked with every other file. Nothing changes.
     */
    UnitsChange checkUnits(String campaignCode, List<UnitDefinition> newUnits, List<CampaignUnit> campaignUnits);

    /**
     * Writes a change {@link #checkUnits} found without problems to both files (so a restart reads
     * it) and from now on answers with it.
     *
     * @throws IllegalStateException if the configuration changed since the check
     */
    void applyUnits(UnitsChange change);

    /**
     * A change of a campaign's units as checked: the texts of both files after it and every problem,
     * each with its key ({@code units[3].code} in the unit file, {@code units[3].quota} in the campaign's).
     */
    record UnitsChange(String campaignCode, List<UnitDefinition> newUnits, String unitFileText,
            String campaignFileText, String campaignSourceBefore, List<Problem> unitFileProblems,
            List<Problem> campaignFileProblems, List<Problem> otherProblems) {

        public UnitsChange {
            newUnits = List.copyOf(newUnits);
            unitFileProblems = List.copyOf(unitFileProblems);
            campaignFileProblems = List.copyOf(campaignFileProblems);
            otherProblems = List.copyOf(otherProblems);
        }

        public boolean ok() {
            return unitFileProblems.isEmpty() && campaignFileProblems.isEmpty() && otherProblems.isEmpty();
        }
    }

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
