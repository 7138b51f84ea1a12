package org.qualitybenchmark.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.dashboard.ProcessFigures;

/**
 * The engine's side of the dashboard. Every query is bounded by the campaign: its campaign process
 * (business key = campaign code), the versions of its case process (a process key of its own), and
 * the stage blocks deployed with those versions, whose instances are counted only where their root
 * is one of the campaign's cases (a year's deployment may serve two campaigns, as in Shandong).
 */
@Component
class EngineProcessFigures implements ProcessFigures {

    private final TaskService tasks;
    private final RepositoryService repository;
    private final HistoryService history;

    EngineProcessFigures(TaskService tasks, RepositoryService repository, HistoryService history) {
        this.tasks = tasks;
        this.repository = repository;
        this.history = history;
    }

    @Override
    public List<OpenTask> openTasks(CampaignRef campaign) {
        Definitions definitions = definitions(campaign);
        List<Task> open = new ArrayList<>();
        if (!definitions.caseKeys().isEmpty()) {
            open.addAll(tasks.createTaskQuery().processDefinitionKeyIn(definitions.caseKeys().toArray(String[]::new))
                    .processInstanceBusinessKeyLike(campaign.definition().caseNumberPrefix() + "-%").active().list());
        }
        open.addAll(tasks.createTaskQuery().processDefinitionKey(campaign.definition().procedure().campaignProcess())
                .processInstanceBusinessKey(campaign.code()).active().list());
        Map<String, Set<String>> groups = new HashMap<>();
        Map<String, Set<String>> users = new HashMap<>();
        candidates(open, groups, users);
        Map<String, String> keyOfDefinition = new HashMap<>();
        Map<String, String> businessKeys = businessKeys(open);
        List<OpenTask> result = new ArrayList<>();
        for (Task task : open) {
            String key = keyOfDefinition.computeIfAbsent(task.getProcessDefinitionId(),
                    id -> repository.getProcessDefinition(id).getKey());
            result.add(new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), key,
                    businessKeys.get(task.getProcessInstanceId()), task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
                    users.getOrDefault(task.getId(), Set.of()), groups.getOrDefault(task.getId(), Set.of())));
        }
        return result;
    }

    /**
     * The candidate groups and users of the open tasks, replayed from the identity-link log of the
     * process definitions they belong to (one query per definition, not one per task).
     */
    private void candidates(List<Task> open, Map<String, Set<String>> groups, Map<String, Set<String>> users) {
        Set<String> taskIds = new HashSet<>();
        Set<String> definitionIds = new TreeSet<>();
        for (Task task : open) {
            taskIds.add(task.getId());
            definitionIds.add(task.getProcessDefinitionId());
        }
        for (String definitionId : definitionIds) {
            for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
                    .processDefinitionId(definitionId).type(IdentityLinkType.CANDIDATE).orderByTime().asc().list()) {
                if (!taskIds.contains(link.getTaskId())) {
                    continue;
                }
                boolean add = "add".equals(link.getOperationType());
                if (link.getGroupId() != null) {
                    apply(groups.computeIfAbsent(link.getTaskId(), id -> new TreeSet<>()), link.getGroupId(), add);
                }
                if (link.getUserId() != null) {
                    apply(users.computeIfAbsent(link.getTaskId(), id -> new TreeSet<>()), link.getUserId(), add);
                }
            }
        }
    }

    private static void apply(Set<String> set, String value, boolean add) {
        if (add) {
            set.add(value);
        } else {
            set.remove(value);
        }
    }

    /** The business key of each task's process instance (a stage block carries its case's). */
    private Map<String, String> businessKeys(List<Task> open) {
        Set<String> instanceIds = new HashSet<>();
        open.forEach(task -> instanceIds.add(task.getProcessInstanceId()));
        Map<String, String> keys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(instanceIds).list()) {
                keys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        return keys;
    }

    @Override
    public List<ProcessLoad> caseProcessLoads(CampaignRef campaign, Predicate<String> counted, Instant now) {
        Definitions definitions = definitions(campaign);
        if (definitions.latestCase() == null) {
            return List.of();
        }
        // The campaign's case instances and their numbers; stage-block instances are kept by their root.
        Map<String, String> caseOfRoot = new HashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(definitions.caseKey()).list()) {
            if (instance.getBusinessKey() != null && counted.test(instance.getBusinessKey())) {
                caseOfRoot.put(instance.getId(), instance.getBusinessKey());
            }
        }
        Map<String, Map<String, Step>> steps = new LinkedHashMap<>();
        List<ProcessLoad> loads = new ArrayList<>();
        for (ProcessDefinition shown : definitions.shown()) {
            Map<String, Step> byActivity = new LinkedHashMap<>();
            BpmnModelInstance model = repository.getBpmnModelInstance(shown.getId());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String called = node instanceof CallActivity call ? call.getCalledElement() : null;
                byActivity.put(node.getId(), new Step(node.getId(), node.getName() == null ? node.getId() : node.getName(),
                        node.getElementType().getTypeName(), called));
            }
            steps.put(shown.getKey(), byActivity);
        }
        for (ProcessDefinition definition : definitions.all()) {
            Map<String, Step> byActivity = steps.get(definition.getKey());
            if (byActivity == null) {
                continue;
            }
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                    .processDefinitionId(definition.getId()).list()) {
                String caseNumber = caseOfRoot.get(activity.getRootProcessInstanceId());
                Step step = byActivity.get(activity.getActivityId());
                if (caseNumber == null || step == null) {
                    continue;
                }
                if (activity.getEndTime() == null) {
                    step.active.add(caseNumber);
                    step.waited.add(hours(activity.getStartTime().toInstant(), now));
                } else if (activity.getDurationInMillis() != null) {
                    step.durations.add(activity.getDurationInMillis() / 3_600_000.0);
                }
            }
        }
        for (ProcessDefinition shown : definitions.shown()) {
            List<ActivityLoad> activities = steps.get(shown.getKey()).values().stream().map(Step::load).toList();
            loads.add(new ProcessLoad(shown.getKey(), shown.getName() == null ? shown.getKey() : shown.getName(),
                    shown.getKey().equals(definitions.caseKey()), activities));
        }
        return loads;
    }

    @Override
    public String diagramXml(CampaignRef campaign, String processKey) {
        Optional<ProcessDefinition> shown = definitions(campaign).shown().stream()
                .filter(d -> d.getKey().equals(processKey)).findFirst();
        if (shown.isEmpty()) {
            return null;
        }
        try (InputStream xml = repository.getProcessModel(shown.get().getId())) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The load on one step while it is being counted. */
    private static final class Step {
        final String id;
        final String name;
        final String type;
        final String called;
        final List<String> active = new ArrayList<>();
        final List<Double> waited = new ArrayList<>();
        final List<Double> durations = new ArrayList<>();

        Step(String id, String name, String type, String called) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.called = called;
        }

        ActivityLoad load() {
            return new ActivityLoad(id, name, type, called, active.stream().sorted().toList(), average(waited),
                    waited.stream().mapToDouble(Double::doubleValue).max().orElse(0), durations.size(),
                    average(durations));
        }

        private static double average(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }

    /**
     * The campaign's models: every version of its case process, the stage blocks deployed with
     * them, and of each the version shown (the newest case process and the blocks of its deployment).
     */
    private record Definitions(String caseKey, ProcessDefinition latestCase, List<ProcessDefinition> all,
            List<ProcessDefinition> shown) {

        Set<String> caseKeys() {
            Set<String> keys = new TreeSet<>();
            all.forEach(d -> keys.add(d.getKey()));
            return keys;
        }
    }

    private Definitions definitions(CampaignRef campaign) {
        String caseKey = campaign.definition().procedure().caseProcess();
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(caseKey).list();
        if (versions.isEmpty()) {
            return new Definitions(caseKey, null, List.of(), List.of());
        }
        ProcessDefinition latest = versions.stream().max(Comparator.comparingInt(ProcessDefinition::getVersion))
                .orElseThrow();
        Set<String> calledKeys = new HashSet<>();
        for (ProcessDefinition version : versions) {
            for (CallActivity call : repository.getBpmnModelInstance(version.getId())
                    .getModelElementsByType(CallActivity.class)) {
                calledKeys.add(call.getCalledElement());
            }
        }
        List<ProcessDefinition> all = new ArrayList<>(versions);
        List<ProcessDefinition> shown = new ArrayList<>(List.of(latest));
        Set<String> deployments = new HashSet<>();
        versions.forEach(v -> deployments.add(v.getDeploymentId()));
        for (String deployment : deployments) {
            for (ProcessDefinition block : repository.createProcessDefinitionQuery().deploymentId(deployment).list()) {
                if (calledKeys.contains(block.getKey())) {
                    all.add(block);
                    if (block.getDeploymentId().equals(latest.getDeploymentId())) {
                        shown.add(block);
                    }
                }
            }
        }
        shown.sort(Comparator.comparing((ProcessDefinition d) -> !d.getKey().equals(caseKey))
                .thenComparing(ProcessDefinition::getKey));
        return new Definitions(caseKey, latest, all, shown);
    }
}
