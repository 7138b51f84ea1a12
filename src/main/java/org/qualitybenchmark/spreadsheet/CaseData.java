package org.qualitybenchmark.spreadsheet;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseEvent;
import org.qualitybenchmark.enterprise.Enterprise;

/**
 * Reads what the exports show of a set of cases with a fixed number of queries, however many cases
 * there are: the cases with their directions, figures and extra fields, their texts when a column
 * needs them, their enterprises, and the recommending unit's opinion given at screening. Callers run
 * it inside a read-only transaction.
 */
@Component
class CaseData {

    private final EntityManager entities;

    CaseData(EntityManager entities) {
        this.entities = entities;
    }

    /** The cases, in the order of the ids given. */
    List<Application> applications(List<Long> ids, boolean withTexts) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One query per collection: fetching them all in one would multiply the rows.
        List<Application> found = entities.createQuery(
                "select distinct a from Application a left join fetch a.directions where a.id in :ids", Application.class)
                .setParameter("ids", ids).getResultList();
        entities.createQuery("select distinct a from Application a left join fetch a.figures where a.id in :ids",
                Application.class).setParameter("ids", ids).getResultList();
        entities.createQuery("select distinct a from Application a left join fetch a.fields where a.id in :ids",
                Application.class).setParameter("ids", ids).getResultList();
        if (withTexts) {
            entities.createQuery("select distinct a from Application a left join fetch a.texts where a.id in :ids",
                    Application.class).setParameter("ids", ids).getResultList();
        }
        Map<Long, Application> byId = found.stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The cases without their collections, for lists that show only names and numbers. */
    List<Application> basic(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entities.createQuery("select a from Application a where a.id in :ids", Application.class)
                .setParameter("ids", ids).getResultList();
    }

    Map<Long, Enterprise> enterprises(Collection<Application> applications) {
        List<Long> ids = applications.stream().map(Application::getEnterpriseId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return entities.createQuery("select e from Enterprise e where e.id in :ids", Enterprise.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(Enterprise::getId, Function.identity()));
    }

    /** The opinion the recommending unit wrote when it recommended each case (初审意见), the latest if several. */
    Map<Long, String> opinions(Collection<Long> applicationIds) {
        Map<Long, String> opinions = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return opinions;
        }
        entities.createQuery("select e from CaseEvent e where e.applicationId in :ids and e.action = :action"
                + " and e.outcome = 'RECOMMEND' order by e.actedAt, e.id", CaseEvent.class)
                .setParameter("ids", applicationIds).setParameter("action", CaseAction.SCREENED)
                .getResultStream()
                .filter(e -> e.getReason() != null && !e.getReason().isBlank())
                .forEach(e -> opinions.put(e.getApplicationId(), e.getReason()));
        return opinions;
    }

    /** The ids of the campaign's cases that went through this step, e.g. {@link CaseAction#ANNOUNCED}. */
    List<Long> casesThrough(Long campaignId, CaseAction action) {
        return entities.createQuery("select distinct e.applicationId from CaseEvent e, Application a"
                + " where a.id = e.applicationId and a.campaignId = :campaign and e.action = :action", Long.class)
                .setParameter("campaign", campaignId).setParameter("action", action).getResultList();
    }
}
