package org.qualitybenchmark.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long>, JpaSpecificationExecutor<Application> {

    Optional<Application> findByCampaignIdAndEnterpriseId(Long campaignId, Long enterpriseId);

    Optional<Application> findByOwnerUserIdAndIdempotencyKey(String ownerUserId, String idempotencyKey);

    Optional<Application> findByCaseNumber(String caseNumber);

    List<Application> findByCampaignIdAndUnitIdAndStageIn(Long campaignId, Long unitId, Collection<CaseStage> stages);

    /** The cases filed with any of these units: a recommending unit and the counties under it. */
    List<Application> findByCampaignIdAndUnitIdInAndStageIn(Long campaignId, Collection<Long> unitIds,
            Collection<CaseStage> stages);

    long countByCampaignIdAndUnitIdInAndStageIn(Long campaignId, Collection<Long> unitIds, Collection<CaseStage> stages);

    long countByCampaignIdAndUnitIdInAndStageAndReturnedFrom(Long campaignId, Collection<Long> unitIds, CaseStage stage,
            CaseStage returnedFrom);

    List<Application> findByCampaignIdAndStageInOrderByCaseNumber(Long campaignId, Collection<CaseStage> stages);

    long countByCampaignIdAndUnitIdAndStageIn(Long campaignId, Long unitId, Collection<CaseStage> stages);

    long countByCampaignIdAndUnitIdAndStageAndReturnedFrom(Long campaignId, Long unitId, CaseStage stage,
            CaseStage returnedFrom);

    /** The cases of the campaign of these enterprises (by USCC), each with its enterprise's USCC. */
    @Query("select a, e.uscc from Application a, Enterprise e"
            + " where e.id = a.enterpriseId and a.campaignId = :campaignId and e.uscc in :usccs")
    List<Object[]> findByCampaignIdAndEnterpriseUsccIn(Long campaignId, Collection<String> usccs);

    /** Serialises changes to one case's attachments, so the package limit holds for concurrent uploads. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = :id")
    Optional<Application> lockById(Long id);
}
