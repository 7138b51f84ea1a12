package org.qualitybenchmark.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of one campaign's dashboard, as {@code /api/dashboard/figures} returns it and the
 * Excel export writes it. Durations are in days (hours / 24), rounded to one decimal.
 *
 * @param scope who the figures are for: every case, or the named units' only
 */
public record DashboardFigures(CampaignInfo campaign, Filter filter, Scope scope, Instant generatedAt, LocalDate today,
        int caseCount, List<StageCount> funnel, List<Queue> queues, List<UnitQueue> unitQueues, List<OverdueTask> overdue,
        List<Dwell> dwell, List<DayThroughput> throughput, List<UnitProgress> units, List<ExpertLoad> experts,
        List<Diagram> diagrams) {

    public record CampaignInfo(String code, String name, int year, String organiser) {
    }

    /** The filter the figures were computed with (stage and unit as given, or null). */
    public record Filter(String stage, String stageLabel, String unit, String unitName) {
    }

    public record Scope(boolean allUnits, List<String> unitNames, boolean expertsShown) {
    }

    /**
     * @param current how many cases are in the stage now
     * @param reached how many cases have ever been in it
     */
    public record StageCount(String stage, String label, boolean finalStage, int current, int reached) {
    }

    /** The cases waiting in an open stage and how long they have been in it. */
    public record Queue(String stage, String label, int count, double averageAgeDays, double maxAgeDays,
            String oldestCaseNumber) {
    }

    /** A queue of one recommending unit (a city's row includes its counties' cases). */
    public record UnitQueue(String unit, String unitName, String stage, String label, int count, double averageAgeDays,
            double maxAgeDays) {
    }

    /**
     * A task past its due date.
     *
     * @param holderKind USER when someone holds (is assigned) the task, GROUP when it is offered to a group
     * @param workingDaysLate working days since the due day, or null when the calendar does not cover them
     */
    public record OverdueTask(String taskId, String taskName, String activityId, Long caseId, String caseNumber,
            String enterpriseName, String unit, String unitName, String stage, String stageLabel, String holderKind,
            String holder, String holderName, Instant due, int daysLate, Integer workingDaysLate) {
    }

    /**
     * How long cases stayed in a stage they have left: median and 90th percentile (nearest rank) of
     * the stays, and how many stays fell in each bucket of {@link DashboardService#DWELL_BUCKETS}.
     */
    public record Dwell(String stage, String label, int count, double medianDays, double p90Days, double averageDays,
            List<Bucket> buckets) {
    }

    public record Bucket(String key, String label, int count) {
    }

    /**
     * One day (Beijing time): cases created, submitted (into 待初审), moved from one stage to
     * another, and reaching a final stage.
     */
    public record DayThroughput(LocalDate date, int created, int submitted, int moved, int finished) {
    }

    /**
     * A recommending unit against its quota and deadline.
     *
     * @param quota    its places (null: no limit)
     * @param held     cases holding a place: proposed or recommended and gone on
     * @param pending  cases still to screen (submitted, or returned for correction)
     * @param daysLeft calendar days to the deadline (negative: past it)
     * @param status   SUBMITTED, SUBMITTED_LATE, OPEN, DUE_SOON (3 days or fewer) or OVERDUE
     */
    public record UnitProgress(String unit, String unitName, String kind, Integer quota, int filed, int drafts,
            int pending, int held, int notRecommended, Instant listSubmittedAt, LocalDate deadline, long daysLeft,
            String status, String statusLabel) {
    }

    /** An expert's assignments at one review stage and how many of them they have scored. */
    public record ExpertLoad(String expert, String expertName, String stage, String stageLabel, int assigned, int scored,
            int open) {
    }

    /** The case process or a stage block it calls, with the load on each step. */
    public record Diagram(String processKey, String name, boolean main, List<Step> steps) {
    }

    /**
     * @param active             cases on the step now
     * @param averageWaitDays    how long they have been there, on average
     * @param completed          how often the step has been passed
     * @param averageDurationDays how long passing it took, on average
     */
    public record Step(String activityId, String name, String type, String calledProcessKey, int active,
            double averageWaitDays, double maxWaitDays, int completed, double averageDurationDays) {
    }
}
