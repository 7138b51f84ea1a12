package org.qualitybenchmark.importing;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** An import job as the API shows it: progress while it runs, then the faults or what was created. */
@Schema(description = "导入任务")
public record ImportJobView(
        Long id,
        ImportKind kind,
        String kindLabel,
        String campaign,
        String unit,
        String fileName,
        ImportStatus status,
        String statusLabel,
        boolean finished,
        @Schema(description = "当前阶段，如“正在检查”“正在导入”") String phase,
        @Schema(description = "已处理行数") int rowsDone,
        @Schema(description = "数据总行数") int rowsTotal,
        @Schema(description = "进度百分比") int percent,
        int errorCount,
        int createdCount,
        int updatedCount,
        String message,
        @Schema(description = "全部错误：行号（与 Excel 显示一致）、列、列标题、单元格内容、说明") List<RowError> errors,
        @Schema(description = "导入成功时逐行列出新建或更新的对象；申报导入附案件编号与案件 id") List<Importer.Item> items,
        @Schema(description = "标出错误的工作簿下载地址（有错误时）") String errorWorkbook,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {
}
