package org.qualitybenchmark.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.Schedule;
import org.qualitybenchmark.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deadline changes of a running campaign: the history, and a new change by a process owner or the office. */
@RestController
@RequestMapping("/api/campaigns/{code}/deadline-changes")
@Tag(name = "截止日期调整", description = "活动进行中延长或调整截止日期；等待中的定时器和待办任务的到期日随之调整")
class DeadlineChangeController {

    private final DeadlineChangeService service;
    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;

    DeadlineChangeController(DeadlineChangeService service, CampaignCatalog catalog, EffectiveSchedule schedules) {
        this.service = service;
        this.catalog = catalog;
        this.schedules = schedules;
    }

    /**
     * @param key     applicationCloses, countyScreeningDue, recommendationDue or onlineSubmissionDue
     * @param newDate the new last day (work is accepted until it ends)
     */
    record ChangeRequest(String key, LocalDate newDate, String reason) {
    }

    record ChangeView(Long id, String key, String label, LocalDate oldDate, LocalDate newDate, String reason,
            String changedBy, Instant changedAt) {
        static ChangeView of(DeadlineChange c) {
            return new ChangeView(c.getId(), c.getKey().key(), c.getKey().label(), c.getOldDate(), c.getNewDate(),
                    c.getReason(), c.getChangedBy(), c.getChangedAt());
        }
    }

    /** The schedule as configured, as it stands now, and the changes between them. */
    record HistoryView(String campaign, String name, Schedule configured, Schedule effective, List<ChangeView> changes) {
    }

    @GetMapping
    @Operation(summary = "查看截止日期调整记录及现行日程")
    HistoryView history(@PathVariable String code) {
        CampaignRef campaign = catalog.campaign(code).orElseThrow(() -> new NotFoundException("未找到遴选活动“" + code + "”"));
        return new HistoryView(code, campaign.definition().name(), campaign.definition().schedule(),
                schedules.of(campaign), service.history(code).stream().map(ChangeView::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'OFFICE', 'ADMIN')")
    @Operation(summary = "调整一个截止日期（须填写理由）；活动中等待该日期的定时器和任务到期日一并调整")
    ChangeView change(@PathVariable String code, @RequestBody ChangeRequest request) {
        return ChangeView.of(service.change(code, request.key(), request.newDate(), request.reason(), CurrentUser.get()));
    }
}
