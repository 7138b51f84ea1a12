package org.qualitybenchmark.campaign.config;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.util.unit.DataSize;

/**
 * One kind of document a recommending unit sends with its recommendation list, e.g. 推荐文件 or
 * Liaoning's 推荐汇总表（附件3）. Not a file of any case: it belongs to the unit's list.
 *
 * @param required    the unit cannot submit its list without at least one file of this kind
 * @param multiple    more than one file of this kind may be uploaded
 * @param extensions  allowed file name endings, lower case without the dot
 * @param maxFileSize the largest single file
 * @param unitKinds   the kinds of unit that send it; empty means every unit of the campaign (Shandong's
 *                    cities send a 推荐文件, the enterprises that report directly have nobody to write one)
 */
public record UnitDocumentKind(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*", message = "只能使用小写字母、数字和连字符") String code,
        @NotBlank String label,
        boolean required,
        boolean multiple,
        @NotEmpty List<@Pattern(regexp = "[a-z0-9]{1,10}", message = "扩展名应为小写字母或数字，不带点") String> extensions,
        @NotNull DataSize maxFileSize,
        List<@NotNull UnitKind> unitKinds) {

    public UnitDocumentKind {
        unitKinds = unitKinds == null ? List.of() : List.copyOf(unitKinds);
    }

    /** Whether a unit of this kind sends this document. */
    public boolean sentBy(UnitKind kind) {
        return unitKinds.isEmpty() || unitKinds.contains(kind);
    }
}
