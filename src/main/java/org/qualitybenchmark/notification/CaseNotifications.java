package org.qualitybenchmark.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseEvent;
import org.qualitybenchmark.application.CaseEventRepository;
import org.qualitybenchmark.application.CaseMoved;
import org.qualitybenchmark.application.CaseReturnedForCorrection;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.application.CaseSubmitted;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.review.FormalDecision;
import org.qualitybenchmark.support.AppProperties;

import static org.qualitybenchmark.notification.TemplateVariables.CAMPAIGN_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.CASE_NUMBER;
import static org.qualitybenchmark.notification.TemplateVariables.CORRECTION_DUE;
import static org.qualitybenchmark.notification.TemplateVariables.DECISION;
import static org.qualitybenchmark.notification.TemplateVariables.ENTERPRISE_NAME;
import static org.qualitybenchmark.notification.TemplateVariables.LINK;
import static org.qualitybenchmark.notification.TemplateVariables.RANK;
import static org.qualitybenchmark.notification.TemplateVariables.REASON;
import static org.qualitybenchmark.notification.TemplateVariables.RETURNED_FROM;
import static org.qualitybenchmark.notification.TemplateVariables.SUBMITTED_AT;
import static org.qualitybenchmark.notification.TemplateVariables.TITLE;
import static org.qualitybenchmark.notification.TemplateVariables.UNIT_NAME;

/**
 * Tells applicants and unit staff what happened to a case: received, returned for correction (with
 * the reasons and the deadline), recommended or not by the unit, the formal review's result. The
 * listeners run inside the deciding transaction, so the messages are queued if and only if the
 * decision commits; each is keyed by the case history entry of the decision, which a case has once.
 */
@Component
class CaseNotifications {

    static final String RECEIVED = "application-received";
    static final String RECEIVED_UNIT = "application-received-unit";
    static final String RETURNED = "returned-for-correction";
    static final String PROPOSED = "screening-proposed";
    static final String NOT_RECOMMENDED = "not-recommended";
    static final String RECOMMENDED = "recommended";
    static final String FORMAL_REVIEW = "formal-review-result";

    static final Set<String> CASE = Set.of(CASE_NUMBER, ENTERPRISE_NAME, TITLE, CAMPAIGN_NAME, UNIT_NAME, LINK);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<CaseAction> SUBMISSIONS = EnumSet.of(CaseAction.SUBMITTED, CaseAction.RESUBMITTED);

    private final NotificationService notifications;
    private final ApplicationRepository applications;
    private final CaseEventRepository history;
    private final CampaignCatalog catalog;
    private final IdentityDirectory directory;
    private final AppProperties properties;

    CaseNotifications(NotificationService notifications, NotificationTemplates templates,
            ApplicationRepository applications, CaseEventRepository history, CampaignCatalog catalog,
            IdentityDirectory directory, AppProperties properties) {
        this.notifications = notifications;
        this.applications = applications;
        this.history = history;
        this.catalog = catalog;
        this.directory = directory;
        this.properties = properties;
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        uses.put(RECEIVED, with(SUBMITTED_AT));
        uses.put(RECEIVED_UNIT, with(SUBMITTED_AT));
        uses.put(RETURNED, with(REASON, CORRECTION_DUE, RETURNED_FROM));
        uses.put(PROPOSED, CASE);
        uses.put(NOT_RECOMMENDED, with(REASON));
        uses.put(RECOMMENDED, with(RANK));
        uses.put(FORMAL_REVIEW, with(DECISION, REASON));
        templates.require(uses, "案件通知");
    }

    @EventListener
    void onSubmitted(CaseSubmitted event) {
        Application application = applications.findById(event.applicationId()).orElseThrow();
        CaseEvent entry = history.findByApplicationIdOrderByActedAtAscIdAsc(application.getId()).stream()
                .filter(e -> SUBMISSIONS.contains(e.getAction()))
                .max(Comparator.comparing(CaseEvent::getId))
                .orElseThrow();
        Map<String, String> values = caseValues(application);
        values.put(SUBMITTED_AT, MINUTES.format(entry.getActedAt().atZone(properties.zone())));
        notifications.notify(key(entry.getId(), RECEIVED), RECEIVED, List.of(application.getOwnerUserId()), values);
        // Only a case waiting for the unit's screening is news to its staff; a correction after formal review goes to the office.
        if (application.getStage() == CaseStage.SUBMITTED) {
            notifications.notify(key(entry.getId(), RECEIVED_UNIT), RECEIVED_UNIT, unitStaff(application), values);
        }
    }

    @EventListener
    void onReturned(CaseReturnedForCorrection event) {
        Application application = applications.findById(event.applicationId()).orElseThrow();
        Map<String, String> values = caseValues(application);
        values.put(REASON, event.reason());
        values.put(CORRECTION_DUE, event.due().toString());
        values.put(RETURNED_FROM, event.returnedFrom() == CaseStage.FORMAL_REVIEW ? "形式审查" : "推荐单位初审");
        List<String> recipients = new ArrayList<>(List.of(application.getOwnerUserId()));
        if (event.returnedFrom() == CaseStage.FORMAL_REVIEW) {
            // The case is on the unit's list; the unit should know it came back.
            recipients.addAll(unitStaff(application));
        }
        notifications.notify(key(event.caseEventId(), RETURNED), RETURNED, recipients, values);
    }

    @EventListener
    void onMoved(CaseMoved event) {
        if (event.action() == CaseAction.SCREENED && event.to() == CaseStage.PROPOSED) {
            Application application = applications.findById(event.applicationId()).orElseThrow();
            notifications.notify(key(event.caseEventId(), PROPOSED), PROPOSED, List.of(application.getOwnerUserId()),
                    caseValues(application));
        } else if (event.to() == CaseStage.NOT_RECOMMENDED) {
            Application application = applications.findById(event.applicationId()).orElseThrow();
            Map<String, String> values = caseValues(application);
            values.put(REASON, orNone(event.reason()));
            notifications.notify(key(event.caseEventId(), NOT_RECOMMENDED), NOT_RECOMMENDED,
                    List.of(application.getOwnerUserId()), values);
        } else if (event.action() == CaseAction.RECOMMENDED) {
            Application application = applications.findById(event.applicationId()).orElseThrow();
            Map<String, String> values = caseValues(application);
            values.put(RANK, application.getUnitRank() == null ? "不排序" : "第" + application.getUnitRank() + "位");
            notifications.notify(key(event.caseEventId(), RECOMMENDED), RECOMMENDED,
                    List.of(application.getOwnerUserId()), values);
        } else if (event.action() == CaseAction.FORMAL_REVIEWED) {
            Application application = applications.findById(event.applicationId()).orElseThrow();
            Map<String, String> values = caseValues(application);
            values.put(DECISION, FormalDecision.PASS.name().equals(event.outcome()) ? "通过，进入资料评审" : "未通过");
            values.put(REASON, orNone(event.reason()));
            List<String> recipients = new ArrayList<>(List.of(application.getOwnerUserId()));
            recipients.addAll(unitStaff(application));
            notifications.notify(key(event.caseEventId(), FORMAL_REVIEW), FORMAL_REVIEW, recipients, values);
        }
    }

    Map<String, String> caseValues(Application application) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CASE_NUMBER, application.getCaseNumber());
        values.put(ENTERPRISE_NAME, application.getEnterpriseName());
        values.put(TITLE, application.getTitle() == null ? "（未填写）" : application.getTitle());
        values.put(CAMPAIGN_NAME, catalog.campaign(application.getCampaignId()).definition().name());
        values.put(UNIT_NAME, catalog.unit(application.getUnitId()).name());
        values.put(LINK, "/cases/edit.html?id=" + application.getId());
        return values;
    }

    List<String> unitStaff(Application application) {
        UnitRef unit = catalog.unit(application.getUnitId());
        return directory.memberIds(unit.definition().groupId());
    }

    private static String key(Long caseEventId, String template) {
        return "case-event/" + caseEventId + "/" + template;
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "无" : text;
    }

    private static Set<String> with(String... more) {
        Set<String> all = new LinkedHashSet<>(CASE);
        all.addAll(List.of(more));
        return all;
    }
}
