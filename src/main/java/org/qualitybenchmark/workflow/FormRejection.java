package org.qualitybenchmark.workflow;

import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * Turns our domain's refusals into the engine's form validation error. Tasklist validates forms
 * only in the browser; the server applies the same rules as the API again, and a refusal rolls
 * the whole task completion back, so nothing half-done remains. The REST API answers 400 with the
 * message, which Tasklist shows to the user.
 */
final class FormRejection {

    private FormRejection() {
    }

    static FormFieldValidationException of(String message) {
        return new FormFieldValidationException("form", message);
    }

    static <T> T guard(Supplier<T> decision) {
        try {
            return decision.get();
        } catch (RuleViolationException e) {
            throw of("表单有误：" + e.violations().stream().map(v -> v.message()).distinct()
                    .collect(Collectors.joining("；")));
        } catch (ConflictException | NotFoundException e) {
            throw of(e.getMessage());
        }
    }

    static void guard(Runnable decision) {
        guard(() -> {
            decision.run();
            return null;
        });
    }
}
