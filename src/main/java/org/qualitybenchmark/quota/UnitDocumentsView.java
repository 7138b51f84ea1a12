package org.qualitybenchmark.quota;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A recommending unit's documents for one campaign: each kind the campaign asks for, with the files
 * uploaded, and whether the unit may still change them.
 *
 * @param editable the signed-in user may upload and delete now (the unit's own staff, before its list is submitted
 *                 and the deadline has passed)
 * @param missing  labels of the required kinds still without a file; the list cannot be submitted until empty
 */
@Schema(description = "推荐单位随推荐名单报送的材料")
public record UnitDocumentsView(String campaign, String unit, String unitName, boolean listSubmitted,
        boolean editable, List<Kind> kinds, List<String> missing) {

    @Schema(description = "一类推荐单位材料及已上传的文件")
    public record Kind(String code, String label, boolean required, boolean multiple, List<String> extensions,
            long maxFileSizeBytes, List<File> files) {
    }

    @Schema(description = "已上传的文件")
    public record File(Long id, String kind, String name, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }
}
