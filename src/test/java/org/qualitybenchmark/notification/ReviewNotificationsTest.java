package org.qualitybenchmark.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.publication.PublicNoticeService;
import org.qualitybenchmark.review.DefenseDecision;
import org.qualitybenchmark.review.Objection;
import org.qualitybenchmark.review.PanelService;
import org.qualitybenchmark.review.ReviewStage;
import org.qualitybenchmark.review.ReviewTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review and publication events of campaign rv-k-2022 reach the inboxes once each: the experts
 * their assignment, the applicant (applicant1) and the unit staff the defense slot and place, the
 * site visit, the public notice, the objections and their outcome, and the final result of every
 * case (announced, not selected, removed when the result is approved).
 */
class ReviewNotificationsTest extends ReviewTestSupport {

    private static final List<String> UNITS = List.of("he-1301", "he-1302", "he-1305", "he-1306", "he-1307", "he-1309");

    @Autowired
    PanelService panel;
    @Autowired
    PublicNoticeService notices;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    InboxRepository inbox;

    @Test
    void fromTheExpertsToTheFinalResultEveryoneConcernedIsToldOnce() {
        Long campaign = campaignId('k');
        List<Long> cases = new ArrayList<>();
        List<String> materialExperts = null;
        for (int i = 0; i < UNITS.size(); i++) {
            long id = submittedCase('k', UNITS.get(i), "通知评审测试" + i + "有限公司");
            moveTo(id, CaseStage.MATERIAL_REVIEW);
            List<String> experts = scoreAll(id, ReviewStage.MATERIAL_REVIEW, String.valueOf(90 - i));
            if (i == 0) {
                materialExperts = experts;
            }
            cases.add(id);
        }
        assignments.assign(cases.get(0), ReviewStage.MATERIAL_REVIEW);
        panel.setDefenseList(campaign, BigDecimal.ZERO, LocalDateTime.of(2022, 7, 1, 9, 0), "省工信厅第一会议室", 20,
                office());
        List<String> defenseExperts = null;
        for (int i = 0; i < cases.size(); i++) {
            List<String> experts = scoreAll(cases.get(i), ReviewStage.DEFENSE, String.valueOf(85 - i));
            if (i == 0) {
                defenseExperts = experts;
            }
            if (i == 0) {
                panel.concludeDefense(cases.get(i), DefenseDecision.SITE_VISIT, "核实顾客满意度调查的原始数据", office());
                panel.recordSiteVisit(cases.get(i), LocalDate.of(2022, 6, 20), "原始数据与申报一致", true, office());
            } else {
                panel.concludeDefense(cases.get(i), DefenseDecision.PASS, null, office());
            }
        }
        panel.decideShortlist(campaign, null, office());
        assertThat(stage(cases.get(5))).isEqualTo(CaseStage.NOT_SELECTED);
        notices.start(campaign);
        long n1 = cases.get(1);
        long n2 = cases.get(2);
        notices.recordObjection(n1, "王五", "13800000000", "对实施成效数据有异议。", office());
        notices.decideOldestOpenObjection(n1, Objection.Outcome.DISMISSED, "数据经第三方报告证实", office());
        notices.recordObjection(n2, "李四", "lisi@example.com", "顾客满意度数据系自评。", office());
        notices.decideOldestOpenObjection(n2, Objection.Outcome.UPHELD, "经核实，申报材料不实", office());
        clock.set(LocalDateTime.of(2022, 7, 2, 0, 0));
        notices.end(campaign);
        notices.announce(campaign, List.of(caseNumber(cases.get(3))), "经审定，该企业不再符合申报条件", office());
        // Rounds are batches; the shared context's other tests leave rows too. Then one more, which must add nothing.
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
        }
        assertThat(dispatcher.dispatchDue()).isZero();

        String first = "通知评审测试0有限公司";
        for (String expert : materialExperts) {
            // Asked twice for the material review (the second time returns the same panel): told once.
            assertThat(subjects(expert, first)).as(expert).filteredOn(s -> s.contains("资料评审"))
                    .containsExactly("【评审测试活动K】评审任务：资料评审 " + first + "（" + caseNumber(cases.get(0)) + "）");
        }
        assertThat(subjects(defenseExperts.get(0), first)).filteredOn(s -> s.contains("答辩评审")).hasSize(1);
        for (String user : List.of("applicant1", "sjz")) {
            assertThat(subjects(user, first)).as(user).filteredOn(s -> s.contains("答辩安排")).singleElement()
                    .asString().contains("2022-07-01 09:00（第", "省工信厅第一会议室");
            assertThat(subjects(user, first)).filteredOn(s -> s.contains("现场考察通知")).hasSize(1);
            assertThat(subjects(user, first)).filteredOn(s -> s.contains("拟入选名单公示")).hasSize(1);
            assertThat(subjects(user, first)).filteredOn(s -> s.contains("遴选结果：入选，已列入结果公告")).hasSize(1);
        }
        assertThat(body("applicant1", first, "拟入选名单公示")).contains("2022-06-20至2022-07-01");
        assertThat(body("applicant1", first, "现场考察通知")).contains("核实顾客满意度调查的原始数据");

        String dismissed = "通知评审测试1有限公司";
        assertThat(subjects("ts", dismissed)).filteredOn(s -> s.contains("公示期内收到异议")).hasSize(1);
        assertThat(subjects("applicant1", dismissed)).filteredOn(s -> s.contains("异议核实结论：异议不成立")).hasSize(1);
        assertThat(body("applicant1", dismissed, "异议核实结论")).contains("数据经第三方报告证实")
                .doesNotContain("对实施成效数据有异议", "王五");
        assertThat(subjects("applicant1", dismissed)).filteredOn(s -> s.contains("遴选结果：入选")).hasSize(1);

        String upheld = "通知评审测试2有限公司";
        assertThat(subjects("applicant1", upheld)).filteredOn(s -> s.contains("异议核实结论：异议成立，取消入选")).hasSize(1);
        assertThat(subjects("applicant1", upheld)).as("the objection's message already says it")
                .noneSatisfy(s -> assertThat(s).contains("遴选结果"));

        assertThat(subjects("applicant1", "通知评审测试3有限公司")).filteredOn(s -> s.contains("遴选结果：取消入选"))
                .hasSize(1);
        assertThat(body("applicant1", "通知评审测试3有限公司", "遴选结果")).contains("经审定，该企业不再符合申报条件");
        assertThat(subjects("applicant1", "通知评审测试5有限公司")).filteredOn(s -> s.contains("遴选结果：未入选"))
                .hasSize(1);
        assertThat(subjects("applicant1", "通知评审测试5有限公司")).noneSatisfy(s -> assertThat(s).contains("公示"));
    }

    private List<String> subjects(String user, String enterprise) {
        return messages(user, enterprise).stream().map(InboxMessage::getSubject).toList();
    }

    private String body(String user, String enterprise, String subjectPart) {
        return messages(user, enterprise).stream().filter(m -> m.getSubject().contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no " + subjectPart + " about " + enterprise))
                .getBody();
    }

    private List<InboxMessage> messages(String user, String enterprise) {
        return inbox.findByUserIdOrderByCreatedAtDescIdDesc(user, PageRequest.of(0, 1000)).stream()
                .filter(m -> m.getSubject().contains(enterprise)).toList();
    }
}
