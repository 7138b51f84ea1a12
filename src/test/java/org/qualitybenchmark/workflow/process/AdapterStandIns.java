package org.qualitybenchmark.workflow.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the workflow adapter's beans, registered under the bean names the models use. They
 * do to the process variables what the contract says the real beans do, and nothing else: they read
 * the {@code form_} fields a task was completed with, set the outcome variables the gateways read,
 * and remove the form fields (the real adapter stores them in our tables first).
 */
final class AdapterStandIns {

    static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4", "expert5");
    static final Date FORMAL_REVIEW_DUE = ProcessTests.at("2022-07-08T00:00");
    static final Date MATERIAL_REVIEW_DUE = ProcessTests.at("2022-07-22T00:00");
    static final Date PUBLIC_NOTICE_ENDS_AT = ProcessTests.at("2022-08-13T00:00");

    private AdapterStandIns() {
    }

    /** The beans the case model and its stage blocks call. */
    static void registerCaseBeans() {
        Mocks.register("caseFiledListener", (ExecutionListener) execution -> { });
        Mocks.register("submitApplicationListener", (TaskListener) task -> {
            requireTrue(task, "form_confirm");
            task.setVariable("declarationOutcome", "SUBMITTED");
            dropFormFields(task);
        });
        Mocks.register("expireCaseDelegate", (JavaDelegate) execution ->
                execution.setVariable(expiredOutcomeVariable(execution), "EXPIRED"));
        Mocks.register("countyScreeningListener", (TaskListener) task -> {
            String decision = decision(task);
            task.setVariable("countyOutcome", decision);
            switch (decision) {
                case "PASS" -> { }
                case "NOT_RECOMMEND" -> task.setVariable("screeningOutcome", "NOT_RECOMMENDED");
                case "RETURN" -> returnForCorrection(task, "screeningOutcome", "SUBMITTED");
                default -> throw new IllegalArgumentException(decision);
            }
            dropFormFields(task);
        });
        Mocks.register("screenApplicationListener", (TaskListener) task -> {
            String decision = decision(task);
            switch (decision) {
                case "RECOMMEND" -> {
                    Objects.requireNonNull(task.getVariable("form_rank"), "form_rank");
                    task.setVariable("screeningOutcome", "PROPOSED");
                }
                case "NOT_RECOMMEND" -> task.setVariable("screeningOutcome", "NOT_RECOMMENDED");
                case "RETURN" -> returnForCorrection(task, "screeningOutcome", "SUBMITTED");
                default -> throw new IllegalArgumentException(decision);
            }
            dropFormFields(task);
        });
        Mocks.register("checkMaterialsDelegate", (JavaDelegate) execution ->
                execution.setVariable("formalReviewDue", FORMAL_REVIEW_DUE));
        Mocks.register("formalReviewListener", (TaskListener) task -> {
            String decision = decision(task);
            if ("RETURN".equals(decision)) {
                returnForCorrection(task, "formalReviewOutcome", "FORMAL_REVIEW");
            } else {
                task.setVariable("formalReviewOutcome", decision);
            }
            dropFormFields(task);
        });
        Mocks.register("assignExpertsDelegate", (JavaDelegate) execution -> {
            execution.setVariable("experts", new ArrayList<>(EXPERTS));
            execution.setVariable("materialReviewDue", MATERIAL_REVIEW_DUE);
        });
        Mocks.register("scoreMaterialsListener", (TaskListener) AdapterStandIns::recordScores);
        Mocks.register("aggregateMaterialScoresDelegate", (JavaDelegate) execution -> { });
        Mocks.register("uploadPresentationListener", (TaskListener) task -> {
            requireTrue(task, "form_confirm");
            dropFormFields(task);
        });
        Mocks.register("assignDefensePanelDelegate", (JavaDelegate) execution ->
                execution.setVariable("experts", new ArrayList<>(EXPERTS)));
        Mocks.register("scoreDefenseListener", (TaskListener) AdapterStandIns::recordScores);
        Mocks.register("aggregateDefenseScoresDelegate", (JavaDelegate) execution -> { });
        Mocks.register("concludeDefenseListener", (TaskListener) task -> {
            task.setVariable("defenseOutcome", decision(task));
            dropFormFields(task);
        });
        Mocks.register("siteVisitListener", (TaskListener) task -> {
            task.setVariable("siteVisitOutcome", decision(task));
            dropFormFields(task);
        });
        Mocks.register("investigateObjectionListener", (TaskListener) task -> {
            String decision = decision(task);
            task.setVariable("objectionOutcome", decision);
            if ("UPHELD".equals(decision)) {
                task.setVariable("publicNoticeOutcome", "REMOVED");
            }
            dropFormFields(task);
        });
    }

    /** The one bean serves every deadline timer; which outcome it sets depends on where it runs. */
    private static String expiredOutcomeVariable(DelegateExecution execution) {
        return switch (execution.getCurrentActivityId()) {
            case "ServiceTask_ExpireCase" -> "declarationOutcome";
            case "ServiceTask_ExpireUnscreened" -> "screeningOutcome";
            case "ServiceTask_ExpireUnscreenedAtCounty" -> {
                execution.setVariable("countyOutcome", "EXPIRED");
                yield "screeningOutcome";
            }
            default -> throw new IllegalStateException("expireCaseDelegate at " + execution.getCurrentActivityId());
        };
    }

    /** RETURN: the case goes back to the owner until the correction deadline, remembering who returned it. */
    static void returnForCorrection(DelegateTask task, String outcomeVariable, String returnedFrom) {
        String due = (String) Objects.requireNonNull(task.getVariable("form_correctionDue"), "form_correctionDue");
        Objects.requireNonNull(task.getVariable("form_reason"), "form_reason");
        task.setVariable(outcomeVariable, "RETURN");
        task.setVariable("returnedFrom", returnedFrom);
        task.setVariable("submitDeadline", ProcessTests.startOfDayAfter(due));
    }

    private static void recordScores(DelegateTask task) {
        for (String criterion : List.of("form_science", "form_system", "form_effect", "form_comment")) {
            Objects.requireNonNull(task.getVariable(criterion), criterion);
        }
        dropFormFields(task);
    }

    static String decision(DelegateTask task) {
        return (String) Objects.requireNonNull(task.getVariable("form_decision"), "form_decision");
    }

    private static void requireTrue(DelegateTask task, String field) {
        if (!Boolean.TRUE.equals(task.getVariable(field))) {
            throw new IllegalArgumentException(field + " must be checked");
        }
    }

    /** What the real listeners do last: the form fields are stored in our tables, not left in the engine. */
    static void dropFormFields(DelegateTask task) {
        task.getVariableNames().stream().filter(name -> name.startsWith("form_")).toList()
                .forEach(task::removeVariable);
    }
}
