package org.qualitybenchmark.workflow;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.CaseCreated;
import org.qualitybenchmark.application.CaseSnapshot;
import org.qualitybenchmark.application.CaseSubmitted;
import org.qualitybenchmark.application.CaseWithdrawn;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.Schedule;
import org.qualitybenchmark.publication.ObjectionReceived;
import org.qualitybenchmark.access.RoleGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's process in step with what happens to the case through our own API. A change
 * made through the API raises a domain event in its transaction; this adapter moves the process in
 * the same transaction, so both commit or neither does. A change made by the process itself (a task
 * listener calling the domain) raises the same event while an engine command runs; the process is
 * already moving then, and the event is left alone.
 */
@Component
class CaseProcesses {

    static final String SUBMIT_TASK = "UserTask_SubmitApplication";
    private static final Logger log = LoggerFactory.getLogger(CaseProcesses.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ApplicationService applications;
    private final CampaignCatalog catalog;
    private final ProcedureDates dates;
    private final EffectiveSchedule schedules;
    private final RoleGroups groups;
    private final UnitHierarchy hierarchy;

    CaseProcesses(RuntimeService runtime, TaskService tasks, RepositoryService repository,
            ApplicationService applications, CampaignCatalog catalog, ProcedureDates dates, EffectiveSchedule schedules, RoleGroups groups,
            UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.applications = applications;
        this.catalog = catalog;
        this.dates = dates;
        this.schedules = schedules;
        this.groups = groups;
    }

    static boolean insideEngineCommand() {
        return Context.getCommandContext() != null;
    }

    @EventListener
    void onCreated(CaseCreated event) {
        if (insideEngineCommand()) {
            return;
        }
        CaseSnapshot snapshot = applications.snapshot(event.applicationId());
        CampaignRef campaign = catalog.campaign(snapshot.campaignId());
        String key = campaign.definition().procedure().caseProcess();
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            log.warn("Case {}: the case process {} of campaign {} is not deployed; the case has no procedure yet",
                    snapshot.caseNumber(), key, campaign.code());
            return;
        }
        runtime.startProcessInstanceByKey(key, snapshot.caseNumber(), startVariables(snapshot, campaign));
    }

    /**
     * The variables a case process starts with: ids, groups, deadlines, and every outcome unset.
     * With county screening the unit the case is filed with screens it first ({@code countyGroup});
     * the unit that recommends it ({@code unitGroup}) is that unit itself or, for a county the
     * campaign does not list, the listed unit above it.
     */
    Map<String, Object> startVariables(CaseSnapshot snapshot, CampaignRef campaign) {
        Schedule schedule = schedules.of(campaign);
        boolean county = campaign.definition().procedure().countyScreening();
        UnitRef filedWith = catalog.unit(snapshot.unitId());
        UnitRef recommender = hierarchy.recommendingUnit(campaign, filedWith).orElse(filedWith);
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationId", snapshot.id());
        variables.put("campaignId", snapshot.campaignId());
        variables.put("ownerUserId", snapshot.ownerUserId());
        variables.put("unitGroup", recommender.definition().groupId());
        variables.put("countyGroup", county ? snapshot.unitGroupId() : null);
        variables.put("officeGroup", groups.office());
        Map<String, Date> deadlines = ScheduleVariables.of(schedule, dates);
        for (String name : List.of("countyScreeningDue", "countyScreeningClosesAt", "submitDeadline", "recommendationDue",
                "recommendationClosesAt")) {
            variables.put(name, deadlines.get(name));
        }
        variables.put("returnedFrom", null);
        variables.put("defenseSlotAt", null);
        for (String outcome : new String[] {"declarationOutcome", "countyOutcome", "screeningOutcome",
                "formalReviewOutcome", "materialReviewOutcome", "defenseOutcome", "siteVisitOutcome", "selectionOutcome",
                "publicNoticeOutcome", "objectionOutcome", "announcementOutcome"}) {
            variables.put(outcome, null);
        }
        return variables;
    }

    @EventListener
    void onSubmitted(CaseSubmitted event) {
        if (insideEngineCommand()) {
            return;
        }
        CaseSnapshot snapshot = applications.snapshot(event.applicationId());
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(snapshot.caseNumber())
                .taskDefinitionKey(SUBMIT_TASK).singleResult();
        if (task != null) {
            tasks.complete(task.getId());
        }
    }

    @EventListener
    void onWithdrawn(CaseWithdrawn event) {
        if (insideEngineCommand()) {
            return;
        }
        CaseMessages.correlateIfWaiting(runtime, applications.snapshot(event.applicationId()).caseNumber(),
                CaseMessages.CASE_WITHDRAWN, Map.of());
    }

    @EventListener
    void onObjection(ObjectionReceived event) {
        if (insideEngineCommand()) {
            return;
        }
        CaseMessages.correlateIfWaiting(runtime, applications.snapshot(event.applicationId()).caseNumber(),
                CaseMessages.OBJECTION_RECEIVED, Map.of());
    }
}
