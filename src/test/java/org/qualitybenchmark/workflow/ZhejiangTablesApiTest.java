package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.qualitybenchmark.workflow.CampaignScenario.Case;

/**
 * A Zhejiang 2024 application with its five statistics tables (表1–表5) filed through {@code /api},
 * refused with each bad or missing cell named, corrected, read back and submitted.
 */
class ZhejiangTablesApiTest extends CampaignScenarioTestCase {


    @Test
    void anApplicationCarriesItsStatisticsTables() {
        CampaignScenario scenario = scenario("zhejiang-2024-provincial");
        scenario.moveClock("2024-10-21T09:00:00");
        String name = "杭州统计表精密制造有限公司";

        Map<String, Object> tables = tables();
        Case filed = scenario.fileDraft("applicant1", "330106", "zj-330106", name, form -> fields(form).putAll(tables));
        JsonNode read = scenario.detail(filed).path("fields");
        assertThat(read.at("/economicBenefits/rows/revenue/y2023").decimalValue()).isEqualByComparingTo("52000.5");
        assertThat(read.at("/economicBenefits/rows/revenue/rank2023").asInt()).isEqualTo(3);
        assertThat(read.at("/economicBenefits/freeRows/0/label").asText()).isEqualTo("研发人员占比");
        assertThat(read.at("/managementBenefits/rows/products/productOneDomestic").asText()).isEqualTo("工业缝纫机");
        assertThat(read.at("/managementBenefits/rows/satisfaction2023/surveyBody").asText()).isEqualTo("浙江省质量协会");
        assertThat(read.at("/socialBenefits/rows/resources/y2023").asText()).hasSize(500);
        assertThat(read.at("/competitors/freeRows").size()).isEqualTo(2);
        assertThat(read.at("/competitors/freeRows/1/cells/competitor").asText()).isEqualTo("日本某缝制机械株式会社");

        // The layout is served with the campaign, for the form to draw the tables.
        JsonNode layout = scenario.api.get("applicant1", "/api/campaigns/zhejiang-2024-provincial").getBody()
                .path("fields");
        List<String> tableKeys = new ArrayList<>();
        layout.forEach(f -> {
            if (f.path("type").asText().equals("TABLE")) {
                tableKeys.add(f.path("key").asText());
            }
        });
        assertThat(tableKeys).containsExactly("managementBenefits", "economicBenefits", "socialBenefits",
                "brandInnovation", "competitors");

        // A bad number and a missing cell are refused on submission, each named by table, row and column.
        scenario.uploadRequired(filed, name);
        Map<String, Object> economic = table(tables, "economicBenefits");
        rows(economic).put("revenue", Map.of("y2022", "四万八", "y2023", "52000.5"));
        rows(economic).put("profit", Map.of("y2023", "3100"));
        Map<String, Object> form = scenario.applicationForm("330106", "zj-330106", name);
        form.put("enterprise", enterpriseOf(scenario, filed));
        fields(form).putAll(tables);
        ResponseEntity<JsonNode> saved = scenario.api.put("applicant1", "/api/applications/" + filed.id(), form);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(errors(saved)).containsEntry("fields.economicBenefits[营业收入][2022年]",
                "表2 经济效益统计表「营业收入」行「2022年」列应为数字，现为“四万八”");

        rows(economic).put("revenue", Map.of("y2022", "48000", "y2023", "52000.5", "rank2023", 3));
        assertThat(scenario.api.put("applicant1", "/api/applications/" + filed.id(), form).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> refused = scenario.submit(filed);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(errors(refused)).containsOnlyKeys("fields.economicBenefits[利润总额][2022年]")
                .containsValue("请填写表2 经济效益统计表「利润总额」行「2022年」列");

        rows(economic).put("profit", Map.of("y2022", "-150", "y2023", "3100"));
        assertThat(scenario.api.put("applicant1", "/api/applications/" + filed.id(), form).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(scenario.submit(filed).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode submitted = scenario.detail(filed);
        assertThat(submitted.path("stage").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.at("/fields/economicBenefits/rows/profit/y2022").decimalValue()).isEqualByComparingTo("-150");
    }

    /** The five tables filled as an enterprise would, 表3 with long texts that outgrow a one-value field. */
    private static Map<String, Object> tables() {
        Map<String, Object> management = Map.of("rows", new LinkedHashMap<>(Map.of(
                "products", Map.of("productOneDomestic", "工业缝纫机", "productTwoDomestic", "绣花机"),
                "share2022", Map.of("productOneDomestic", "18.5", "productOneInternational", "6"),
                "share2023", Map.of("productOneDomestic", 19.2, "productOneInternational", "6.5"),
                "satisfaction2022", Map.of("productOneDomestic", "91", "surveyMethod", "自评"),
                "satisfaction2023", Map.of("productOneDomestic", "92.5", "surveyMethod", "第三方调查",
                        "surveyBody", "浙江省质量协会"),
                "loyalty2022", Map.of("productOneDomestic", "85", "surveyMethod", "自评"),
                "loyalty2023", Map.of("productOneDomestic", "86", "surveyMethod", "自评"))));
        Map<String, Object> economicRows = new LinkedHashMap<>();
        economicRows.put("totalAssets", Map.of("y2022", "80000", "y2023", "86000"));
        economicRows.put("revenue", Map.of("y2022", "48000", "y2023", "52000.5", "rank2023", 3));
        economicRows.put("profit", Map.of("y2022", "3000", "y2023", "3100"));
        economicRows.put("passRate", Map.of("y2022", "99.2", "y2023", "99.5", "industryAverage2023", "97"));
        Map<String, Object> economic = new LinkedHashMap<>();
        economic.put("rows", economicRows);
        economic.put("freeRows", List.of(Map.of("label", "研发人员占比", "unit", "%",
                "cells", Map.of("y2022", "12", "y2023", "13.5"))));
        String longText = "通过清洁生产改造，单位产品废水排放下降百分之十二。".repeat(20);
        Map<String, Object> social = Map.of("rows", Map.of(
                "supplyChain", Map.of("y2022", "带动本地配套企业30家", "y2023", "带动本地配套企业36家"),
                "pollution", Map.of("y2022", longText, "y2023", longText),
                "resources", Map.of("y2022", longText, "y2023", longText)));
        Map<String, Object> brand = Map.of("rows", Map.of(
                "brand", Map.of("y2022", "浙江名牌", "y2023", "品牌价值评价12亿元"),
                "achievements", Map.of("y2022", "无", "y2023", "国内领先科技成果1项"),
                "standardsAndPatents", Map.of("y2022", "主导行业标准1项", "y2023", "发明专利5件")));
        Map<String, Object> competitors = Map.of("freeRows", List.of(
                Map.of("cells", Map.of("product", "工业缝纫机", "competitor", "国内某缝纫机公司", "marketShare", "约15%",
                        "advantages", "价格低")),
                Map.of("cells", Map.of("product", "工业缝纫机", "competitor", "日本某缝制机械株式会社",
                        "advantages", "可靠性高，平均无故障时间长"))));
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("managementBenefits", management);
        tables.put("economicBenefits", economic);
        tables.put("socialBenefits", social);
        tables.put("brandInnovation", brand);
        tables.put("competitors", competitors);
        return tables;
    }
}
