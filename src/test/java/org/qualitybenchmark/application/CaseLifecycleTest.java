package org.qualitybenchmark.application;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import org.qualitybenchmark.DomainTestSupport;
import org.qualitybenchmark.Samples;
import org.qualitybenchmark.TestCampaigns;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.qualitybenchmark.CaseFixtures.APPLICANT;
import static org.qualitybenchmark.CaseFixtures.MANAGER;
import static org.qualitybenchmark.CaseFixtures.OFFICE;
import static org.qualitybenchmark.CaseFixtures.staff;

/**
 * A case's own life around the procedure: correction and resubmission, withdrawal, expiry, the
 * snapshot the procedure reads, the events it listens to, and the stages each kind of file is
 * uploaded in. Cases of Hebei 2022 are filed with 衡水 (he-1311), and those of the test campaign
 * with 邯郸 (he-1304), units no other test uses.
 */
class CaseLifecycleTest extends DomainTestSupport {

    static final String HEBEI = "hebei-2022-national";
    static final String TEST = TestCampaigns.QUOTA_TEST;
    static final String UNIT = "he-1311";
    static final String TEST_UNIT = "he-1304";

    @Autowired
    CaseEventRepository events;

    @Test
    void aCaseReturnedFromScreeningIsCorrectedAndResubmittedAfterTheWindowUntilItsDeadline() {
        long id = cases.submitted(TEST, TEST_UNIT, "邯郸补正往返测试有限公司");
        CaseSnapshot returned = applications.returnForCorrection(id, "证实性材料缺少检测报告", LocalDate.parse("2022-07-08"),
                staff(TEST_UNIT));
        assertThat(returned.stage()).isEqualTo(CaseStage.CORRECTION);
        assertThat(returned.returnedFrom()).isEqualTo(CaseStage.SUBMITTED);
        assertThat(returned.correctionDue()).isEqualTo("2022-07-08");

        clock.set(LocalDateTime.parse("2022-07-05T10:00:00"));
        assertThat(applications.update(id, cases.edit(id, TEST_UNIT, "补正后的经验名称"), APPLICANT).title())
                .isEqualTo("补正后的经验名称");
        attachments.upload(id, "evidence", "检测报告.pdf", new ByteArrayInputStream(Samples.pdf()), APPLICANT);

        CaseViews.CaseDetail resubmitted = applications.submit(id, APPLICANT);

        assertThat(resubmitted.stage()).isEqualTo(CaseStage.SUBMITTED);
        assertThat(applications.snapshot(id).correctionDue()).isNull();
        assertThat(resubmitted.history()).extracting(CaseViews.EventView::action).containsSubsequence(
                "SUBMITTED", "RETURNED_FOR_CORRECTION", "UPDATED", "ATTACHMENT_ADDED", "RESUBMITTED");
        assertThat(resubmitted.history()).filteredOn(e -> e.action().equals("RETURNED_FOR_CORRECTION")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("staff-" + TEST_UNIT);
                    assertThat(e.stage()).isEqualTo("SUBMITTED");
                    assertThat(e.reason()).isEqualTo("补正期限2022-07-08：证实性材料缺少检测报告");
                });
        assertThat(resubmitted.history()).filteredOn(e -> e.action().equals("RESUBMITTED")).singleElement()
                .satisfies(e -> assertThat(e.stage()).isEqualTo("CORRECTION"));
        assertThat(published.of(new CaseSubmitted(id))).hasSize(2).allMatch(Published::inTransaction);
    }

    @Test
    void theApplicationWindowStillBindsDrafts() {
        long id = cases.draft(TEST, TEST_UNIT, "邯郸逾期草稿测试有限公司");
        clock.set(LocalDateTime.parse("2022-07-01T09:00:00"));

        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> applications.submit(id, APPLICANT));

        assertThat(refused.violations()).extracting(FieldViolation::code).containsExactly("campaign.closed");
    }

    @Test
    void aCaseReturnedFromFormalReviewGoesBackThereAndSubmittingTwiceIsHarmless() {
        long id = cases.submitted(HEBEI, UNIT, "衡水形式审查补正测试有限公司");
        cases.force(id, CaseStage.FORMAL_REVIEW);
        applications.returnForCorrection(id, "申报书未加盖公章", LocalDate.parse("2022-07-20"), OFFICE);

        clock.set(LocalDateTime.parse("2022-07-15T09:00:00"));
        assertThat(applications.submit(id, APPLICANT).stage()).isEqualTo(CaseStage.FORMAL_REVIEW);
        int historySize = events.findByApplicationIdOrderByActedAtAscIdAsc(id).size();

        assertThat(applications.submit(id, APPLICANT).stage()).isEqualTo(CaseStage.FORMAL_REVIEW);
        assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(id)).hasSize(historySize);
        assertThat(applications.snapshot(id).returnedFrom()).isEqualTo(CaseStage.FORMAL_REVIEW);
    }

    @Test
    void theCorrectionDeadlineIsTheWholeDueDay() {
        long onTime = cases.submitted(HEBEI, UNIT, "衡水补正当日测试有限公司");
        long late = cases.submitted(HEBEI, UNIT, "衡水补正逾期测试有限公司");
        applications.returnForCorrection(onTime, "请补充材料", LocalDate.parse("2022-06-25"), staff(UNIT));
        applications.returnForCorrection(late, "请补充材料", LocalDate.parse("2022-06-25"), staff(UNIT));

        clock.set(LocalDateTime.parse("2022-06-25T23:59:59"));
        assertThat(applications.submit(onTime, APPLICANT).stage()).isEqualTo(CaseStage.SUBMITTED);

        clock.set(LocalDateTime.parse("2022-06-26T00:00:01"));
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> applications.submit(late, APPLICANT));
        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("correctionDue");
            assertThat(v.code()).isEqualTo("correction.overdue");
            assertThat(v.message()).contains("2022-06-25");
        });
        assertThat(codes(() -> applications.update(late, cases.edit(late, UNIT, "逾期后修改的经验名称"), APPLICANT)))
                .containsExactly("correction.overdue");
        assertThat(cases.stage(late)).isEqualTo(CaseStage.CORRECTION);
    }

    @Test
    void returnForCorrectionChecksReasonDueStageAndWhoReturns() {
        long id = cases.submitted(HEBEI, UNIT, "衡水退回校验测试有限公司");
        LocalDate due = LocalDate.parse("2022-06-28");

        assertThat(codes(() -> applications.returnForCorrection(id, " ", due, staff(UNIT)))).containsExactly("required");
        assertThat(codes(() -> applications.returnForCorrection(id, "长".repeat(2001), due, staff(UNIT))))
                .containsExactly("text.tooLong");
        assertThat(codes(() -> applications.returnForCorrection(id, "请补充", null, staff(UNIT)))).containsExactly("required");
        assertThat(codes(() -> applications.returnForCorrection(id, "请补充", LocalDate.parse("2022-06-19"), staff(UNIT))))
                .containsExactly("date.past");
        assertThatThrownBy(() -> applications.returnForCorrection(id, "请补充", due, staff("he-1301")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> applications.returnForCorrection(id, "请补充", due, APPLICANT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> applications.returnForCorrection(id, "请补充", due, MANAGER))
                .isInstanceOf(AccessDeniedException.class);

        long draft = cases.draft(HEBEI, UNIT, "衡水草稿退回测试有限公司");
        assertThatThrownBy(() -> applications.returnForCorrection(draft, "请补充", due, staff(UNIT)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("草稿");

        cases.force(id, CaseStage.FORMAL_REVIEW);
        assertThatThrownBy(() -> applications.returnForCorrection(id, "请补充", due, staff(UNIT)))
                .as("formal review is the office's").isInstanceOf(AccessDeniedException.class);
        assertThat(applications.returnForCorrection(id, "请补充", due, OFFICE).stage()).isEqualTo(CaseStage.CORRECTION);
    }

    @Test
    void aCaseInCorrectionIsEditedButKeepsItsUnit() {
        long id = cases.submitted(HEBEI, UNIT, "衡水补正换单位测试有限公司");
        assertThatThrownBy(() -> applications.update(id, cases.edit(id, UNIT, "提交后修改"), APPLICANT))
                .as("a submitted case is not edited").isInstanceOf(ConflictException.class).hasMessageContaining("待初审");

        applications.returnForCorrection(id, "请补充", LocalDate.parse("2022-06-28"), staff(UNIT));

        assertThat(codes(() -> applications.update(id, cases.edit(id, "he-1310", "换单位"), APPLICANT)))
                .containsExactly("unit.immutable");
        assertThat(applications.update(id, cases.edit(id, UNIT, "补正中修改"), APPLICANT).title()).isEqualTo("补正中修改");
    }

    @Test
    void withdrawalIsAllowedUntilThePublicNotice() {
        Set<CaseStage> allowed = EnumSet.of(CaseStage.DRAFT, CaseStage.SUBMITTED, CaseStage.CORRECTION,
                CaseStage.PROPOSED, CaseStage.FORMAL_REVIEW, CaseStage.MATERIAL_REVIEW, CaseStage.DEFENSE,
                CaseStage.SITE_VISIT, CaseStage.SHORTLISTED);
        for (CaseStage stage : allowed) {
            long id = cases.draft(HEBEI, UNIT, "衡水撤回" + stage.label() + "测试有限公司");
            if (stage != CaseStage.DRAFT) {
                cases.force(id, stage);
            }
            CaseViews.CaseDetail withdrawn = applications.withdraw(id, "企业决定不再参评", APPLICANT);

            assertThat(withdrawn.stage()).as(stage.name()).isEqualTo(CaseStage.WITHDRAWN);
            assertThat(withdrawn.history()).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo("WITHDRAWN");
                assertThat(e.stage()).isEqualTo(stage.name());
                assertThat(e.reason()).isEqualTo("企业决定不再参评");
            });
            assertThat(published.of(new CaseWithdrawn(id))).singleElement().matches(Published::inTransaction);
        }
    }

    @Test
    void withdrawalIsRefusedOnceDecidedOrInPublicNotice() {
        long id = cases.draft(HEBEI, UNIT, "衡水不可撤回测试有限公司");
        Set<CaseStage> refused = EnumSet.copyOf(CaseStage.FINAL);
        refused.add(CaseStage.PUBLIC_NOTICE);
        assertThat(refused).hasSize(14);
        for (CaseStage stage : refused) {
            cases.force(id, stage);

            assertThatThrownBy(() -> applications.withdraw(id, "企业决定不再参评", APPLICANT)).as(stage.name())
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("case.stage"))
                    .hasMessageContaining("“" + stage.label() + "”");
            assertThat(cases.stage(id)).isEqualTo(stage);
        }
        assertThat(published.of(new CaseWithdrawn(id))).isEmpty();
    }

    @Test
    void withdrawalNeedsAReason() {
        long id = cases.draft(HEBEI, UNIT, "衡水撤回原因测试有限公司");

        assertThat(codes(() -> applications.withdraw(id, "  ", APPLICANT))).containsExactly("required");
        assertThat(codes(() -> applications.withdraw(id, "长".repeat(2001), APPLICANT))).containsExactly("text.tooLong");
    }

    @Test
    void theSystemExpiresCasesStillWaitingAndOnlyThose() {
        long draft = cases.draft(HEBEI, UNIT, "衡水逾期草稿有限公司");

        CaseSnapshot expired = applications.expire(draft, "逾期未提交申报");

        assertThat(expired.stage()).isEqualTo(CaseStage.EXPIRED);
        assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(draft)).last().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(CaseAction.EXPIRED);
            assertThat(e.getActor()).isEqualTo(SystemActor.ID);
            assertThat(e.getStage()).isEqualTo("DRAFT");
            assertThat(e.getReason()).isEqualTo("逾期未提交申报");
        });
        int historySize = events.findByApplicationIdOrderByActedAtAscIdAsc(draft).size();
        assertThat(applications.expire(draft, "逾期未提交申报").stage()).as("a retried job").isEqualTo(CaseStage.EXPIRED);
        assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(draft)).hasSize(historySize);

        for (CaseStage stage : List.of(CaseStage.CORRECTION, CaseStage.SUBMITTED, CaseStage.PROPOSED)) {
            long id = cases.draft(HEBEI, UNIT, "衡水逾期" + stage.label() + "有限公司");
            cases.force(id, stage);
            assertThat(applications.expire(id, null).stage()).isEqualTo(CaseStage.EXPIRED);
            assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(id)).last()
                    .satisfies(e -> assertThat(e.getReason()).isEqualTo("逾期未办理"));
        }

        long reviewed = cases.draft(HEBEI, UNIT, "衡水形式审查中不逾期有限公司");
        cases.force(reviewed, CaseStage.FORMAL_REVIEW);
        assertThatThrownBy(() -> applications.expire(reviewed, "逾期")).isInstanceOf(ConflictException.class);
    }

    @Test
    void theSnapshotNamesTheUnitAndItsGroup() {
        long id = cases.draft(HEBEI, UNIT, "衡水快照测试有限公司");

        CaseSnapshot snapshot = applications.snapshot(id);

        assertThat(snapshot.id()).isEqualTo(id);
        assertThat(snapshot.caseNumber()).matches("HEB2022-\\d{4}");
        assertThat(snapshot.unitCode()).isEqualTo(UNIT);
        assertThat(snapshot.unitGroupId()).isEqualTo("unit-" + UNIT);
        assertThat(snapshot.ownerUserId()).isEqualTo(APPLICANT.id());
        assertThat(snapshot.stage()).isEqualTo(CaseStage.DRAFT);
        assertThat(snapshot.returnedFrom()).isNull();
        assertThat(snapshot.correctionDue()).isNull();
        assertThat(published.of(new CaseCreated(id))).singleElement().matches(Published::inTransaction);
        assertThatThrownBy(() -> applications.snapshot(-1L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDefensePresentationIsUploadedInDefenseAndTheApplicationFilesNoLonger() {
        long id = cases.submitted(HEBEI, UNIT, "衡水答辩材料测试有限公司");
        cases.force(id, CaseStage.FORMAL_REVIEW);
        assertThatThrownBy(() -> upload(id, "defense-presentation", "答辩.pdf"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("attachment.stage"))
                .hasMessage("案件" + applications.snapshot(id).caseNumber()
                        + "当前为“形式审查”，不能上传“答辩材料（PPT）”（只能在答辩评审阶段上传）");

        cases.force(id, CaseStage.DEFENSE);
        CaseViews.AttachmentView presentation = upload(id, "defense-presentation", "答辩.pdf");
        assertThat(presentation.kindLabel()).isEqualTo("答辩材料（PPT）");

        assertThatThrownBy(() -> upload(id, "evidence", "补充证书.pdf"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("只能在草稿、退回补正阶段上传");
        Long evidence = attachments.list(id, APPLICANT).stream().filter(a -> a.kind().equals("evidence")).findFirst()
                .orElseThrow().id();
        assertThatThrownBy(() -> attachments.delete(id, evidence, APPLICANT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不能删除“证实性材料”");
        attachments.delete(id, presentation.id(), APPLICANT);
        assertThat(attachments.list(id, APPLICANT)).extracting(CaseViews.AttachmentView::kind)
                .doesNotContain("defense-presentation");
    }

    @Test
    void aDefensePresentationCannotBeUploadedWithTheApplication() {
        long id = cases.draft(HEBEI, UNIT, "衡水草稿答辩材料测试有限公司");

        assertThatThrownBy(() -> upload(id, "defense-presentation", "答辩.pdf"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("当前为“草稿”");
    }

    private CaseViews.AttachmentView upload(long id, String kind, String name) {
        return attachments.upload(id, kind, name, new ByteArrayInputStream(Samples.pdf()), APPLICANT);
    }

    private static List<String> codes(Runnable call) {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, call::run);
        assertThat(e).as("a rule violation").isNotNull();
        return e.violations().stream().map(FieldViolation::code).toList();
    }
}
