package org.qualitybenchmark.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import org.qualitybenchmark.application.CaseStage;

/**
 * Reads one campaign's cases and their stage history, two queries in all, each led by the campaign
 * on its indexes ({@code qb_application (campaign_id, unit_id, stage)}, {@code qb_case_event
 * (application_id, acted_at)}), and turns each case's history into its stays in each stage.
 */
@Repository
class CampaignCases {

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entities;

    CampaignCases(NamedParameterJdbcTemplate jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    /** A case as the dashboard counts it. */
    record CaseRow(long id, String caseNumber, String enterpriseName, long unitId, CaseStage stage, CaseStage returnedFrom,
            Instant createdAt) {
    }

    /** A stay in one stage; {@code to} is null while the case is still there. */
    record Stay(CaseStage stage, Instant from, Instant to) {
    }

    /** A case with its stays in order, the last one being where it stands now. */
    record Timeline(CaseRow row, List<Stay> stays) {

        Stay current() {
            return stays.get(stays.size() - 1);
        }

        boolean reached(CaseStage stage) {
            return stays.stream().anyMatch(s -> s.stage() == stage);
        }
    }

    /**
     * The campaign's cases with their stays.
     *
     * @param unitIds the units whose cases count; null for all
     * @param stage   only cases now in this stage; null for all
     */
    List<Timeline> timelines(long campaignId, Collection<Long> unitIds, CaseStage stage) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        // JPQL, so that the timestamps are read back as Hibernate wrote them (UTC) on every database.
        String where = "a.campaignId = :campaign" + (unitIds != null ? " and a.unitId in :units" : "")
                + (stage != null ? " and a.stage = :stage" : "");
        TypedQuery<Object[]> caseQuery = entities.createQuery("select a.id, a.caseNumber, a.enterpriseName, a.unitId,"
                + " a.stage, a.returnedFrom, a.createdAt from Application a where " + where + " order by a.caseNumber",
                Object[].class);
        TypedQuery<Object[]> eventQuery = entities.createQuery("select e.applicationId, e.stage, e.actedAt"
                + " from CaseEvent e, Application a where a.id = e.applicationId and " + where
                + " order by e.applicationId, e.actedAt, e.id", Object[].class);
        for (TypedQuery<Object[]> query : List.of(caseQuery, eventQuery)) {
            query.setParameter("campaign", campaignId);
            if (unitIds != null) {
                query.setParameter("units", unitIds);
            }
            if (stage != null) {
                query.setParameter("stage", stage);
            }
        }
        Map<Long, CaseRow> cases = new LinkedHashMap<>();
        for (Object[] r : caseQuery.getResultList()) {
            CaseRow row = new CaseRow((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (CaseStage) r[4],
                    (CaseStage) r[5], (Instant) r[6]);
            cases.put(row.id(), row);
        }
        Map<Long, List<Object[]>> events = new HashMap<>();
        for (Object[] r : eventQuery.getResultList()) {
            events.computeIfAbsent((Long) r[0], id -> new ArrayList<>()).add(new Object[] {r[1], r[2]});
        }
        List<Timeline> timelines = new ArrayList<>(cases.size());
        for (CaseRow row : cases.values()) {
            timelines.add(new Timeline(row, stays(row, events.getOrDefault(row.id(), List.of()))));
        }
        return timelines;
    }

    /**
     * Each history entry records the stage the case was in when it happened; where the next entry
     * (or, after the last, the case itself) stands elsewhere, the entry moved the case, at its time.
     */
    static List<Stay> stays(CaseRow row, List<Object[]> events) {
        List<Stay> stays = new ArrayList<>();
        CaseStage in = events.isEmpty() ? row.stage() : CaseStage.valueOf(events.get(0)[0].toString());
        Instant since = row.createdAt();
        for (int i = 0; i < events.size(); i++) {
            CaseStage before = CaseStage.valueOf(events.get(i)[0].toString());
            CaseStage after = i + 1 < events.size() ? CaseStage.valueOf(events.get(i + 1)[0].toString()) : row.stage();
            if (before != after) {
                Instant at = (Instant) events.get(i)[1];
                stays.add(new Stay(before, since, at));
                in = after;
                since = at;
            }
        }
        stays.add(new Stay(in, since, null));
        return stays;
    }

    /** An expert's assignment to a case at one review stage, and whether they have scored it yet. */
    record AssignmentRow(long applicationId, String expertUserId, String stage, boolean scored) {
    }

    /**
     * The campaign's expert assignments on the cases that count (as {@link #timelines}), each with
     * whether its expert has scored the case at that stage.
     */
    List<AssignmentRow> assignments(long campaignId, Collection<Long> unitIds, CaseStage stage) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("campaign", campaignId);
        StringBuilder where = new StringBuilder("ea.campaign_id = :campaign");
        if (unitIds != null) {
            where.append(" and a.unit_id in (:units)");
            parameters.addValue("units", unitIds);
        }
        if (stage != null) {
            where.append(" and a.stage = :stage");
            parameters.addValue("stage", stage.name());
        }
        return jdbc.query("select ea.application_id, ea.expert_user_id, ea.stage, case when exists (select 1 from qb_score s"
                + " where s.application_id = ea.application_id and s.stage = ea.stage"
                + " and s.expert_user_id = ea.expert_user_id) then 1 else 0 end"
                + " from qb_expert_assignment ea join qb_application a on a.id = ea.application_id where " + where
                + " order by ea.expert_user_id, ea.application_id", parameters,
                (rs, n) -> new AssignmentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1));
    }

    /** The experts' names from the roster. */
    Map<String, String> expertNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.query("select user_id, name from qb_expert where user_id in (:ids)",
                    new MapSqlParameterSource("ids", userIds), rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** When each unit of the campaign submitted its recommendation list, by unit id. */
    Map<Long, Instant> listsSubmitted(long campaignId) {
        Map<Long, Instant> submitted = new HashMap<>();
        for (Object[] r : entities.createQuery("select l.unitId, l.submittedAt from RecommendationList l"
                + " where l.campaignId = :campaign", Object[].class).setParameter("campaign", campaignId).getResultList()) {
            submitted.put((Long) r[0], (Instant) r[1]);
        }
        return submitted;
    }
}
