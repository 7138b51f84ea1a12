package org.qualitybenchmark.quota;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import org.qualitybenchmark.DomainTestSupport;
import org.qualitybenchmark.Samples;
import org.qualitybenchmark.TestCampaigns;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseEvent;
import org.qualitybenchmark.application.CaseEventRepository;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.qualitybenchmark.CaseFixtures.APPLICANT;
import static org.qualitybenchmark.CaseFixtures.MANAGER;
import static org.qualitybenchmark.CaseFixtures.OFFICE;
import static org.qualitybenchmark.CaseFixtures.staff;
import static org.qualitybenchmark.quota.ScreeningDecision.NOT_RECOMMEND;
import static org.qualitybenchmark.quota.ScreeningDecision.RECOMMEND;
import static org.qualitybenchmark.quota.ScreeningDecision.RETURN;

/**
 * Screening within quota and the recommendation list, on Hebei 2022 (ranked; cities 3,
 * associations 2) and the test campaign (unranked; cities 2, 唐山 4 of its own, 秦皇岛 unlimited,
 * associations unlimited by kind). Each test uses units of its own: the context, and so the
 * cases, are shared with the other domain tests.
 */
class RecommendationServiceTest extends DomainTestSupport {

    static final String HEBEI = "hebei-2022-national";
    static final String TEST = TestCampaigns.QUOTA_TEST;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    RecommendationListRepository lists;

    @Autowired
    CampaignCatalog catalog;

    @Autowired
    CaseEventRepository events;

    @Autowired
    UnitDocumentService unitDocuments;

    @Test
    void aCityOfHebeiRecommendsThreeAndTheFourthIsRefusedNamingTheQuota() {
        String unit = "he-1305";
        List<Long> ids = submitted(HEBEI, unit, "邢台名额测试", 4);
        for (int i = 0; i < 3; i++) {
            ScreeningResult result = recommendations.screen(ids.get(i), RECOMMEND, i + 1, null, null, staff(unit));
            assertThat(result.stage()).isEqualTo(CaseStage.PROPOSED);
            assertThat(result.rank()).isEqualTo(i + 1);
            assertThat(result.screeningOutcome()).isEqualTo("PROPOSED");
        }

        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> recommendations.screen(ids.get(3), RECOMMEND, 1, null, null, staff(unit)));

        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("decision");
            assertThat(v.code()).isEqualTo("quota.exceeded");
            assertThat(v.message()).isEqualTo("本单位推荐名额为3项，已拟推荐3项");
        });
        assertThat(cases.stage(ids.get(3))).isEqualTo(CaseStage.SUBMITTED);

        applications.withdraw(ids.get(2), "企业放弃", APPLICANT);
        assertThat(recommendations.screen(ids.get(3), RECOMMEND, 3, null, null, staff(unit)).stage())
                .as("a withdrawn proposal frees its place").isEqualTo(CaseStage.PROPOSED);
    }

    @Test
    void anAssociationOfHebeiHasTwo() {
        String unit = "he-assoc-food";
        List<Long> ids = submitted(HEBEI, unit, "食品协会名额测试", 3);
        recommendations.screen(ids.get(0), RECOMMEND, 1, null, null, staff(unit));
        recommendations.screen(ids.get(1), RECOMMEND, 2, null, null, staff(unit));

        assertThat(messages(() -> recommendations.screen(ids.get(2), RECOMMEND, 2, null, null, staff(unit))))
                .containsExactly("本单位推荐名额为2项，已拟推荐2项");
    }

    @Test
    void aUnitsOwnQuotaWinsOverItsKinds() {
        String unit = "he-1302";
        List<Long> ids = submitted(TEST, unit, "唐山自有名额测试", 5);
        for (int i = 0; i < 4; i++) {
            recommendations.screen(ids.get(i), RECOMMEND, null, null, null, staff(unit));
        }

        assertThat(messages(() -> recommendations.screen(ids.get(4), RECOMMEND, null, null, null, staff(unit))))
                .containsExactly("本单位推荐名额为4项，已拟推荐4项");
        assertThat(recommendations.list(campaignId(TEST), unitId(unit), staff(unit)).quota()).isEqualTo(4);
    }

    @Test
    void anUnlimitedUnitRecommendsAsManyAsItLikesWithOptionalDistinctRanks() {
        String unit = "he-1303";
        List<Long> ids = submitted(TEST, unit, "秦皇岛不限名额测试", 6);
        recommendations.screen(ids.get(0), RECOMMEND, 1, null, null, staff(unit));
        for (int i = 1; i < 5; i++) {
            recommendations.screen(ids.get(i), RECOMMEND, null, "经验突出", null, staff(unit));
        }

        assertThat(codes(() -> recommendations.screen(ids.get(5), RECOMMEND, 1, null, null, staff(unit))))
                .containsExactly("rank.taken");
        assertThat(codes(() -> recommendations.screen(ids.get(5), RECOMMEND, 0, null, null, staff(unit))))
                .containsExactly("rank.range");
        recommendations.screen(ids.get(5), RECOMMEND, 50, null, null, staff(unit));

        RecommendationListView view = recommendations.list(campaignId(TEST), unitId(unit), OFFICE);
        assertThat(view.quota()).isNull();
        assertThat(view.ranked()).isFalse();
        assertThat(view.used()).isEqualTo(6);
        assertThat(view.cases()).extracting(RecommendationListView.Entry::rank)
                .containsExactlyElementsOf(Arrays.asList(1, 50, null, null, null, null));
    }

    @Test
    void aRankedCampaignNeedsARankWithinTheQuotaNotTakenAlready() {
        String unit = "he-1306";
        List<Long> ids = submitted(HEBEI, unit, "保定排序测试", 2);

        assertThat(violations(() -> recommendations.screen(ids.get(0), RECOMMEND, null, null, null, staff(unit))))
                .extracting(FieldViolation::field, FieldViolation::code).containsExactly(tuple("rank", "required"));
        assertThat(messages(() -> recommendations.screen(ids.get(0), RECOMMEND, 4, null, null, staff(unit))))
                .containsExactly("推荐排序应在1至3之间（本单位推荐名额为3项）");
        recommendations.screen(ids.get(0), RECOMMEND, 1, "质量管理成效显著", null, staff(unit));

        assertThat(messages(() -> recommendations.screen(ids.get(1), RECOMMEND, 1, null, null, staff(unit))))
                .singleElement().asString().startsWith("推荐排序第1位已给了案件" + applications.snapshot(ids.get(0)).caseNumber());
        assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(ids.get(0)))
                .extracting(CaseEvent::getAction, CaseEvent::getOutcome, CaseEvent::getReason).endsWith(
                        tuple(CaseAction.SCREENED, "RECOMMEND", "质量管理成效显著"),
                        tuple(CaseAction.RANKED, "RANK 1", "推荐排序为第1位"));
    }

    @Test
    void notRecommendingNeedsAReasonAndReturningADueDateWithinTheRecommendationPeriod() {
        String unit = "he-1309";
        List<Long> ids = submitted(HEBEI, unit, "沧州初审测试", 3);

        assertThat(violations(() -> recommendations.screen(ids.get(0), null, null, null, null, staff(unit))))
                .extracting(FieldViolation::field).containsExactly("decision");
        assertThat(violations(() -> recommendations.screen(ids.get(0), NOT_RECOMMEND, null, " ", null, staff(unit))))
                .extracting(FieldViolation::field, FieldViolation::code).containsExactly(tuple("reason", "required"));
        ScreeningResult notRecommended = recommendations.screen(ids.get(0), NOT_RECOMMEND, null, "近三年未连续盈利", null,
                staff(unit));
        assertThat(notRecommended.stage()).isEqualTo(CaseStage.NOT_RECOMMENDED);
        assertThat(notRecommended.screeningOutcome()).isEqualTo("NOT_RECOMMENDED");

        assertThat(violations(() -> recommendations.screen(ids.get(1), RETURN, null, "请补充证实性材料",
                LocalDate.parse("2022-07-01"), staff(unit))))
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(tuple("correctionDue", "correction.afterRecommendationDue"));
        ScreeningResult returned = recommendations.screen(ids.get(1), RETURN, null, "请补充证实性材料",
                LocalDate.parse("2022-06-28"), staff(unit));
        assertThat(returned.stage()).isEqualTo(CaseStage.CORRECTION);
        assertThat(returned.screeningOutcome()).isEqualTo("RETURN");
        assertThat(applications.snapshot(ids.get(1)).returnedFrom()).isEqualTo(CaseStage.SUBMITTED);

        assertThatThrownBy(() -> recommendations.screen(ids.get(1), RECOMMEND, 1, null, null, staff(unit)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("case.stage"));
    }

    @Test
    void onlyTheUnitAndTheOfficeScreen() {
        String unit = "he-1309";
        long id = cases.submitted(HEBEI, unit, "沧州初审权限测试有限公司");

        assertThatThrownBy(() -> recommendations.screen(id, RECOMMEND, 1, null, null, staff("he-1301")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recommendations.screen(id, RECOMMEND, 1, null, null, MANAGER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> recommendations.screen(id, RECOMMEND, 1, null, null, APPLICANT))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(recommendations.screen(id, RECOMMEND, 1, null, null, OFFICE).stage()).isEqualTo(CaseStage.PROPOSED);
    }

    @Test
    void nothingIsRecommendedOrListedAfterTheRecommendationDeadline() {
        String unit = "he-1310";
        long id = cases.submitted(HEBEI, unit, "廊坊截止测试有限公司");
        clock.set(LocalDateTime.parse("2022-07-01T00:00:01"));

        assertThatThrownBy(() -> recommendations.screen(id, RECOMMEND, 1, null, null, staff(unit)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("recommendation.closed"))
                .hasMessageContaining("2022-06-30");
        assertThatThrownBy(() -> recommendations.submitList(campaignId(HEBEI), unitId(unit), null, staff(unit)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("recommendation.closed"));
        assertThat(recommendations.screen(id, NOT_RECOMMEND, null, "逾期未初审", null, staff(unit)).stage())
                .as("a late refusal only records what the deadline decided").isEqualTo(CaseStage.NOT_RECOMMENDED);
    }

    @Test
    void theListIsSubmittedOnceAfterEveryCaseIsScreenedWithRanksOneToN() {
        String unit = "he-1307";
        Long campaign = campaignId(HEBEI);
        Long unitId = unitId(unit);
        List<Long> ids = submitted(HEBEI, unit, "张家口名单测试", 4);
        long a = ids.get(0);
        long b = ids.get(1);
        long c = ids.get(2);
        long pending = ids.get(3);
        recommendations.screen(a, RECOMMEND, 1, null, null, staff(unit));
        recommendations.screen(b, RECOMMEND, 2, null, null, staff(unit));
        recommendations.screen(c, RECOMMEND, 3, null, null, staff(unit));

        assertThatThrownBy(() -> recommendations.submitList(campaign, unitId, null, staff(unit)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("recommendation.pending"))
                .hasMessageStartingWith("还有1件申报未初审（" + applications.snapshot(pending).caseNumber() + "待初审）");
        recommendations.screen(pending, NOT_RECOMMEND, null, "不符合遴选方向", null, staff(unit));

        applications.withdraw(b, "企业放弃", APPLICANT);
        assertThat(violations(() -> recommendations.submitList(campaign, unitId, null, staff(unit))))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("rank");
                    assertThat(v.code()).isEqualTo("rank.gaps");
                    assertThat(v.message()).startsWith("推荐排序应为1至2的连续整数").contains("第1位", "第3位");
                });

        assertThat(codes(() -> recommendations.reorder(campaign, unitId, List.of(c, a, c), staff(unit))))
                .containsExactly("rank.incomplete");
        assertThat(codes(() -> recommendations.reorder(campaign, unitId, List.of(c, b), staff(unit))))
                .containsExactly("rank.incomplete");
        assertThat(recommendations.reorder(campaign, unitId, List.of(c, a), staff(unit))).containsExactly(c, a);
        assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(a)).last()
                .extracting(CaseEvent::getReason).isEqualTo("推荐排序由第1位调整为第2位");
        RecommendationListView before = recommendations.list(campaign, unitId, staff(unit));
        assertThat(before.cases()).extracting(RecommendationListView.Entry::applicationId, RecommendationListView.Entry::rank)
                .containsExactly(tuple(c, 1), tuple(a, 2));
        assertThat(before.submitted()).isNull();
        assertThat(before.pending()).isZero();

        sendRecommendationLetter(unit);
        List<Long> recommended = recommendations.submitList(campaign, unitId, "经局务会研究，同意推荐", staff(unit));

        assertThat(recommended).containsExactly(c, a);
        assertThat(cases.stage(c)).isEqualTo(CaseStage.FORMAL_REVIEW);
        assertThat(cases.stage(a)).isEqualTo(CaseStage.FORMAL_REVIEW);
        assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(c)).last().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(CaseAction.RECOMMENDED);
            assertThat(e.getStage()).isEqualTo("PROPOSED");
            assertThat(e.getActor()).isEqualTo("staff-" + unit);
        });
        RecommendationList stored = transactions.execute(status -> {
            RecommendationList list = lists.findByCampaignIdAndUnitId(campaign, unitId).orElseThrow();
            list.getCases().size();
            return list;
        });
        assertThat(stored.getCases()).containsExactly(new RecommendedCase(c, 1), new RecommendedCase(a, 2));
        assertThat(stored.getNote()).isEqualTo("经局务会研究，同意推荐");

        assertThatThrownBy(() -> recommendations.submitList(campaign, unitId, null, staff(unit)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("recommendation.listSubmitted"));
        assertThatThrownBy(() -> recommendations.reorder(campaign, unitId, List.of(a, c), staff(unit)))
                .isInstanceOf(ConflictException.class);
        long late = cases.submitted(HEBEI, unit, "张家口名单后申报测试有限公司");
        assertThatThrownBy(() -> recommendations.screen(late, RECOMMEND, 3, null, null, staff(unit)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("recommendation.listSubmitted"));

        RecommendationListView after = recommendations.list(campaign, unitId, MANAGER);
        assertThat(after.quota()).isEqualTo(3);
        assertThat(after.ranked()).isTrue();
        assertThat(after.used()).isEqualTo(2);
        assertThat(after.pending()).isEqualTo(1);
        assertThat(after.cases()).extracting(RecommendationListView.Entry::applicationId,
                RecommendationListView.Entry::stageLabel).containsExactly(tuple(c, "形式审查"), tuple(a, "形式审查"));
        assertThat(after.submitted().submittedBy()).isEqualTo("staff-" + unit);
        assertThat(after.submitted().submittedAt()).isEqualTo(clock.instant());
        assertThat(after.submitted().caseCount()).isEqualTo(2);
    }

    @Test
    void aUnitMaySubmitAnEmptyList() {
        String unit = "he-1308";
        sendRecommendationLetter(unit);

        assertThat(recommendations.submitList(campaignId(HEBEI), unitId(unit), "本单位无推荐项目", staff(unit))).isEmpty();
        assertThat(recommendations.list(campaignId(HEBEI), unitId(unit), OFFICE).submitted().caseCount()).isZero();
    }

    @Test
    void onlyTheUnitAndTheOfficeSubmitAListAndOnlyTheUnitAndOrganiserSeeIt() {
        Long campaign = campaignId(HEBEI);
        Long unitId = unitId("he-1308");

        assertThatThrownBy(() -> recommendations.submitList(campaign, unitId, null, staff("he-1301")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recommendations.submitList(campaign, unitId, null, MANAGER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> recommendations.submitList(campaign, unitId, null, APPLICANT))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recommendations.submitList(campaign, unitId("ln-2101"), null, OFFICE))
                .as("a unit not in the campaign").isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> recommendations.list(campaign, unitId, staff("he-1301")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recommendations.list(campaign, unitId, APPLICANT)).isInstanceOf(NotFoundException.class);
        for (AppUser organiser : List.of(OFFICE, MANAGER, SystemActor.INSTANCE, staff("he-1308"))) {
            assertThat(recommendations.list(campaign, unitId, organiser).unit()).isEqualTo("he-1308");
        }
    }

    @Test
    void atTheDeadlineTheProposalsOfUnitsWithoutAListAreNotRecommended() {
        Long campaign = campaignId(TEST);
        long listed = submitted(TEST, "he-1305", "邢台已报送名单测试", 1).get(0);
        recommendations.screen(listed, RECOMMEND, null, null, null, staff("he-1305"));
        recommendations.submitList(campaign, unitId("he-1305"), null, staff("he-1305"));
        List<Long> unlisted = submitted(TEST, "he-assoc-machinery", "机械协会未报送名单测试", 2);
        for (long id : unlisted) {
            recommendations.screen(id, RECOMMEND, null, null, null, staff("he-assoc-machinery"));
        }
        assertThat(recommendations.list(campaign, unitId("he-assoc-machinery"), OFFICE).quota())
                .as("associations have no quota in the test campaign").isNull();

        List<Long> closed = recommendations.closeRecommendation(campaign);

        assertThat(closed).containsAll(unlisted).doesNotContain(listed);
        for (long id : unlisted) {
            assertThat(cases.stage(id)).isEqualTo(CaseStage.NOT_RECOMMENDED);
            assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(id)).last().satisfies(e -> {
                assertThat(e.getAction()).isEqualTo(CaseAction.NOT_RECOMMENDED);
                assertThat(e.getActor()).isEqualTo(SystemActor.ID);
                assertThat(e.getReason()).isEqualTo("推荐单位逾期未报送推荐名单");
            });
        }
        assertThat(cases.stage(listed)).isEqualTo(CaseStage.FORMAL_REVIEW);
        assertThat(recommendations.closeRecommendation(campaign)).as("run again").doesNotContainAnyElementsOf(unlisted);
    }

    private List<Long> submitted(String campaign, String unit, String namePrefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> cases.submitted(campaign, unit, namePrefix + (i + 1) + "号有限公司")).toList();
    }

    private Long campaignId(String code) {
        return catalog.campaign(code).orElseThrow().id();
    }

    private Long unitId(String code) {
        return catalog.unit(code).orElseThrow().id();
    }

    private static List<FieldViolation> violations(Runnable call) {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, call::run);
        assertThat(e).as("a rule violation").isNotNull();
        return e.violations();
    }

    private static List<String> codes(Runnable call) {
        return violations(call).stream().map(FieldViolation::code).toList();
    }

    private static List<String> messages(Runnable call) {
        return violations(call).stream().map(FieldViolation::message).toList();
    }

    /** Hebei asks each unit for its 推荐文件 with the list (冀工信科函〔2022〕331号 三.3、四.2). */
    private void sendRecommendationLetter(String unit) {
        unitDocuments.upload(campaignId(HEBEI), unitId(unit), "recommendation-letter", "推荐文件.pdf",
                new ByteArrayInputStream(Samples.pdf()), staff(unit));
    }
}
