package org.qualitybenchmark.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaList;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import org.qualitybenchmark.calendar.WorkingDayPeriod;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.notification.ModelNotifications;

/**
 * What a procedure's models must satisfy before they are deployed, beyond what the engine's own
 * parser checks: every element drawn (so Modeler and Cockpit show it), the year as version tag,
 * a history time to live, the application called only through its beans by name (and only beans
 * that exist and fit the place), every form and called process present in the same deployment,
 * and every process a campaign's configuration names present. Each problem names the file, the
 * element and what is wrong.
 */
final class ModelCheck {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern LINE = Pattern.compile("lineNumber: (\\d+)");
    private static final Pattern NOTIFY = Pattern.compile("\\$\\{\\s*notifyDelegate\\s*}");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    /** A file of a deployment, named by its path below {@code bpmn/} (or {@code forms/}). */
    record Resource(String name, byte[] content) {
    }

    /**
     * The beans a model may name, by what they are: service-task delegates, task and execution listeners;
     * and the notification templates {@code notifyDelegate} may send (null: not checked).
     */
    record Handlers(Set<String> delegates, Set<String> taskListeners, Set<String> executionListeners,
            Set<String> notifyTemplates) {

        Handlers(Set<String> delegates, Set<String> taskListeners, Set<String> executionListeners) {
            this(delegates, taskListeners, executionListeners, null);
        }
    }

    private final Handlers handlers;
    private final List<ModelProblem> problems = new ArrayList<>();

    private ModelCheck(Handlers handlers) {
        this.handlers = handlers;
    }

    /**
     * @param year       the year of the folder; every process in {@code models} must carry it as version tag
     * @param models     the folder's models, checked in full
     * @param stageModels the shared stage blocks deployed with them (only their process ids are used)
     * @param formIds    the forms deployed with them, by form id
     * @param campaigns  the campaigns whose configuration names this folder's processes
     */
    static List<ModelProblem> check(String year, List<Resource> models, List<Resource> stageModels,
            Set<String> formIds, Handlers handlers, List<CampaignDefinition> campaigns) {
        ModelCheck check = new ModelCheck(handlers);
        Map<Resource, BpmnModelInstance> parsed = new LinkedHashMap<>();
        for (Resource model : models) {
            BpmnModelInstance instance = check.parse(model);
            if (instance != null) {
                parsed.put(model, instance);
            }
        }
        Set<String> processIds = new HashSet<>();
        Map<String, String> declaredIn = new HashMap<>();
        for (Resource stage : stageModels) {
            BpmnModelInstance instance = parseQuietly(stage);
            if (instance != null) {
                instance.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
            }
        }
        parsed.forEach((model, instance) -> {
            for (Process process : instance.getModelElementsByType(Process.class)) {
                String earlier = declaredIn.putIfAbsent(process.getId(), model.name());
                if (earlier != null) {
                    check.problem(model, process, "流程 id「" + process.getId() + "」与 " + earlier + " 中的流程重复；"
                            + "同一次部署中每个流程的 id 必须不同");
                }
                processIds.add(process.getId());
            }
        });
        parsed.forEach((model, instance) -> check.model(model, instance, year, processIds, formIds));
        for (CampaignDefinition campaign : campaigns) {
            check.campaign(campaign, year, declaredIn);
        }
        return List.copyOf(check.problems);
    }

    private BpmnModelInstance parse(Resource model) {
        // The model API reports a broken XML file without its line; the plain parser says where.
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            builder.parse(new ByteArrayInputStream(model.content()));
        } catch (SAXParseException e) {
            problems.add(new ModelProblem(model.name(), null, null, e.getLineNumber() > 0 ? e.getLineNumber() : null,
                    "不是有效的 XML 文件，无法读取：" + e.getMessage()));
            return null;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            problems.add(ModelProblem.ofFile(model.name(), "不是有效的 XML 文件，无法读取：" + e.getMessage()));
            return null;
        }
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
        } catch (RuntimeException e) {
            Integer line = null;
            String reason = e.getMessage();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SAXParseException sax) {
                    line = sax.getLineNumber() > 0 ? sax.getLineNumber() : null;
                    reason = sax.getMessage();
                }
                Matcher at = LINE.matcher(String.valueOf(cause.getMessage()));
                if (line == null && at.find()) {
                    line = Integer.valueOf(at.group(1));
                }
            }
            problems.add(new ModelProblem(model.name(), null, null, line,
                    "不是有效的 BPMN 2.0 文件，无法读取：" + reason));
            return null;
        }
    }

    private static BpmnModelInstance parseQuietly(Resource model) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void model(Resource model, BpmnModelInstance instance, String year, Set<String> processIds,
            Set<String> formIds) {
        for (Process process : instance.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                problem(model, process, "流程未设为可执行（isExecutable），引擎不会运行它");
            }
            if (year != null && !year.equals(process.getCamundaVersionTag())) {
                problem(model, process, process.getCamundaVersionTag() == null
                        ? "缺少版本标签（Version tag），应填年份 " + year
                        : "版本标签为「" + process.getCamundaVersionTag() + "」，应为本年度 " + year);
            }
            if (process.getCamundaHistoryTimeToLiveString() == null
                    || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                problem(model, process, "缺少历史保留期限（History time to live），如 P1825D（五年）");
            }
        }
        drawn(model, instance);
        handlers(model, instance);
        deadlines(model, instance);
        for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
            form(model, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds, true);
        }
        for (StartEvent start : instance.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                form(model, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds, false);
            }
        }
        for (CallActivity call : instance.getModelElementsByType(CallActivity.class)) {
            String called = call.getCalledElement();
            if (called == null || called.isBlank()) {
                problem(model, call, "调用活动没有指定被调用的流程（Called element）");
            } else if (!processIds.contains(called)) {
                problem(model, call, "调用的流程「" + called + "」不在本次部署中；请检查流程 id，阶段模块见 bpmn/stages");
            }
            if (!"deployment".equals(call.getCamundaCalledElementBinding())) {
                problem(model, call, "调用方式（Binding）应为 deployment，使本年度的流程只调用与它一同部署的阶段模块");
            }
        }
    }

    /**
     * Due dates, follow-up dates and timers written in working days ({@code P10WD}) are read when the
     * step is reached; a misspelt one is refused here instead of failing a running case then.
     */
    private void deadlines(Resource model, BpmnModelInstance instance) {
        for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
            workingDays(model, task, "到期日（Due date）", task.getCamundaDueDate());
            workingDays(model, task, "跟进日期（Follow up date）", task.getCamundaFollowUpDate());
        }
        for (TimerEventDefinition timer : instance.getModelElementsByType(TimerEventDefinition.class)) {
            BaseElement event = owner(timer);
            if (timer.getTimeDuration() != null) {
                workingDays(model, event, "定时器时长（Duration）", timer.getTimeDuration().getTextContent());
            }
            if (timer.getTimeDate() != null) {
                workingDays(model, event, "定时器日期（Date）", timer.getTimeDate().getTextContent());
            }
            if (timer.getTimeCycle() != null && WorkingDayPeriod.isMentionedIn(timer.getTimeCycle().getTextContent())) {
                problem(model, event, "重复定时器（Cycle）不能按工作日计；请改用时长（Duration），如 " + WorkingDayPeriod.EXAMPLE);
            }
        }
    }

    private void workingDays(Resource model, BaseElement element, String where, String text) {
        try {
            WorkingDayPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            problem(model, element, where + "：" + e.getMessage());
        }
    }

    private void drawn(Resource model, BpmnModelInstance instance) {
        Set<String> shapes = new HashSet<>();
        instance.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnElement() != null)
                .forEach(s -> shapes.add(s.getBpmnElement().getId()));
        Set<String> edges = new HashSet<>();
        instance.getModelElementsByType(BpmnEdge.class).stream().filter(e -> e.getBpmnElement() != null)
                .forEach(e -> edges.add(e.getBpmnElement().getId()));
        for (FlowNode node : instance.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                problem(model, node, "图中没有画出此元素（缺少图形 BPMNShape）；请在 Camunda Modeler 中打开并保存，或补画该元素");
            }
        }
        for (SequenceFlow flow : instance.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                problem(model, flow, "图中没有画出此连线（缺少 BPMNEdge）");
            }
        }
    }

    private void handlers(Resource model, BpmnModelInstance instance) {
        for (FlowElement element : instance.getModelElementsByType(FlowElement.class)) {
            if (element.getAttributeValueNs(CAMUNDA_NS, "class") != null) {
                problem(model, element, "不允许用 Java 类名（camunda:class）调用程序；请改用 Delegate expression，如 ${bean名}");
            }
            if (element.getAttributeValueNs(CAMUNDA_NS, "expression") != null) {
                problem(model, element, "不允许用表达式（camunda:expression）调用程序；请改用 Delegate expression，如 ${bean名}");
            }
        }
        List<BaseElement> serviceTasks = new ArrayList<>(instance.getModelElementsByType(ServiceTask.class));
        serviceTasks.addAll(instance.getModelElementsByType(SendTask.class));
        for (BaseElement task : serviceTasks) {
            String expression = task.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
            if (expression == null) {
                if (task.getAttributeValueNs(CAMUNDA_NS, "class") == null
                        && task.getAttributeValueNs(CAMUNDA_NS, "expression") == null) {
                    problem(model, task, "服务任务没有指定处理程序（Delegate expression）");
                }
            } else {
                bean(model, task, expression, handlers.delegates(), "服务任务处理程序");
            }
        }
        notifications(model, instance);
        for (CamundaTaskListener listener : instance.getModelElementsByType(CamundaTaskListener.class)) {
            BaseElement owner = owner(listener);
            if (listener.getCamundaClass() != null || listener.getCamundaExpression() != null) {
                problem(model, owner, "任务监听器不允许用 Java 类名或表达式，请改用 Delegate expression");
            } else if (listener.getCamundaDelegateExpression() != null) {
                bean(model, owner, listener.getCamundaDelegateExpression(), handlers.taskListeners(), "任务监听器");
            }
        }
        for (CamundaExecutionListener listener : instance.getModelElementsByType(CamundaExecutionListener.class)) {
            BaseElement owner = owner(listener);
            if (listener.getCamundaClass() != null || listener.getCamundaExpression() != null) {
                problem(model, owner, "执行监听器不允许用 Java 类名或表达式，请改用 Delegate expression");
            } else if (listener.getCamundaDelegateExpression() != null) {
                bean(model, owner, listener.getCamundaDelegateExpression(), handlers.executionListeners(), "执行监听器");
            }
        }
    }

    /**
     * A step calling {@code notifyDelegate} (a task, or a message event's definition) names the template and
     * the recipients as input parameters; written as constants, they are checked here, so a mistyped
     * template or recipient is refused at deployment instead of failing the first case that passes.
     * Values given by an expression are known only at run time, where the delegate checks them.
     */
    private void notifications(Resource model, BpmnModelInstance instance) {
        List<BaseElement> steps = new ArrayList<>(instance.getModelElementsByType(ServiceTask.class));
        steps.addAll(instance.getModelElementsByType(SendTask.class));
        for (MessageEventDefinition definition : instance.getModelElementsByType(MessageEventDefinition.class)) {
            if (definition.getParentElement() instanceof BaseElement event) {
                String expression = definition.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
                if (expression != null && NOTIFY.matcher(expression.trim()).matches()) {
                    notification(model, event);
                }
            }
        }
        for (BaseElement step : steps) {
            String expression = step.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
            if (expression != null && NOTIFY.matcher(expression.trim()).matches()) {
                notification(model, step);
            }
        }
    }

    private void notification(Resource model, BaseElement step) {
        Map<String, CamundaInputParameter> inputs = new HashMap<>();
        if (step.getExtensionElements() != null) {
            for (CamundaInputOutput io : step.getExtensionElements().getChildElementsByType(CamundaInputOutput.class)) {
                io.getCamundaInputParameters().forEach(p -> inputs.put(p.getCamundaName(), p));
            }
        }
        CamundaInputParameter template = inputs.get(NotifySteps.TEMPLATE);
        CamundaInputParameter recipients = inputs.get(NotifySteps.RECIPIENTS);
        if (template == null || recipients == null) {
            problem(model, step, "通知步骤（notifyDelegate）须有输入参数 " + NotifySteps.TEMPLATE + "（通知模板）和 "
                    + NotifySteps.RECIPIENTS + "（接收人），见 bpmn/README.md");
            return;
        }
        String key = template.getTextContent().strip();
        if (handlers.notifyTemplates() != null && !key.contains("${") && !key.contains("#{")
                && !handlers.notifyTemplates().contains(key)) {
            problem(model, step, "通知模板「" + key + "」不存在，或用到了流程模型提供不了的变量；流程模型可用的通知模板："
                    + String.join("、", handlers.notifyTemplates()));
        }
        String kinds = recipients.getTextContent().strip();
        if (recipients.getValue() instanceof CamundaList list) {
            kinds = String.join(",", list.getValues().stream().map(v -> v.getTextContent().strip()).toList());
        }
        if (!kinds.contains("${") && !kinds.contains("#{")) {
            try {
                ModelNotifications.recipientKinds(kinds);
            } catch (IllegalArgumentException e) {
                problem(model, step, e.getMessage());
            }
        }
    }

    private void bean(Resource model, BaseElement element, String expression, Set<String> available, String what) {
        Matcher matcher = BEAN_EXPRESSION.matcher(expression.trim());
        if (!matcher.matches()) {
            problem(model, element, what + "「" + expression + "」应写成 ${bean名} 的形式");
        } else if (!available.contains(matcher.group(1))) {
            problem(model, element, what + "「" + matcher.group(1) + "」不存在；可用的" + what + "有："
                    + String.join("、", available.stream().sorted().toList()));
        }
    }

    private void form(Resource model, BaseElement element, String formRef, String binding, Set<String> formIds,
            boolean required) {
        if (formRef == null || formRef.isBlank()) {
            if (required) {
                problem(model, element, "用户任务没有表单（Form reference）；Tasklist 需要表单才能办理");
            }
            return;
        }
        if (!formIds.contains(formRef)) {
            problem(model, element, "表单「" + formRef + "」不存在；表单放在 forms/ 或本年度文件夹中，文件内的 id 须与此相同");
        }
        if (!"deployment".equals(binding)) {
            problem(model, element, "表单的绑定方式（Binding）应为 deployment，使用与流程一同部署的表单");
        }
    }

    private void campaign(CampaignDefinition campaign, String year, Map<String, String> declaredIn) {
        String file = campaign.code() + ".yaml";
        if (year != null && !year.equals(String.valueOf(campaign.year()))) {
            problems.add(new ModelProblem(file, "year", null, null,
                    "活动年份为 " + campaign.year() + "，与模型文件夹的年份 " + year + " 不符"));
        }
        Map<String, String> named = new LinkedHashMap<>();
        named.put("procedure.campaignProcess", campaign.procedure().campaignProcess());
        named.put("procedure.caseProcess", campaign.procedure().caseProcess());
        named.forEach((key, process) -> {
            if (process != null && !declaredIn.containsKey(process)) {
                problems.add(new ModelProblem(file, key, null, null,
                        "配置的流程「" + process + "」不在本次部署的模型中（已有的流程："
                                + String.join("、", declaredIn.keySet()) + "）"));
            }
        });
    }

    private static BaseElement owner(ModelElementInstance extension) {
        for (ModelElementInstance parent = extension.getParentElement(); parent != null;
                parent = parent.getParentElement()) {
            if (parent instanceof BaseElement element) {
                return element;
            }
        }
        return null;
    }

    private void problem(Resource model, BaseElement element, String message) {
        String id = element == null ? null : element.getId();
        String name = element instanceof FlowElement flow ? flow.getName()
                : element instanceof Process process ? process.getName() : null;
        problems.add(new ModelProblem(model.name(), id, name, null, message));
    }
}
