package org.qualitybenchmark.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.Schedule;
import org.qualitybenchmark.campaign.config.YamlCampaignRegistry;

/** The stored changes on top of the configured schedule, in the order they were made, on the real Zhejiang 2024 config. */
class EffectiveScheduleTest {

    static final YamlCampaignRegistry REGISTRY = new YamlCampaignRegistry(Path.of("config/units"),
            Path.of("config/campaigns"), Validation.buildDefaultValidatorFactory().getValidator());

    final DeadlineChangeRepository rows = mock(DeadlineChangeRepository.class);
    final CampaignRef zhejiang = new CampaignRef(7L, REGISTRY.campaign("zhejiang-2024-provincial").orElseThrow());

    @Test
    void withoutChangesTheConfiguredScheduleHolds() {
        assertThat(new EffectiveSchedule(rows).of(zhejiang)).isEqualTo(zhejiang.definition().schedule());
    }

    @Test
    void changesApplyInTheOrderMadeAndLeaveTheOtherDatesAlone() {
        when(rows.findByCampaignIdOrderById(7L)).thenReturn(List.of(
                change(ScheduleKey.RECOMMENDATION_DUE, "2024-11-15", "2024-11-22"),
                change(ScheduleKey.COUNTY_SCREENING_DUE, "2024-11-13", "2024-11-20"),
                change(ScheduleKey.RECOMMENDATION_DUE, "2024-11-22", "2024-11-25")));
        Schedule schedule = new EffectiveSchedule(rows).of(zhejiang);
        assertThat(schedule.recommendationDue()).isEqualTo(LocalDate.of(2024, 11, 25));
        assertThat(schedule.countyScreeningDue()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(schedule.applicationCloses()).isEqualTo(LocalDate.of(2024, 11, 10));
        assertThat(schedule.applicationOpens()).isEqualTo(zhejiang.definition().schedule().applicationOpens());
        assertThat(schedule.onlineSubmissionDue()).isNull();
    }

    @Test
    void everyKeyReadsAndWritesItsOwnDate() {
        Schedule s = new Schedule(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 4),
                LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 3));
        LocalDate day = LocalDate.of(2024, 2, 1);
        for (ScheduleKey key : ScheduleKey.values()) {
            Schedule moved = key.with(s, day);
            assertThat(key.in(moved)).as(key.key()).isEqualTo(day);
            for (ScheduleKey other : ScheduleKey.values()) {
                if (other != key) {
                    assertThat(other.in(moved)).as("%s after moving %s", other.key(), key.key()).isEqualTo(other.in(s));
                }
            }
            assertThat(ScheduleKey.of(key.key())).contains(key);
        }
        assertThat(ScheduleKey.of("applicationOpens")).isEmpty();
    }

    private static DeadlineChange change(ScheduleKey key, String from, String to) {
        return new DeadlineChange(7L, key, LocalDate.parse(from), LocalDate.parse(to), "延期", "owner", Instant.EPOCH);
    }
}
