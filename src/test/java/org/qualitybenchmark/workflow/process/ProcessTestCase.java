package org.qualitybenchmark.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One test class per model: each registers its own coverage extension (so the 90 % gate applies to
 * that model alone), names the models it deploys, and gets a fresh deployment, the adapter
 * stand-ins and the demo clock for every test.
 */
abstract class ProcessTestCase {

    protected ProcessEngine engine;
    protected CaseDriver caseDriver;
    private String deploymentId;

    /** The models to deploy, with every form, as paths relative to the working directory. */
    abstract List<String> models();

    @BeforeEach
    void deployModels(ProcessEngine processEngine) {
        engine = processEngine;
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(ProcessTests.NOW);
        AdapterStandIns.registerCaseBeans();
        deploymentId = ProcessTests.deploy(engine, models());
        caseDriver = new CaseDriver(engine, ProcessTests.CASE_NUMBER);
    }

    @AfterEach
    void undeployModels() {
        ProcessTests.undeploy(engine, deploymentId);
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /** The form Tasklist shows for the task, resolved from the deployment as the formRef says. */
    protected String deployedForm(Task task) {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start form Tasklist shows for the instance's process, resolved from the deployment. */
    protected String startForm(ProcessInstance instance) {
        try (InputStream form = engine.getFormService().getDeployedStartForm(instance.getProcessDefinitionId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times the instance has entered the activity. */
    protected long passes(ProcessInstance instance, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(activityId).count();
    }

    /** A variable's last value, also once the instance has ended. */
    protected Object variable(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .singleResult();
        return variable == null ? null : variable.getValue();
    }
}
