package org.qualitybenchmark.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.dashboard.DashboardService.CampaignOption;
import org.qualitybenchmark.dashboard.DashboardService.DrillCase;
import org.qualitybenchmark.dashboard.DashboardService.DrillDown;

/**
 * The dashboard's figures, the cases behind them, the diagram and the Excel export. Managers, the
 * office and administrators see every case; a unit's staff only their own unit's (a city also its
 * counties'), and asking for another unit is refused (403).
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "进度看板", description = "各遴选活动的瓶颈：阶段漏斗、积压、逾期、停留时长、处理量、单位与专家进度")
class DashboardController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardService dashboard;
    private final DashboardWorkbook workbook;

    DashboardController(DashboardService dashboard, DashboardWorkbook workbook) {
        this.dashboard = dashboard;
        this.workbook = workbook;
    }

    @GetMapping("/campaigns")
    @Operation(summary = "可查看的遴选活动", description = "year 只列该年度的活动")
    List<CampaignOption> campaigns(@RequestParam(required = false) Integer year) {
        return dashboard.campaigns(year, CurrentUser.get());
    }

    @GetMapping("/figures")
    @Operation(summary = "一个遴选活动的全部指标", description = "stage：只计当前处于该阶段的案件；unit：只计该推荐单位"
            + "（及其下属县区）的案件")
    DashboardFigures figures(@RequestParam String campaign, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String unit) {
        return dashboard.figures(campaign, stage, unit, CurrentUser.get());
    }

    @GetMapping("/cases")
    @Operation(summary = "某个数字背后的案件清单", description = "figure：current、reached、queue、overdue、dwell、"
            + "throughput、unit、expert、activity 或 all；其余参数见各指标")
    List<DrillCase> cases(@RequestParam String campaign, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "all") String figure,
            @RequestParam(required = false) String at, @RequestParam(required = false) String bucket,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String unitRow,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String process,
            @RequestParam(required = false) String activity) {
        return dashboard.cases(campaign, stage, unit,
                new DrillDown(figure, at, bucket, date, kind, unitRow, expert, process, activity), CurrentUser.get());
    }

    @GetMapping(value = "/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "案件流程或阶段子流程的 BPMN 图（XML）")
    ResponseEntity<String> diagram(@RequestParam String campaign, @RequestParam String process) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .body(dashboard.diagramXml(campaign, process, CurrentUser.get()));
    }

    @GetMapping("/export")
    @Operation(summary = "导出全部指标（Excel，每项指标一个工作表）")
    ResponseEntity<byte[]> export(@RequestParam String campaign, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String unit) {
        DashboardFigures figures = dashboard.figures(campaign, stage, unit, CurrentUser.get());
        byte[] bytes = workbook.write(figures);
        String name = "进度看板-" + figures.campaign().name() + "-" + figures.today() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
