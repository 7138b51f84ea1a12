package org.qualitybenchmark.campaign;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.Schedule;
import org.springframework.stereotype.Component;

/**
 * The schedule a campaign runs on: the notice's dates from its configuration with every deadline
 * change made since applied in order. Everything that checks or sets a deadline asks here, never
 * the configuration directly, so an extended deadline holds everywhere and survives a restart.
 */
@Component
public class EffectiveSchedule {

    private final DeadlineChangeRepository changes;

    public EffectiveSchedule(DeadlineChangeRepository changes) {
        this.changes = changes;
    }

    public Schedule of(CampaignRef campaign) {
        Schedule schedule = campaign.definition().schedule();
        for (DeadlineChange change : changes.findByCampaignIdOrderById(campaign.id())) {
            schedule = change.getKey().with(schedule, change.getNewDate());
        }
        return schedule;
    }
}
