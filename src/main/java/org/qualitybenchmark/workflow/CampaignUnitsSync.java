package org.qualitybenchmark.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignUnitsChanged;

/**
 * Makes the engine follow a change of a campaign's units made while running: the identity groups
 * and rights of new units (the start-up set-up again; it only adds what is missing) and the unit
 * groups of the campaign's running process, from which it makes one recommendation-list task per
 * unit when the recommendation phase begins.
 */
@Component
class CampaignUnitsSync {

    private static final Logger log = LoggerFactory.getLogger(CampaignUnitsSync.class);

    private final IdentitySetup identity;
    private final CampaignProcesses processes;
    private final CampaignCatalog catalog;
    private final RuntimeService runtime;

    CampaignUnitsSync(IdentitySetup identity, CampaignProcesses processes, CampaignCatalog catalog,
            RuntimeService runtime) {
        this.identity = identity;
        this.processes = processes;
        this.catalog = catalog;
        this.runtime = runtime;
    }

    @EventListener
    void onUnitsChanged(CampaignUnitsChanged event) {
        identity.setUp();
        CampaignRef campaign = catalog.campaign(event.campaignCode()).orElseThrow();
        Map<String, Object> variables = processes.startVariables(campaign);
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(campaign.definition().procedure().campaignProcess())
                .processInstanceBusinessKey(campaign.code()).list()) {
            runtime.setVariable(instance.getId(), "unitGroups", variables.get("unitGroups"));
            log.info("Campaign {}: its process {} now has the units {}", campaign.code(), instance.getId(),
                    variables.get("unitGroups"));
        }
    }
}
