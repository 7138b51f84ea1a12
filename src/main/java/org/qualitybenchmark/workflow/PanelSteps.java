package org.qualitybenchmark.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.review.DefenseDecision;
import org.qualitybenchmark.review.MaterialOutcome;
import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.review.SelectionOutcome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review panel's decisions: the defense list, each defense's conclusion, site visits, the shortlist. */
@Configuration(proxyBeanMethods = false)
class PanelSteps {

    enum SiteVisitDecision { PASS, FAIL }

    @Bean
    TaskListener setDefenseListListener(PanelService panel, ApplicationService applications, EngineUsers users,
            RuntimeService runtime) {
        return task -> {
            Long campaignId = (Long) task.getVariable("campaignId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            BigDecimal cutoff = input.decimal("form_cutoff", "入围分数线");
            LocalDateTime start = input.dateTime("form_defenseStart", "答辩开始时间");
            String place = input.text("form_defensePlace");
            Integer slotMinutes = input.integer("form_slotMinutes", "每场答辩时长");
            Map<Long, MaterialOutcome> outcomes = FormRejection.guard(() -> {
                input.require(cutoff != null, "form_cutoff", "请填写入围分数线");
                input.require(start != null, "form_defenseStart", "请填写答辩开始时间");
                input.require(place != null, "form_defensePlace", "请填写答辩地点");
                input.require(slotMinutes != null && slotMinutes > 0, "form_slotMinutes", "请填写每场答辩时长（分钟）");
                input.check();
                return panel.setDefenseList(campaignId, cutoff, start, place, slotMinutes, user);
            });
            outcomes.forEach((id, outcome) -> {
                Map<String, Object> variables = new HashMap<>();
                variables.put("materialReviewOutcome", outcome.name());
                panel.defenseSlot(id).ifPresent(slot -> variables.put("defenseSlotAt", Date.from(slot.getStartsAt())));
                CaseMessages.correlate(runtime, applications.snapshot(id).caseNumber(),
                        CaseMessages.MATERIAL_REVIEW_CONCLUDED, variables);
            });
        };
    }

    /**
     * A campaign without a defense: the panel's cut-off and the cases it sends to a site check; each
     * case's process learns its outcome (SHORTLISTED, SITE_VISIT or BELOW_CUTOFF) by message.
     */
    @Bean
    TaskListener concludeMaterialReviewListener(PanelService panel, ApplicationService applications, EngineUsers users,
            RuntimeService runtime) {
        return task -> {
            Long campaignId = (Long) task.getVariable("campaignId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            BigDecimal cutoff = input.decimal("form_cutoff", "入围分数线");
            String visits = input.text("form_siteVisits");
            List<String> caseNumbers = visits == null ? List.of()
                    : Arrays.stream(visits.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
            Map<Long, MaterialOutcome> outcomes = FormRejection.guard(() -> {
                input.require(cutoff != null, "form_cutoff", "请填写入围分数线");
                input.check();
                return panel.concludeMaterialReview(campaignId, cutoff, caseNumbers, input.text("form_note"), user);
            });
            outcomes.forEach((id, outcome) -> CaseMessages.correlate(runtime, applications.snapshot(id).caseNumber(),
                    CaseMessages.MATERIAL_REVIEW_CONCLUDED, Map.of("materialReviewOutcome", outcome.name())));
        };
    }

    @Bean
    TaskListener concludeDefenseListener(PanelService panel, EngineUsers users) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            DefenseDecision decision = input.choice("form_decision", "答辩合议结论", DefenseDecision.class);
            String reason = input.text("form_reason");
            FormRejection.guard(() -> {
                input.check();
                return panel.concludeDefense(id, decision, reason, user);
            });
            task.setVariable("defenseOutcome", decision.name());
        };
    }

    @Bean
    TaskListener siteVisitListener(PanelService panel, EngineUsers users) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            LocalDate visitedOn = input.date("form_visitedOn", "考察日期");
            String findings = input.requiredText("form_findings", "考察情况");
            SiteVisitDecision decision = input.choice("form_decision", "考察结论", SiteVisitDecision.class);
            FormRejection.guard(() -> {
                input.require(visitedOn != null, "form_visitedOn", "请填写考察日期");
                input.check();
                panel.recordSiteVisit(id, visitedOn, findings, decision == SiteVisitDecision.PASS, user);
            });
            task.setVariable("siteVisitOutcome", decision.name());
        };
    }

    @Bean
    TaskListener decideShortlistListener(PanelService panel, ApplicationService applications, EngineUsers users,
            RuntimeService runtime) {
        return task -> {
            Long campaignId = (Long) task.getVariable("campaignId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            Map<Long, SelectionOutcome> outcomes = FormRejection.guard(() -> {
                input.require(input.flag("form_confirm"), "form_confirm", "请确认推荐名单后再提交");
                input.check();
                return panel.decideShortlist(campaignId, input.text("form_note"), user);
            });
            outcomes.forEach((id, outcome) -> {
                Map<String, Object> variables = new HashMap<>();
                variables.put("selectionOutcome", outcome.name());
                variables.put("publicNoticeOutcome", "CLEARED");
                CaseMessages.correlate(runtime, applications.snapshot(id).caseNumber(), CaseMessages.SHORTLIST_DECIDED,
                        variables);
            });
        };
    }
}
