package org.qualitybenchmark.campaign.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The configuration shipped in the repository's config/ folder, checked against the notices. */
class RealConfigurationTest {

    private static ValidatorFactory validation;
    private static YamlCampaignRegistry registry;

    @BeforeAll
    static void load() {
        validation = Validation.buildDefaultValidatorFactory();
        registry = new YamlCampaignRegistry(Path.of("config", "units"), Path.of("config", "campaigns"),
                validation.getValidator());
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void loadsBothCampaignsAndAllUnits() {
        assertThat(registry.campaigns()).extracting(CampaignDefinition::code)
                .contains("hebei-2022-national", "liaoning-2024-provincial");
        assertThat(registry.units()).filteredOn(u -> u.code().startsWith("he-")).hasSize(26);
        assertThat(registry.units()).filteredOn(u -> u.code().startsWith("ln-")).hasSize(15);
    }

    @Test
    void hebeiUnitsFollowTheNoticesList() {
        assertThat(registry.unit("he-1301")).get().satisfies(u -> {
            assertThat(u.name()).isEqualTo("石家庄市工业和信息化局");
            assertThat(u.kind()).isEqualTo(UnitKind.CITY);
            assertThat(u.region()).isEqualTo("1301");
        });
        assertThat(registry.unit("he-dingzhou")).get().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UnitKind.CITY);
            assertThat(u.region()).isEqualTo("130682");
        });
        assertThat(registry.unit("he-xinji").map(UnitDefinition::region)).contains("130181");
        assertThat(registry.unit("he-xiongan").map(UnitDefinition::kind)).contains(UnitKind.ZONE);
        assertThat(registry.units()).filteredOn(u -> u.kind() == UnitKind.ASSOCIATION)
                .hasSize(12)
                .allSatisfy(u -> assertThat(u.region()).isNull());
    }

    @Test
    void hebeiCampaignMatchesItsNotice() {
        CampaignDefinition hebei = registry.campaign("hebei-2022-national").orElseThrow();

        assertThat(hebei.caseNumberPrefix()).isEqualTo("HEB2022");
        assertThat(hebei.organiser()).isEqualTo("河北省工业和信息化厅");
        assertThat(hebei.documentNumber()).isEqualTo("冀工信科函〔2022〕331号");
        assertThat(hebei.level()).isEqualTo(CampaignLevel.NATIONAL);
        assertThat(hebei.region()).isEqualTo("13");
        assertThat(hebei.publishedOn()).isEqualTo(LocalDate.of(2022, 6, 15));
        assertThat(hebei.schedule().applicationOpens()).isEqualTo(LocalDate.of(2022, 6, 15));
        assertThat(hebei.schedule().applicationCloses()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(hebei.schedule().recommendationDue()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(hebei.schedule().onlineSubmissionDue()).isNull();

        assertThat(hebei.directions()).extracting(Direction::name)
                .containsExactly("质量管理体系", "质量管理数字化", "可靠性提升", "过程控制", "质量管理方法", "中小企业");
        assertThat(hebei.maxDirections()).isEqualTo(6);

        assertThat(hebei.eligibility().financialYears()).containsExactly(2019, 2020, 2021);
        assertThat(hebei.eligibility().profitableEachYear()).isTrue();
        assertThat(hebei.eligibility().industryDivisions()).isEmpty();
        assertThat(hebei.eligibility().coversDivision("72")).isTrue();

        assertThat(hebei.units()).hasSize(26);
        assertThat(quota(hebei, "he-1301")).contains(3);
        assertThat(quota(hebei, "he-dingzhou")).contains(3);
        assertThat(quota(hebei, "he-xiongan")).contains(3);
        assertThat(quota(hebei, "he-assoc-quality")).contains(2);
        assertThat(hebei.quota().ranked()).isTrue();
        assertThat(hebei.quota().selectTopK()).isEqualTo(5);

        assertThat(hebei.texts()).extracting(TextSection::key, TextSection::maxChars).containsExactly(
                tuple("title", 30),
                tuple("overview", 500),
                tuple("background", 1000),
                tuple("implementation", 8000),
                tuple("effect", 2000));
        assertThat(hebei.texts()).allMatch(TextSection::required);

        assertThat(hebei.attachmentKind("national-package")).get().satisfies(k -> {
            assertThat(k.required()).isFalse();
            assertThat(k.extensions()).containsExactly("rar");
            assertThat(k.nameMustMatchEnterprise()).isTrue();
        });
        assertThat(hebei.attachmentKind("evidence")).get().satisfies(k -> {
            assertThat(k.multiple()).isTrue();
            assertThat(k.extensions()).contains("pdf", "jpg", "zip", "rar");
        });
        assertThat(hebei.attachmentKind("defense-presentation")).get().satisfies(k -> {
            assertThat(k.label()).isEqualTo("答辩材料（PPT）");
            assertThat(k.required()).isFalse();
            assertThat(k.multiple()).isFalse();
            assertThat(k.extensions()).containsExactly("ppt", "pptx", "pdf");
            assertThat(k.maxFileSize()).isEqualTo(DataSize.ofMegabytes(200));
            assertThat(k.uploadStages()).containsExactly("DEFENSE");
        });
        assertThat(hebei.attachments().kinds()).filteredOn(k -> !k.code().equals("defense-presentation"))
                .allSatisfy(k -> assertThat(k.uploadStages()).containsExactly("DRAFT", "CORRECTION"));
        assertThat(hebei.attachments().kinds()).allSatisfy(k ->
                assertThat(k.maxFileSize()).isLessThanOrEqualTo(hebei.attachments().maxPackageSize()));
        assertThat(hebei.attachmentKind("application").map(AttachmentKind::maxFileSize)).contains(DataSize.ofMegabytes(20));

        assertThat(hebei.fields()).isEmpty();
        assertThat(hebei.publicNotice().workingDays()).isEqualTo(10);
    }

    @Test
    void liaoningCampaignMatchesItsNotice() {
        CampaignDefinition liaoning = registry.campaign("liaoning-2024-provincial").orElseThrow();

        assertThat(liaoning.level()).isEqualTo(CampaignLevel.PROVINCIAL);
        assertThat(liaoning.organiser()).isEqualTo("辽宁省工业和信息化厅");
        assertThat(liaoning.year()).isEqualTo(2024);
        assertThat(liaoning.region()).isEqualTo("21");
        assertThat(liaoning.publishedOn()).isEqualTo(LocalDate.of(2024, 4, 28));
        assertThat(liaoning.schedule().applicationCloses()).isEqualTo(LocalDate.of(2024, 5, 27));
        assertThat(liaoning.schedule().recommendationDue()).isEqualTo(LocalDate.of(2024, 5, 27));
        assertThat(liaoning.directions()).hasSize(4);
        assertThat(liaoning.maxDirections()).isEqualTo(4);
        assertThat(liaoning.eligibility().financialYears()).containsExactly(2021, 2022, 2023);

        assertThat(liaoning.units()).hasSize(15);
        assertThat(liaoning.units()).allSatisfy(entry -> assertThat(quota(liaoning, entry.unit())).isEmpty());
        assertThat(liaoning.quota().ranked()).isFalse();
        assertThat(liaoning.quota().selectTopK()).isNull();

        assertThat(liaoning.text("title").map(TextSection::maxChars)).contains(40);
        assertThat(liaoning.text("background").map(TextSection::maxChars)).contains(500);
        assertThat(liaoning.text("implementation").map(TextSection::maxChars)).contains(8000);
        assertThat(liaoning.attachments().kinds()).extracting(AttachmentKind::code)
                .containsExactly("application", "experience", "evidence", "defense-presentation");
        assertThat(liaoning.attachmentKind("defense-presentation").orElseThrow().uploadStages()).containsExactly("DEFENSE");
        assertThat(liaoning.recommendation().documents()).extracting(UnitDocumentKind::label)
                .containsExactly("推荐文件（加盖公章）", "推荐汇总表（附件3）");
        assertThat(liaoning.recommendation().documents()).allMatch(UnitDocumentKind::required);
        assertThat(liaoning.fields()).extracting(ExtraField::key)
                .containsExactly("managementBenefits", "economicBenefits", "socialBenefits", "competitors");
        assertThat(liaoning.fields()).allMatch(f -> f.type() == ExtraField.FieldType.TABLE);
        assertThat(liaoning.fields()).filteredOn(ExtraField::required).extracting(ExtraField::key)
                .as("the statistics tables fit each industry differently").containsExactly("managementBenefits");

        TableLayout management = liaoning.field("managementBenefits").orElseThrow().table();
        assertThat(management.columns()).extracting(TableLayout.Column::name).containsExactly(
                "主导产品/服务一（国内）", "主导产品/服务一（国际）", "主导产品/服务二（国内）", "主导产品/服务二（国际）",
                "主导产品/服务三（国内）", "主导产品/服务三（国际）", "调查方式", "调查机构名称");
        assertThat(management.rows()).extracting(TableLayout.Row::name).containsExactly("主导产品/服务",
                "市场占有率（2021年）", "市场占有率（2022年）", "市场占有率（2023年）",
                "顾客满意度（2021年）", "顾客满意度（2022年）", "顾客满意度（2023年）",
                "顾客忠诚度（2021年）", "顾客忠诚度（2022年）", "顾客忠诚度（2023年）");
        assertThat(management.rows()).filteredOn(TableLayout.Row::required).extracting(TableLayout.Row::key)
                .as("only the main products are required").containsExactly("products");
        assertThat(management.column("productTwoInternational").orElseThrow().max()).isEqualByComparingTo("100");
        assertThat(management.column("surveyBody").orElseThrow().requiredWhen())
                .isEqualTo(new TableLayout.Condition("surveyMethod", "第三方调查"));

        TableLayout economic = liaoning.field("economicBenefits").orElseThrow().table();
        assertThat(economic.columns()).extracting(TableLayout.Column::label).containsExactly("2021年", "2022年", "2023年",
                "2023年行业平均水平", "2023年行业最佳水平", "2023年本企业名次");
        assertThat(economic.rows()).extracting(TableLayout.Row::label, TableLayout.Row::unit).containsExactly(
                tuple("资产总额", "万元"), tuple("主营业务收入", "万元"), tuple("利润总额", "万元"),
                tuple("流动资产周转率", "次"), tuple("全员劳动生产率", "万元/人"), tuple("设备综合效率", "%"),
                tuple("质量损失率", "%"), tuple("产品合格率", "%"), tuple("产品返修率", "%"),
                tuple("万元总产值综合能耗", "吨/万元"));
        assertThat(economic.rows()).noneMatch(TableLayout.Row::required);
        assertThat(economic.row("revenue").orElseThrow().columns())
                .as("the three years are the first page's figures").containsExactly("industryAverage2023",
                        "industryBest2023", "rank2023");
        assertThat(economic.column("rank2023").orElseThrow().type()).isEqualTo(TableLayout.CellType.INTEGER);
        assertThat(economic.freeRows().unit()).isTrue();

        TableLayout social = liaoning.field("socialBenefits").orElseThrow().table();
        assertThat(social.columns()).extracting(TableLayout.Column::label).containsExactly("2021年", "2022年", "2023年");
        assertThat(social.columns()).allMatch(c -> c.type() == TableLayout.CellType.TEXT);
        assertThat(social.rows()).extracting(TableLayout.Row::label).containsExactly("对产业链与供应链发展的贡献情况",
                "降低环境污染方面的情况", "有效利用资源方面的情况");

        TableLayout competitors = liaoning.field("competitors").orElseThrow().table();
        assertThat(competitors.rowHeader()).isEqualTo("序号");
        assertThat(competitors.columns()).extracting(TableLayout.Column::label).containsExactly("产品/服务名称",
                "竞争对手/标杆名称", "市场份额", "主要优势（含产品/服务质量水平评价）");
        assertThat(competitors.rows()).isEmpty();
        assertThat(competitors.freeRows().min()).isZero();
        assertThat(liaoning.publicNotice().workingDays()).isEqualTo(10);
    }

    @Test
    void keepsTheFileTextForAudit() {
        assertThat(registry.source("hebei-2022-national"))
                .contains("documentNumber: 冀工信科函〔2022〕331号")
                .contains("# 附件4《实施办法》第二十一条");
    }

    private static Optional<Integer> quota(CampaignDefinition campaign, String unitCode) {
        UnitDefinition unit = registry.unit(unitCode).orElseThrow();
        return campaign.quota().quotaFor(unit.kind(), campaign.unit(unitCode).orElseThrow());
    }
}
