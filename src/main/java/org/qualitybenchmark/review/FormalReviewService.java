package org.qualitybenchmark.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;
import org.qualitybenchmark.support.TextInput;

/**
 * Formal review (形式审查, 全国质量标杆遴选及交流实施办法 第十八条): the office checks a recommended
 * case's materials and the enterprise's eligibility before experts see it. The automatic check re-runs the submission rules
 * and the required attachments, since the case may have been corrected, or the rules tightened,
 * since it was submitted; the office's checklist records what only a person can confirm.
 */
@Service
public class FormalReviewService {

    static final int REASON_MAX = 2000;

    private final FormalReviewRepository reviews;
    private final ApplicationService applications;
    private final CaseProgress progress;
    private final ObjectMapper json;
    private final AppProperties properties;
    private final CampaignCatalog catalog;
    private final Clock clock;

    FormalReviewService(FormalReviewRepository reviews, ApplicationService applications, CaseProgress progress,
            ObjectMapper json, AppProperties properties, CampaignCatalog catalog, Clock clock) {
        this.reviews = reviews;
        this.catalog = catalog;
        this.applications = applications;
        this.progress = progress;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks the case's materials and keeps the findings with the open round of formal review. */
    @Transactional
    public List<FieldViolation> autoCheck(Long applicationId) {
        Application application = progress.lock(applicationId);
        requireFormalReview(application, "自动检查申报材料");
        List<FieldViolation> findings = applications.submissionFindings(applicationId);
        FormalReview round = reviews.findFirstByApplicationIdAndDecisionIsNullOrderByIdDesc(applicationId)
                .orElseGet(() -> new FormalReview(applicationId));
        round.checked(findings.size(), toJson(findings), clock.instant());
        reviews.save(round);
        String summary = findings.isEmpty() ? "未发现问题"
                : "发现" + findings.size() + "处问题：" + findings.stream().map(FieldViolation::message)
                        .collect(Collectors.joining("；"));
        progress.record(applicationId, CaseAction.MATERIALS_CHECKED, findings.isEmpty() ? "CLEAN" : "FINDINGS",
                TextInput.clip(summary, REASON_MAX), SystemActor.INSTANCE);
        return findings;
    }

    /**
     * The office's decision. A pass needs every checklist item that applies to the case's campaign
     * confirmed; a return needs a reason and a correction due date; a rejection needs a reason.
     *
     * @param checklist {@code qualified}, {@code complete}, {@code sealed}, {@code profitable}; an item
     *                  left out counts as not confirmed; {@code profitable} applies only where the
     *                  campaign requires profit in each year ({@code eligibility.profitableEachYear}),
     *                  elsewhere it is neither required nor recorded
     */
    @Transactional
    public FormalReviewOutcome decide(Long applicationId, Map<String, Boolean> checklist, FormalDecision decision,
            String reason, LocalDate correctionDue, AppUser actor) {
        OfficeAccess.require(actor, "decide formal review");
        Map<ChecklistItem, Boolean> items = checklist(checklist == null ? Map.of() : checklist);
        if (decision == null) {
            throw new RuleViolationException("decision", "required", "请选择形式审查结论（通过、退回补正或不通过）");
        }
        Application application = progress.lock(applicationId);
        requireFormalReview(application, "作出形式审查结论");
        items.keySet().retainAll(ChecklistItem.applicableTo(
                catalog.campaign(application.getCampaignId()).definition().eligibility()));
        String why;
        LocalDate due = null;
        switch (decision) {
            case PASS -> {
                List<FieldViolation> unconfirmed = new ArrayList<>();
                for (ChecklistItem item : items.keySet()) {
                    if (!items.get(item)) {
                        unconfirmed.add(new FieldViolation("checklist." + item.key(), "checklist.unconfirmed",
                                "“" + item.label() + "”未确认，不能通过形式审查"));
                    }
                }
                if (!unconfirmed.isEmpty()) {
                    throw new RuleViolationException(unconfirmed);
                }
                why = TextInput.optional(reason, "reason", "审查意见", REASON_MAX);
            }
            case RETURN -> {
                why = TextInput.required(reason, "reason", "退回补正的原因", REASON_MAX);
                due = requireDue(correctionDue);
            }
            case REJECT -> why = TextInput.required(reason, "reason", "不通过的理由", REASON_MAX);
            default -> throw new IllegalStateException("Unknown decision " + decision);
        }
        FormalReview round = reviews.findFirstByApplicationIdAndDecisionIsNullOrderByIdDesc(applicationId)
                .orElseGet(() -> openRound(applicationId));
        round.decide(items, decision, why, due, actor.id(), clock.instant());
        reviews.save(round);
        CaseStage to = switch (decision) {
            case PASS -> CaseStage.MATERIAL_REVIEW;
            case RETURN -> CaseStage.CORRECTION;
            case REJECT -> CaseStage.REJECTED;
        };
        if (decision == FormalDecision.RETURN) {
            // Keeps returnedFrom and the due date on the case, so the resubmission comes back to formal review.
            applications.returnForCorrection(applicationId, why, due, actor);
        } else {
            progress.move(applicationId, Set.of(CaseStage.FORMAL_REVIEW), to, CaseAction.FORMAL_REVIEWED,
                    decision.name(), why, actor);
        }
        return new FormalReviewOutcome(applicationId, decision, to);
    }

    /** The case's rounds of formal review, oldest first. */
    @Transactional(readOnly = true)
    public List<FormalReview> rounds(Long applicationId) {
        return reviews.findByApplicationIdOrderById(applicationId);
    }

    private FormalReview openRound(Long applicationId) {
        List<FieldViolation> findings = applications.submissionFindings(applicationId);
        FormalReview round = new FormalReview(applicationId);
        round.checked(findings.size(), toJson(findings), clock.instant());
        return round;
    }

    private static Map<ChecklistItem, Boolean> checklist(Map<String, Boolean> raw) {
        List<FieldViolation> unknown = raw.keySet().stream().filter(key -> ChecklistItem.byKey(key).isEmpty()).sorted()
                .map(key -> new FieldViolation("checklist." + key, "checklist.unknown", "形式审查清单中没有“" + key
                        + "”一项，可选：qualified、complete、sealed、profitable"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException(unknown);
        }
        Map<ChecklistItem, Boolean> items = new EnumMap<>(ChecklistItem.class);
        for (ChecklistItem item : ChecklistItem.values()) {
            items.put(item, Boolean.TRUE.equals(raw.get(item.key())));
        }
        return items;
    }

    private LocalDate requireDue(LocalDate due) {
        if (due == null) {
            throw new RuleViolationException("correctionDue", "required", "请填写补正期限");
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (due.isBefore(today)) {
            throw new RuleViolationException("correctionDue", "date.past", "补正期限" + due + "早于今天（" + today + "）");
        }
        return due;
    }

    private static void requireFormalReview(Application application, String what) {
        if (application.getStage() != CaseStage.FORMAL_REVIEW) {
            throw new ConflictException("case.stage", "案件" + application.getCaseNumber() + "当前为“"
                    + application.getStage().label() + "”，不能" + what + "（只能在形式审查阶段办理）");
        }
    }

    private String toJson(List<FieldViolation> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write formal review findings", e);
        }
    }
}
