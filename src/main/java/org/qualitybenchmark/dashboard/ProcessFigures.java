package org.qualitybenchmark.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;

/**
 * What the dashboard needs from the process engine, for one campaign at a time: its open tasks,
 * and its case process with the stage blocks it calls, each step with the cases on it and how long
 * they have waited. Implemented by the workflow adapter, so that this package never sees the engine.
 */
public interface ProcessFigures {

    /**
     * The open user tasks of the campaign: those of its campaign process (business key = campaign
     * code) and of its cases' processes and the stage blocks they call (business key = case number).
     */
    List<OpenTask> openTasks(CampaignRef campaign);

    /**
     * The campaign's case process (its newest version) first, then each stage block it calls, with
     * the load on every step, counting only the cases whose numbers {@code counted} accepts.
     */
    List<ProcessLoad> caseProcessLoads(CampaignRef campaign, Predicate<String> counted, Instant now);

    /** The BPMN XML of one of the campaign's case-process or stage-block models, by process key; null if it has none. */
    String diagramXml(CampaignRef campaign, String processKey);

    /**
     * An open task.
     *
     * @param businessKey     the case number, or the campaign code for a task of the campaign process
     * @param candidateGroups the groups offered the task while nobody holds it (unit-…, office …)
     */
    record OpenTask(String id, String name, String activityId, String processKey, String businessKey,
            Instant created, Instant due, String assignee, Set<String> candidateUsers, Set<String> candidateGroups) {
    }

    /**
     * One model and the load on its steps.
     *
     * @param main whether this is the case process itself (the others are the stage blocks it calls)
     */
    record ProcessLoad(String key, String name, boolean main, List<ActivityLoad> activities) {
    }

    /**
     * One step (task, call activity, event …) of a model.
     *
     * @param calledProcessKey  the stage block a call activity starts, else null
     * @param activeCases       the numbers of the cases now on this step
     * @param averageWaitHours  how long the cases now on the step have been there, on average
     * @param completed         how many times cases have passed the step
     * @param averageDurationHours how long passing it took, on average
     */
    record ActivityLoad(String activityId, String name, String type, String calledProcessKey, List<String> activeCases,
            double averageWaitHours, double maxWaitHours, int completed, double averageDurationHours) {

        public int active() {
            return activeCases.size();
        }
    }
}
