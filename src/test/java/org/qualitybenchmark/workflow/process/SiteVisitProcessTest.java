package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.OFFICE_GROUP;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stage block qb-stage-site-visit: the office records the visit and its conclusion. */
class SiteVisitProcessTest extends ProcessTestCase {

    private static final String PROCESS = "qb-stage-site-visit";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension = ProcessTests.coverageAtLeastNinetyPercent();

    @Override
    List<String> models() {
        return List.of(ProcessTests.stage(PROCESS));
    }

    @Test
    void officeRecordsTheVisit() {
        ProcessInstance visit = caseDriver.start(PROCESS, ProcessTests.caseVariables());
        assertThat(caseDriver.task("UserTask_VisitSite")).hasCandidateGroup(OFFICE_GROUP);

        caseDriver.visitSite("FAIL");

        assertThat(visit).isEnded().hasPassedInOrder("UserTask_VisitSite", "EndEvent_SiteVisited");
        assertThat(variable(visit, "siteVisitOutcome")).isEqualTo("FAIL");
    }
}
