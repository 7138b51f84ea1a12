package org.qualitybenchmark.campaign.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One selection campaign as its notice defines it: one YAML file under {@code config/campaigns/}.
 * Everything a province changes from year to year lives here, not in Java.
 */
public record CampaignDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}", message = "只能使用小写字母、数字和连字符，3-64位") String code,
        @NotBlank @Pattern(regexp = "[A-Z]{2,8}[0-9]{4}", message = "应为2-8个大写字母加4位年份，如 HEB2022") String caseNumberPrefix,
        @NotBlank String name,
        @NotBlank String organiser,
        String documentNumber,
        @NotNull CampaignLevel level,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Pattern(regexp = "[0-9]{2}([0-9]{2}([0-9]{2})?)?", message = "应为2、4或6位行政区划码前缀") String region,
        @NotNull LocalDate publishedOn,
        @Valid @NotNull Schedule schedule,
        @Valid @NotEmpty List<Direction> directions,
        @NotNull @Min(1) Integer maxDirections,
        @Valid @NotNull Eligibility eligibility,
        @Valid @NotNull QuotaRules quota,
        @Valid RecommendationRules recommendation,
        @Valid @NotEmpty List<CampaignUnit> units,
        @Valid @NotEmpty List<TextSection> texts,
        @Valid @NotNull AttachmentRules attachments,
        @Valid List<ExtraField> fields,
        @Valid @NotNull PublicNotice publicNotice,
        @Valid @NotNull Procedure procedure,
        @Valid @NotNull ReviewRules review,
        String description) {

    public CampaignDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
        recommendation = recommendation == null ? RecommendationRules.NONE : recommendation;
    }

    public Optional<Direction> direction(String directionCode) {
        return directions.stream().filter(d -> d.code().equals(directionCode)).findFirst();
    }

    public Optional<CampaignUnit> unit(String unitCode) {
        return units.stream().filter(u -> u.unit().equals(unitCode)).findFirst();
    }

    public Optional<TextSection> text(String key) {
        return texts.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public Optional<AttachmentKind> attachmentKind(String kindCode) {
        return attachments.kinds().stream().filter(k -> k.code().equals(kindCode)).findFirst();
    }

    public Optional<ExtraField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
