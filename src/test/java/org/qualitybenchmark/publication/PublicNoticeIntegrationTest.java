package org.qualitybenchmark.publication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.review.DefenseDecision;
import org.qualitybenchmark.review.Objection;
import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.review.ReviewStage;
import org.qualitybenchmark.review.ReviewTestSupport;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class PublicNoticeIntegrationTest extends ReviewTestSupport {

    private static final Map<String, String> OBJECTION = Map.of("submitterName", "王五", "submitterContact",
            "13800000000", "content", "该企业2021年曾因产品质量问题被通报，与申报材料不符。");

    @Autowired
    PublicNoticeService notices;

    @Autowired
    PanelService panel;

    /**
     * Campaign rv-g: three selected cases go on a 10-working-day notice from Monday 2022-06-20 to
     * Friday 2022-07-01. n1 gets two objections, the second upheld; n2 one, dismissed after the
     * period; n3 is removed when the result is approved.
     */
    @Test
    void fromTheNoticeToTheAnnouncement() {
        List<Long> cases = selected('g', 3);
        long n1 = cases.get(0);
        long n2 = cases.get(1);
        long n3 = cases.get(2);
        Long campaign = campaignId('g');

        ResponseEntity<JsonNode> early = api.post("office", "/api/applications/" + n1 + "/objections", OBJECTION);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText())
                .isEqualTo("案件" + caseNumber(n1) + "当前为“待定推荐名单”，不能受理异议（只在公示期内受理）");

        PublicNoticePeriod period = notices.start(campaign);

        assertThat(period.startsOn()).isEqualTo(LocalDate.of(2022, 6, 20));
        assertThat(period.endsOn()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(period.endsAt()).isEqualTo(Instant.parse("2022-07-01T16:00:00Z"));
        assertThat(period.applicationIds()).containsExactlyInAnyOrder(n1, n2, n3);
        assertThat(List.of(stage(n1), stage(n2), stage(n3))).containsOnly(CaseStage.PUBLIC_NOTICE);
        assertThat(last(n1)).containsExactly("PUBLIC_NOTICE_STARTED", "SELECTED", "system",
                "公示期2022-06-20至2022-07-01（10个工作日）");
        assertThat(notices.notice(campaign)).get().extracting(PublicNotice::getEndsOn).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThatThrownBy(() -> notices.start(campaign)).isInstanceOf(ConflictException.class)
                .hasMessage("评审测试活动G的公示已于2022-06-20开始");

        ResponseEntity<JsonNode> recorded = api.post("office", "/api/applications/" + n1 + "/objections", OBJECTION);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long first = recorded.getBody().get("id").asLong();
        assertThat(recorded.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(recordedObjections.events).contains(new ObjectionReceived(n1, first));
        assertThat(last(n1)).containsExactly("OBJECTION_RECEIVED", "OPEN", "office", "收到异议（编号" + first + "）");
        clock.advance(Duration.ofHours(1));
        long second = notices.recordObjection(n1, "李四", "lisi@example.com", "申报的顾客满意度数据系自评，并非第三方调查。",
                office());
        assertThat(recordedObjections.events).contains(new ObjectionReceived(n1, second));
        notices.recordObjection(n2, "某公司", "0311-80000000", "对实施成效数据有异议。", office());

        assertThatThrownBy(() -> notices.announce(campaign, List.of(), null, office()))
                .isInstanceOf(ConflictException.class).hasMessage("公示期至2022-07-01，公示结束后才能发布结果公告");
        assertThatThrownBy(() -> notices.end(campaign)).isInstanceOf(ConflictException.class)
                .hasMessage("公示期至2022-07-01，尚未期满");

        ObjectionOutcome dismissed = notices.decideOldestOpenObjection(n1, Objection.Outcome.DISMISSED,
                "经核实，通报事项已整改，与本次申报经验无关。", office());
        assertThat(dismissed).isEqualTo(new ObjectionOutcome(first, n1, Objection.Outcome.DISMISSED,
                CaseStage.PUBLIC_NOTICE, 1));
        ObjectionOutcome upheld = notices.decideOldestOpenObjection(n1, Objection.Outcome.UPHELD,
                "经核实，顾客满意度数据确为自评，申报材料不实。", office());
        assertThat(upheld).isEqualTo(new ObjectionOutcome(second, n1, Objection.Outcome.UPHELD, CaseStage.REMOVED, 0));
        assertThat(stage(n1)).isEqualTo(CaseStage.REMOVED);
        assertThat(last(n1)).containsExactly("OBJECTION_DECIDED", "UPHELD", "office",
                "异议（编号" + second + "）经调查核实成立：经核实，顾客满意度数据确为自评，申报材料不实。");
        assertThatThrownBy(() -> notices.decideOldestOpenObjection(n1, Objection.Outcome.DISMISSED, "再议", office()))
                .isInstanceOf(ConflictException.class).hasMessage("案件" + caseNumber(n1) + "没有待核实的异议");

        clock.set(LocalDateTime.of(2022, 7, 1, 23, 59));
        assertThat(notices.recordObjection(n3, "赵六", "13900000000", "最后一天提出的异议。", office())).isPositive();
        notices.decideOldestOpenObjection(n3, Objection.Outcome.DISMISSED, "不属实", office());

        clock.set(LocalDateTime.of(2022, 7, 2, 0, 0));
        assertThat(notices.end(campaign)).containsExactly(n2, n3);
        assertThat(last(n2)).containsExactly("PUBLIC_NOTICE_ENDED", "ENDED", "system", "公示期2022-06-20至2022-07-01期满");
        assertThat(notices.end(campaign)).as("closing again changes nothing").containsExactly(n2, n3);
        assertThat(history(n2)).filteredOn(e -> e.get(0).equals("PUBLIC_NOTICE_ENDED")).hasSize(1);
        ResponseEntity<JsonNode> late = api.post("office", "/api/applications/" + n2 + "/objections", OBJECTION);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).isEqualTo("公示期已于2022-07-01结束，不再受理异议");

        assertThatThrownBy(() -> notices.announce(campaign, List.of(), null, office()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("还有异议尚未核实完毕（" + caseNumber(n2) + "），不能发布结果公告");
        notices.decideOldestOpenObjection(n2, Objection.Outcome.DISMISSED, "数据经第三方报告证实。", office());

        assertThatThrownBy(() -> notices.announce(campaign, List.of(caseNumber(n3), "RVG2022-9999", caseNumber(n1)), " ",
                office())).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new FieldViolation("removeCaseNumbers[1]", "case.notOnNotice", "案件“RVG2022-9999”不在本次公示名单中"),
                                new FieldViolation("removeCaseNumbers[2]", "case.notOnNotice",
                                        "案件“" + caseNumber(n1) + "”不在本次公示名单中"),
                                new FieldViolation("reason", "required", "请填写取消入选的原因")));
        assertThatThrownBy(() -> notices.announce(campaign, List.of(), null, user("sjz")))
                .isInstanceOf(AccessDeniedException.class);

        Map<Long, AnnouncementOutcome> announced = notices.announce(campaign, List.of(" " + caseNumber(n3) + " "),
                "经审定，该企业不再符合申报条件", office());

        assertThat(announced).containsExactly(entry(n2, AnnouncementOutcome.ANNOUNCED),
                entry(n3, AnnouncementOutcome.REMOVED));
        assertThat(List.of(stage(n1), stage(n2), stage(n3))).containsExactly(CaseStage.REMOVED, CaseStage.ANNOUNCED,
                CaseStage.REMOVED);
        assertThat(last(n2)).containsExactly("ANNOUNCED", "ANNOUNCED", "office", null);
        assertThat(last(n3)).containsExactly("REMOVED", "REMOVED", "office", "经审定，该企业不再符合申报条件");
        assertThat(notices.notice(campaign).orElseThrow().getAnnouncedAt()).isNotNull();
        assertThatThrownBy(() -> notices.announce(campaign, List.of(), null, office()))
                .isInstanceOf(ConflictException.class).hasMessage("结果已于2022-07-02公告");

        for (String other : List.of("sjz", "applicant1", "expert1")) {
            assertThat(api.post(other, "/api/applications/" + n2 + "/revocation", Map.of("reason", "弄虚作假"))
                    .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<JsonNode> noReason = api.post("office", "/api/applications/" + n2 + "/revocation", Map.of());
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noReason.getBody().get("errors").get(0).get("message").asText()).isEqualTo("请填写撤销称号的原因");
        ResponseEntity<JsonNode> removed = api.post("office", "/api/applications/" + n3 + "/revocation",
                Map.of("reason", "弄虚作假"));
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(removed.getBody().get("detail").asText()).contains("当前为“取消入选”", "只能在已公告阶段办理");

        ResponseEntity<JsonNode> revoked = api.post("office", "/api/applications/" + n2 + "/revocation",
                Map.of("reason", "发生重大质量安全责任事故（附件4第二十四条）"));

        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revoked.getBody().get("stage").asText()).isEqualTo("REVOKED");
        assertThat(revoked.getBody().get("stageLabel").asText()).isEqualTo("已撤销称号");
        assertThat(last(n2)).containsExactly("REVOKED", "REVOKED", "office", "发生重大质量安全责任事故（附件4第二十四条）");
    }

    @Test
    void nothingIsPublishedBeforeTheShortlist() {
        assertThatThrownBy(() -> notices.start(campaignId('h'))).isInstanceOf(ConflictException.class)
                .hasMessage("评审测试活动H尚未确定推荐名单，没有可公示的案件");
        assertThatThrownBy(() -> notices.end(campaignId('h'))).isInstanceOf(ConflictException.class)
                .hasMessage("评审测试活动H的公示尚未开始");
        assertThatThrownBy(() -> notices.announce(campaignId('h'), List.of(), null, office()))
                .isInstanceOf(ConflictException.class).hasMessage("评审测试活动H的公示尚未开始");
    }

    @Test
    void objectionsAreRecordedByTheOfficeWithNameContactAndContent() {
        long id = submittedCase('h', "he-1301", "异议测试有限公司");

        for (String other : List.of("sjz", "applicant1", "expert1", "manager")) {
            assertThat(api.post(other, "/api/applications/" + id + "/objections", OBJECTION).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.post(null, "/api/applications/" + id + "/objections", OBJECTION).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> anonymous = api.post("office", "/api/applications/" + id + "/objections",
                Map.of("content", " "));
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(anonymous.getBody().get("errors").findValuesAsText("message"))
                .containsExactly("请填写异议人姓名或单位名称", "请填写异议人联系方式", "请填写异议内容");
        assertThat(api.post("office", "/api/applications/999999/objections", OBJECTION).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> notices.recordObjection(id, "王五", "138", "内容", user("applicant1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notices.decideOldestOpenObjection(id, null, " ", office()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::message).containsExactly("请选择核实结论（异议成立或不成立）", "请填写调查核实情况"));
    }

    /** Cases of the campaign through review, the defense and the shortlist, in rank order. */
    private List<Long> selected(char campaign, int count) {
        List<String> units = List.of("he-1301", "he-1302", "he-1305", "he-1306", "he-1307");
        List<Long> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = submittedCase(campaign, units.get(i), "公示测试有限公司" + i);
            moveTo(id, CaseStage.MATERIAL_REVIEW);
            scoreAll(id, ReviewStage.MATERIAL_REVIEW, String.valueOf(90 - i));
            cases.add(id);
        }
        Long campaignId = campaignId(campaign);
        panel.setDefenseList(campaignId, BigDecimal.ZERO, LocalDateTime.of(2022, 7, 1, 9, 0), "会议室", 20, office());
        for (Long id : cases) {
            scoreAll(id, ReviewStage.DEFENSE, "85");
            panel.concludeDefense(id, DefenseDecision.PASS, null, office());
        }
        panel.decideShortlist(campaignId, null, office());
        return cases;
    }
}
