package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.DeadlineChangeRepository;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.config.Schedule;
import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * A notice extended while the Hebei 2022 campaign runs (the notice's own dates: filing and lists
 * both due 2022-06-30): filing is extended to 10 July and the lists to 15 July. The drafts and the
 * cases waiting for their unit's screening do not expire when the old day passes, filing goes on,
 * and everything falls due the morning after the new days; the wrong changes are refused.
 */
class DeadlineChangeScenarioTest extends CampaignScenarioTestCase {

    private static final String CAMPAIGN = "hebei-2022-national";
    private static final String CHANGES = "/api/campaigns/" + CAMPAIGN + "/deadline-changes";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    DeadlineChangeRepository changeRows;
    @Autowired
    CampaignProcesses campaignProcesses;

    @Test
    void anExtendedDeadlineMovesEveryWaitingTimerAndTaskAndTheRules() {
        CampaignScenario scenario = scenario(CAMPAIGN);
        Case screening = scenario.file("sjz", "130100", "he-1301", "石家庄甲药业有限公司");
        Case draft = scenario.fileDraft("applicant1", "130500", "he-1305", "邢台甲玻璃有限公司", form -> { });
        assertThat(scenario.openTasks(screening.caseNumber(), "sjz")).containsExactly("UserTask_ScreenApplication");
        assertThat(scenario.openTasks(draft.caseNumber(), "applicant1")).containsExactly("UserTask_SubmitApplication");

        // Refused: not a deadline, one Hebei has not, no reason, a day gone, an order broken, not a process owner.
        assertRefused(change("owner", "publicNoticeEnds", "2022-07-10", "延期"), "无法调整“publicNoticeEnds”");
        assertRefused(change("owner", "countyScreeningDue", "2022-07-10", "延期"), "没有县级初审截止日期");
        assertRefused(change("owner", "onlineSubmissionDue", "2022-07-10", "延期"), "没有网上申报截止日期");
        assertRefused(change("owner", "applicationCloses", "2022-07-10", " "), "请填写调整理由");
        assertRefused(change("owner", "applicationCloses", "2022-06-19", "延期"), "早于今天（2022-06-20）");
        assertRefused(change("owner", "applicationCloses", "2022-06-30", "延期"), "与现行截止日期2022-06-30相同");
        assertRefused(change("owner", "applicationCloses", "2022-07-10", "延期"),
                "调整后申报截止日期2022-07-10晚于推荐名单报送截止日期2022-06-30；各日期须依次为");
        assertRefused(change("owner", "applicationCloses", "2022-07-10", "延期"), "请先调整推荐名单报送截止日期");
        assertThat(change("applicant1", "recommendationDue", "2022-07-15", "延期").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(changeRows.count()).isZero();

        // The office extends the lists first, then a process owner the filing.
        assertThat(change("office", "recommendationDue", "2022-07-15", "因疫情防控，推荐截止顺延").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> extended = change("owner", "applicationCloses", "2022-07-10", "因疫情防控，申报截止顺延");
        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(extended.getBody().path("oldDate").asText()).isEqualTo("2022-06-30");
        assertThat(extended.getBody().path("changedBy").asText()).isEqualTo("owner");

        JsonNode changes = scenario.api.get("sjz", CHANGES).getBody();
        assertThat(changes.path("changes")).extracting(c -> c.path("key").asText() + " " + c.path("oldDate").asText()
                + "→" + c.path("newDate").asText() + " " + c.path("changedBy").asText())
                .containsExactly("recommendationDue 2022-06-30→2022-07-15 office", "applicationCloses 2022-06-30→2022-07-10 owner");
        assertThat(changes.at("/configured/applicationCloses").asText()).isEqualTo("2022-06-30");
        assertThat(changes.at("/effective/applicationCloses").asText()).isEqualTo("2022-07-10");
        assertThat(scenario.api.get("applicant1", "/api/campaigns/" + CAMPAIGN).getBody().at("/schedule/recommendationDue")
                .asText()).isEqualTo("2022-07-15");

        // The engine: the open tasks show the new days, the timers wait for the mornings after them.
        assertThat(taskDue(draft, "UserTask_SubmitApplication")).isEqualTo(at("2022-07-11T00:00"));
        assertThat(taskDue(screening, "UserTask_ScreenApplication")).isEqualTo(at("2022-07-15T23:59"));
        assertThat(timersOf(draft.caseNumber())).containsExactly(at("2022-07-11T00:00"));
        assertThat(timersOf(screening.caseNumber())).containsExactly(at("2022-07-16T00:00"));
        // The campaign process: the filing timer and the list tasks' timers.
        assertThat(timersOf(CAMPAIGN)).containsOnly(at("2022-07-11T00:00"), at("2022-07-16T00:00"))
                .contains(at("2022-07-11T00:00"), at("2022-07-16T00:00"));
        // Each case's history records the change that moved its own waiting step, and only that one.
        assertThat(historyOf(scenario, screening, "action")).endsWith("SUBMITTED", "DEADLINE_CHANGED");
        assertThat(historyOf(scenario, screening, "reason")).last().isEqualTo(
                "推荐名单报送截止日期由2022-06-30调整为2022-07-15：因疫情防控，推荐截止顺延");
        assertThat(historyOf(scenario, draft, "action")).containsExactly("CREATED", "DEADLINE_CHANGED");
        assertThat(historyOf(scenario, draft, "reason")).last().isEqualTo(
                "申报截止日期由2022-06-30调整为2022-07-10：因疫情防控，申报截止顺延");

        // Past the old day: nothing has expired, filing and submitting go on, the lists are still open.
        scenario.moveClock("2022-07-01T09:00:00");
        assertThat(scenario.stage(draft)).isEqualTo("DRAFT");
        assertThat(scenario.stage(screening)).isEqualTo("SUBMITTED");
        assertThat(scenario.openTasks(draft.caseNumber(), "applicant1")).containsExactly("UserTask_SubmitApplication");
        assertThat(scenario.openTasks(screening.caseNumber(), "sjz")).containsExactly("UserTask_ScreenApplication");
        assertThat(scenario.openTasks(CAMPAIGN, "sjz")).contains("UserTask_SubmitRecommendationList");
        Case late = scenario.file("bd", "130600", "he-1306", "保定甲汽车零部件有限公司");
        assertThat(scenario.stage(late)).isEqualTo("SUBMITTED");
        assertThat(timersOf(late.caseNumber())).containsExactly(at("2022-07-16T00:00"));
        assertThat(taskDue(late, "UserTask_ScreenApplication")).isEqualTo(at("2022-07-15T23:59"));

        // The last minute of the new day is still inside; the next morning filing closes.
        scenario.moveClock("2022-07-10T23:59:00");
        assertThat(scenario.stage(draft)).isEqualTo("DRAFT");
        scenario.moveClock("2022-07-11T09:00:00");
        assertThat(scenario.stage(draft)).isEqualTo("EXPIRED");
        assertThat(scenario.endOf(draft)).isEqualTo("EndEvent_DeadlineMissed");
        ResponseEntity<JsonNode> refused = scenario.api.post("applicant2", "/api/applications",
                scenario.applicationForm("130500", "he-1305", "邢台乙玻璃有限公司"));
        assertRefused(refused, "申报已于2022-07-10截止");
        assertRefused(change("owner", "applicationCloses", "2022-07-20", "再延期"), "已于2022-07-10届满");
        assertThat(scenario.stage(screening)).isEqualTo("SUBMITTED");
        assertThat(timersOf(CAMPAIGN)).isNotEmpty().containsOnly(at("2022-07-16T00:00"));

        // Restart: a fresh reading of the stored changes gives the moved days, and a campaign process
        // started from it (as on an empty engine) waits for them.
        CampaignRef hebei = catalog.campaign(CAMPAIGN).orElseThrow();
        Schedule afterRestart = new EffectiveSchedule(changeRows).of(hebei);
        assertThat(afterRestart.applicationCloses()).isEqualTo(LocalDate.of(2022, 7, 10));
        assertThat(afterRestart.recommendationDue()).isEqualTo(LocalDate.of(2022, 7, 15));
        assertThat(campaignProcesses.startVariables(hebei)).containsEntry("recommendationClosesAt", at("2022-07-16T00:00"))
                .containsEntry("applicationClosesAt", at("2022-07-11T00:00"));

        // Past the new list day: the unscreened cases expire, the units' list tasks close.
        scenario.moveClock("2022-07-16T09:00:00");
        assertThat(scenario.stage(screening)).isEqualTo("EXPIRED");
        assertThat(scenario.stage(late)).isEqualTo("EXPIRED");
        assertThat(scenario.openTasks(CAMPAIGN, "sjz")).doesNotContain("UserTask_SubmitRecommendationList");
        assertThat(history.createHistoricActivityInstanceQuery().activityId("BoundaryEvent_RecommendationDue")
                .finished().count()).isPositive();
    }

    private ResponseEntity<JsonNode> change(String user, String key, String newDate, String reason) {
        return scenario(CAMPAIGN).api.post(user, CHANGES, Map.of("key", key, "newDate", newDate, "reason", reason));
    }

    private Date taskDue(Case c, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(c.caseNumber()).taskDefinitionKey(taskKey)
                .singleResult().getDueDate();
    }

    /** The due dates of the timers waiting in the process with this business key and the stage blocks it called. */
    private List<Date> timersOf(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).timers().list().stream())
                .map(Job::getDuedate).toList();
    }

    private static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }
}
