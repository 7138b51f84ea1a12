package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.ExtraField.FieldType;
import org.qualitybenchmark.campaign.config.TableLayout;
import org.qualitybenchmark.campaign.config.TableLayout.CellType;
import org.qualitybenchmark.campaign.config.TableLayout.Column;
import org.qualitybenchmark.campaign.config.TableLayout.Condition;
import org.qualitybenchmark.campaign.config.TableLayout.FreeRows;
import org.qualitybenchmark.campaign.config.TableLayout.Row;
import org.qualitybenchmark.support.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The statistics tables of 浙江2024 as the rules take them: good values kept, bad ones named by table, row and column. */
class TableValuesTest {

    private static final String PATH = "fields.economicBenefits";

    /** 表2 as configured: fixed rows with units, typed year columns, up to two added rows with their own name and unit. */
    private static final ExtraField ECONOMIC = new ExtraField("economicBenefits", "表2 经济效益统计表", FieldType.TABLE, true,
            null, null, null, null, new TableLayout(null,
            List.of(column("y2022", "2022年", null, CellType.DECIMAL, true),
                    column("y2023", "2023年", null, CellType.DECIMAL, true),
                    new Column("rank2023", "2023年本企业名次", null, CellType.INTEGER, false, null, null, null,
                            BigDecimal.ONE, null)),
            List.of(row("totalAssets", "资产总额", null, "万元", true),
                    row("revenue", "营业收入", null, "万元", true),
                    row("passRate", "产品合格率", null, "%", false)),
            new FreeRows(2, 0, "项目", true), null));

    /** 表1's pattern: a row of product names over numeric columns, a survey method deciding whether the body is required. */
    private static final ExtraField MANAGEMENT = new ExtraField("managementBenefits", "表1 管理效益统计表", FieldType.TABLE,
            true, null, null, null, null, new TableLayout("项目 / 年度",
            List.of(new Column("productOneDomestic", "国内", "主导产品一", CellType.DECIMAL, true, null, null, null,
                            BigDecimal.ZERO, new BigDecimal("100")),
                    new Column("surveyMethod", "调查方式", null, CellType.CHOICE, true, null, List.of("自评", "第三方调查"),
                            null, null, null),
                    new Column("surveyBody", "调查机构名称", null, CellType.TEXT, false,
                            new Condition("surveyMethod", "第三方调查"), null, 10, null, null)),
            List.of(new Row("products", "主导产品", null, null, true, List.of("productOneDomestic"), CellType.TEXT, null,
                            20, null, null),
                    new Row("share2023", "2023年", "市场占有率", null, true, List.of("productOneDomestic"), null, null,
                            null, null, null),
                    row("satisfaction2023", "2023年", "顾客满意程度", null, true)),
            null, null));

    /** 表5: only rows the applicant adds, at least one. */
    private static final ExtraField COMPETITORS = new ExtraField("competitors", "表5 主要竞争对手及其标杆名录", FieldType.TABLE,
            true, null, null, null, null, new TableLayout("序号",
            List.of(new Column("product", "产品名称", null, CellType.TEXT, true, null, null, 20, null, null),
                    new Column("competitor", "竞争对手", null, CellType.TEXT, true, null, null, 20, null, null)),
            null, new FreeRows(3, 1, null, false), null));

    private final List<FieldViolation> violations = new ArrayList<>();

    @Test
    void aCompleteTableIsStoredAndReadBackWithNumbersAsNumbers() {
        Map<String, Object> value = Map.of(
                "rows", Map.of(
                        "totalAssets", Map.of("y2022", "80000", "y2023", 85000.5),
                        "revenue", Map.of("y2022", 45000, "y2023", "46000", "rank2023", "3"),
                        "passRate", Map.of("y2022", " ", "y2023", "")),
                "freeRows", List.of(
                        Map.of("label", "研发人员占比", "unit", "%", "cells", Map.of("y2022", "12.5", "y2023", "13")),
                        Map.of("label", " ", "cells", Map.of())));

        Optional<String> stored = TableValues.convert(ECONOMIC, value, PATH, true, violations);

        assertThat(violations).isEmpty();
        assertThat(stored).isPresent();
        Map<String, Object> read = TableValues.read(ECONOMIC, stored.get());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> rows = (Map<String, Map<String, Object>>) read.get("rows");
        assertThat(rows).containsOnlyKeys("totalAssets", "revenue");
        assertThat(rows.get("totalAssets").get("y2023")).isEqualTo(new BigDecimal("85000.5"));
        assertThat(rows.get("revenue").get("rank2023")).isEqualTo(new BigDecimal("3"));
        assertThat(read.get("freeRows")).asList().hasSize(1).first()
                .isEqualTo(Map.of("label", "研发人员占比", "unit", "%",
                        "cells", Map.of("y2022", new BigDecimal("12.5"), "y2023", new BigDecimal("13"))));
        assertThat(FieldValues.read(ECONOMIC, stored.get())).isEqualTo(read);
    }

    @Test
    void badCellsAreNamedByTableRowAndColumn() {
        Map<String, Object> value = Map.of("rows", Map.of(
                "revenue", Map.of("y2022", "四万五", "y2023", "46000.5", "rank2023", "2.5"),
                "totalAssets", Map.of("y2022", "0", "y2023", "1", "rank2023", 0)));

        TableValues.convert(ECONOMIC, value, PATH, false, violations);

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::code).containsExactly(
                tuple("fields.economicBenefits[资产总额][2023年本企业名次]", "range"),
                tuple("fields.economicBenefits[营业收入][2022年]", "format"),
                tuple("fields.economicBenefits[营业收入][2023年本企业名次]", "format"));
        assertThat(violations.get(1).message()).isEqualTo("表2 经济效益统计表「营业收入」行「2022年」列应为数字，现为“四万五”");
        assertThat(violations.get(0).message()).isEqualTo("表2 经济效益统计表「资产总额」行「2023年本企业名次」列不能小于1");
    }

    @Test
    void rowsAndColumnsTheLayoutLacksAreRefused() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("rows", Map.of("profitMargin", Map.of("y2022", 1), "revenue", Map.of("y2021", 1)));
        value.put("columns", List.of());
        TableValues.convert(ECONOMIC, value, PATH, false, violations);
        TableValues.convert(ECONOMIC, List.of(1, 2), PATH, false, violations);
        TableValues.convert(COMPETITORS, Map.of("rows", Map.of("first", Map.of())), "fields.competitors", false, violations);

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::code).containsExactly(
                tuple(PATH, "format"),
                tuple(PATH, "table.row"),
                tuple("fields.economicBenefits[营业收入]", "table.column"),
                tuple(PATH, "format"),
                tuple("fields.competitors", "table.row"));
        assertThat(violations.get(1).message()).startsWith("表2 经济效益统计表中没有“profitMargin”一行，可填：totalAssets（资产总额）");
    }

    @Test
    void aDraftMayBeIncompleteButASubmissionNamesEveryMissingCell() {
        Map<String, Object> value = Map.of("rows", Map.of("revenue", Map.of("y2023", "46000")),
                "freeRows", List.of(Map.of("cells", Map.of("y2022", "1", "y2023", "2"))));

        assertThat(TableValues.convert(ECONOMIC, value, PATH, false, violations)).isPresent();
        assertThat(violations).isEmpty();

        TableValues.convert(ECONOMIC, value, PATH, true, violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly(
                "fields.economicBenefits[资产总额][2022年]",
                "fields.economicBenefits[资产总额][2023年]",
                "fields.economicBenefits[营业收入][2022年]",
                "fields.economicBenefits[增加的第1行][项目]",
                "fields.economicBenefits[增加的第1行][单位]");
        assertThat(violations.get(2).message()).isEqualTo("请填写表2 经济效益统计表「营业收入」行「2022年」列");
    }

    @Test
    void aRowOfItsOwnTypeAndAConditionallyRequiredCell() {
        Map<String, Object> value = Map.of("rows", Map.of(
                "products", Map.of("productOneDomestic", "工业缝纫机"),
                "share2023", Map.of("productOneDomestic", "101"),
                "satisfaction2023", Map.of("productOneDomestic", "92.5", "surveyMethod", "第三方调查")));

        TableValues.convert(MANAGEMENT, value, "fields.managementBenefits", true, violations);

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::code).containsExactly(
                tuple("fields.managementBenefits[市场占有率（2023年）][主导产品一（国内）]", "range"),
                tuple("fields.managementBenefits[顾客满意程度（2023年）][调查机构名称]", "required"));

        violations.clear();
        Map<String, Object> corrected = Map.of("rows", Map.of(
                "products", Map.of("productOneDomestic", "工业缝纫机"),
                "share2023", Map.of("productOneDomestic", "35"),
                "satisfaction2023", Map.of("productOneDomestic", "92.5", "surveyMethod", "自评"),
                "surveyBodyOnly", Map.of()));
        TableValues.convert(MANAGEMENT, corrected, "fields.managementBenefits", true, violations);
        assertThat(violations).extracting(FieldViolation::code).containsExactly("table.row");
    }

    @Test
    void addedRowsAreCountedAgainstTheirMinimumAndMaximum() {
        String path = "fields.competitors";
        Map<String, Object> row = Map.of("cells", Map.of("product", "缝纫机", "competitor", "某某公司"));

        TableValues.convert(COMPETITORS, Map.of("freeRows", List.of(row, row, row, row)), path, false, violations);
        assertThat(violations).extracting(FieldViolation::field, FieldViolation::message)
                .containsExactly(tuple(path, "表5 主要竞争对手及其标杆名录最多填写3行，现为4行"));

        violations.clear();
        TableValues.convert(COMPETITORS, Map.of("freeRows", List.of(Map.of("cells", Map.of()))), path, true, violations);
        assertThat(violations).extracting(FieldViolation::message)
                .containsExactly("表5 主要竞争对手及其标杆名录至少填写1行，现为0行");

        violations.clear();
        TableValues.convert(COMPETITORS, Map.of("freeRows", List.of(Map.of("cells", Map.of("product", "缝纫机")),
                Map.of("label", "甲", "cells", Map.of("product", "缝纫机", "competitor", "超过二十个字的竞争对手名称超过二十个字的名称")))),
                path, true, violations);
        assertThat(violations).extracting(FieldViolation::field, FieldViolation::code).containsExactly(
                tuple("fields.competitors[第1行][竞争对手]", "required"),
                tuple("fields.competitors[第2行]", "table.label"),
                tuple("fields.competitors[第2行][竞争对手]", "text.tooLong"));
    }

    @Test
    void aTableOnlyOfFixedRowsTakesNoAddedRows() {
        ExtraField fixed = new ExtraField("brand", "表4", FieldType.TABLE, false, null, null, null, null,
                new TableLayout(null, List.of(column("y2023", "2023年", null, CellType.TEXT, false)),
                        List.of(row("brand", "品牌", null, null, false)), null, null));
        assertThat(TableValues.convert(fixed, Map.of("freeRows", List.of(Map.of("cells", Map.of("y2023", "x")))),
                "fields.brand", false, violations)).isEmpty();
        assertThat(violations).extracting(FieldViolation::code).containsExactly("table.freeRows");
        violations.clear();
        assertThat(TableValues.convert(fixed, Map.of("rows", Map.of()), "fields.brand", true, violations)).isEmpty();
        assertThat(violations).isEmpty();
    }

    private static Column column(String key, String label, String group, CellType type, boolean required) {
        return new Column(key, label, group, type, required, null, null, type == CellType.TEXT ? 100 : null, null, null);
    }

    private static Row row(String key, String label, String group, String unit, boolean required) {
        return new Row(key, label, group, unit, required, null, null, null, null, null, null);
    }
}
