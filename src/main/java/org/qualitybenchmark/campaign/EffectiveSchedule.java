package org.qualitybenchmark.campaign;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        return applied(campaign.definition().schedule(), changes.findByCampaignIdOrderById(campaign.id()));
    }

    /** The schedules of several campaigns (a list of campaigns) in one query, by campaign id. */
    public Map<Long, Schedule> of(Collection<CampaignRef> campaigns) {
        Map<Long, List<DeadlineChange>> byCampaign = changes.findByCampaignIdInOrderById(
                campaigns.stream().map(CampaignRef::id).toList()).stream()
                .collect(Collectors.groupingBy(DeadlineChange::getCampaignId));
        Map<Long, Schedule> schedules = new HashMap<>();
        for (CampaignRef campaign : campaigns) {
            schedules.put(campaign.id(), applied(campaign.definition().schedule(),
                    byCampaign.getOrDefault(campaign.id(), List.of())));
        }
        return schedules;
    }

    private static Schedule applied(Schedule schedule, List<DeadlineChange> inOrder) {
        for (DeadlineChange change : inOrder) {
            schedule = change.getKey().with(schedule, change.getNewDate());
        }
        return schedule;
    }
}
