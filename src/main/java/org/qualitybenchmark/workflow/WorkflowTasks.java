package org.qualitybenchmark.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.support.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Doing a task the way Tasklist does it — submitting its form as a signed-in user — for code
 * outside this package that must not see the engine: the demo seeding its cases, and tests
 * driving a campaign as its users would.
 */
@Component
public class WorkflowTasks {

    private final TaskService tasks;
    private final FormService forms;
    private final ManagementService management;
    private final EngineUsers users;

    WorkflowTasks(TaskService tasks, FormService forms, ManagementService management, EngineUsers users) {
        this.tasks = tasks;
        this.forms = forms;
        this.management = management;
        this.users = users;
    }

    /** An open task as a list shows it. */
    public record OpenTask(String id, String key, String name, String assignee) {
    }

    /** The open tasks of a case (by case number) or a campaign (by campaign code) this user may see. */
    public List<OpenTask> open(String businessKey, AppUser user) {
        return users.runAs(user, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(WorkflowTasks::view).toList());
    }

    /** Submits the form of the case's or campaign's task with this key, as this user. */
    public void submit(String businessKey, String taskKey, AppUser user, Map<String, Object> form) {
        // Run as the user, the query sees only the tasks the engine's authorizations give them.
        Task task = users.runAs(user, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).list().stream().findFirst()
                .orElseThrow(() -> new NotFoundException(businessKey + "没有" + user.id() + "可办理的任务" + taskKey)));
        users.runAs(user, () -> {
            forms.submitTaskForm(task.getId(), form);
            return null;
        });
    }

    /**
     * Runs every job that is due by the engine's clock (timers, asynchronous steps), as the job
     * executor would; for the demo seeding and tests, where the executor is not waited for.
     * @return how many jobs ran
     */
    public int runDueJobs() {
        int ran = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    ran++;
                } catch (OptimisticLockingException | NullValueException takenByTheJobExecutor) {
                    // The running job executor did it first; the next round sees what is left.
                }
            }
        }
        return ran;
    }

    private static OpenTask view(Task task) {
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee());
    }
}
