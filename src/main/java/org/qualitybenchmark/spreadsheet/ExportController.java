package org.qualitybenchmark.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.review.ReviewStage;
import org.qualitybenchmark.support.NotFoundException;

@RestController
@RequestMapping("/api/campaigns/{code}/exports")
@Tag(name = "Excel 导出", description = "推荐汇总表（按活动模板）、专家评分表、公示名单、公布名单")
@SecurityRequirement(name = "basic")
class ExportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SummaryTableExport summaries;
    private final ScoreSheetExport scores;
    private final ResultListExport results;
    private final ExportAccess access;

    ExportController(SummaryTableExport summaries, ScoreSheetExport scores, ResultListExport results,
            ExportAccess access) {
        this.summaries = summaries;
        this.scores = scores;
        this.results = results;
        this.access = access;
    }

    /**
     * One file the signed-in user may download.
     *
     * @param unit the recommending unit, for a summary table
     */
    record Available(String kind, String label, String href, String unit, String unitName) {
    }

    @GetMapping
    @Operation(summary = "可下载的 Excel 文件",
            description = "当前用户在本活动可以下载的文件：组织单位、管理人员为各评审环节的专家评分表、公示名单、公布名单"
                    + "（是否已有数据以下载时为准）；本活动有汇总表模板时，还有用户可下载的各推荐单位的推荐汇总表")
    List<Available> available(@PathVariable String code) {
        CampaignRef campaign = access.campaign(code);
        AppUser actor = CurrentUser.get();
        String base = "/api/campaigns/" + campaign.code() + "/exports";
        List<Available> files = new ArrayList<>();
        if (actor.seesAllCases() || actor.has(Role.EXPERT)) {
            for (ReviewStage stage : ReviewStage.values()) {
                files.add(new Available("scores", stage.label() + (actor.seesAllCases() ? "专家评分表" : "专家评分表（本人）"),
                        base + "/scores/" + stage.name(), null, null));
            }
        }
        if (actor.seesAllCases()) {
            files.add(new Available("public-notice", "公示名单", base + "/public-notice-list", null, null));
            files.add(new Available("final", "公布名单", base + "/final-list", null, null));
        }
        if (summaries.configured(campaign)) {
            String title = campaign.definition().recommendation().summaryTable().title();
            for (UnitRef unit : access.summaryUnits(campaign, actor)) {
                files.add(new Available("summary-table", title, base + "/summary-tables/" + unit.code(), unit.code(),
                        unit.name()));
            }
        }
        return files;
    }

    @GetMapping("/summary-tables/{unit}")
    @Operation(summary = "下载推荐汇总表",
            description = "按活动通知的汇总表模板（recommendation.summaryTable）生成：推荐名单已报送时为名单中的案件（名单顺序），"
                    + "报送前为拟推荐的案件（推荐排序）。推荐单位工作人员只能下载本单位的（设区市也可下载下属县区的），"
                    + "组织单位、管理人员可下载全部")
    ResponseEntity<byte[]> summaryTable(@PathVariable String code, @PathVariable String unit) {
        return file(summaries.export(code, unit, CurrentUser.get()));
    }

    @GetMapping("/scores/{stage}")
    @Operation(summary = "下载专家评分表",
            description = "stage 为 MATERIAL_REVIEW（资料评审）、DEFENSE（答辩评审）或 SITE_VISIT（现场考察）。组织单位、管理人员"
                    + "得到评分汇总（各专家总分与系统计算的得分）和每位专家的评分表；专家只得到本人的评分表")
    ResponseEntity<byte[]> scores(@PathVariable String code, @PathVariable String stage) {
        ReviewStage reviewStage;
        try {
            reviewStage = ReviewStage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("评审环节“" + stage + "”不存在；可用：MATERIAL_REVIEW（资料评审）、DEFENSE（答辩评审）、"
                    + "SITE_VISIT（现场考察）");
        }
        return file(scores.export(code, reviewStage, CurrentUser.get()));
    }

    @GetMapping("/public-notice-list")
    @Operation(summary = "下载公示名单", description = "公示开始后可下载；组织单位、管理人员")
    ResponseEntity<byte[]> publicNoticeList(@PathVariable String code) {
        return file(results.publicNotice(code, CurrentUser.get()));
    }

    @GetMapping("/final-list")
    @Operation(summary = "下载公布名单", description = "结果公告后可下载；组织单位、管理人员")
    ResponseEntity<byte[]> finalList(@PathVariable String code) {
        return file(results.finalList(code, CurrentUser.get()));
    }

    /** The file under its Chinese name, encoded as RFC 5987 filename* (UTF-8), which browsers decode. */
    static ResponseEntity<byte[]> file(Download download) {
        String disposition = ContentDisposition.attachment()
                .filename(download.fileName(), StandardCharsets.UTF_8).build().toString();
        return ResponseEntity.ok()
                .contentType(XLSX)
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(download.content());
    }
}
