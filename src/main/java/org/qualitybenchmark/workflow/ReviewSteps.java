package org.qualitybenchmark.workflow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.AttachmentService;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.calendar.WorkingDayCalendar;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.ReviewRules;
import org.qualitybenchmark.review.ExpertAssignmentService;
import org.qualitybenchmark.review.FormalDecision;
import org.qualitybenchmark.review.FormalReviewService;
import org.qualitybenchmark.review.ReviewStage;
import org.qualitybenchmark.review.ScoringService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Formal review, expert scoring and the presentation upload: the per-case review steps. */
@Configuration(proxyBeanMethods = false)
class ReviewSteps {

    @Bean
    JavaDelegate checkMaterialsDelegate(FormalReviewService formalReview, CampaignCatalog catalog,
            WorkingDayCalendar calendar, ProcedureDates dates, Clock clock) {
        return execution -> {
            formalReview.autoCheck((Long) execution.getVariable("applicationId"));
            CampaignDefinition campaign = catalog.campaign((Long) execution.getVariable("campaignId")).definition();
            ReviewRules rules = campaign.review();
            execution.setVariable("formalReviewDue",
                    dates.dueAt(calendar.plusWorkingDays(LocalDate.now(clock), rules.formalReviewWorkingDays())));
            // The formal-review form hides its profitability item by this flag (campaigns without the rule).
            execution.setVariable("profitableEachYear", campaign.eligibility().profitableEachYear());
        };
    }

    @Bean
    TaskListener formalReviewListener(FormalReviewService formalReview, EngineUsers users, ProcedureDates dates) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            FormalDecision decision = input.choice("form_decision", "形式审查结论", FormalDecision.class);
            Map<String, Boolean> checklist = new LinkedHashMap<>();
            for (String item : new String[] {"qualified", "complete", "sealed", "profitable"}) {
                checklist.put(item, input.flag("form_" + item));
            }
            String reason = input.text("form_reason");
            LocalDate due = input.date("form_correctionDue", "补正期限");
            FormRejection.guard(() -> {
                input.check();
                return formalReview.decide(id, checklist, decision, reason, due, user);
            });
            task.setVariable("formalReviewOutcome", decision.name());
            if (decision == FormalDecision.RETURN) {
                task.setVariable("returnedFrom", "FORMAL_REVIEW");
                task.setVariable("submitDeadline", dates.closesAt(due));
            }
        };
    }

    @Bean
    JavaDelegate assignExpertsDelegate(ExpertAssignmentService assignments, CampaignCatalog catalog,
            WorkingDayCalendar calendar, ProcedureDates dates, Clock clock) {
        return execution -> {
            Long id = (Long) execution.getVariable("applicationId");
            execution.setVariable("experts", new ArrayList<>(assignments.assign(id, ReviewStage.MATERIAL_REVIEW)));
            ReviewRules rules = catalog.campaign((Long) execution.getVariable("campaignId")).definition().review();
            execution.setVariable("materialReviewDue",
                    dates.dueAt(calendar.plusWorkingDays(LocalDate.now(clock), rules.materialReviewWorkingDays())));
        };
    }

    @Bean
    JavaDelegate assignDefensePanelDelegate(ExpertAssignmentService assignments) {
        return execution -> execution.setVariable("experts",
                new ArrayList<>(assignments.assign((Long) execution.getVariable("applicationId"), ReviewStage.DEFENSE)));
    }

    @Bean
    TaskListener scoreMaterialsListener(ScoringService scoring, CampaignCatalog catalog, EngineUsers users) {
        return task -> score(task, ReviewStage.MATERIAL_REVIEW, scoring, catalog, users);
    }

    @Bean
    TaskListener scoreDefenseListener(ScoringService scoring, CampaignCatalog catalog, EngineUsers users) {
        return task -> score(task, ReviewStage.DEFENSE, scoring, catalog, users);
    }

    /** One expert's scores on the campaign's published criteria, with their comment. */
    private static void score(DelegateTask task, ReviewStage stage, ScoringService scoring, CampaignCatalog catalog,
            EngineUsers users) {
        Long id = (Long) task.getVariable("applicationId");
        CampaignDefinition campaign = catalog.campaign((Long) task.getVariable("campaignId")).definition();
        FormInput input = FormInput.take(task);
        AppUser user = users.current();
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (ReviewRules.Criterion criterion : campaign.review().criteria()) {
            BigDecimal value = input.decimal("form_" + criterion.key(), criterion.label());
            input.require(value != null, "form_" + criterion.key(), "请为“" + criterion.label() + "”打分");
            scores.put(criterion.key(), value);
        }
        String comment = input.text("form_comment");
        FormRejection.guard(() -> {
            input.require(user.id().equals(task.getAssignee()), "form", "此评分任务分配给" + task.getAssignee() + "，只能由本人评分");
            input.check();
            scoring.score(id, stage, user.id(), scores, comment);
        });
    }

    @Bean
    JavaDelegate aggregateMaterialScoresDelegate(ScoringService scoring) {
        return execution -> scoring.aggregate((Long) execution.getVariable("applicationId"), ReviewStage.MATERIAL_REVIEW);
    }

    @Bean
    JavaDelegate aggregateDefenseScoresDelegate(ScoringService scoring) {
        return execution -> scoring.aggregate((Long) execution.getVariable("applicationId"), ReviewStage.DEFENSE);
    }

    /** The presentation must be uploaded (through our API; Tasklist has no file picker) before the defense. */
    @Bean
    TaskListener uploadPresentationListener(AttachmentService attachments, CampaignCatalog catalog, EngineUsers users) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            CampaignDefinition campaign = catalog.campaign((Long) task.getVariable("campaignId")).definition();
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            FormRejection.guard(() -> {
                boolean uploaded = attachments.list(id, user).stream().anyMatch(a -> campaign.attachmentKind(a.kind())
                        .map(AttachmentKind::uploadStages).map(stages -> stages.contains(CaseStage.DEFENSE.name())).orElse(false));
                input.require(uploaded, "form_confirm", "尚未上传答辩材料，请先在申报页面上传后再确认");
                input.require(input.flag("form_confirm"), "form_confirm", "请确认答辩材料已上传");
                input.check();
            });
        };
    }
}
