package org.qualitybenchmark.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualitybenchmark.workflow.process.ProcessTests.BPMN_DIR;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The modelling rules every model in {@code bpmn/} keeps, whoever edits it and with whatever
 * tool: it deploys with the stage blocks and forms, it is fully drawn, readable and named, it calls
 * the application only through bean names, and its forms exist.
 */
class ModelConventionsTest {

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource(ProcessTests.CONFIGURATION).build();

    /** Ids Camunda Modeler makes up (Activity_0x1f2ab, Flow_1abc2de, StartEvent_1, Process_1), also as _di. */
    private static final Pattern GENERATED_ID =
            Pattern.compile("[A-Za-z]+_([01][0-9a-z]{6}|[0-9]+)(_di)?|sid-.*|id_.*");
    /** The bean names of the contract (workflow adapter); a model calling another bean would fail at run time. */
    private static final Set<String> CONTRACT_BEANS = Set.of(
            "caseFiledListener", "submitApplicationListener", "expireCaseDelegate", "countyScreeningListener",
            "screenApplicationListener", "checkMaterialsDelegate", "formalReviewListener", "assignExpertsDelegate",
            "scoreMaterialsListener", "aggregateMaterialScoresDelegate", "uploadPresentationListener",
            "assignDefensePanelDelegate", "scoreDefenseListener", "aggregateDefenseScoresDelegate",
            "concludeDefenseListener", "siteVisitListener", "investigateObjectionListener",
            "closeApplicationsDelegate", "submitRecommendationListListener", "closeRecommendationDelegate",
            "setDefenseListListener", "concludeMaterialReviewListener", "decideShortlistListener", "startPublicNoticeDelegate",
            "endPublicNoticeDelegate", "approveResultsListener", "countySiteCheckListener",
            "provinceRoundOpenedListener", "pickProvinceRecommendationsListener",
            "approveProvinceRecommendationsListener", "lapseProvinceRoundDelegate", "openOnlineSubmissionDelegate",
            "confirmOnlineSubmissionListener", "missOnlineSubmissionDelegate");
    /** Beans offered to process owners for any model; no shipped model needs to use them. */
    private static final Set<String> GENERIC_BEANS = Set.of("notifyDelegate");
    /** Form components the Camunda 7.24 Tasklist renders and our adapter reads. */
    private static final Set<String> FORM_COMPONENTS =
            Set.of("textfield", "textarea", "number", "checkbox", "radio", "select", "datetime", "text");
    /** The form-js schema version bundled with the Camunda 7.24 webapps. */
    private static final int TASKLIST_SCHEMA_VERSION = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> models() {
        return BpmnModels.files(BPMN_DIR).stream();
    }

    @Test
    void everyModelDeploysWithTheStageBlocksAndFormsInOneDeployment(ProcessEngine engine) {
        List<String> resources = models().map(p -> p.toString().replace('\\', '/')).toList();
        String deploymentId = ProcessTests.deploy(engine, resources);
        try {
            List<String> deployed = engine.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(deploymentId).list().stream().map(ProcessDefinition::getKey).toList();
            List<String> declared = models().flatMap(model -> read(model).getModelElementsByType(Process.class)
                    .stream().map(Process::getId)).toList();
            assertThat(deployed).containsExactlyInAnyOrderElementsOf(declared)
                    .containsAll(ProcessTests.STAGE_PROCESSES)
                    .contains(ProcessTests.CASE_PROCESS, ProcessTests.CAMPAIGN_PROCESS);
        } finally {
            ProcessTests.undeploy(engine, deploymentId);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFlowNodeAndSequenceFlowIsDrawn(Path model) {
        BpmnModelInstance bpmn = read(model);
        Set<String> shapes = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = bpmn.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

        assertThat(ids(bpmn.getModelElementsByType(FlowNode.class))).as("flow nodes without a shape in %s", model)
                .isSubsetOf(shapes);
        assertThat(ids(bpmn.getModelElementsByType(SequenceFlow.class))).as("sequence flows without an edge in %s", model)
                .isSubsetOf(edges);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyProcessIsExecutableVersionedAndKeptFiveYears(Path model) {
        for (Process process : read(model).getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).as("%s isExecutable", process.getId()).isTrue();
            assertThat(process.getCamundaVersionTag()).as("%s versionTag", process.getId()).isNotBlank();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", process.getId())
                    .isEqualTo("P1825D");
            assertThat(process.getDocumentations()).as("%s documentation", process.getId()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theApplicationIsCalledOnlyThroughBeanNames(Path model) {
        assertThat(BpmnModels.camundaAttributeValues(model, "class")).as("camunda:class in %s", model).isEmpty();
        assertThat(BpmnModels.camundaAttributeValues(model, "expression")).as("camunda:expression in %s", model)
                .isEmpty();
        BpmnModelInstance bpmn = read(model);
        for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as("%s delegateExpression", task.getId()).isNotBlank();
            assertThat(task.isCamundaAsyncBefore()).as("%s asyncBefore", task.getId()).isTrue();
        }
        for (CamundaTaskListener listener : bpmn.getModelElementsByType(CamundaTaskListener.class)) {
            assertThat(listener.getCamundaDelegateExpression()).as("task listener in %s", model).isNotBlank();
        }
        for (CamundaExecutionListener listener : bpmn.getModelElementsByType(CamundaExecutionListener.class)) {
            assertThat(listener.getCamundaDelegateExpression()).as("execution listener in %s", model).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyUserTaskReportsItsCompletion(Path model) {
        for (UserTask task : read(model).getModelElementsByType(UserTask.class)) {
            List<String> completeListeners = task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaTaskListener.class).list().stream()
                    .filter(listener -> "complete".equals(listener.getCamundaEvent()))
                    .map(CamundaTaskListener::getCamundaDelegateExpression)
                    .toList();
            assertThat(completeListeners).as("complete listener of %s", task.getId()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFormRefNamesADeployedForm(Path model) throws IOException {
        Set<String> formIds = formsById().keySet();
        BpmnModelInstance bpmn = read(model);
        for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isIn(formIds);
            assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
            assertThat(task.getCamundaFormKey()).as("formKey of %s", task.getId()).isNull();
        }
        for (StartEvent start : bpmn.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                assertThat(start.getCamundaFormRef()).as("formRef of %s", start.getId()).isIn(formIds);
                assertThat(start.getCamundaFormRefBinding()).as("formRefBinding of %s", start.getId())
                        .isEqualTo("deployment");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void idsAreReadable(Path model) {
        assertThat(BpmnModels.ids(model)).as("ids made up by a modeler in %s", model)
                .noneMatch(id -> GENERATED_ID.matcher(id).matches());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void activitiesEventsAndDecisionsAreNamed(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<FlowElement> mustBeNamed = new ArrayList<>();
        mustBeNamed.addAll(bpmn.getModelElementsByType(Activity.class));
        mustBeNamed.addAll(bpmn.getModelElementsByType(Event.class));
        bpmn.getModelElementsByType(ExclusiveGateway.class).stream()
                .filter(gateway -> outgoing(bpmn, gateway).size() > 1)
                .forEach(mustBeNamed::add);
        assertThat(mustBeNamed).as("unnamed elements in %s", model)
                .allSatisfy(element -> assertThat(element.getName()).as(element.getId()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void decisionsHaveConditionsAndADefaultFlow(Path model) {
        BpmnModelInstance bpmn = read(model);
        for (ExclusiveGateway gateway : bpmn.getModelElementsByType(ExclusiveGateway.class)) {
            List<SequenceFlow> outgoing = outgoing(bpmn, gateway);
            if (outgoing.size() < 2) {
                continue;
            }
            assertThat(gateway.getDefault()).as("default flow of %s", gateway.getId()).isNotNull();
            assertThat(outgoing).filteredOn(flow -> flow != gateway.getDefault())
                    .as("conditions on the flows out of %s", gateway.getId())
                    .allSatisfy(flow -> assertThat(flow.getConditionExpression()).as(flow.getId()).isNotNull());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void callActivitiesPassTheCaseNumberAndBindToTheDeployment(Path model) {
        for (CallActivity call : read(model).getModelElementsByType(CallActivity.class)) {
            assertThat(call.getCamundaCalledElementBinding()).as("binding of %s", call.getId()).isEqualTo("deployment");
            Collection<CamundaIn> ins = call.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaIn.class).list();
            Collection<CamundaOut> outs = call.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaOut.class).list();
            assertThat(ins).extracting(CamundaIn::getCamundaBusinessKey).as("business key of %s", call.getId())
                    .contains("#{execution.processBusinessKey}");
            assertThat(ins).extracting(CamundaIn::getCamundaVariables).as("in variables of %s", call.getId())
                    .contains("all");
            assertThat(outs).extracting(CamundaOut::getCamundaVariables).as("out variables of %s", call.getId())
                    .contains("all");
        }
    }

    @Test
    void modelsCallExactlyTheBeansOfTheContract() {
        Set<String> named = BpmnModels.beanNames(BPMN_DIR);
        assertThat(named).containsAll(CONTRACT_BEANS);
        assertThat(named).allSatisfy(bean -> assertThat(bean).isIn(union(CONTRACT_BEANS, GENERIC_BEANS)));
    }

    @Test
    void everyFormIsNamedAfterItsIdUsedByAModelAndRenderableByTasklist() throws IOException {
        Map<String, JsonNode> forms = formsById();
        Set<String> referenced = new TreeSet<>();
        models().forEach(model -> referenced.addAll(BpmnModels.camundaAttributeValues(model, "formRef")));

        assertThat(forms.keySet()).as("forms no model uses").isSubsetOf(referenced);
        forms.forEach((id, form) -> {
            assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of %s", id)
                    .isBetween(1, TASKLIST_SCHEMA_VERSION);
            form.path("components").forEach(component -> {
                assertThat(component.path("type").asText()).as("component type in %s", id).isIn(FORM_COMPONENTS);
                if (component.has("key")) {
                    assertThat(component.path("key").asText()).as("field key in %s", id).startsWith("form_");
                }
            });
        });
    }

    private static Map<String, JsonNode> formsById() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path file : ProcessTests.forms()) {
            JsonNode form = JSON.readTree(file.toFile());
            String id = form.path("id").asText();
            assertThat(file.getFileName().toString()).as("file of form %s", id).isEqualTo(id + ".form");
            forms.put(id, form);
        }
        return forms;
    }

    private static BpmnModelInstance read(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        Bpmn.validateModel(bpmn);
        return bpmn;
    }

    private static List<SequenceFlow> outgoing(BpmnModelInstance bpmn, FlowNode node) {
        return bpmn.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> flow.getSource() == node)
                .toList();
    }

    private static List<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
