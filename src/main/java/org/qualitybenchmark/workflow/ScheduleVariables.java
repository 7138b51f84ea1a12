package org.qualitybenchmark.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qualitybenchmark.campaign.config.Schedule;

/**
 * The process variables that carry a campaign's deadlines, as the models' timers
 * ({@code timeDate="${recommendationClosesAt}"}) and task due dates ({@code dueDate="${recommendationDue}"})
 * read them. One mapping for starting a process and for moving a deadline later, so both agree.
 */
final class ScheduleVariables {

    private ScheduleVariables() {
    }

    /** Every deadline variable by name; null where the campaign has no such deadline. */
    static Map<String, Date> of(Schedule schedule, ProcedureDates dates) {
        Map<String, Date> variables = new LinkedHashMap<>();
        variables.put("applicationClosesAt", dates.closesAt(schedule.applicationCloses()));
        // The draft's submit task shows the moment filing closes, the same moment its timer fires.
        variables.put("submitDeadline", dates.closesAt(schedule.applicationCloses()));
        variables.put("recommendationDue", dates.dueAt(schedule.recommendationDue()));
        variables.put("recommendationClosesAt", dates.closesAt(schedule.recommendationDue()));
        // Without a county deadline of their own, counties may screen until the lists are due.
        LocalDate county = schedule.countyScreeningDue() == null ? schedule.recommendationDue()
                : schedule.countyScreeningDue();
        variables.put("countyScreeningDue", dates.dueAt(county));
        variables.put("countyScreeningClosesAt", dates.closesAt(county));
        LocalDate online = schedule.onlineSubmissionDue();
        variables.put("onlineSubmissionDue", online == null ? null : dates.dueAt(online));
        variables.put("onlineSubmissionClosesAt", online == null ? null : dates.closesAt(online));
        return variables;
    }
}
