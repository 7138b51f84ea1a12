package org.qualitybenchmark.workflow;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except for what a user typed into a task form. Form input (variables named
 * {@code form_…}) is taken over by our listeners into our own utf8mb4 tables and removed from the
 * process in the same command, so it never reaches the engine's runtime tables; this level keeps
 * it out of the history tables too. Those are 3-byte utf8 on MySQL and would refuse a comment with
 * a 4-byte character, and free text does not belong in the engine anyway. The case history
 * (who, when, what, why) is in {@code qb_case_event}.
 */
class FormInputHistoryLevel extends HistoryLevelFull {

    static final String NAME = "full-without-form-input";
    static final String FORM_PREFIX = "form_";

    @Override
    public int getId() {
        return 13;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false;
        }
        if (entity instanceof VariableInstance variable && variable.getName().startsWith(FORM_PREFIX)) {
            return false;
        }
        return super.isHistoryEventProduced(eventType, entity);
    }
}
