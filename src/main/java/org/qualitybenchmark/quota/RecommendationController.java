package org.qualitybenchmark.quota;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.support.NotFoundException;

@RestController
@RequestMapping("/api/campaigns/{code}/units/{unit}/recommendations")
@Tag(name = "推荐名单", description = "推荐单位的推荐名额、拟推荐案件及排序、推荐名单报送情况")
@SecurityRequirement(name = "basic")
class RecommendationController {

    private final RecommendationService recommendations;
    private final CampaignCatalog catalog;

    RecommendationController(RecommendationService recommendations, CampaignCatalog catalog) {
        this.recommendations = recommendations;
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "查看推荐名单", description = "推荐单位工作人员只能查看本单位；组织单位、管理人员可查看全部推荐单位")
    RecommendationListView get(@PathVariable String code, @PathVariable String unit) {
        CampaignRef campaign = campaign(code);
        return recommendations.list(campaign.id(), unit(unit).id(), CurrentUser.get());
    }

    @Schema(description = "拟推荐案件的新顺序")
    record OrderRequest(@Schema(description = "本单位全部拟推荐案件的 id，排在第一位的在前") List<Long> applicationIds) {
    }

    @PutMapping("/order")
    @Operation(summary = "调整推荐排序", description = "按给出的顺序把本单位全部拟推荐案件排为第1至n位；报送推荐名单前可用")
    RecommendationListView reorder(@PathVariable String code, @PathVariable String unit,
            @RequestBody OrderRequest request) {
        CampaignRef campaign = campaign(code);
        UnitRef ref = unit(unit);
        recommendations.reorder(campaign.id(), ref.id(), request.applicationIds(), CurrentUser.get());
        return recommendations.list(campaign.id(), ref.id(), CurrentUser.get());
    }

    private CampaignRef campaign(String code) {
        return catalog.campaign(code).orElseThrow(() -> new NotFoundException("未找到遴选活动“" + code + "”"));
    }

    private UnitRef unit(String code) {
        return catalog.unit(code).orElseThrow(() -> RecommendationService.unitNotFound(code));
    }
}
