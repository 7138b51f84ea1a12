package org.qualitybenchmark.workflow;

import java.util.Collection;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.qualitybenchmark.notification.ModelNotifications;

/**
 * The notification a process owner adds to a model in Camunda Modeler: a service task (or send task,
 * or message throw/end event) with delegate expression {@code ${notifyDelegate}} and two input
 * parameters, {@code notifyTemplate} (a template key of {@code config/notifications/}) and
 * {@code notifyRecipients} (e.g. "applicant, unit", or a list). The case is the process's business key.
 */
@Configuration(proxyBeanMethods = false)
class NotifySteps {

    static final String TEMPLATE = "notifyTemplate";
    static final String RECIPIENTS = "notifyRecipients";

    @Bean
    JavaDelegate notifyDelegate(ModelNotifications notifications) {
        return execution -> notifications.notify(execution.getProcessBusinessKey(), text(execution, TEMPLATE),
                recipients(execution), eventKey(execution));
    }

    /**
     * One key per process instance, step and template: a step retried after a failure, or moved back
     * to by an operator, finds its messages already queued and queues none again. A step a loop passes
     * a second time is the same step and sends nothing again either; a model that must tell each
     * round uses a separate step per round.
     */
    static String eventKey(DelegateExecution execution) {
        return "process/" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/"
                + text(execution, TEMPLATE);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString().strip();
    }

    private static String recipients(DelegateExecution execution) {
        Object value = execution.getVariable(RECIPIENTS);
        // Modeler offers a list type for input parameters; a list of kinds means the same as the kinds written in a row.
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? null : value.toString();
    }
}
