package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.ExtraField.FieldType;
import org.qualitybenchmark.support.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;

class FieldValuesTest {

    private final List<FieldViolation> violations = new ArrayList<>();

    @Test
    void convertsEachTypeAndReadsItBack() {
        ExtraField patents = field("patents", FieldType.INTEGER, List.of(), BigDecimal.ZERO, null);
        assertThat(FieldValues.convert(patents, 12, "fields.patents", violations)).contains("12");
        assertThat(FieldValues.read(patents, "12")).isEqualTo(new BigDecimal("12"));

        ExtraField grade = field("grade", FieldType.CHOICE, List.of("A类", "B类", "C类", "D类"), null, null);
        assertThat(FieldValues.convert(grade, "A类", "fields.grade", violations)).contains("A类");

        ExtraField awards = field("awards", FieldType.MULTI_CHOICE, List.of("国家级", "省级", "市级"), null, null);
        assertThat(FieldValues.convert(awards, List.of("省级", "市级", "省级"), "fields.awards", violations))
                .contains("省级\n市级");
        assertThat(FieldValues.read(awards, "省级\n市级")).isEqualTo(List.of("省级", "市级"));

        ExtraField brand = field("ownBrand", FieldType.BOOLEAN, List.of(), null, null);
        assertThat(FieldValues.convert(brand, true, "fields.ownBrand", violations)).contains("true");
        assertThat(violations).isEmpty();
    }

    @Test
    void refusesValuesOutsideTheFieldsRules() {
        ExtraField patents = field("patents", FieldType.INTEGER, List.of(), BigDecimal.ZERO, new BigDecimal("100000"));
        FieldValues.convert(patents, "十二", "fields.patents", violations);
        FieldValues.convert(patents, "1.5", "fields.patents", violations);
        FieldValues.convert(patents, -1, "fields.patents", violations);
        FieldValues.convert(field("grade", FieldType.CHOICE, List.of("A类"), null, null), "E类", "fields.grade", violations);
        FieldValues.convert(field("ownBrand", FieldType.BOOLEAN, List.of(), null, null), "yes", "fields.ownBrand", violations);
        assertThat(violations).extracting(FieldViolation::code)
                .containsExactly("format", "format", "range", "option", "format");
        assertThat(violations.get(2).message()).isEqualTo("专利数不能小于0");
    }

    private static ExtraField field(String key, FieldType type, List<String> options, BigDecimal min, BigDecimal max) {
        return new ExtraField(key, key.equals("patents") ? "专利数" : key, type, false, options, null, min, max);
    }
}
