package org.qualitybenchmark.campaign;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import org.qualitybenchmark.campaign.config.Schedule;

/**
 * The deadlines of a schedule that a process owner may move while the campaign runs, named by
 * their keys in {@code config/campaigns/*.yaml}. The opening day is not among them: once a window
 * has opened, moving its start would change nothing that is still to happen.
 */
public enum ScheduleKey {
    APPLICATION_CLOSES("applicationCloses", "申报截止日期"),
    COUNTY_SCREENING_DUE("countyScreeningDue", "县级初审截止日期"),
    RECOMMENDATION_DUE("recommendationDue", "推荐名单报送截止日期"),
    ONLINE_SUBMISSION_DUE("onlineSubmissionDue", "网上申报截止日期");

    private final String key;
    private final String label;

    ScheduleKey(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key as the configuration spells it. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ScheduleKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** This deadline in the schedule; null where the campaign has none. */
    public LocalDate in(Schedule schedule) {
        return switch (this) {
            case APPLICATION_CLOSES -> schedule.applicationCloses();
            case COUNTY_SCREENING_DUE -> schedule.countyScreeningDue();
            case RECOMMENDATION_DUE -> schedule.recommendationDue();
            case ONLINE_SUBMISSION_DUE -> schedule.onlineSubmissionDue();
        };
    }

    /** The schedule with this deadline on another day. */
    public Schedule with(Schedule s, LocalDate day) {
        return switch (this) {
            case APPLICATION_CLOSES -> new Schedule(s.applicationOpens(), day, s.recommendationDue(),
                    s.onlineSubmissionDue(), s.countyScreeningDue());
            case COUNTY_SCREENING_DUE -> new Schedule(s.applicationOpens(), s.applicationCloses(), s.recommendationDue(),
                    s.onlineSubmissionDue(), day);
            case RECOMMENDATION_DUE -> new Schedule(s.applicationOpens(), s.applicationCloses(), day,
                    s.onlineSubmissionDue(), s.countyScreeningDue());
            case ONLINE_SUBMISSION_DUE -> new Schedule(s.applicationOpens(), s.applicationCloses(), s.recommendationDue(),
                    day, s.countyScreeningDue());
        };
    }
}
