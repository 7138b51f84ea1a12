package org.qualitybenchmark.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the reminder scan needs to know of the process engine, which this package may not reach
 * itself: the open tasks with a due date and who holds them, and which campaigns still run.
 * The workflow adapter implements it; every answer reads the engine's runtime tables only, so it
 * grows with the work open now, not with the years of history.
 */
public interface OpenTasks {

    /**
     * An open task with a due date.
     *
     * @param key             the task's id in its model (e.g. UserTask_ScoreMaterials)
     * @param reference       the business key of its process: a case number or a campaign code
     * @param campaignId      the process's {@code campaignId}, or null where it has none
     * @param assignee        null if the task is offered to candidates
     * @param timerPending    a timer of the task's process instance was due by {@code now} and has not fired yet
     *                        (the job executor is behind, e.g. just after the demo clock moved): it may end the task
     *                        at any moment, so the task is not yet overdue in the sense of escalation
     */
    record OpenTask(String id, String key, String name, Instant due, String reference, Long campaignId,
            String assignee, Set<String> candidateUsers, Set<String> candidateGroups, boolean timerPending) {
    }

    /** Active (not suspended) tasks due before {@code before}, including those already overdue. */
    List<OpenTask> dueBefore(Instant before, Instant now);

    /** The business keys (campaign codes) of the running instances of these campaign processes. */
    Set<String> runningCampaigns(Collection<String> campaignProcessKeys);
}
