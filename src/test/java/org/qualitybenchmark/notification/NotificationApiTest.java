package org.qualitybenchmark.notification;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.Samples;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.quota.RecommendationService;
import org.qualitybenchmark.quota.ScreeningDecision;
import org.qualitybenchmark.quota.UnitDocumentService;
import org.qualitybenchmark.review.FormalDecision;
import org.qualitybenchmark.review.FormalReviewService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case events reach the applicant's and the unit staff's inboxes, and {@code /api/inbox} shows each
 * user their own messages only; {@code /api/notifications/outbox} is for the office. Demo logins, no
 * email server (inbox only), the dispatcher run by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles({"test", "demo"})
class NotificationApiTest {

    static final String HEBEI = "hebei-2022-national";
    static final AppUser SJZ = new AppUser("sjz", "石家庄", Set.of(Role.UNIT_STAFF), Set.of("unit-he-1301"));
    static final AppUser TS = new AppUser("ts", "唐山", Set.of(Role.UNIT_STAFF), Set.of("unit-he-1302"));
    static final AppUser OFFICE = new AppUser("office", "办公室", Set.of(Role.OFFICE), Set.of("office"));

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    UnitDocumentService unitDocuments;

    @Autowired
    FormalReviewService formalReview;

    @Autowired
    CampaignCatalog catalog;

    @Autowired
    OutboxRepository outbox;

    ApiTestSupport api;

    @BeforeEach
    void setUp() {
        api = new ApiTestSupport(rest, json);
    }

    @Test
    void submissionReturnAndScreeningReachTheApplicantAndTheUnitStaffOnce() {
        long returned = api.submittedCase("applicant1", "he-1301", "通知测试退回有限公司");
        dispatcher.dispatchDue();

        assertThat(subjects("applicant1")).anySatisfy(s -> assertThat(s).contains("申报已提交", "通知测试退回有限公司"));
        assertThat(subjects("sjz")).anySatisfy(s -> assertThat(s).contains("收到新的申报，待初审", "通知测试退回有限公司"));
        assertThat(subjects("ts")).noneSatisfy(s -> assertThat(s).contains("通知测试退回有限公司"));

        recommendations.screen(returned, ScreeningDecision.RETURN, null, "请补充近三年财务报表盖章页", LocalDate.of(2022, 6, 28), SJZ);
        long proposed = api.submittedCase("applicant1", "he-1301", "通知测试推荐有限公司");
        recommendations.screen(proposed, ScreeningDecision.RECOMMEND, 1, null, null, SJZ);
        long declined = api.submittedCase("applicant1", "he-1301", "通知测试不推荐有限公司");
        recommendations.screen(declined, ScreeningDecision.NOT_RECOMMEND, null, "案例代表性不足", null, SJZ);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        JsonNode correction = message("applicant1", "申报被退回补正");
        assertThat(correction.get("subject").asText()).contains("2022-06-28");
        assertThat(correction.get("body").asText()).contains("通知测试退回有限公司", "推荐单位初审", "请补充近三年财务报表盖章页",
                "2022-06-28", "http://localhost:8080/cases/edit.html?id=" + returned);
        assertThat(correction.get("link").asText()).isEqualTo("/cases/edit.html?id=" + returned);
        assertThat(message("applicant1", "拟推荐").get("subject").asText()).contains("通知测试推荐有限公司");
        assertThat(message("applicant1", "未获推荐").get("body").asText()).contains("通知测试不推荐有限公司", "案例代表性不足");
        assertThat(subjects("applicant1")).as("one message per event, however often the dispatcher runs")
                .filteredOn(s -> s.contains("申报被退回补正") || s.contains("通知测试退回有限公司")).hasSize(2);
    }

    @Test
    void theUnitsListAndTheFormalReviewResultReachTheApplicantAndTheUnit() {
        long id = api.submittedCase("applicant2", "he-1302", "通知测试形式审查有限公司");
        recommendations.screen(id, ScreeningDecision.RECOMMEND, 1, null, null, TS);
        Long campaignId = catalog.campaign(HEBEI).orElseThrow().id();
        Long unitId = catalog.unit("he-1302").orElseThrow().id();
        unitDocuments.upload(campaignId, unitId, "recommendation-letter", "推荐文件.pdf",
                new ByteArrayInputStream(Samples.pdf()), TS);
        recommendations.submitList(campaignId, unitId, "同意推荐", TS);
        formalReview.decide(id, Map.of("qualified", true, "complete", true, "sealed", true, "profitable", true),
                FormalDecision.PASS, "材料齐全", null, OFFICE);
        dispatcher.dispatchDue();

        assertThat(message("applicant2", "已列入推荐名单").get("body").asText()).contains("推荐排序：第1位");
        JsonNode result = message("applicant2", "形式审查结论");
        assertThat(result.get("subject").asText()).contains("通过", "通知测试形式审查有限公司");
        assertThat(result.get("body").asText()).contains("材料齐全");
        assertThat(subjects("ts")).anySatisfy(s -> assertThat(s).contains("形式审查结论", "通知测试形式审查有限公司"));
    }

    @Test
    void aUserReadsAndMarksOnlyTheirOwnMessages() {
        api.submittedCase("applicant3", "he-1301", "通知测试收件箱有限公司");
        dispatcher.dispatchDue();
        JsonNode mine = message("applicant3", "通知测试收件箱有限公司");
        long unreadBefore = api.get("applicant3", "/api/inbox/unread-count").getBody().get("unread").asLong();
        assertThat(unreadBefore).isPositive();

        assertThat(subjects("applicant1")).noneSatisfy(s -> assertThat(s).contains("通知测试收件箱有限公司"));
        ResponseEntity<JsonNode> foreign = api.post("applicant1", "/api/inbox/" + mine.get("id").asLong() + "/read", null);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().get("detail").asText()).contains("不存在或不是您的消息");
        assertThat(message("applicant3", "通知测试收件箱有限公司").get("read").asBoolean()).isFalse();
        assertThat(api.get(null, "/api/inbox").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> read = api.post("applicant3", "/api/inbox/" + mine.get("id").asLong() + "/read", null);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("read").asBoolean()).isTrue();
        assertThat(api.get("applicant3", "/api/inbox/unread-count").getBody().get("unread").asLong()).isEqualTo(unreadBefore - 1);
        assertThat(api.get("applicant3", "/api/inbox?unread=true").getBody().get("messages"))
                .noneSatisfy(m -> assertThat(m.get("id").asLong()).isEqualTo(mine.get("id").asLong()));

        assertThat(api.post("applicant3", "/api/inbox/read-all", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("applicant3", "/api/inbox/unread-count").getBody().get("unread").asLong()).isZero();
    }

    @Test
    void theOutboxIsForTheOfficeAndASentMessageCannotBeSentAgain() {
        api.submittedCase("applicant1", "he-1301", "通知测试发送记录有限公司");
        dispatcher.dispatchDue();

        assertThat(api.get("applicant1", "/api/notifications/outbox").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("sjz", "/api/notifications/outbox").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> list = api.get("office", "/api/notifications/outbox?status=SENT");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode row = null;
        for (JsonNode entry : list.getBody()) {
            if (entry.get("subject").asText().contains("通知测试发送记录有限公司")) {
                row = entry;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("statusLabel").asText()).isEqualTo("已发送");
        assertThat(row.get("channel").asText()).isEqualTo("INBOX");

        ResponseEntity<JsonNode> retry = api.post("office", "/api/notifications/outbox/" + row.get("id").asLong() + "/retry", null);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(retry.getBody().get("detail").asText()).contains("不能重发");
        assertThat(rest.getForEntity("/inbox/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private List<String> subjects(String user) {
        List<String> subjects = new ArrayList<>();
        messages(user).forEach(m -> subjects.add(m.get("subject").asText()));
        return subjects;
    }

    private JsonNode message(String user, String subjectPart) {
        for (JsonNode m : messages(user)) {
            if (m.get("subject").asText().contains(subjectPart)) {
                return m;
            }
        }
        throw new AssertionError(user + " has no message about " + subjectPart + ": " + subjects(user));
    }

    private JsonNode messages(String user) {
        ResponseEntity<JsonNode> response = api.get(user, "/api/inbox?size=100");
        assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return response.getBody().get("messages");
    }
}
