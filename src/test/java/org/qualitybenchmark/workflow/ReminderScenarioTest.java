package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import org.qualitybenchmark.notification.OutboxDispatcher;
import org.qualitybenchmark.notification.ReminderScan;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * Reminders and escalation through a Hebei 2022 run (config/notifications/reminders.yaml as shipped):
 * the office's formal review reminded two working days ahead and escalated to the managers the first
 * working day after it fell due and again three working days later; drafts and units with open
 * screening reminded three and one working days before the deadline, people whose work is done not at
 * all; then the notice extended to Monday 10 October 2022, just after National Day (1-7 October off,
 * Saturday 8 and Sunday 9 worked), which moves the reminders to Friday 30 September and Sunday 9
 * October and none on a holiday. The scan runs twice, after a crash between its events, and on two
 * days in a row; nothing is queued twice, nothing is lost.
 */
class ReminderScenarioTest extends CampaignScenarioTestCase {

    private static final String CAMPAIGN = "hebei-2022-national";
    private static final String CHANGES = "/api/campaigns/" + CAMPAIGN + "/deadline-changes";

    @Autowired
    ReminderScan reminders;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void remindersAndEscalationsComeOnTheRightWorkingDaysOnceEach() {
        CampaignScenario scenario = scenario(CAMPAIGN);
        // Monday 20 June 2022. A draft left open, a draft submitted, a case waiting for 石家庄's screening, and
        // 唐山's case screened and listed, so that it goes to the office's formal review (due in 5 working days).
        Case draft = scenario.fileDraft("applicant1", "130500", "he-1305", "邢台甲玻璃有限公司", form -> { });
        Case submittedDraft = scenario.fileDraft("applicant2", "130600", "he-1306", "保定甲汽车零部件有限公司", form -> { });
        scenario.uploadRequired(submittedDraft, "保定甲汽车零部件有限公司");
        assertThat(scenario.submit(submittedDraft).getStatusCode()).isEqualTo(HttpStatus.OK);
        Case screening = scenario.file("sjz", "130100", "he-1301", "石家庄甲药业有限公司");
        Case listed = scenario.file("ts", "130200", "he-1302", "唐山甲钢铁有限公司");
        scenario.screen("ts", listed, 1);
        scenario.uploadUnitDocuments("ts", "he-1302");
        scenario.submitList("ts");
        assertThat(scenario.stage(listed)).isEqualTo("FORMAL_REVIEW");
        assertThat(reminderDay(LocalDate.of(2022, 6, 27), 2)).isEqualTo(LocalDate.of(2022, 6, 23));

        assertThat(scan("2022-06-22T09:00:00")).as("nothing is due yet").isEmpty();
        // Thursday 23 June: the formal review is due on Monday 27 June, two working days after today.
        assertThat(scan("2022-06-23T09:00:00")).containsExactlyInAnyOrder(
                "reminder/tasks-due/tasks/2022-06-27/2 office", "reminder/tasks-due/tasks/2022-06-27/2 demo");

        // Monday 27 June, three working days before 30 June: whoever still has work, nobody else.
        List<String> monday = scan("2022-06-27T09:00:00");
        assertThat(monday).contains("reminder/application-closes/" + draft.caseNumber() + "/2022-06-30/3 applicant1",
                "reminder/recommendation-due/" + CAMPAIGN + "/he-1301/2022-06-30/3 sjz",
                "reminder/recommendation-due/" + CAMPAIGN + "/he-1306/2022-06-30/3 bd");
        assertThat(monday).noneMatch(row -> row.endsWith(" applicant2") || row.endsWith(" ts") || row.endsWith(" xt"));
        assertThat(monday).allMatch(row -> row.startsWith("reminder/application-closes/")
                || row.startsWith("reminder/recommendation-due/"));
        assertThat(scanAgain()).as("the same scan again").isEmpty();

        // A crash between two of the scan's events leaves the first one committed and the others not written:
        // the next scan writes exactly the missing ones.
        int before = outboxRows();
        List<String> keys = jdbc.queryForList("select distinct event_key from qb_notification_outbox "
                + "where event_key like 'reminder/%/2022-06-30/3' order by event_key", String.class);
        assertThat(keys).hasSizeGreaterThanOrEqualTo(3);
        jdbc.update("delete from qb_notification_outbox where event_key like 'reminder/%/2022-06-30/3' and event_key <> ?",
                keys.get(0));
        List<String> afterCrash = scanAgain();
        assertThat(outboxRows()).isEqualTo(before);
        assertThat(afterCrash).isNotEmpty().noneMatch(row -> row.startsWith(keys.get(0) + " "));

        // Delivered to the inbox once, with the deadline and the working days left.
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        JsonNode inbox = scenario.api.get("applicant1", "/api/inbox?size=50").getBody().path("messages");
        List<String> subjects = new ArrayList<>();
        inbox.forEach(m -> subjects.add(m.path("subject").asText()));
        assertThat(subjects).filteredOn(s -> s.contains("申报截止日期2022-06-30，还有3个工作日")).hasSize(1);

        // Tuesday 28 June, the first working day after the formal review fell due: escalated to the managers
        // (the office's task); not before 08:00, once however often the scan runs.
        assertThat(scan("2022-06-28T07:30:00")).isEmpty();
        List<String> escalated = scan("2022-06-28T09:00:00");
        assertThat(escalated).isNotEmpty().allMatch(row -> row.startsWith("escalation/overdue-task/"))
                .allMatch(row -> row.endsWith("/2022-06-27/0 manager"));
        assertThat(scanAgain()).isEmpty();

        // The notice is extended to Monday 10 October, just after National Day.
        extend("office", "recommendationDue", "2022-10-10");
        extend("owner", "applicationCloses", "2022-10-10");
        assertThat(scan("2022-06-29T09:00:00")).as("no reminder one working day before the old day").isEmpty();
        // Three working days after the first escalation (29, 30 June, 1 July): the second one.
        assertThat(scan("2022-07-01T09:00:00")).allMatch(row -> row.endsWith("/2022-06-27/1 manager")).isNotEmpty();
        Map<String, Object> reject = scenario.checklist("REJECT");
        reject.put("form_reason", "申报材料不齐全");
        scenario.submitForm("office", listed, "UserTask_ReviewFormally", reject);
        assertThat(scan("2022-07-06T09:00:00")).as("a task done is escalated no more").isEmpty();

        // Three working days before 10 October: Friday 30 September (8 and 9 October are worked, 1-7 off).
        assertThat(reminderDay(LocalDate.of(2022, 10, 10), 3)).isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(reminderDay(LocalDate.of(2022, 10, 10), 1)).isEqualTo(LocalDate.of(2022, 10, 9));
        assertThat(scan("2022-09-29T09:00:00")).isEmpty();
        assertThat(scan("2022-09-30T09:00:00")).containsExactlyInAnyOrder(
                "reminder/application-closes/" + draft.caseNumber() + "/2022-10-10/3 applicant1",
                "reminder/recommendation-due/" + CAMPAIGN + "/he-1301/2022-10-10/3 sjz",
                "reminder/recommendation-due/" + CAMPAIGN + "/he-1306/2022-10-10/3 bd");
        assertThat(scan("2022-10-03T09:00:00")).as("a holiday").isEmpty();
        assertThat(scan("2022-10-08T09:00:00")).as("Saturday 8 October is worked, but 1 reminder is for the 9th").isEmpty();
        assertThat(scan("2022-10-09T09:00:00")).as("Sunday 9 October, a make-up working day").containsExactlyInAnyOrder(
                "reminder/application-closes/" + draft.caseNumber() + "/2022-10-10/1 applicant1",
                "reminder/recommendation-due/" + CAMPAIGN + "/he-1301/2022-10-10/1 sjz",
                "reminder/recommendation-due/" + CAMPAIGN + "/he-1306/2022-10-10/1 bd");
        assertThat(scan("2022-10-10T09:00:00")).isEmpty();
        dispatcher.dispatchDue();
        JsonNode sjzInbox = scenario.api.get("sjz", "/api/inbox?size=50").getBody().path("messages");
        List<String> sjzSubjects = new ArrayList<>();
        sjzInbox.forEach(m -> sjzSubjects.add(m.path("subject").asText()));
        assertThat(sjzSubjects).contains("【" + scenario.campaign().name()
                + "】推荐名单报送截止日期2022-10-10，还有1个工作日：石家庄市工业和信息化局");
        assertThat(scenario.stage(screening)).isEqualTo("SUBMITTED");
    }

    private LocalDate reminderDay(LocalDate deadline, int workingDays) {
        return reminders.reminderDay(deadline, workingDays);
    }

    /** Moves the clock, runs the scan as the schedule would, and returns what it queued ("event recipient"). */
    private List<String> scan(String to) {
        CampaignScenario scenario = scenario(CAMPAIGN);
        scenario.moveClock(to);
        return scanAgain();
    }

    private List<String> scanAgain() {
        long last = lastId();
        reminders.scan();
        return jdbc.queryForList("select event_key || ' ' || recipient from qb_notification_outbox where id > ? "
                + "and channel = 'INBOX' and (event_key like 'reminder/%' or event_key like 'escalation/%') order by id",
                String.class, last);
    }

    private long lastId() {
        Long id = jdbc.queryForObject("select max(id) from qb_notification_outbox", Long.class);
        return id == null ? 0 : id;
    }

    private int outboxRows() {
        return jdbc.queryForObject("select count(*) from qb_notification_outbox", Integer.class);
    }

    private void extend(String user, String key, String date) {
        assertThat(scenario(CAMPAIGN).api.post(user, CHANGES, Map.of("key", key, "newDate", date,
                "reason", "因国庆假期顺延")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
