package org.qualitybenchmark.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.ApplicationForm;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.ApplicationService.CreateResult;
import org.qualitybenchmark.application.CaseSnapshot;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The self-declaration stage: filing a case from Tasklist, submitting it, missing the deadline. */
@Configuration(proxyBeanMethods = false)
class SelfDeclarationSteps {

    private static final Map<String, String> EXPIRY = Map.of(
            "ServiceTask_ExpireCase", "declarationOutcome",
            "ServiceTask_ExpireUnscreened", "screeningOutcome",
            "ServiceTask_ExpireUnscreenedAtCounty", "countyOutcome");

    /**
     * Files a case from the start form in Tasklist. A case filed through our API already has its
     * process started with {@code applicationId}; then there is nothing to do here.
     */
    @Bean
    ExecutionListener caseFiledListener(ApplicationService applications, CampaignCatalog catalog, EngineUsers users,
            CaseProcesses processes) {
        return execution -> {
            if (execution.getVariable("applicationId") != null) {
                return;
            }
            FormInput input = FormInput.take(execution);
            AppUser user = users.current();
            CampaignRef campaign = campaignOf(execution, catalog);
            ApplicationForm form = new ApplicationForm(campaign.code(), input.text("form_unit"),
                    new ApplicationForm.EnterpriseInput(input.text("form_uscc"), input.text("form_enterpriseName"), null, null,
                            null, null, null, null),
                    List.of(), input.text("form_title"), Map.of(), List.of(),
                    new ApplicationForm.ContactInput(input.text("form_contactName"), null, null, null,
                            input.text("form_contactMobile"), null),
                    Map.of());
            CreateResult created = FormRejection.guard(() -> applications.create(form, null, user));
            if (created.replayed()) {
                throw FormRejection.of("该企业已在本次活动中申报（案件编号" + created.detail().caseNumber()
                        + "），请在“我的待办”中继续办理");
            }
            CaseSnapshot snapshot = applications.snapshot(created.detail().id());
            execution.setProcessBusinessKey(snapshot.caseNumber());
            execution.setVariables(processes.startVariables(snapshot, campaign));
        };
    }

    private static CampaignRef campaignOf(DelegateExecution execution, CampaignCatalog catalog) {
        String key = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return catalog.campaigns().stream().filter(c -> c.definition().procedure().caseProcess().equals(key)).findFirst()
                .orElseThrow(() -> FormRejection.of("流程" + key + "没有对应的遴选活动配置（procedure.caseProcess）"));
    }

    /**
     * Submission: from Tasklist, the listener submits with the same checks as the API. When the
     * API submitted, the case has moved on already and the task is only being closed.
     */
    @Bean
    TaskListener submitApplicationListener(ApplicationService applications, EngineUsers users) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            CaseStage stage = applications.snapshot(id).stage();
            if (stage == CaseStage.DRAFT || stage == CaseStage.CORRECTION) {
                AppUser user = users.current();
                FormRejection.guard(() -> {
                    input.require(input.flag("form_confirm"), "form_confirm", "请确认申报材料真实、完整后再提交");
                    input.check();
                    return applications.submit(id, user);
                });
            }
            task.setVariable("declarationOutcome", "SUBMITTED");
        };
    }

    /** A deadline passed with the case's work undone: the case ends as expired. */
    @Bean
    JavaDelegate expireCaseDelegate(ApplicationService applications) {
        return execution -> {
            String outcome = EXPIRY.getOrDefault(execution.getCurrentActivityId(), "declarationOutcome");
            String reason = switch (outcome) {
                case "screeningOutcome" -> "推荐单位逾期未完成初审";
                case "countyOutcome" -> "县级主管部门逾期未完成初审";
                default -> "逾期未提交申报材料";
            };
            applications.expire((Long) execution.getVariable("applicationId"), reason);
            execution.setVariable(outcome, "EXPIRED");
            if ("countyOutcome".equals(outcome)) {
                // The case process reads the screening stage's result from screeningOutcome alone.
                execution.setVariable("screeningOutcome", "EXPIRED");
            }
        };
    }
}
