package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the API returns about cases. */
public final class CaseViews {

    private CaseViews() {
    }

    @Schema(description = "案件列表中的一行")
    public record CaseSummary(Long id, String caseNumber, String campaign, String unit, String unitName,
            String enterpriseName, String uscc, String title, CaseStage stage, String stageLabel, Integer unitRank,
            Instant submittedAt, Instant updatedAt) {
    }

    @Schema(description = "案件详情")
    public record CaseDetail(Long id, String caseNumber, String campaign, String campaignName, String unit,
            String unitName, CaseStage stage, String stageLabel, Integer unitRank, EnterpriseView enterprise,
            List<Labelled> directions, String title, Map<String, String> texts, List<FigureView> figures,
            ContactView contact, Map<String, Object> fields, List<AttachmentView> attachments,
            List<EventView> history, String ownerUserId, Instant createdAt, Instant updatedAt,
            Instant submittedAt) {
    }

    public record EnterpriseView(String uscc, String name, String registeredRegion, String registeredRegionName,
            OwnershipType ownershipType, String industryCode, String industryName, Integer employees,
            String declaredSize, String computedSize, boolean usccOverridden, String address, String postcode) {
    }

    public record Labelled(String code, String label) {
    }

    public record FigureView(int year, BigDecimal revenue, BigDecimal profit, BigDecimal totalAssets) {
    }

    public record ContactView(String name, String department, String position, String phone, String mobile,
            String email) {
    }

    @Schema(description = "附件")
    public record AttachmentView(Long id, String kind, String kindLabel, String name, String contentType, long size,
            String sha256, String uploadedBy, Instant uploadedAt) {
    }

    @Schema(description = "案件历史中的一条记录")
    public record EventView(Instant at, String actor, String stage, String action, String actionLabel,
            String outcome, String reason) {
    }

    @Schema(description = "分页结果")
    public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
    }
}
