package org.qualitybenchmark.quota;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitDocumentRepository extends JpaRepository<UnitDocument, Long> {

    List<UnitDocument> findByCampaignIdAndUnitIdOrderByUploadedAtAscIdAsc(Long campaignId, Long unitId);
}
