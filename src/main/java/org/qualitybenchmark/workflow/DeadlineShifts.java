package org.qualitybenchmark.workflow;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.campaign.DeadlineChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a campaign's running processes onto a changed deadline, in the transaction that stores the
 * change: every process of the campaign (its campaign process, its case processes and the stage
 * blocks they called) gets the new value in the variable that holds the date, so timers and tasks
 * created later read it; every waiting timer and open task whose model reads that variable gets its
 * new due date. Which timer or task reads which variable is taken from the deployed model itself,
 * not from the dates, so two deadlines on one day are never confused.
 */
@Component
class DeadlineShifts {

    private static final Logger log = LoggerFactory.getLogger(DeadlineShifts.class);
    /** A timer date or due date that is exactly one variable, as every model in {@code bpmn/} writes them. */
    private static final Pattern ONE_VARIABLE = Pattern.compile("\\s*[$#]\\{\\s*(\\w+)\\s*}\\s*");

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ProcedureDates dates;
    private final CaseProgress progress;

    DeadlineShifts(RuntimeService runtime, ManagementService management, TaskService tasks,
            RepositoryService repository, ProcedureDates dates, CaseProgress progress) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.repository = repository;
        this.dates = dates;
        this.progress = progress;
    }

    @EventListener
    void onChanged(DeadlineChanged event) {
        Map<String, Date> before = ScheduleVariables.of(event.before(), dates);
        Map<String, Date> moved = new LinkedHashMap<>();
        ScheduleVariables.of(event.after(), dates).forEach((name, value) -> {
            if (!Objects.equals(before.get(name), value)) {
                moved.put(name, value);
            }
        });
        Map<String, BpmnModelInstance> models = new HashMap<>();
        Set<Long> casesMoved = new TreeSet<>();
        int instances = 0;
        int timers = 0;
        int dueDates = 0;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .variableValueEquals("campaignId", event.campaignId()).list()) {
            Map<String, Object> held = runtime.getVariablesLocal(instance.getId(), moved.keySet());
            if (held.isEmpty()) {
                continue;
            }
            instances++;
            held.keySet().forEach(name -> runtime.setVariableLocal(instance.getId(), name, moved.get(name)));
            BpmnModelInstance model = models.computeIfAbsent(instance.getProcessDefinitionId(),
                    repository::getBpmnModelInstance);
            boolean touched = false;
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
                String variable = timerVariable(model, job);
                if (variable != null && held.containsKey(variable) && moved.get(variable) != null) {
                    management.setJobDuedate(job.getId(), moved.get(variable));
                    timers++;
                    touched = true;
                }
            }
            for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
                String variable = dueDateVariable(model, task);
                if (variable != null && held.containsKey(variable)) {
                    tasks.setDueDate(task.getId(), moved.get(variable));
                    dueDates++;
                    touched = true;
                }
            }
            Object applicationId = runtime.getVariableLocal(instance.getId(), "applicationId");
            if (touched && applicationId instanceof Long id) {
                casesMoved.add(id);
            }
        }
        String text = event.key().label() + "由" + event.oldDate() + "调整为" + event.newDate() + "：" + event.reason();
        casesMoved.forEach(id -> progress.record(id, CaseAction.DEADLINE_CHANGED, event.key().key(), text, event.actor()));
        log.info("Campaign {}: {} moved from {} to {} by {}; {} processes, {} timers, {} task due dates, {} cases",
                event.campaignId(), event.key().key(), event.oldDate(), event.newDate(), event.actor().id(), instances,
                timers, dueDates, casesMoved.size());
    }

    /** The variable a timer's date is, from the timer event of the model the job belongs to. */
    private String timerVariable(BpmnModelInstance model, Job job) {
        if (job.getJobDefinitionId() == null) {
            return null;
        }
        JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult();
        ModelElementInstance element = definition == null ? null : model.getModelElementById(definition.getActivityId());
        if (!(element instanceof CatchEvent event)) {
            return null;
        }
        return event.getEventDefinitions().stream()
                .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
                .filter(timer -> timer.getTimeDate() != null)
                .map(timer -> variable(timer.getTimeDate().getTextContent()))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String dueDateVariable(BpmnModelInstance model, Task task) {
        ModelElementInstance element = task.getTaskDefinitionKey() == null ? null
                : model.getModelElementById(task.getTaskDefinitionKey());
        return element instanceof UserTask userTask ? variable(userTask.getCamundaDueDate()) : null;
    }

    private static String variable(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher matcher = ONE_VARIABLE.matcher(expression);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
