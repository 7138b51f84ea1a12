package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.qualitybenchmark.enterprise.SizeClass;

/**
 * What an applicant (or a unit on the enterprise's behalf) fills in. A draft may be incomplete;
 * submission requires everything the campaign asks for.
 */
@Schema(description = "申报表")
public record ApplicationForm(
        @Schema(description = "遴选活动代码", example = "hebei-2022-national") @NotBlank(message = "请选择遴选活动") String campaign,
        @Schema(description = "推荐单位代码", example = "he-1301") @NotBlank(message = "请选择推荐单位") String unit,
        @Valid @NotNull(message = "请填写企业信息") EnterpriseInput enterprise,
        @Schema(description = "申报方向代码") List<@NotBlank String> directions,
        @Schema(description = "经验名称（典型经验命名）") @Size(max = 200, message = "不能超过200字") String title,
        @Schema(description = "各部分文字，键为活动模板中的部分，如 overview、implementation") Map<String, String> texts,
        @Schema(description = "近三年财务数据，单位：万元") List<@Valid FigureInput> figures,
        @Valid ContactInput contact,
        @Schema(description = "活动增加的字段；多选字段的值为数组；统计表（TABLE）的值为 {\"rows\": {行键: {列键: 值}}, \"freeRows\": [{\"label\", \"unit\", \"cells\": {列键: 值}}]}") Map<String, Object> fields) {

    public ApplicationForm {
        directions = directions == null ? List.of() : directions;
        texts = texts == null ? Map.of() : texts;
        figures = figures == null ? List.of() : figures;
        fields = fields == null ? Map.of() : fields;
    }

    @Schema(description = "企业信息")
    public record EnterpriseInput(
            @Schema(description = "统一社会信用代码", example = "91130100000000001Y") @NotBlank(message = "请填写统一社会信用代码") String uscc,
            @Schema(description = "企业名称（全称，与公章一致）") @NotBlank(message = "请填写企业名称") @Size(max = 200, message = "不能超过200字") String name,
            @Schema(description = "企业性质") OwnershipType ownershipType,
            @Schema(description = "行业代码（GB/T 4754-2017），2至4位", example = "3670") String industryCode,
            @Schema(description = "从业人员（人）") Integer employees,
            @Schema(description = "填报的企业规模") SizeClass declaredSize,
            @Schema(description = "通讯地址") @Size(max = 300, message = "不能超过300字") String address,
            @Schema(description = "邮编") String postcode) {
    }

    @Schema(description = "一年的财务数据，单位：万元")
    public record FigureInput(
            @NotNull(message = "请填写年份") Integer year,
            @Schema(description = "主营业务收入") BigDecimal revenue,
            @Schema(description = "利润总额") BigDecimal profit,
            @Schema(description = "资产总额") BigDecimal totalAssets) {
    }

    @Schema(description = "联系人")
    public record ContactInput(
            @Size(max = 50, message = "不能超过50字") String name,
            @Size(max = 100, message = "不能超过100字") String department,
            @Size(max = 100, message = "不能超过100字") String position,
            @Size(max = 40, message = "不能超过40字") String phone,
            String mobile,
            @Size(max = 100, message = "不能超过100字") String email) {
    }
}
