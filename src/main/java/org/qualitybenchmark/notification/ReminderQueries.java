package org.qualitybenchmark.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import org.qualitybenchmark.application.Application;

/**
 * Who still has work before a campaign's deadline, read from the case tables: one query per
 * campaign and deadline, on the campaign's indexed columns.
 */
interface ReminderQueries extends Repository<Application, Long> {

    /**
     * Cases filed with a county (a unit the campaign does not list) and waiting for its screening:
     * submitted, and not screened at county level since they were last submitted.
     */
    @Query("""
            select a from Application a
            where a.campaignId = :campaignId
              and a.stage = org.qualitybenchmark.application.CaseStage.SUBMITTED
              and a.unitId not in :listedUnitIds
              and not exists (select e.id from CaseEvent e
                              where e.applicationId = a.id
                                and e.action = org.qualitybenchmark.application.CaseAction.COUNTY_SCREENED
                                and e.actedAt >= a.submittedAt)
            order by a.caseNumber""")
    List<Application> awaitingCountyScreening(@Param("campaignId") Long campaignId,
            @Param("listedUnitIds") Collection<Long> listedUnitIds);

    /** The units of the campaign that have submitted their recommendation list. */
    @Query("select l.unitId from RecommendationList l where l.campaignId = :campaignId")
    List<Long> unitsWithList(@Param("campaignId") Long campaignId);

    /** How many cases wait for screening or for the list, per unit they were filed with and stage. */
    @Query("""
            select a.unitId, a.stage, count(a) from Application a
            where a.campaignId = :campaignId
              and a.stage in (org.qualitybenchmark.application.CaseStage.SUBMITTED,
                              org.qualitybenchmark.application.CaseStage.PROPOSED,
                              org.qualitybenchmark.application.CaseStage.CORRECTION)
            group by a.unitId, a.stage""")
    List<Object[]> waitingByUnit(@Param("campaignId") Long campaignId);
}
