package org.qualitybenchmark.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseMoved;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.publication.ObjectionOutcome;
import org.qualitybenchmark.publication.ObjectionReceived;
import org.qualitybenchmark.publication.PublicNotice;
import org.qualitybenchmark.publication.PublicNoticeService;
import org.qualitybenchmark.review.DefenseSlot;
import org.qualitybenchmark.review.ExpertsAssigned;
import org.qualitybenchmark.review.Objection;
import org.qualitybenchmark.review.ObjectionRepository;
import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.support.AppProperties;

import static org.qualitybenchmark.notification.TemplateVariables.DECISION;
import static org.qualitybenchmark.notification.TemplateVariables.DEFENSE_AT;
import static org.qualitybenchmark.notification.TemplateVariables.DEFENSE_PLACE;
import static org.qualitybenchmark.notification.TemplateVariables.NOTICE_PERIOD;
import static org.qualitybenchmark.notification.TemplateVariables.REASON;
import static org.qualitybenchmark.notification.TemplateVariables.REVIEW_STAGE;

/**
 * Tells the people of a case what the review and the publication decided: the experts their
 * assignment, the applicant and the unit the defense slot and place, a site visit, the public notice,
 * an objection and its outcome, and the final result. Like {@link CaseNotifications}, every listener
 * runs inside the deciding transaction and keys its messages by something the case has once.
 */
@Component
class ReviewNotifications {

    static final String EXPERTS_ASSIGNED = "experts-assigned";
    static final String DEFENSE_SCHEDULED = "defense-scheduled";
    static final String SITE_VISIT = "site-visit-notice";
    static final String NOTICE_STARTED = "public-notice-started";
    static final String OBJECTION_RECEIVED = "objection-received";
    static final String OBJECTION_DECIDED = "objection-decided";
    static final String FINAL_RESULT = "final-result";

    private static final Logger log = LoggerFactory.getLogger(ReviewNotifications.class);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationService notifications;
    private final CaseNotifications cases;
    private final ApplicationRepository applications;
    private final PanelService panel;
    private final PublicNoticeService notices;
    private final ObjectionRepository objections;
    private final AppProperties properties;

    ReviewNotifications(NotificationService notifications, NotificationTemplates templates, CaseNotifications cases,
            ApplicationRepository applications, PanelService panel, PublicNoticeService notices,
            ObjectionRepository objections, AppProperties properties) {
        this.objections = objections;
        this.notifications = notifications;
        this.cases = cases;
        this.applications = applications;
        this.panel = panel;
        this.notices = notices;
        this.properties = properties;
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        uses.put(EXPERTS_ASSIGNED, with(REVIEW_STAGE));
        uses.put(DEFENSE_SCHEDULED, with(DEFENSE_AT, DEFENSE_PLACE));
        uses.put(SITE_VISIT, with(REASON));
        uses.put(NOTICE_STARTED, with(NOTICE_PERIOD));
        uses.put(OBJECTION_RECEIVED, with());
        uses.put(OBJECTION_DECIDED, with(DECISION, REASON));
        uses.put(FINAL_RESULT, with(DECISION, REASON));
        templates.require(uses, "评审和公示通知");
    }

    @EventListener
    void onExpertsAssigned(ExpertsAssigned event) {
        Application application = application(event.applicationId());
        Map<String, String> values = cases.caseValues(application);
        values.put(REVIEW_STAGE, event.stage().label());
        // A case has one panel per stage, assigned once: the stage names this occurrence.
        notifications.notify("experts-assigned/" + event.applicationId() + "/" + event.stage().name(),
                EXPERTS_ASSIGNED, event.experts(), values);
    }

    @EventListener
    void onMoved(CaseMoved event) {
        if (event.to() == CaseStage.DEFENSE) {
            Application application = application(event.applicationId());
            Optional<DefenseSlot> found = panel.defenseSlot(application.getId());
            // Only the defense list gives slots; a message without time and place would tell nothing.
            if (found.isEmpty()) {
                log.warn("案件{}进入答辩评审但没有答辩安排，未发送答辩通知", application.getCaseNumber());
                return;
            }
            DefenseSlot slot = found.get();
            Map<String, String> values = cases.caseValues(application);
            values.put(DEFENSE_AT, MINUTES.format(slot.getStartsAt().atZone(properties.zone())) + "（第"
                    + slot.getSlotOrder() + "位，陈述和答辩共" + slot.getSlotMinutes() + "分钟）");
            values.put(DEFENSE_PLACE, slot.getPlace());
            send(event, DEFENSE_SCHEDULED, application, values);
        } else if (event.to() == CaseStage.SITE_VISIT) {
            Application application = application(event.applicationId());
            Map<String, String> values = cases.caseValues(application);
            values.put(REASON, orNone(event.reason()));
            send(event, SITE_VISIT, application, values);
        } else if (event.to() == CaseStage.PUBLIC_NOTICE) {
            Application application = application(event.applicationId());
            Optional<PublicNotice> found = notices.notice(application.getCampaignId());
            if (found.isEmpty()) {
                log.warn("案件{}进入公示但活动没有公示记录，未发送公示通知", application.getCaseNumber());
                return;
            }
            PublicNotice notice = found.get();
            Map<String, String> values = cases.caseValues(application);
            values.put(NOTICE_PERIOD, notice.getStartsOn() + "至" + notice.getEndsOn());
            send(event, NOTICE_STARTED, application, values);
        } else if (finalResult(event)) {
            Application application = application(event.applicationId());
            Map<String, String> values = cases.caseValues(application);
            values.put(DECISION, switch (event.to()) {
                case ANNOUNCED -> "入选，已列入结果公告";
                case NOT_SELECTED -> "未入选（综合排名未进入择优名额）";
                default -> "取消入选";
            });
            values.put(REASON, orNone(event.reason()));
            send(event, FINAL_RESULT, application, values);
        }
    }

    /**
     * The end of a case's way through the review: announced, not selected, or taken off the list when
     * the result is approved. A removal for an upheld objection is told by {@link #onObjectionDecided},
     * which gives the findings; a second message saying the same would only confuse.
     */
    private static boolean finalResult(CaseMoved event) {
        return event.to() == CaseStage.ANNOUNCED || event.to() == CaseStage.NOT_SELECTED
                || (event.to() == CaseStage.REMOVED && event.action() != CaseAction.OBJECTION_DECIDED);
    }

    @EventListener
    void onObjectionReceived(ObjectionReceived event) {
        Application application = application(event.applicationId());
        notifications.notify("objection/" + event.objectionId() + "/" + OBJECTION_RECEIVED, OBJECTION_RECEIVED,
                applicantAndUnit(application), cases.caseValues(application));
    }

    @EventListener
    void onObjectionDecided(ObjectionOutcome event) {
        Application application = application(event.applicationId());
        Map<String, String> values = cases.caseValues(application);
        values.put(DECISION, event.outcome() == Objection.Outcome.UPHELD ? "异议成立，取消入选" : "异议不成立，保留在公示名单中");
        // The findings, not the objection's content: the objector's words and identity stay with the office.
        values.put(REASON, orNone(objections.findById(event.objectionId()).orElseThrow().getOutcomeReason()));
        notifications.notify("objection/" + event.objectionId() + "/" + OBJECTION_DECIDED, OBJECTION_DECIDED,
                applicantAndUnit(application), values);
    }

    private void send(CaseMoved event, String template, Application application, Map<String, String> values) {
        notifications.notify("case-event/" + event.caseEventId() + "/" + template, template,
                applicantAndUnit(application), values);
    }

    private List<String> applicantAndUnit(Application application) {
        List<String> recipients = new ArrayList<>(List.of(application.getOwnerUserId()));
        recipients.addAll(cases.unitStaff(application));
        return recipients;
    }

    private Application application(Long id) {
        return applications.findById(id).orElseThrow();
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "无" : text;
    }

    private static Set<String> with(String... more) {
        Set<String> all = new LinkedHashSet<>(CaseNotifications.CASE);
        all.addAll(List.of(more));
        return all;
    }
}
