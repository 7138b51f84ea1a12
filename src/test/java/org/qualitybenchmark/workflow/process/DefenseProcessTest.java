package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.OFFICE_GROUP;
import static org.qualitybenchmark.workflow.process.ProcessTests.OWNER;
import static org.qualitybenchmark.workflow.process.ProcessTests.UNIT_GROUP;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stage block qb-stage-defense: presentation, the panel's scores, the office's conclusion. */
class DefenseProcessTest extends ProcessTestCase {

    private static final String PROCESS = "qb-stage-defense";
    private static final Date SLOT = ProcessTests.at("2022-08-01T09:20");

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(PROCESS));
    }

    @Test
    void presentationIsScoredByThePanelAndConcluded() {
        ProcessInstance defense = caseDriver.start(PROCESS,
                ProcessTests.caseVariables().putValue("defenseSlotAt", SLOT));
        assertThat(caseDriver.task("UserTask_UploadPresentation"))
                .hasCandidateUser(OWNER)
                .hasCandidateGroup(UNIT_GROUP)
                .hasDueDate(SLOT);

        caseDriver.uploadPresentation().scoreDefense();

        assertThat(defense).isWaitingAt("UserTask_ConcludeDefense");
        assertThat(caseDriver.task("UserTask_ConcludeDefense")).hasCandidateGroup(OFFICE_GROUP);

        caseDriver.concludeDefense("SITE_VISIT");

        assertThat(defense).isEnded()
                .hasPassedInOrder("UserTask_UploadPresentation", "ServiceTask_AssignDefensePanel",
                        "UserTask_ScoreDefense", "ServiceTask_AggregateDefenseScores", "UserTask_ConcludeDefense",
                        "EndEvent_DefenseConcluded");
        assertThat(variable(defense, "defenseOutcome")).isEqualTo("SITE_VISIT");
    }
}
