package org.qualitybenchmark.application;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.qualitybenchmark.campaign.config.CaseStageNames;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration's copy of the stage names, which it checks files against, is the stages' own. */
class CaseStageNamesTest {

    @Test
    void configurationKnowsExactlyTheCaseStages() {
        Map<String, String> stages = new LinkedHashMap<>();
        Arrays.stream(CaseStage.values()).forEach(stage -> stages.put(stage.name(), stage.label()));

        assertThat(CaseStageNames.LABELS).containsExactlyEntriesOf(stages);
    }
}
