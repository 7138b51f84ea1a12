package org.qualitybenchmark.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.ReviewRules;
import org.qualitybenchmark.support.ConflictException;

/**
 * Puts together the experts who score a case at a review stage. An expert never scores a case of
 * the recommending unit they belong to, nor one of the enterprise they work for (回避). Among the
 * others the least loaded in the campaign come first, so the work spreads evenly; equal loads go by
 * login, so the same pool always gives the same panel.
 */
@Service
public class ExpertAssignmentService {

    private final ExpertRepository experts;
    private final ExpertAssignmentRepository assignments;
    private final CaseProgress progress;
    private final CampaignCatalog catalog;
    private final Clock clock;
    private final UnitHierarchy hierarchy;
    private final ApplicationEventPublisher events;

    ExpertAssignmentService(ExpertRepository experts, ExpertAssignmentRepository assignments, CaseProgress progress,
            CampaignCatalog catalog, Clock clock, UnitHierarchy hierarchy, ApplicationEventPublisher events) {
        this.hierarchy = hierarchy;
        this.events = events;
        this.experts = experts;
        this.assignments = assignments;
        this.progress = progress;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Assigns {@code expertsPerCase} experts for material review, {@code defensePanelSize} for the
     * defense and a site visit. Asking again returns the experts assigned the first time.
     *
     * @return the experts' logins, in the order they were chosen
     */
    @Transactional
    public List<String> assign(Long applicationId, ReviewStage stage) {
        Application application = progress.lock(applicationId);
        List<ExpertAssignment> existing = assignments.findByApplicationIdAndStageOrderById(applicationId, stage);
        if (!existing.isEmpty()) {
            return existing.stream().map(ExpertAssignment::getExpertUserId).toList();
        }
        if (application.getStage() != stage.caseStage()) {
            throw new ConflictException("case.stage", "案件" + application.getCaseNumber() + "当前为“"
                    + application.getStage().label() + "”，不能分配" + stage.label() + "专家");
        }
        ReviewRules rules = catalog.campaign(application.getCampaignId()).definition().review();
        int needed = stage == ReviewStage.MATERIAL_REVIEW ? rules.expertsPerCase() : rules.defensePanelSize();
        Map<String, Long> load = new HashMap<>();
        for (Object[] row : assignments.countByExpert(application.getCampaignId())) {
            load.put((String) row[0], (Long) row[1]);
        }
        // An expert of a city recuses from the cases filed with its counties too.
        Set<Long> units = new HashSet<>(Set.of(application.getUnitId()));
        hierarchy.ancestors(catalog.unit(application.getUnitId())).forEach(unit -> units.add(unit.id()));
        List<Expert> eligible = eligible(experts.findByActiveTrueOrderByUserId(), load, units,
                application.getEnterpriseName());
        if (eligible.size() < needed) {
            throw new ConflictException("experts.insufficient", "案件" + application.getCaseNumber() + "的" + stage.label()
                    + "需要" + needed + "位专家，专家库中回避后可分配的只有" + eligible.size() + "位，请先补充专家");
        }
        Instant now = clock.instant();
        List<String> chosen = eligible.subList(0, needed).stream().map(Expert::getUserId).toList();
        for (String expert : chosen) {
            assignments.save(new ExpertAssignment(applicationId, application.getCampaignId(), stage, expert, now));
        }
        progress.record(applicationId, CaseAction.EXPERTS_ASSIGNED, stage.name(),
                stage.label() + "专家：" + String.join("、", chosen), SystemActor.INSTANCE);
        events.publishEvent(new ExpertsAssigned(applicationId, stage, chosen));
        return chosen;
    }

    @Transactional(readOnly = true)
    public List<String> assigned(Long applicationId, ReviewStage stage) {
        return assignments.findByApplicationIdAndStageOrderById(applicationId, stage).stream()
                .map(ExpertAssignment::getExpertUserId).toList();
    }

    /**
     * The active experts who may score a case of this unit and enterprise, least loaded first, equal
     * loads by login. Organisation and enterprise name are compared as written, ignoring spaces and the
     * difference between full-width and half-width brackets, which enterprise names are written with
     * either way.
     */
    static List<Expert> eligible(List<Expert> active, Map<String, Long> load, Long unitId, String enterpriseName) {
        return eligible(active, load, Set.of(unitId), enterpriseName);
    }

    /** As above, for a case whose unit lies under others (a county's case: the county and its city). */
    static List<Expert> eligible(List<Expert> active, Map<String, Long> load, Set<Long> unitIds, String enterpriseName) {
        String enterprise = normalise(enterpriseName);
        return active.stream()
                .filter(e -> e.getUnitId() == null || !unitIds.contains(e.getUnitId()))
                .filter(e -> !normalise(e.getOrganisation()).equals(enterprise))
                .sorted(Comparator.comparingLong((Expert e) -> load.getOrDefault(e.getUserId(), 0L))
                        .thenComparing(Expert::getUserId))
                .toList();
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        return name.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
    }
}
