package org.qualitybenchmark.campaign;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.CampaignUnit;
import org.qualitybenchmark.campaign.config.UnitDefinition;
import org.qualitybenchmark.support.Hashes;

/**
 * What other modules ask about campaigns and units. At start-up it mirrors the validated
 * configuration into our tables (inserting new campaigns and units, updating changed ones) and
 * then answers from memory, so case lists and validations cost no extra queries.
 */
@Service
public class CampaignCatalog implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CampaignCatalog.class);

    private final CampaignRegistry registry;
    private final CampaignRepository campaigns;
    private final RecommendingUnitRepository units;
    private final CampaignUnitQuotaRepository quotas;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final Map<String, CampaignRef> campaignsByCode = new ConcurrentHashMap<>();
    private final Map<Long, CampaignRef> campaignsById = new ConcurrentHashMap<>();
    private final Map<Long, UnitRef> unitsById = new ConcurrentHashMap<>();
    private final Map<String, UnitRef> unitsByGroup = new ConcurrentHashMap<>();

    public CampaignCatalog(CampaignRegistry registry, CampaignRepository campaigns, RecommendingUnitRepository units,
            CampaignUnitQuotaRepository quotas, TransactionTemplate transactions, Clock clock) {
        this.registry = registry;
        this.campaigns = campaigns;
        this.units = units;
        this.quotas = quotas;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A campaign as configured, with its row id. */
    public record CampaignRef(Long id, CampaignDefinition definition) {
        public String code() {
            return definition.code();
        }
    }

    /** A recommending unit, with its row id. */
    public record UnitRef(Long id, UnitDefinition definition) {
        public String code() {
            return definition.code();
        }

        public String name() {
            return definition.name();
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> synchronise());
    }

    private void synchronise() {
        Map<String, RecommendingUnit> unitRows = new HashMap<>();
        for (UnitDefinition definition : parentsFirst(registry.units())) {
            RecommendingUnit row = units.findByCode(definition.code())
                    .orElseGet(() -> new RecommendingUnit(definition.code()));
            Long parentId = definition.parent() == null ? null : unitRows.get(definition.parent()).getId();
            row.apply(definition, parentId);
            row = units.save(row);
            unitRows.put(definition.code(), row);
            UnitRef ref = new UnitRef(row.getId(), definition);
            unitsById.put(row.getId(), ref);
            unitsByGroup.put(definition.groupId(), ref);
        }
        for (CampaignDefinition definition : registry.campaigns()) {
            synchronise(definition, unitRows::get);
        }
    }

    private void synchronise(CampaignDefinition definition, Function<String, RecommendingUnit> unitRows) {
        String source = registry.source(definition.code());
        Campaign row = campaigns.findByCode(definition.code()).orElseGet(() -> new Campaign(definition.code()));
        if (row.apply(definition, source, Hashes.sha256Hex(source.getBytes(StandardCharsets.UTF_8)), clock.instant())) {
            log.info("Campaign {} configuration loaded ({} units)", definition.code(), definition.units().size());
        }
        row = campaigns.save(row);
        syncQuotas(row.getId(), definition, unitRows);
        CampaignRef ref = new CampaignRef(row.getId(), definition);
        campaignsByCode.put(definition.code(), ref);
        campaignsById.put(row.getId(), ref);
    }

    /**
     * Takes in a campaign the registry gained while running (a process owner deployed a new year):
     * its row, its quotas, and from then on answers about it like about the others.
     */
    public CampaignRef register(String code) {
        CampaignDefinition definition = registry.campaign(code)
                .orElseThrow(() -> new IllegalArgumentException("没有代码为「" + code + "」的遴选活动"));
        transactions.executeWithoutResult(status -> synchronise(definition,
                unitCode -> units.findByCode(unitCode).orElseThrow()));
        return campaignsByCode.get(code);
    }

    /**
     * Takes in units and campaign units the registry changed while running (an import): mirrors the
     * configuration into the tables again, as at start-up, and from then on answers with it. Joins
     * the caller's transaction; if that rolls back, the mirror is made again in one of its own, so
     * the tables follow the configuration files, which are the truth.
     */
    public void reload() {
        transactions.executeWithoutResult(status -> synchronise());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                TransactionTemplate fresh = new TransactionTemplate(transactions.getTransactionManager());
                                fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                                fresh.executeWithoutResult(s -> synchronise());
                            }
                        }
                    });
        }
    }

    private void syncQuotas(Long campaignId, CampaignDefinition definition, Function<String, RecommendingUnit> unitRows) {
        Map<Long, CampaignUnitQuota> existing = quotas.findByCampaignId(campaignId).stream()
                .collect(Collectors.toMap(CampaignUnitQuota::getUnitId, q -> q));
        for (CampaignUnit entry : definition.units()) {
            RecommendingUnit unit = unitRows.apply(entry.unit());
            Integer quota = definition.quota().quotaFor(unit.getKind(), entry).orElse(null);
            CampaignUnitQuota row = existing.get(unit.getId());
            if (row == null) {
                quotas.save(new CampaignUnitQuota(campaignId, unit.getId(), quota));
            } else {
                row.setQuota(quota);
            }
        }
    }

    private static List<UnitDefinition> parentsFirst(List<UnitDefinition> all) {
        Map<String, UnitDefinition> byCode = all.stream().collect(Collectors.toMap(UnitDefinition::code, u -> u));
        Map<String, Integer> depth = new HashMap<>();
        for (UnitDefinition unit : all) {
            int d = 0;
            for (UnitDefinition u = unit; u.parent() != null && d <= all.size(); u = byCode.get(u.parent())) {
                d++;
            }
            depth.put(unit.code(), d);
        }
        return all.stream().sorted((a, b) -> depth.get(a.code()) - depth.get(b.code())).toList();
    }

    public List<CampaignRef> campaigns() {
        return registry.campaigns().stream().map(d -> campaignsByCode.get(d.code())).toList();
    }

    public Optional<CampaignRef> campaign(String code) {
        return Optional.ofNullable(code).map(campaignsByCode::get);
    }

    public CampaignRef campaign(Long id) {
        return Optional.ofNullable(campaignsById.get(id))
                .orElseThrow(() -> new IllegalStateException("No campaign with id " + id));
    }

    public Optional<UnitRef> unit(String code) {
        return registry.unit(code).map(d -> unitsByGroup.get(d.groupId()));
    }

    public UnitRef unit(Long id) {
        return Optional.ofNullable(unitsById.get(id))
                .orElseThrow(() -> new IllegalStateException("No unit with id " + id));
    }

    /** The units whose staff groups are among these identity-service groups. */
    public Set<UnitRef> unitsOfGroups(Collection<String> groupIds) {
        return groupIds.stream().map(unitsByGroup::get).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** A unit's quota in a campaign; empty when it has none, or when it does not take part. */
    public Optional<Integer> quota(CampaignRef campaign, UnitRef unit) {
        return campaign.definition().unit(unit.code())
                .flatMap(entry -> campaign.definition().quota().quotaFor(unit.definition().kind(), entry));
    }

    /**
     * Locks the unit's row of the campaign until the caller's transaction ends, so that decisions
     * counted against the unit's quota (and its ranks and list) are taken one after the other.
     *
     * @throws IllegalArgumentException if the unit does not take part in the campaign
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockUnit(Long campaignId, Long unitId) {
        quotas.lockByCampaignIdAndUnitId(campaignId, unitId).orElseThrow(() -> new IllegalArgumentException(
                "Unit " + unitId + " does not take part in campaign " + campaignId));
    }

    /** Allocates the next human-friendly case number, e.g. HEB2022-0007, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String allocateCaseNumber(Long campaignId) {
        return campaigns.lockById(campaignId).orElseThrow().allocateCaseNumber();
    }
}
