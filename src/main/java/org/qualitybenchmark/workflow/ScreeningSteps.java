package org.qualitybenchmark.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.quota.RecommendationService;
import org.qualitybenchmark.quota.ScreeningDecision;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Unit screening and recommendation: the per-case decisions and the unit's ranked list. */
@Configuration(proxyBeanMethods = false)
class ScreeningSteps {

    enum CountyDecision { PASS, NOT_RECOMMEND, RETURN }

    @Bean
    TaskListener countyScreeningListener(RecommendationService recommendations, CaseProgress progress,
            EngineUsers users, ProcedureDates dates) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            CountyDecision decision = input.choice("form_decision", "县级初审意见", CountyDecision.class);
            String findings = input.text("form_siteFindings");
            String reason = input.text("form_reason");
            LocalDate due = input.date("form_correctionDue", "补正期限");
            FormRejection.guard(() -> {
                input.require(findings != null || decision != CountyDecision.PASS, "form_siteFindings",
                        "请填写现场核查情况");
                input.check();
                switch (decision) {
                    case PASS -> progress.record(id, CaseAction.COUNTY_SCREENED, "PASS", findings, user);
                    case NOT_RECOMMEND -> recommendations.screen(id, ScreeningDecision.NOT_RECOMMEND, null, reason, null, user);
                    case RETURN -> recommendations.screen(id, ScreeningDecision.RETURN, null, reason, due, user);
                }
            });
            task.setVariable("countyOutcome", decision.name());
            if (decision == CountyDecision.NOT_RECOMMEND) {
                task.setVariable("screeningOutcome", "NOT_RECOMMENDED");
            } else if (decision == CountyDecision.RETURN) {
                returned(task, "SUBMITTED", due, dates);
            }
        };
    }

    @Bean
    TaskListener screenApplicationListener(RecommendationService recommendations, EngineUsers users,
            ProcedureDates dates) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            ScreeningDecision decision = input.choice("form_decision", "初审意见", ScreeningDecision.class);
            Integer rank = input.integer("form_rank", "推荐排序");
            String reason = input.text("form_reason");
            LocalDate due = input.date("form_correctionDue", "补正期限");
            FormRejection.guard(() -> {
                input.check();
                return recommendations.screen(id, decision, rank, reason, due, user);
            });
            switch (decision) {
                case RECOMMEND -> task.setVariable("screeningOutcome", "PROPOSED");
                case NOT_RECOMMEND -> task.setVariable("screeningOutcome", "NOT_RECOMMENDED");
                case RETURN -> returned(task, "SUBMITTED", due, dates);
            }
        };
    }

    /** The case goes back to its applicant; the self-declaration stage then waits until the correction deadline. */
    static void returned(DelegateTask task, String from, LocalDate due, ProcedureDates dates) {
        task.setVariable("screeningOutcome", "RETURN");
        task.setVariable("returnedFrom", from);
        task.setVariable("submitDeadline", dates.closesAt(due));
    }

    /** The unit's ranked list: its proposed cases go on to the organiser's formal review. */
    @Bean
    TaskListener submitRecommendationListListener(RecommendationService recommendations, CampaignCatalog catalog,
            ApplicationService applications, EngineUsers users, RuntimeService runtime) {
        return task -> {
            Long campaignId = (Long) task.getVariable("campaignId");
            String group = (String) task.getVariable("unitGroup");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            UnitRef unit = catalog.unitsOfGroups(Set.of(group)).stream().findFirst()
                    .orElseThrow(() -> FormRejection.of("推荐单位" + group + "不存在"));
            List<Long> recommended = FormRejection.guard(() -> {
                input.require(input.flag("form_confirm"), "form_confirm", "请确认推荐名单及排序后再报送");
                input.check();
                return recommendations.submitList(campaignId, unit.id(), input.text("form_note"), user);
            });
            for (Long id : recommended) {
                CaseMessages.correlate(runtime, applications.snapshot(id).caseNumber(), CaseMessages.RECOMMENDATION_DECIDED,
                        Map.of("screeningOutcome", "RECOMMENDED"));
            }
        };
    }

    @Bean
    JavaDelegate closeRecommendationDelegate(RecommendationService recommendations, ApplicationService applications,
            RuntimeService runtime) {
        return execution -> {
            for (Long id : recommendations.closeRecommendation((Long) execution.getVariable("campaignId"))) {
                CaseMessages.correlate(runtime, applications.snapshot(id).caseNumber(), CaseMessages.RECOMMENDATION_DECIDED,
                        Map.of("screeningOutcome", "NOT_RECOMMENDED"));
            }
        };
    }
}
