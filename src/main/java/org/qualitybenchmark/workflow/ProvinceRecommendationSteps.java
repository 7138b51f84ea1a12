package org.qualitybenchmark.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.RoleGroups;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.nomination.ProvinceRecommendationService;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.OpenRound;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.Pick;
import org.qualitybenchmark.nomination.ProvinceRecommendationService.RoundView;
import org.qualitybenchmark.nomination.ProvinceRoundOpened;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The recommendation of past benchmarks to the province (洛阳 2023 通知二): a round opened from the
 * API or the procedure's start form, the office's picks, the managers' approval, the deadline.
 */
@Configuration(proxyBeanMethods = false)
class ProvinceRecommendationSteps {

    enum ApprovalDecision { APPROVE, REVISE }

    private final RuntimeService runtime;
    private final ProvinceRecommendationService rounds;
    private final CampaignCatalog catalog;
    private final ProcedureDates dates;
    private final RoleGroups groups;

    ProvinceRecommendationSteps(RuntimeService runtime, ProvinceRecommendationService rounds, CampaignCatalog catalog,
            ProcedureDates dates, RoleGroups groups) {
        this.runtime = runtime;
        this.rounds = rounds;
        this.catalog = catalog;
        this.dates = dates;
        this.groups = groups;
    }

    /** A round opened through the API starts its procedure in the same transaction. */
    @EventListener
    void onOpened(ProvinceRoundOpened event) {
        if (CaseProcesses.insideEngineCommand()) {
            return;
        }
        RoundView round = rounds.round(event.roundId(), SystemActor.INSTANCE);
        String key = catalog.campaign(round.campaign()).orElseThrow().definition().procedure()
                .provinceRecommendationProcess();
        runtime.startProcessInstanceByKey(key, businessKey(round), variables(round));
    }

    static String businessKey(RoundView round) {
        return round.campaign() + "-province-" + round.id();
    }

    Map<String, Object> variables(RoundView round) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("roundId", round.id());
        variables.put("campaignId", catalog.campaign(round.campaign()).orElseThrow().id());
        variables.put("officeGroup", groups.office());
        variables.put("managerGroup", groups.managers());
        variables.put("roundDueAt", dates.dueAt(round.dueOn()));
        variables.put("roundClosesAt", dates.closesAt(round.dueOn()));
        variables.put("approvalOutcome", null);
        return variables;
    }

    /** Opens the round from the start form in Tasklist; a round opened through the API is already there. */
    @Bean
    ExecutionListener provinceRoundOpenedListener(EngineUsers users) {
        return execution -> {
            if (execution.getVariable("roundId") != null) {
                return;
            }
            FormInput input = FormInput.take(execution);
            AppUser user = users.current();
            OpenRound request = new OpenRound(input.text("form_provinceNotice"),
                    input.integer("form_places", "推荐名额"), input.date("form_dueOn", "报送截止日期"));
            RoundView round = FormRejection.guard(() -> {
                input.check();
                return rounds.openForProcess(processKey(execution), request, user);
            });
            execution.setProcessBusinessKey(businessKey(round));
            execution.setVariables(variables(round));
        };
    }

    private static String processKey(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    }

    /** The office's list: the form's lines replace the round's picks; without lines the picks made through the API stand. */
    @Bean
    TaskListener pickProvinceRecommendationsListener(EngineUsers users) {
        return task -> {
            Long roundId = (Long) task.getVariable("roundId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            String lines = input.text("form_picks");
            FormRejection.guard(() -> {
                RoundView round = lines == null ? rounds.round(roundId, user)
                        : rounds.replacePicks(roundId, parse(lines), user);
                if (round.nominations().isEmpty()) {
                    throw new RuleViolationException("form_picks", "required",
                            "请至少推荐一项历年市质量标杆：每行填写案件编号和推荐理由");
                }
                return round;
            });
            task.setVariable("approvalOutcome", null);
        };
    }

    /** Lines of "案件编号 推荐理由": the number is the first word, the reason the rest (after a space or a colon). */
    static List<Pick> parse(String lines) {
        List<Pick> picks = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        int row = 0;
        for (String line : lines.split("\\R")) {
            row++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("[\\s:：,，、]+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                problems.add(new FieldViolation("form_picks", "reason.required",
                        "推荐名单第" + row + "行缺少推荐理由：应为“案件编号 推荐理由”"));
                continue;
            }
            picks.add(new Pick(parts[0], parts[1].strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        return picks;
    }

    /** The managers' approval: approved rounds go to the province, others back to the office with the reason. */
    @Bean
    TaskListener approveProvinceRecommendationsListener(EngineUsers users) {
        return task -> {
            Long roundId = (Long) task.getVariable("roundId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            ApprovalDecision decision = input.choice("form_decision", "审定结论", ApprovalDecision.class);
            String note = input.text("form_note");
            FormRejection.guard(() -> {
                input.require(note != null || decision != ApprovalDecision.REVISE, "form_note",
                        "退回调整时请写明需调整的内容");
                input.check();
                if (decision == ApprovalDecision.APPROVE) {
                    rounds.submit(roundId, note, user);
                }
            });
            task.setVariable("approvalOutcome", decision.name());
        };
    }

    @Bean
    JavaDelegate lapseProvinceRoundDelegate() {
        return execution -> rounds.lapse((Long) execution.getVariable("roundId"), SystemActor.INSTANCE);
    }
}
