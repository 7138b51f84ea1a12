package org.qualitybenchmark.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.notification.OpenTasks;

/**
 * The engine's side of the reminder scan ({@link OpenTasks}). Each call is a fixed number of queries
 * on the runtime tables, whatever the number of tasks: the tasks, then their processes' business
 * keys, campaign ids, candidates and due timers in one query each (in chunks for long id lists).
 */
@Component
class EngineOpenTasks implements OpenTasks {

    /** Keeps the IN lists of one query well below every database's limit. */
    private static final int CHUNK = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final NamedParameterJdbcTemplate jdbc;

    EngineOpenTasks(TaskService tasks, RuntimeService runtime, ManagementService management,
            NamedParameterJdbcTemplate jdbc) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
    }

    @Override
    public List<OpenTask> dueBefore(Instant before, Instant now) {
        List<Task> due = tasks.createTaskQuery().active().dueBefore(Date.from(before)).orderByDueDate().asc().list();
        if (due.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = new LinkedHashSet<>();
        due.forEach(t -> {
            if (t.getProcessInstanceId() != null) {
                instanceIds.add(t.getProcessInstanceId());
            }
        });
        Map<String, String> businessKeys = new HashMap<>();
        Map<String, Long> campaignIds = new HashMap<>();
        Set<String> withTimerDue = new HashSet<>();
        for (List<String> chunk : chunks(instanceIds)) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processInstanceIds(new HashSet<>(chunk)).list()) {
                businessKeys.put(instance.getId(), instance.getBusinessKey());
            }
            for (VariableInstance variable : runtime.createVariableInstanceQuery().variableName("campaignId")
                    .processInstanceIdIn(chunk.toArray(String[]::new)).list()) {
                // Only the process's own variable: a local one of the same name on an inner scope must not win.
                if (variable.getExecutionId().equals(variable.getProcessInstanceId())
                        && variable.getValue() instanceof Number number) {
                    campaignIds.put(variable.getProcessInstanceId(), number.longValue());
                }
            }
            for (Job job : management.createJobQuery().timers().withRetriesLeft()
                    .duedateLowerThan(Date.from(now.plusMillis(1))).processInstanceIds(new HashSet<>(chunk)).list()) {
                withTimerDue.add(job.getProcessInstanceId());
            }
        }
        Map<String, Candidates> candidates = candidates(due.stream().filter(t -> t.getAssignee() == null)
                .map(Task::getId).toList());
        List<OpenTask> result = new ArrayList<>();
        for (Task task : due) {
            Candidates offered = candidates.getOrDefault(task.getId(), new Candidates());
            String instance = task.getProcessInstanceId();
            result.add(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    task.getDueDate().toInstant(), businessKeys.get(instance), campaignIds.get(instance),
                    task.getAssignee(), Set.copyOf(offered.users), Set.copyOf(offered.groups),
                    instance != null && withTimerDue.contains(instance)));
        }
        return result;
    }

    @Override
    public Set<String> runningCampaigns(Collection<String> campaignProcessKeys) {
        if (campaignProcessKeys.isEmpty()) {
            return Set.of();
        }
        Set<String> codes = new HashSet<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKeyIn(campaignProcessKeys.toArray(String[]::new)).list()) {
            if (instance.getBusinessKey() != null) {
                codes.add(instance.getBusinessKey());
            }
        }
        return codes;
    }

    private static final class Candidates {
        final Set<String> users = new LinkedHashSet<>();
        final Set<String> groups = new LinkedHashSet<>();
    }

    /**
     * The candidate users and groups of these tasks in one query per chunk: TaskService offers them
     * only task by task.
     */
    private Map<String, Candidates> candidates(List<String> taskIds) {
        Map<String, Candidates> byTask = new HashMap<>();
        if (taskIds.isEmpty()) {
            return byTask;
        }
        String table = management.getTableName(IdentityLinkEntity.class);
        for (List<String> chunk : chunks(taskIds)) {
            jdbc.query("select TASK_ID_, USER_ID_, GROUP_ID_ from " + table + " where TYPE_ = :type and TASK_ID_ in (:ids)",
                    Map.of("type", IdentityLinkType.CANDIDATE, "ids", chunk), row -> {
                        Candidates offered = byTask.computeIfAbsent(row.getString(1), id -> new Candidates());
                        if (row.getString(2) != null) {
                            offered.users.add(row.getString(2));
                        }
                        if (row.getString(3) != null) {
                            offered.groups.add(row.getString(3));
                        }
                    });
        }
        return byTask;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
