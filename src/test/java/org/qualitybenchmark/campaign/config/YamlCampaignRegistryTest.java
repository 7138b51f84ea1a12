package org.qualitybenchmark.campaign.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.springframework.util.unit.DataSize;

/**
 * Broken configuration files: each fault must come back with the file and the key a process owner
 * needs to find it, and all faults must come back together.
 */
class YamlCampaignRegistryTest {

    static final String UNITS = """
            units:
              - code: t-1301
                name: 甲市工业和信息化局
                kind: CITY
                region: "1301"
              - code: t-1302
                name: 乙市工业和信息化局
                kind: CITY
                region: "1302"
              - code: t-assoc
                name: 甲省某行业协会
                kind: ASSOCIATION
            """;

    static final String CAMPAIGN = """
            code: test-2022
            caseNumberPrefix: TST2022
            name: 2022年测试质量标杆
            organiser: 测试省工业和信息化厅
            level: PROVINCIAL
            year: 2022
            region: "13"
            publishedOn: 2022-06-15
            schedule:
              applicationOpens: 2022-06-15
              applicationCloses: 2022-06-30
              recommendationDue: 2022-07-10
            directions:
              - code: digital
                name: 质量管理数字化
              - code: reliability
                name: 可靠性提升
            maxDirections: 2
            eligibility:
              financialYears: [2019, 2020, 2021]
              profitableEachYear: true
              industryDivisions: ["06-46"]
              industryCodeDigits: 2
            quota:
              perKind:
                CITY: 3
                ASSOCIATION: 2
              ranked: true
            units:
              - unit: t-1301
              - unit: t-1302
              - unit: t-assoc
            texts:
              - key: title
                label: 经验名称
                maxChars: 30
                required: true
              - key: overview
                label: 企业概况
                maxChars: 500
                required: true
            attachments:
              maxPackageSize: 500MB
              kinds:
                - code: experience
                  label: 典型经验材料
                  required: true
                  extensions: [pdf, docx]
                  maxFileSize: 50MB
            fields: []
            publicNotice:
              workingDays: 10
            procedure:
              campaignProcess: test-2024-provincial-campaign
              caseProcess: test-2024-provincial-case
            review:
              criteria:
                - key: science
                  label: 科学性和创新性
                  maxScore: 100
              expertsPerCase: 5
              defensePanelSize: 5
              spreadThreshold: 20
              formalReviewWorkingDays: 5
              materialReviewWorkingDays: 10
            """;

    private static ValidatorFactory validation;

    @TempDir
    Path config;

    private Path unitFile;
    private Path campaignFile;

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    @BeforeEach
    void writeValidConfiguration() throws IOException {
        unitFile = write("units/test.yaml", UNITS);
        campaignFile = write("campaigns/test-2022.yaml", CAMPAIGN);
    }

    @Test
    void theValidFixtureLoads() {
        YamlCampaignRegistry registry = load();

        assertThat(registry.campaign("test-2022")).get().satisfies(c -> {
            assertThat(c.attachments().maxPackageSize()).isEqualTo(DataSize.ofMegabytes(500));
            assertThat(c.attachmentKind("experience").orElseThrow().multiple()).isFalse();
            assertThat(c.unit("t-1301").orElseThrow().unlimited()).isFalse();
        });
        assertThat(registry.unit("t-assoc")).isPresent();
        assertThat(registry.source("test-2022")).isEqualTo(CAMPAIGN);
        assertThatThrownBy(() -> registry.source("no-such-campaign")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recommendationDocumentsAreReadAndACampaignWithoutThemAsksForNone() throws IOException {
        assertThat(load().campaign("test-2022").orElseThrow().recommendation().documents()).isEmpty();

        edit(campaignFile, "publicNotice:", """
                recommendation:
                  documents:
                    - code: summary-table
                      label: 推荐汇总表（附件3）
                      required: true
                      extensions: [xls, xlsx]
                      maxFileSize: 10MB
                publicNotice:""");

        UnitDocumentKind table = load().campaign("test-2022").orElseThrow().recommendation().document("summary-table")
                .orElseThrow();
        assertThat(table.required()).isTrue();
        assertThat(table.multiple()).isFalse();
        assertThat(table.extensions()).containsExactly("xls", "xlsx");
        assertThat(table.maxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
    }

    @Test
    void recommendationDocumentCodesAreUniqueAndTheirLimitsGiven() throws IOException {
        edit(campaignFile, "publicNotice:", """
                recommendation:
                  documents:
                    - code: summary-table
                      label: 推荐汇总表（附件3）
                      extensions: [xlsx]
                      maxFileSize: 10MB
                    - code: summary-table
                      label: 推荐文件
                      extensions: [pdf]
                publicNotice:""");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "recommendation.documents[1].code"))
                .contains("推荐单位材料代码「summary-table」重复");
        assertThat(message(problems, campaignFile, "recommendation.documents[1].maxFileSize")).contains("缺少必填项");
    }

    @Test
    void unknownKeyIsNamedWithTheLikelyIntendedKey() throws IOException {
        edit(campaignFile, "  applicationCloses: 2022-06-30", "  applicationClose: 2022-06-30");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "schedule.applicationClose"))
                .contains("无法识别的配置项「applicationClose」")
                .contains("是否应为「applicationCloses」")
                .contains("第 11 行");
        assertThat(message(problems, campaignFile, "schedule.applicationCloses")).contains("缺少必填项");
    }

    @Test
    void unknownKeyAtTopLevelAndInsideAList() throws IOException {
        edit(campaignFile, "publicNotice:", "colour: blue\npublicNotice:");
        edit(unitFile, "    kind: ASSOCIATION", "    kind: ASSOCIATION\n    website: https://example.org");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "colour")).contains("无法识别的配置项「colour」");
        assertThat(message(problems, unitFile, "units[2].website")).contains("无法识别的配置项「website」");
    }

    @Test
    void wrongDateFormat() throws IOException {
        edit(campaignFile, "recommendationDue: 2022-07-10", "recommendationDue: 2022/07/10");

        assertThat(message(problems(), campaignFile, "schedule.recommendationDue"))
                .contains("日期格式应为 YYYY-MM-DD")
                .contains("2022/07/10");
    }

    @Test
    void dateWrittenAsANumberIsNotTakenAsADayCount() throws IOException {
        edit(campaignFile, "publishedOn: 2022-06-15", "publishedOn: 20220615");

        assertThat(message(problems(), campaignFile, "publishedOn")).contains("日期格式应为 YYYY-MM-DD");
    }

    @Test
    void wrongEnumValue() throws IOException {
        edit(unitFile, "    kind: ASSOCIATION", "    kind: SOCIETY");
        edit(campaignFile, "level: PROVINCIAL", "level: STATE");

        List<Problem> problems = problems();

        assertThat(message(problems, unitFile, "units[2].kind"))
                .contains("取值应为 CITY、COUNTY、ZONE、ASSOCIATION、DIRECT 之一")
                .contains("SOCIETY");
        assertThat(message(problems, campaignFile, "level")).contains("NATIONAL、PROVINCIAL、MUNICIPAL");
    }

    @Test
    void wrongEnumAsMapKey() throws IOException {
        edit(campaignFile, "    CITY: 3", "    TOWN: 3");

        assertThat(message(problems(), campaignFile, "quota.perKind.TOWN")).contains("取值应为 CITY");
    }

    @Test
    void missingRequiredKey() throws IOException {
        edit(campaignFile, "organiser: 测试省工业和信息化厅\n", "");

        assertThat(message(problems(), campaignFile, "organiser")).contains("缺少必填项");
    }

    @Test
    void missingRequiredKeyInsideAListNamesTheItem() throws IOException {
        edit(campaignFile, "    maxChars: 500\n", "");

        assertThat(message(problems(), campaignFile, "texts[1].maxChars"))
                .contains("缺少必填项")
                .contains("第 38 行的 texts[1]");
    }

    @Test
    void emptyFlagIsRefusedButAnAbsentFlagIsFalse() throws IOException {
        edit(campaignFile, "  ranked: true", "  ranked:");

        assertThat(message(problems(), campaignFile, "quota.ranked")).contains("应为 true 或 false");
    }

    @Test
    void constraintMessagesAreChineseAndNameTheValue() throws IOException {
        edit(campaignFile, "  workingDays: 10", "  workingDays: 0");
        edit(campaignFile, "code: test-2022", "code: Test_2022");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "publicNotice.workingDays")).contains("不能小于 1");
        assertThat(message(problems, campaignFile, "code")).contains("只能使用小写字母");
    }

    @Test
    void negativeQuotaIsReportedAtTheMapKey() throws IOException {
        edit(campaignFile, "    CITY: 3", "    CITY: -1");

        assertThat(message(problems(), campaignFile, "quota.perKind.CITY")).contains("不能小于 0");
    }

    @Test
    void aKindsMinimumAboveItsQuotaIsReported() throws IOException {
        edit(campaignFile, "\n  ranked: true", "\n  minimumPerKind:\n    CITY: 4\n  ranked: true");

        assertThat(message(problems(), campaignFile, "quota.minimumPerKind.CITY"))
                .contains("市至少推荐 4 项，超过其推荐名额 3 项");
    }

    @Test
    void sizeWithoutUnit() throws IOException {
        edit(campaignFile, "maxFileSize: 50MB", "maxFileSize: 50");

        assertThat(message(problems(), campaignFile, "attachments.kinds[0].maxFileSize"))
                .contains("大小应写成数字加单位");
    }

    @Test
    void fileLargerThanThePackage() throws IOException {
        edit(campaignFile, "maxFileSize: 50MB", "maxFileSize: 1GB");

        assertThat(message(problems(), campaignFile, "attachments.kinds[0].maxFileSize"))
                .contains("1GB")
                .contains("500MB");
    }

    @Test
    void unknownUnitReference() throws IOException {
        edit(campaignFile, "  - unit: t-1302", "  - unit: t-9999");

        assertThat(message(problems(), campaignFile, "units[1].unit")).contains("t-9999").contains("未在单位目录");
    }

    @Test
    void unitListedTwiceInACampaign() throws IOException {
        edit(campaignFile, "  - unit: t-1302", "  - unit: t-1301");

        assertThat(message(problems(), campaignFile, "units[1].unit")).contains("重复列出");
    }

    @Test
    void unitOutsideTheCampaignsRegion() throws IOException {
        edit(unitFile, "region: \"1302\"", "region: \"2102\"");

        assertThat(message(problems(), campaignFile, "units[1].unit")).contains("2102").contains("13");
    }

    @Test
    void duplicateUnitAcrossFiles() throws IOException {
        Path other = write("units/other.yaml", """
                units:
                  - code: t-9
                    name: 丙市工业和信息化局
                    kind: CITY
                  - code: t-1302
                    name: 乙市工业和信息化局（重复）
                    kind: CITY
                """);

        List<Problem> problems = problems();

        // Files are read in name order, so the one in other.yaml counts as the first definition.
        assertThat(message(problems, unitFile, "units[1].code"))
                .contains("t-1302")
                .contains(other.toString());
    }

    @Test
    void unitParentMustExist() throws IOException {
        edit(unitFile, "    region: \"1302\"", "    region: \"1302\"\n    parent: t-13");

        assertThat(message(problems(), unitFile, "units[1].parent")).contains("t-13");
    }

    @Test
    void scheduleOutOfOrder() throws IOException {
        edit(campaignFile, "applicationCloses: 2022-06-30", "applicationCloses: 2022-06-10");

        assertThat(message(problems(), campaignFile, "schedule.applicationCloses"))
                .contains("2022-06-10")
                .contains("2022-06-15");
    }

    @Test
    void applicationsCannotOpenBeforeTheNoticeIsPublished() throws IOException {
        edit(campaignFile, "applicationOpens: 2022-06-15", "applicationOpens: 2022-06-01");

        assertThat(message(problems(), campaignFile, "schedule.applicationOpens")).contains("publishedOn");
    }

    @Test
    void financialYearNotBeforeCampaignYear() throws IOException {
        edit(campaignFile, "[2019, 2020, 2021]", "[2020, 2021, 2022]");

        assertThat(message(problems(), campaignFile, "eligibility.financialYears[2]"))
                .contains("2022")
                .contains("应早于活动年份");
    }

    @Test
    void financialYearsDistinct() throws IOException {
        edit(campaignFile, "[2019, 2020, 2021]", "[2019, 2020, 2020]");

        assertThat(message(problems(), campaignFile, "eligibility.financialYears[2]")).contains("重复");
    }

    @Test
    void industryDivisionOutOfRange() throws IOException {
        edit(campaignFile, "[\"06-46\"]", "[\"46-06\", \"98\"]");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "eligibility.industryDivisions[0]")).contains("起点大于终点");
        assertThat(message(problems, campaignFile, "eligibility.industryDivisions[1]")).contains("01–97");
    }

    @Test
    void caseNumberPrefixEndsWithTheYear() throws IOException {
        edit(campaignFile, "caseNumberPrefix: TST2022", "caseNumberPrefix: TST2021");

        assertThat(message(problems(), campaignFile, "caseNumberPrefix")).contains("2022");
    }

    @Test
    void duplicateCampaignCodeAndPrefix() throws IOException {
        Path copy = write("campaigns/test-copy.yaml", CAMPAIGN);

        List<Problem> problems = problems();

        // campaigns/test-2022.yaml sorts first; the copy is the duplicate.
        assertThat(message(problems, copy, "code")).contains("test-2022").contains(campaignFile.toString());
        assertThat(message(problems, copy, "caseNumberPrefix")).contains("TST2022");
    }

    @Test
    void duplicateCodesInsideACampaign() throws IOException {
        edit(campaignFile, "  - code: reliability", "  - code: digital");
        edit(campaignFile, "  - key: overview", "  - key: title");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "directions[1].code")).contains("digital");
        assertThat(message(problems, campaignFile, "texts[1].key")).contains("title");
    }

    @Test
    void moreDirectionsAllowedThanDefined() throws IOException {
        edit(campaignFile, "maxDirections: 2", "maxDirections: 3");

        assertThat(message(problems(), campaignFile, "maxDirections")).contains("3").contains("2");
    }

    @Test
    void titleSectionRequired() throws IOException {
        edit(campaignFile, "  - key: title", "  - key: name");

        assertThat(message(problems(), campaignFile, "texts")).contains("title");
    }

    @Test
    void titleSectionMustBeRequired() throws IOException {
        edit(campaignFile, "    maxChars: 30\n    required: true", "    maxChars: 30\n    required: false");

        assertThat(message(problems(), campaignFile, "texts[0].required")).contains("必须为必填");
    }

    @Test
    void selectTopKMustBePositive() throws IOException {
        edit(campaignFile, "  ranked: true", "  ranked: true\n  selectTopK: 0");

        assertThat(message(problems(), campaignFile, "quota.selectTopK")).contains("不能小于 1");
    }

    @Test
    void choiceFieldWithoutOptions() throws IOException {
        edit(campaignFile, "fields: []", """
                fields:
                  - key: muJunGrade
                    label: 亩均效益评价等级
                    type: CHOICE
                    required: true
                  - key: patents
                    label: 授权专利数
                    type: INTEGER
                    required: false
                    options: [一, 二]
                    min: 10
                    max: 0""");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "fields[0].options")).contains("CHOICE").contains("options");
        assertThat(message(problems, campaignFile, "fields[1].options")).contains("INTEGER");
        assertThat(message(problems, campaignFile, "fields[1].min")).contains("大于最大值");
    }

    @Test
    void uploadStagesDefaultToDraftAndCorrection() {
        assertThat(load().campaign("test-2022").orElseThrow().attachmentKind("experience").orElseThrow().uploadStages())
                .containsExactly("DRAFT", "CORRECTION");
    }

    @Test
    void uploadStagesAreReadAsWritten() throws IOException {
        edit(campaignFile, "maxFileSize: 50MB", "maxFileSize: 50MB\n      uploadStages: [DEFENSE, SITE_VISIT]");

        assertThat(load().campaign("test-2022").orElseThrow().attachmentKind("experience").orElseThrow().uploadStages())
                .containsExactly("DEFENSE", "SITE_VISIT");
    }

    @Test
    void unknownUploadStageIsNamedWithTheStagesThatExist() throws IOException {
        edit(campaignFile, "maxFileSize: 50MB", "maxFileSize: 50MB\n      uploadStages: [DRAFT, DEFENCE, DRAFT]");

        List<Problem> problems = problems();

        assertThat(message(problems, campaignFile, "attachments.kinds[0].uploadStages[1]"))
                .contains("「DEFENCE」不是案件阶段").contains("DEFENSE（答辩评审）");
        assertThat(message(problems, campaignFile, "attachments.kinds[0].uploadStages[2]")).contains("重复");
    }

    @Test
    void emptyUploadStagesAreRefused() throws IOException {
        edit(campaignFile, "maxFileSize: 50MB", "maxFileSize: 50MB\n      uploadStages: []");

        assertThat(message(problems(), campaignFile, "attachments.kinds[0].uploadStages")).contains("不能为空列表");
    }

    @Test
    void quotaAndUnlimitedTogether() throws IOException {
        edit(campaignFile, "  - unit: t-1302", "  - unit: t-1302\n    quota: 5\n    unlimited: true");

        assertThat(message(problems(), campaignFile, "units[1].quota")).contains("unlimited");
    }

    @Test
    void emptyListItem() throws IOException {
        edit(campaignFile, "  - unit: t-1302", "  -");

        assertThat(message(problems(), campaignFile, "units[1]")).contains("列表项为空");
    }

    @Test
    void listGivenWhereAStructureIsExpected() throws IOException {
        edit(campaignFile, "  - unit: t-1302", "  - t-1302");

        assertThat(message(problems(), campaignFile, "units[1]")).contains("应为「键: 值」形式的下级配置项");
    }

    @Test
    void scalarGivenWhereAListIsExpected() throws IOException {
        edit(campaignFile, "extensions: [pdf, docx]", "extensions: pdf");

        assertThat(message(problems(), campaignFile, "attachments.kinds[0].extensions")).contains("应为列表");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        edit(campaignFile, "  ranked: true", "  ranked: true\n ranked2 true");

        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(campaignFile);
            assertThat(p.message()).contains("YAML 语法有误").contains("第 ");
        });
    }

    @Test
    void duplicateKeyInOneFile() throws IOException {
        edit(campaignFile, "maxDirections: 2", "maxDirections: 2\nmaxDirections: 1");

        assertThat(message(problems(), campaignFile, "maxDirections")).contains("重复出现");
    }

    @Test
    void fileNotInUtf8() throws IOException {
        Files.writeString(campaignFile, CAMPAIGN, Charset.forName("GBK"));

        assertThat(message(problems(), campaignFile, "")).contains("UTF-8");
    }

    @Test
    void byteOrderMarkIsTolerated() throws IOException {
        Files.writeString(campaignFile, "\uFEFF" + CAMPAIGN, StandardCharsets.UTF_8);

        assertThat(load().source("test-2022")).isEqualTo(CAMPAIGN);
    }

    @Test
    void emptyFile() throws IOException {
        Files.writeString(campaignFile, "# 还没写\n");

        assertThat(message(problems(), campaignFile, "")).contains("没有内容");
    }

    @Test
    void missingCampaignsFolder() throws IOException {
        Files.delete(campaignFile);
        Files.delete(config.resolve("campaigns"));

        assertThat(message(problems(), config.resolve("campaigns"), "")).contains("找不到");
    }

    @Test
    void noCampaignFiles() throws IOException {
        Files.move(campaignFile, config.resolve("campaigns/test-2022.yaml.bak"));

        assertThat(message(problems(), config.resolve("campaigns"), "")).contains("没有 .yaml");
    }

    @Test
    void severalFaultsInSeveralFilesAreReportedTogether() throws IOException {
        edit(unitFile, "    kind: ASSOCIATION", "    kind: GUILD");
        edit(campaignFile, "  applicationCloses: 2022-06-30", "  applicationClose: 2022-06-30");
        edit(campaignFile, "recommendationDue: 2022-07-10", "recommendationDue: 2022-06-01");
        edit(campaignFile, "  - key: title", "  - key: heading");
        edit(campaignFile, "  - unit: t-1302", "  - unit: t-1303");
        Path second = write("campaigns/zz-other.yaml", CAMPAIGN
                .replace("code: test-2022", "code: other-2023")
                .replace("caseNumberPrefix: TST2022", "caseNumberPrefix: OTH2023")
                .replace("year: 2022", "year: 2023")
                .replace("publishedOn: 2022-06-15", "publishedOn: 2022-6-15"));

        ConfigurationFileException failure = catchThrowableOfType(ConfigurationFileException.class, this::load);

        assertThat(failure.problems()).extracting(Problem::file, Problem::key).contains(
                tuple(unitFile, "units[2].kind"),
                tuple(campaignFile, "schedule.applicationClose"),
                tuple(campaignFile, "schedule.applicationCloses"),
                tuple(campaignFile, "schedule.recommendationDue"),
                tuple(campaignFile, "texts"),
                tuple(campaignFile, "units[1].unit"),
                tuple(second, "publishedOn"));
        assertThat(failure.getMessage())
                .contains(unitFile + " [units[2].kind]")
                .contains(second + " [publishedOn]")
                .contains(campaignFile + " [schedule.recommendationDue]");
    }

    private YamlCampaignRegistry load() {
        return new YamlCampaignRegistry(config.resolve("units"), config.resolve("campaigns"), validation.getValidator());
    }

    private List<Problem> problems() {
        return catchThrowableOfType(ConfigurationFileException.class, this::load).problems();
    }

    /** The message of the one problem at this file and key; fails listing all problems if there is none. */
    private static String message(List<Problem> problems, Path file, String key) {
        List<Problem> matching = problems.stream().filter(p -> p.file().equals(file) && p.key().equals(key)).toList();
        assertThat(matching).as("problem at %s [%s] among %s", file, key, problems).hasSize(1);
        return matching.get(0).message();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = config.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("fixture of %s", file).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
