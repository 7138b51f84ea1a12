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
        assertThat(liaoning.field("mainProducts").orElseThrow().required()).isTrue();
        assertThat(liaoning.field("qualityLossRate2023").orElseThrow().max()).isEqualByComparingTo("100");
        assertThat(liaoning.field("energyPerOutputRank").orElseThrow().type()).isEqualTo(ExtraField.FieldType.INTEGER);
        assertThat(liaoning.fields()).filteredOn(f -> f.required()).extracting(ExtraField::key)
                .as("the statistics tables fit each industry differently").containsExactly("mainProducts");
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
