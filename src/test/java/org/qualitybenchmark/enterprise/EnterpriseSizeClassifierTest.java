package org.qualitybenchmark.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EnterpriseSizeClassifierTest {

    private final EnterpriseSizeClassifier classifier = new EnterpriseSizeClassifier();

    @Test
    void sizeClassesAreOrderedSmallestFirst() {
        assertThat(SizeClass.values()).containsExactly(SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.LARGE);
        assertThat(SizeClass.values()).extracting(SizeClass::label).containsExactly("微型", "小型", "中型", "大型");
    }

    @ParameterizedTest
    @CsvSource({
            "1500, 30000, MEDIUM",
            "250, 50000, SMALL",
            "15, 100000, MICRO",
            "1000, 40000, LARGE"
    })
    void industryExamplesOfTheScheme(long employees, long revenue, SizeClass expected) {
        SizeClassification result = industry("3670", employees, revenue);

        assertThat(result.sizeClass()).contains(expected);
        assertThat(result.category()).isEqualTo("工业");
        assertThat(result.missingIndicators()).isEmpty();
        assertThat(result.applicable()).isTrue();
    }

    @Test
    void explainsWhichIndicatorHeldTheClassDown() {
        assertThat(industry("36", 1500, 30000).explanation())
                .isEqualTo("工业：从业人员1500人（大型），营业收入30000万元（中型），取较低者为中型");
        assertThat(industry("36", 1000, 40000).explanation())
                .isEqualTo("工业：从业人员1000人（大型），营业收入40000万元（大型），为大型");
    }

    @Test
    void showsAmountsWithoutTrailingZeros() {
        SizeClassification result = classifier.classify("13", 300L, new BigDecimal("2000.00"), null);

        assertThat(result.explanation()).contains("营业收入2000万元（中型）");
    }

    @ParameterizedTest
    @CsvSource({
            "1000, 40000, LARGE",
            "999, 40000, MEDIUM",
            "1000, 39999.99, MEDIUM",
            "300, 2000, MEDIUM",
            "299, 2000, SMALL",
            "300, 1999.99, SMALL",
            "20, 300, SMALL",
            "19, 300, MICRO",
            "20, 299.99, MICRO",
            "0, 0, MICRO"
    })
    void industryBoundariesAreInclusiveLowerBounds(long employees, String revenue, SizeClass expected) {
        assertThat(classifier.classify("0610", employees, new BigDecimal(revenue), null).sizeClass()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"06", "11", "13", "43", "4330", "46", "461"})
    void divisionsSixToFortySixAreIndustry(String code) {
        assertThat(industry(code, 10, 10).category()).isEqualTo("工业");
    }

    @ParameterizedTest
    @CsvSource({
            "20000, LARGE",
            "19999, MEDIUM",
            "500, MEDIUM",
            "50, SMALL",
            "49.5, MICRO"
    })
    void agricultureUsesRevenueOnly(String revenue, SizeClass expected) {
        SizeClassification result = classifier.classify("0511", null, new BigDecimal(revenue), null);

        assertThat(result.category()).isEqualTo("农、林、牧、渔业");
        assertThat(result.sizeClass()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "80000, 80000, LARGE",
            "80000, 79999, MEDIUM",
            "6000, 5000, MEDIUM",
            "5999, 100000, SMALL",
            "300, 300, SMALL",
            "300, 299, MICRO"
    })
    void constructionNeedsRevenueAndAssets(long revenue, long assets, SizeClass expected) {
        SizeClassification result = classifier.classify("4710", 5L, BigDecimal.valueOf(revenue), BigDecimal.valueOf(assets));

        assertThat(result.category()).isEqualTo("建筑业");
        assertThat(result.sizeClass()).contains(expected);
    }

    @Test
    void constructionWithoutAssetsCannotBeSized() {
        SizeClassification result = classifier.classify("48", 5000L, BigDecimal.valueOf(100000), null);

        assertThat(result.sizeClass()).isEmpty();
        assertThat(result.missingIndicators()).containsExactly("资产总额");
        assertThat(result.applicable()).isTrue();
        assertThat(result.explanation()).isEqualTo("建筑业：缺少资产总额，无法划分企业规模");
    }

    @ParameterizedTest
    @CsvSource({
            "5110, 200, 40000, 批发业, LARGE",
            "51, 199, 40000, 批发业, MEDIUM",
            "51, 5, 1000, 批发业, SMALL",
            "51, 4, 1000, 批发业, MICRO",
            "52, 300, 20000, 零售业, LARGE",
            "5211, 50, 500, 零售业, MEDIUM",
            "52, 49, 500, 零售业, SMALL",
            "52, 10, 99, 零售业, MICRO",
            "54, 1000, 30000, 交通运输业, LARGE",
            "5611, 300, 3000, 交通运输业, MEDIUM",
            "58, 20, 199, 交通运输业, MICRO",
            "5910, 1000, 30000, 交通运输业, LARGE",
            "59, 200, 30000, 仓储业, LARGE",
            "5920, 100, 1000, 仓储业, MEDIUM",
            "599, 99, 1000, 仓储业, SMALL",
            "60, 1000, 30000, 邮政业, LARGE",
            "6020, 300, 2000, 邮政业, MEDIUM",
            "60, 20, 100, 邮政业, SMALL",
            "61, 300, 10000, 住宿业, LARGE",
            "62, 100, 2000, 餐饮业, MEDIUM",
            "6210, 10, 1999, 餐饮业, SMALL",
            "63, 2000, 100000, 信息传输业, LARGE",
            "64, 1999, 100000, 信息传输业, MEDIUM",
            "6432, 100, 1000, 信息传输业, MEDIUM",
            "65, 300, 10000, 软件和信息技术服务业, LARGE",
            "6510, 10, 50, 软件和信息技术服务业, SMALL",
            "65, 10, 49, 软件和信息技术服务业, MICRO",
            "7020, 1000, 5000, 物业管理, LARGE",
            "702, 300, 4999, 物业管理, MEDIUM",
            "7020, 100, 500, 物业管理, SMALL",
            "7020, 99, 500, 物业管理, MICRO"
    })
    void rowsWithEmployeesAndRevenue(String code, long employees, long revenue, String category, SizeClass expected) {
        SizeClassification result = industry(code, employees, revenue);

        assertThat(result.category()).isEqualTo(category);
        assertThat(result.sizeClass()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "70, 200000, 10000, LARGE",
            "7010, 200000, 9999, MEDIUM",
            "701, 1000, 5000, MEDIUM",
            "7010, 100, 2000, SMALL",
            "7010, 100000, 1999, MICRO"
    })
    void realEstateDevelopmentUsesRevenueAndAssets(String code, long revenue, long assets, SizeClass expected) {
        SizeClassification result = classifier.classify(code, null, BigDecimal.valueOf(revenue), BigDecimal.valueOf(assets));

        assertThat(result.category()).isEqualTo("房地产开发经营");
        assertThat(result.sizeClass()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "71, 300, 120000, LARGE",
            "7212, 300, 119999, MEDIUM",
            "72, 99, 120000, SMALL",
            "71, 300, 99, MICRO"
    })
    void leasingAndBusinessServicesUseEmployeesAndAssets(String code, long employees, long assets, SizeClass expected) {
        SizeClassification result = classifier.classify(code, employees, null, BigDecimal.valueOf(assets));

        assertThat(result.category()).isEqualTo("租赁和商务服务业");
        assertThat(result.sizeClass()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"53", "5311", "7030", "7090", "73", "7491", "75", "76", "79", "80", "81", "82", "85", "8510",
            "86", "90"})
    void otherListedIndustriesUseEmployeesOnly(String code) {
        assertThat(classifier.classify(code, 300L, null, null).sizeClass()).contains(SizeClass.LARGE);
        assertThat(classifier.classify(code, 299L, null, null).sizeClass()).contains(SizeClass.MEDIUM);
        assertThat(classifier.classify(code, 100L, null, null).sizeClass()).contains(SizeClass.MEDIUM);
        assertThat(classifier.classify(code, 99L, null, null).sizeClass()).contains(SizeClass.SMALL);
        assertThat(classifier.classify(code, 10L, null, null).sizeClass()).contains(SizeClass.SMALL);
        SizeClassification micro = classifier.classify(code, 9L, BigDecimal.valueOf(1_000_000), null);
        assertThat(micro.sizeClass()).contains(SizeClass.MICRO);
        assertThat(micro.category()).isEqualTo("其他未列明行业");
        assertThat(micro.explanation()).isEqualTo("其他未列明行业：从业人员9人（微型），为微型");
    }

    @ParameterizedTest
    @CsvSource({
            "66, 金融业",
            "6910, 金融业",
            "83, 教育",
            "84, 卫生",
            "8411, 卫生",
            "92, 公共管理、社会保障和社会组织",
            "96, 公共管理、社会保障和社会组织",
            "97, 国际组织",
            "7040, 房地产租赁经营（自有房地产经营活动）"
    })
    void industriesOutsideTheSchemeAreNotSized(String code, String category) {
        SizeClassification result = industry(code, 5000, 1_000_000);

        assertThat(result.sizeClass()).isEmpty();
        assertThat(result.category()).isEqualTo(category);
        assertThat(result.missingIndicators()).isEmpty();
        assertThat(result.applicable()).isFalse();
        assertThat(result.explanation()).contains("不在《统计上大中小微型企业划分办法(2017)》的适用范围内");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"00", "98", "99", "3", "36701", "C36", "３６"})
    void unknownIndustryCodesAreNotSized(String code) {
        SizeClassification result = industry(code, 5000, 1_000_000);

        assertThat(result.sizeClass()).isEmpty();
        assertThat(result.category()).isEqualTo("未知行业");
        assertThat(result.applicable()).isFalse();
        assertThat(result.explanation()).contains("不是有效的国民经济行业代码");
    }

    @Test
    void missingIndicatorsAreListedAndNoClassIsGuessed() {
        SizeClassification noRevenue = classifier.classify("36", 5L, null, null);
        assertThat(noRevenue).isEqualTo(new SizeClassification(Optional.empty(), "工业", List.of("营业收入"),
                "工业：缺少营业收入，无法划分企业规模"));

        SizeClassification nothing = classifier.classify("36", null, null, BigDecimal.TEN);
        assertThat(nothing.missingIndicators()).containsExactly("从业人员", "营业收入");
        assertThat(nothing.explanation()).isEqualTo("工业：缺少从业人员、营业收入，无法划分企业规模");
    }

    @Test
    void indicatorsTheRowDoesNotUseAreIgnored() {
        assertThat(classifier.classify("36", 1000L, BigDecimal.valueOf(40000), null).sizeClass()).contains(SizeClass.LARGE);
        assertThat(classifier.classify("05", null, BigDecimal.valueOf(20000), BigDecimal.ONE).sizeClass())
                .contains(SizeClass.LARGE);
    }

    @Test
    void rejectsNegativeFigures() {
        assertThatThrownBy(() -> classifier.classify("36", -1L, BigDecimal.TEN, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("从业人员");
        assertThatThrownBy(() -> classifier.classify("47", 1L, BigDecimal.TEN, new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("资产总额");
    }

    private SizeClassification industry(String code, long employees, long revenue) {
        return classifier.classify(code, employees, BigDecimal.valueOf(revenue), null);
    }
}
