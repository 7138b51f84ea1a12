package org.qualitybenchmark.workflow;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.publication.AnnouncementOutcome;
import org.qualitybenchmark.publication.PublicNoticePeriod;
import org.qualitybenchmark.publication.PublicNoticeService;
import org.qualitybenchmark.review.Objection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaign's dates and publication: the application deadline, the public notice, objections, the announcement. */
@Configuration(proxyBeanMethods = false)
class PublicationSteps {

    private static final Logger log = LoggerFactory.getLogger(PublicationSteps.class);

    /**
     * The window closes by date (the application rules refuse late filings on their own); each
     * draft's own deadline timer ends it. This step marks the moment in the campaign's history,
     * where the deadline reminders and notices of the notification issue hang.
     */
    @Bean
    JavaDelegate closeApplicationsDelegate() {
        return execution -> log.info("Campaign {}: the application window has closed", execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate startPublicNoticeDelegate(PublicNoticeService notices) {
        return execution -> {
            PublicNoticePeriod period = notices.start((Long) execution.getVariable("campaignId"));
            execution.setVariable("publicNoticeEndsAt", Date.from(period.endsAt()));
        };
    }

    @Bean
    JavaDelegate endPublicNoticeDelegate(PublicNoticeService notices, ApplicationService applications,
            RuntimeService runtime) {
        return execution -> {
            for (Long id : notices.end((Long) execution.getVariable("campaignId"))) {
                CaseMessages.correlate(runtime, applications.snapshot(id).caseNumber(), CaseMessages.PUBLIC_NOTICE_ENDED,
                        Map.of());
            }
        };
    }

    @Bean
    TaskListener investigateObjectionListener(PublicNoticeService notices, EngineUsers users) {
        return task -> {
            Long id = (Long) task.getVariable("applicationId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            String findings = input.requiredText("form_findings", "核实情况");
            Objection.Outcome decision = input.choice("form_decision", "核实结论", Objection.Outcome.class);
            FormRejection.guard(() -> {
                input.check();
                return notices.decideOldestOpenObjection(id, decision, findings, user);
            });
            task.setVariable("objectionOutcome", decision.name());
            if (decision == Objection.Outcome.UPHELD) {
                task.setVariable("publicNoticeOutcome", "REMOVED");
            }
        };
    }

    @Bean
    TaskListener approveResultsListener(PublicNoticeService notices, ApplicationService applications,
            EngineUsers users, RuntimeService runtime) {
        return task -> {
            Long campaignId = (Long) task.getVariable("campaignId");
            FormInput input = FormInput.take(task);
            AppUser user = users.current();
            String removals = input.text("form_removals");
            List<String> caseNumbers = removals == null ? List.of()
                    : Arrays.stream(removals.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
            Map<Long, AnnouncementOutcome> outcomes = FormRejection.guard(
                    () -> notices.announce(campaignId, caseNumbers, input.text("form_reason"), user));
            outcomes.forEach((id, outcome) -> CaseMessages.correlate(runtime, applications.snapshot(id).caseNumber(),
                    CaseMessages.RESULT_ANNOUNCED, Map.of("announcementOutcome", outcome.name())));
        };
    }
}
