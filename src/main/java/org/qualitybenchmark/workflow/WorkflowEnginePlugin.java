package org.qualitybenchmark.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.qualitybenchmark.calendar.WorkingDayCalendar;
import org.qualitybenchmark.support.AppProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Registers {@link FormInputHistoryLevel} and makes it the engine's history level, and puts the
 * official working-day calendar under the engine's due dates and timers ({@link WorkingDayBusinessCalendars}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WorkflowEnginePlugin extends AbstractProcessEnginePlugin {

    private final WorkingDayCalendar calendar;
    private final AppProperties properties;

    WorkflowEnginePlugin(WorkingDayCalendar calendar, AppProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(new FormInputHistoryLevel());
        configuration.setCustomHistoryLevels(custom);
        configuration.setHistory(FormInputHistoryLevel.NAME);
        configuration.setBusinessCalendarManager(new WorkingDayBusinessCalendars(calendar, properties.zone()));
    }
}
