package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * What the process tests share: the models deployed the way the application deploys them (one
 * deployment with the forms, resource names relative to the working directory), asynchronous
 * continuations and timers run by hand (the job executor is off), the Hebei 2022 dates and the
 * start variables the workflow adapter sets.
 */
final class ProcessTests {

    /** Below this share of flow nodes and sequence flows covered, the test class fails. */
    static final double MINIMUM_COVERAGE = 0.9;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Path BPMN_DIR = Path.of("bpmn");
    static final Path FORMS_DIR = Path.of("forms");
    static final String STAGES = "bpmn/stages/";
    static final String CASE_MODEL = "bpmn/hebei/2022/hebei-2022-national-case.bpmn";
    static final String CAMPAIGN_MODEL = "bpmn/hebei/2022/hebei-2022-national-campaign.bpmn";
    static final String CASE_PROCESS = "hebei-2022-national-case";
    static final String CAMPAIGN_PROCESS = "hebei-2022-national-campaign";
    static final List<String> STAGE_PROCESSES = List.of("qb-stage-self-declaration", "qb-stage-unit-screening",
            "qb-stage-formal-review", "qb-stage-material-review", "qb-stage-defense", "qb-stage-site-visit",
            "qb-stage-public-notice");

    static final String CASE_NUMBER = "HEB2022-0001";
    static final String CAMPAIGN_CODE = "hebei-2022-national";
    static final String OWNER = "applicant1";
    static final String UNIT_GROUP = "unit-he-1301";
    static final String COUNTY_GROUP = "unit-he-130102";
    static final String OFFICE_GROUP = "office";

    /** The demo clock: inside the application window of the Hebei 2022 notice (15 to 30 June 2022). */
    static final Date NOW = at("2022-06-20T09:00");
    /** 冀工信科函〔2022〕331号: applications and recommendations “务于2022年6月30日前”. */
    static final Date APPLICATION_CLOSES_AT = at("2022-07-01T00:00");
    static final Date RECOMMENDATION_DUE = at("2022-06-30T23:59:59");
    static final Date RECOMMENDATION_CLOSES_AT = at("2022-07-01T00:00");
    static final String CORRECTION_DUE = "2022-06-27";
    static final Date CORRECTION_DEADLINE = startOfDayAfter(CORRECTION_DUE);

    private ProcessTests() {
    }

    /**
     * Not the default camunda.cfg.xml: the engine registry of a JVM picks that name up by itself,
     * and the Spring contexts' webapps would then find this stand-alone engine too.
     */
    static final String CONFIGURATION = "process-test.camunda.cfg.xml";

    static ProcessEngineCoverageExtension coverageAtLeastNinetyPercent(String... otherProcesses) {
        return ProcessEngineCoverageExtension.builder()
                .configurationResource(CONFIGURATION)
                .assertClassCoverageAtLeast(MINIMUM_COVERAGE)
                .excludeProcessDefinitionKeys(otherProcesses)
                .build();
    }

    static String stage(String key) {
        return STAGES + key + ".bpmn";
    }

    static List<String> stageModels() {
        return STAGE_PROCESSES.stream().map(ProcessTests::stage).toList();
    }

    /** Deploys the given models (paths relative to the working directory) with every form, as one deployment. */
    static String deploy(ProcessEngine engine, List<String> models) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("process-test");
        List<Path> resources = new ArrayList<>(models.stream().map(Path::of).toList());
        resources.addAll(forms());
        for (Path resource : resources) {
            try {
                deployment.addInputStream(resource.toString().replace('\\', '/'),
                        Files.newInputStream(resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deployment.deploy().getId();
    }

    static List<Path> forms() {
        try (Stream<Path> files = Files.list(FORMS_DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void undeploy(ProcessEngine engine, String deploymentId) {
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        }
    }

    /** Runs the asynchronous continuations (service tasks are asyncBefore) until none is left. */
    static void runAsyncContinuations(ProcessEngine engine) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = management.createJobQuery().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        fail("Asynchronous continuations keep creating new ones");
    }

    /**
     * Fires the timer of the given event by hand, after checking that it is due when the model says
     * and moving the clock there, then runs what follows up to the next wait state.
     */
    static void fireTimer(ProcessEngine engine, String eventId, Date expectedDue) {
        ManagementService management = engine.getManagementService();
        Job timer = management.createJobQuery().timers().activityId(eventId).singleResult();
        assertThat(timer).as("timer of %s", eventId).isNotNull();
        assertThat(timer.getDuedate()).as("due date of the timer of %s", eventId).isEqualTo(expectedDue);
        ClockUtil.setCurrentTime(expectedDue);
        management.executeJob(timer.getId());
        runAsyncContinuations(engine);
    }

    static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }

    /** The moment a deadline day (inclusive) has passed, as the adapter turns a date into a timer. */
    static Date startOfDayAfter(String day) {
        return Date.from(LocalDate.parse(day).plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /** The variables the workflow adapter sets when it starts a case: ids, groups, deadlines, every outcome null. */
    static VariableMap caseVariables() {
        return Variables.createVariables()
                .putValue("applicationId", 1L)
                .putValue("campaignId", 1L)
                .putValue("ownerUserId", OWNER)
                .putValue("unitGroup", UNIT_GROUP)
                .putValue("countyGroup", null)
                .putValue("officeGroup", OFFICE_GROUP)
                .putValue("submitDeadline", APPLICATION_CLOSES_AT)
                .putValue("recommendationDue", RECOMMENDATION_DUE)
                .putValue("recommendationClosesAt", RECOMMENDATION_CLOSES_AT)
                .putValue("countyScreeningDue", RECOMMENDATION_DUE)
                .putValue("countyScreeningClosesAt", RECOMMENDATION_CLOSES_AT)
                .putValue("returnedFrom", null)
                .putValue("defenseSlotAt", null)
                .putValue("declarationOutcome", null)
                .putValue("countyOutcome", null)
                .putValue("screeningOutcome", null)
                .putValue("formalReviewOutcome", null)
                .putValue("materialReviewOutcome", null)
                .putValue("defenseOutcome", null)
                .putValue("siteVisitOutcome", null)
                .putValue("selectionOutcome", null)
                .putValue("objectionOutcome", null)
                .putValue("publicNoticeOutcome", null)
                .putValue("announcementOutcome", null);
    }

    /** The variables the workflow adapter sets when it starts a campaign, with the Hebei 2022 dates. */
    static VariableMap campaignVariables(List<String> unitGroups) {
        return campaignVariables(unitGroups, APPLICATION_CLOSES_AT, RECOMMENDATION_DUE, RECOMMENDATION_CLOSES_AT);
    }

    /** The variables the workflow adapter sets when it starts a campaign, with that campaign's dates. */
    static VariableMap campaignVariables(List<String> unitGroups, Date applicationClosesAt, Date recommendationDue,
            Date recommendationClosesAt) {
        return Variables.createVariables()
                .putValue("campaignId", 1L)
                .putValue("officeGroup", OFFICE_GROUP)
                .putValue("unitGroups", new ArrayList<>(unitGroups))
                .putValue("applicationClosesAt", applicationClosesAt)
                .putValue("recommendationDue", recommendationDue)
                .putValue("recommendationClosesAt", recommendationClosesAt);
    }
}
