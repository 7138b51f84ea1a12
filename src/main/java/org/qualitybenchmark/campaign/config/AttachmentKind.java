package org.qualitybenchmark.campaign.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.util.unit.DataSize;

/**
 * One kind of file, e.g. 申报书 or 典型经验材料.
 *
 * @param extensions               allowed file name endings, lower case without the dot ("pdf", "docx")
 * @param maxFileSize              the largest single file
 * @param required                 a case cannot be submitted without at least one file of this kind
 *                                 (only kinds uploaded before submission, i.e. with DRAFT among their stages)
 * @param multiple                 more than one file of this kind may be attached
 * @param nameMustMatchEnterprise  the file must be named after the enterprise's full name
 *                                 (以“申报企业全称”命名), ignoring its extension
 * @param uploadStages             the case stages in which files of this kind may be added or removed, by
 *                                 name (see {@link CaseStageNames}); absent means {@link #DEFAULT_UPLOAD_STAGES}
 */
public record AttachmentKind(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*", message = "只能使用小写字母、数字和连字符") String code,
        @NotBlank String label,
        boolean required,
        boolean multiple,
        @NotEmpty List<@Pattern(regexp = "[a-z0-9]{1,10}", message = "扩展名应为小写字母或数字，不带点") String> extensions,
        @NotNull DataSize maxFileSize,
        boolean nameMustMatchEnterprise,
        @NotEmpty(message = "不能为空列表；不写则为 DRAFT、CORRECTION") List<String> uploadStages) {

    /** While the applicant prepares the case, and while it is back with them for correction. */
    public static final List<String> DEFAULT_UPLOAD_STAGES = List.of("DRAFT", "CORRECTION");

    public AttachmentKind {
        // Copied without List.copyOf: an empty "- " item reads as null and is reported by the checks, not here.
        uploadStages = uploadStages == null ? DEFAULT_UPLOAD_STAGES : Collections.unmodifiableList(new ArrayList<>(uploadStages));
    }

    public boolean uploadableIn(String stage) {
        return uploadStages.contains(stage);
    }
}
