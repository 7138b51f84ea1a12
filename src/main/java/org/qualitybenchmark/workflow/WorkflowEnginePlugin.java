package org.qualitybenchmark.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Registers {@link FormInputHistoryLevel} and makes it the engine's history level. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WorkflowEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(new FormInputHistoryLevel());
        configuration.setCustomHistoryLevels(custom);
        configuration.setHistory(FormInputHistoryLevel.NAME);
    }
}
