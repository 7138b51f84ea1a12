package org.qualitybenchmark.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.qualitybenchmark.access.RoleGroups;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.config.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts each configured campaign's campaign process once, after the models are deployed. The
 * business key is the campaign code; a campaign whose process has run (or runs) is not started again.
 */
@Component
class CampaignProcesses {

    private static final Logger log = LoggerFactory.getLogger(CampaignProcesses.class);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final CampaignCatalog catalog;
    private final ProcedureDates dates;
    private final EffectiveSchedule schedules;
    private final RoleGroups groups;

    CampaignProcesses(RuntimeService runtime, HistoryService history, RepositoryService repository,
            CampaignCatalog catalog, ProcedureDates dates, EffectiveSchedule schedules, RoleGroups groups) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.catalog = catalog;
        this.dates = dates;
        this.schedules = schedules;
        this.groups = groups;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(2)
    void startMissing() {
        for (CampaignRef campaign : catalog.campaigns()) {
            String key = campaign.definition().procedure().campaignProcess();
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
                log.warn("Campaign {}: its campaign process {} is not deployed", campaign.code(), key);
                continue;
            }
            if (history.createHistoricProcessInstanceQuery().processDefinitionKey(key)
                    .processInstanceBusinessKey(campaign.code()).count() > 0) {
                continue;
            }
            runtime.startProcessInstanceByKey(key, campaign.code(), startVariables(campaign));
            log.info("Campaign {}: started its campaign process {}", campaign.code(), key);
        }
    }

    Map<String, Object> startVariables(CampaignRef campaign) {
        Schedule schedule = schedules.of(campaign);
        List<String> unitGroups = new ArrayList<>();
        campaign.definition().units().forEach(entry -> catalog.unit(entry.unit())
                .ifPresent(unit -> unitGroups.add(unit.definition().groupId())));
        Map<String, Object> variables = new HashMap<>();
        variables.put("campaignId", campaign.id());
        variables.put("officeGroup", groups.office());
        variables.put("unitGroups", unitGroups);
        Map<String, Date> deadlines = ScheduleVariables.of(schedule, dates);
        for (String name : List.of("applicationClosesAt", "recommendationDue", "recommendationClosesAt",
                "onlineSubmissionClosesAt")) {
            variables.put(name, deadlines.get(name));
        }
        variables.put("publicNoticeEndsAt", null);
        return variables;
    }
}
