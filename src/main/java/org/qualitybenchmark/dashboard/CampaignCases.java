package org.qualitybenchmark.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    CampaignCases(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        MapSqlParameterSource parameters = new MapSqlParameterSource("campaign", campaignId);
        StringBuilder where = new StringBuilder("a.campaign_id = :campaign");
        if (unitIds != null) {
            where.append(" and a.unit_id in (:units)");
            parameters.addValue("units", unitIds);
        }
        if (stage != null) {
            where.append(" and a.stage = :stage");
            parameters.addValue("stage", stage.name());
        }
        Map<Long, CaseRow> cases = new LinkedHashMap<>();
        jdbc.query("select a.id, a.case_number, a.enterprise_name, a.unit_id, a.stage, a.returned_from, a.created_at"
                + " from qb_application a where " + where + " order by a.case_number", parameters, rs -> {
                    CaseRow row = new CaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            CaseStage.valueOf(rs.getString(5)),
                            rs.getString(6) == null ? null : CaseStage.valueOf(rs.getString(6)), instant(rs, 7));
                    cases.put(row.id(), row);
                });
        Map<Long, List<Object[]>> events = new HashMap<>();
        jdbc.query("select e.application_id, e.stage, e.acted_at from qb_case_event e"
                + " join qb_application a on a.id = e.application_id where " + where
                + " order by e.application_id, e.acted_at, e.id", parameters,
                rs -> {
                    events.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Object[] {rs.getString(2), instant(rs, 3)});
                });
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
        CaseStage in = events.isEmpty() ? row.stage() : CaseStage.valueOf((String) events.get(0)[0]);
        Instant since = row.createdAt();
        for (int i = 0; i < events.size(); i++) {
            CaseStage before = CaseStage.valueOf((String) events.get(i)[0]);
            CaseStage after = i + 1 < events.size() ? CaseStage.valueOf((String) events.get(i + 1)[0]) : row.stage();
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
        jdbc.query("select unit_id, submitted_at from qb_recommendation_list where campaign_id = :campaign",
                new MapSqlParameterSource("campaign", campaignId), rs -> {
                    submitted.put(rs.getLong(1), instant(rs, 2));
                });
        return submitted;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
