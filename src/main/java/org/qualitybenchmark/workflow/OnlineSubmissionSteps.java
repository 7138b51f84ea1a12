package org.qualitybenchmark.workflow;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.onlinesubmission.OnlineSubmissionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The online submission to the national system: opened by the recommendation, confirmed, or missed. */
@Configuration(proxyBeanMethods = false)
class OnlineSubmissionSteps {

    /** Opens the case's online submission and gives the stage its deadline: due on the last day, closed the next morning. */
    @Bean
    JavaDelegate openOnlineSubmissionDelegate(OnlineSubmissionService submissions, ProcedureDates dates) {
        return execution -> {
            LocalDate due = submissions.open((Long) execution.getVariable("applicationId"));
            execution.setVariable("onlineSubmissionDue", dates.dueAt(due));
            execution.setVariable("onlineSubmissionClosesAt", dates.closesAt(due));
            execution.setVariable("onlineSubmissionOutcome", null);
        };
    }

    @Bean
    TaskListener confirmOnlineSubmissionListener(OnlineSubmissionService submissions, EngineUsers users) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            LocalDate submittedOn = input.date("form_submittedOn", "网上申报日期");
            FormRejection.guard(() -> {
                input.require(submittedOn != null, "form_submittedOn", "请填写网上申报日期");
                input.require(input.flag("form_confirm"), "form_confirm", "请确认已在中国质量网完成网上申报");
                input.check();
                return submissions.confirm(id, submittedOn, input.text("form_reference"), input.text("form_note"), user);
            });
            task.setVariable("onlineSubmissionOutcome", "CONFIRMED");
        };
    }

    @Bean
    JavaDelegate missOnlineSubmissionDelegate(OnlineSubmissionService submissions) {
        return execution -> {
            submissions.miss((Long) execution.getVariable("applicationId"));
            execution.setVariable("onlineSubmissionOutcome", "MISSED");
        };
    }
}
