package org.qualitybenchmark.workflow;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.quota.CountySiteCheckService;
import org.qualitybenchmark.quota.CountySiteCheckService.SiteCheckInput;
import org.qualitybenchmark.quota.RecommendationService;
import org.qualitybenchmark.quota.ScreeningDecision;
import org.qualitybenchmark.quota.SiteCheckResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A county's initial review with its on-site check, before it recommends (stage qb-stage-county-recommendation). */
@Configuration(proxyBeanMethods = false)
class CountySiteCheckSteps {

    enum CheckDecision { PASS, NOT_RECOMMEND, RETURN }

    /**
     * Records the on-site check in the case, then the county's conclusion. Passing needs a check that
     * found the site as the application says; declining may come with or without a visit, and a case
     * returned for correction before any visit needs none.
     */
    @Bean
    TaskListener countySiteCheckListener(CountySiteCheckService checks, RecommendationService recommendations,
            EngineUsers users, ProcedureDates dates) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            CheckDecision decision = input.choice("form_decision", "初审结论", CheckDecision.class);
            LocalDate checkedOn = input.date("form_checkedOn", "现场核查日期");
            String inspectors = input.text("form_inspectors");
            String findings = input.text("form_findings");
            SiteCheckResult result = input.text("form_siteResult") == null ? null
                    : input.choice("form_siteResult", "核查结论", SiteCheckResult.class);
            String reason = input.text("form_reason");
            LocalDate due = input.date("form_correctionDue", "补正期限");
            boolean checked = checkedOn != null || inspectors != null || findings != null || result != null;
            FormRejection.guard(() -> {
                input.require(checked || decision != CheckDecision.PASS, "form_checkedOn",
                        "初审通过前须到企业现场核查，请填写核查日期、核查人员、核查发现和核查结论");
                input.require(result != SiteCheckResult.DISCREPANT || decision != CheckDecision.PASS, "form_siteResult",
                        "现场情况与申报材料不符的不能通过初审，请选择不予推荐或退回补正");
                input.check();
                if (checked) {
                    checks.record(id, new SiteCheckInput(checkedOn, inspectors, findings, result), user);
                }
                switch (decision) {
                    case PASS -> { }
                    case NOT_RECOMMEND -> recommendations.screen(id, ScreeningDecision.NOT_RECOMMEND, null, reason, null, user);
                    case RETURN -> recommendations.screen(id, ScreeningDecision.RETURN, null, reason, due, user);
                }
            });
            task.setVariable("countyOutcome", decision.name());
            if (decision == CheckDecision.NOT_RECOMMEND) {
                task.setVariable("screeningOutcome", "NOT_RECOMMENDED");
            } else if (decision == CheckDecision.RETURN) {
                ScreeningSteps.returned(task, "SUBMITTED", due, dates);
            }
        };
    }
}
