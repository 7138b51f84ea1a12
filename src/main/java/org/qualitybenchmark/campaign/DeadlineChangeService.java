package org.qualitybenchmark.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.Schedule;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;
import org.qualitybenchmark.support.TextInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a deadline of a running campaign (a notice extended, 延期通知). The change is stored, and
 * {@link DeadlineChanged} is raised in the same transaction so that the procedure's waiting timers
 * and open tasks move with it; if they cannot, nothing is changed.
 */
@Service
public class DeadlineChangeService {

    static final int REASON_MAX = 1000;

    private final CampaignCatalog catalog;
    private final CampaignRepository campaigns;
    private final DeadlineChangeRepository changes;
    private final EffectiveSchedule schedules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    DeadlineChangeService(CampaignCatalog catalog, CampaignRepository campaigns, DeadlineChangeRepository changes,
            EffectiveSchedule schedules, ApplicationEventPublisher events, Clock clock, AppProperties properties) {
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.changes = changes;
        this.schedules = schedules;
        this.events = events;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /**
     * @param key     the deadline's key in the configuration (applicationCloses, countyScreeningDue,
     *                recommendationDue, onlineSubmissionDue)
     * @param newDate the new last day, a whole day in the campaign's zone like the configured one
     */
    @Transactional
    public DeadlineChange change(String campaignCode, String key, LocalDate newDate, String reason, AppUser actor) {
        CampaignRef campaign = campaign(campaignCode);
        String why = TextInput.required(reason, "reason", "调整理由", REASON_MAX);
        ScheduleKey scheduleKey = ScheduleKey.of(key).orElseThrow(() -> new RuleViolationException("key",
                "deadline.unknownKey", "无法调整“" + key + "”：可调整的截止日期为" + Arrays.stream(ScheduleKey.values())
                        .map(k -> k.key() + "（" + k.label() + "）").collect(Collectors.joining("、"))));
        if (newDate == null) {
            throw new RuleViolationException("newDate", "required", "请填写新的" + scheduleKey.label());
        }
        // One change at a time per campaign: each is checked against the schedule the previous one left.
        campaigns.lockById(campaign.id()).orElseThrow();
        Schedule before = schedules.of(campaign);
        LocalDate current = scheduleKey.in(before);
        String name = campaign.definition().name();
        if (current == null) {
            throw new RuleViolationException("key", "deadline.notInCampaign",
                    name + "没有" + scheduleKey.label() + "（" + scheduleKey.key() + "），无从调整");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (today.isAfter(current)) {
            throw new ConflictException("deadline.passed", name + "的" + scheduleKey.label() + "已于" + current
                    + "届满，到期的步骤已经执行，不能再调整");
        }
        if (newDate.isBefore(today)) {
            throw new RuleViolationException("newDate", "deadline.past",
                    "新的" + scheduleKey.label() + newDate + "早于今天（" + today + "）");
        }
        if (newDate.equals(current)) {
            throw new RuleViolationException("newDate", "deadline.unchanged",
                    "新的" + scheduleKey.label() + "与现行截止日期" + current + "相同");
        }
        Schedule after = scheduleKey.with(before, newDate);
        checkOrder(after, scheduleKey);
        DeadlineChange change = changes.save(new DeadlineChange(campaign.id(), scheduleKey, current, newDate, why,
                actor.id(), clock.instant()));
        events.publishEvent(new DeadlineChanged(campaign.id(), change.getId(), scheduleKey, current, newDate, why,
                before, after, actor));
        return change;
    }

    /** The campaign's changes, oldest first. */
    @Transactional(readOnly = true)
    public List<DeadlineChange> history(String campaignCode) {
        return changes.findByCampaignIdOrderById(campaign(campaignCode).id());
    }

    private record Step(String label, LocalDate date) {
    }

    /** The notice's order, which the timers rely on: filing closes before screening, screening before the lists, the lists before the online submission. */
    private static void checkOrder(Schedule s, ScheduleKey changed) {
        List<Step> chain = new ArrayList<>();
        chain.add(new Step("申报开始日期", s.applicationOpens()));
        for (ScheduleKey key : ScheduleKey.values()) {
            if (key.in(s) != null) {
                chain.add(new Step(key.label(), key.in(s)));
            }
        }
        for (int i = 1; i < chain.size(); i++) {
            Step earlier = chain.get(i - 1);
            Step later = chain.get(i);
            if (later.date().isBefore(earlier.date())) {
                // The other date of the broken pair is the one to move first, unless it is the fixed opening day.
                Step other = earlier.label().equals(changed.label()) ? later : earlier;
                String hint = other == chain.get(0) ? "" : "；如需一并调整，请先调整" + other.label();
                throw new RuleViolationException("newDate", "deadline.order", "调整后" + earlier.label() + earlier.date()
                        + "晚于" + later.label() + later.date() + "；各日期须依次为：申报开始 ≤ 申报截止 ≤ 县级初审截止 ≤ "
                        + "推荐名单报送截止 ≤ 网上申报截止" + hint);
            }
        }
    }

    private CampaignRef campaign(String code) {
        return catalog.campaign(code).orElseThrow(() -> new NotFoundException("未找到遴选活动“" + code + "”"));
    }
}
