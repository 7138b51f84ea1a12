package org.qualitybenchmark.campaign.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

/** The summary table's layout (recommendation.summaryTable) as a process owner writes it: each fault names file and key. */
class SummaryTableConfigurationTest {

    private static final String LAYOUT = """
            recommendation:
              summaryTable:
                title: "{year}年推荐汇总表"
                header:
                  - left: 推荐单位（盖章）：{unitName}
                    right: 年  月  日
                columns:
                  - label: 序号
                    value: index
                    width: 6
                  - label: 企业名称
                    value: enterprise.name
                  - label: 2021年营业收入（万元）
                    value: revenue.2021
                  - label: 推荐意见
                    value: opinion
                notes:
                  - 注：按推荐排序填写。
                footer:
                  - left: 联系人：
                    right: 电话：""";

    private static ValidatorFactory validation;

    @TempDir
    Path config;

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    @Test
    void aLayoutLoadsAsWritten() throws IOException {
        write(LAYOUT);
        SummaryTableLayout layout = load().campaign("test-2022").orElseThrow().recommendation().summaryTable();
        assertThat(layout.title()).isEqualTo("{year}年推荐汇总表");
        assertThat(layout.columns()).extracting(SummaryTableLayout.Column::label)
                .containsExactly("序号", "企业名称", "2021年营业收入（万元）", "推荐意见");
        assertThat(layout.columns()).extracting(SummaryTableLayout.Column::value)
                .containsExactly("index", "enterprise.name", "revenue.2021", "opinion");
        assertThat(layout.header()).containsExactly(new SummaryTableLayout.SideLine("推荐单位（盖章）：{unitName}", "年  月  日"));
        assertThat(layout.notes()).containsExactly("注：按推荐排序填写。");
    }

    @Test
    void aCampaignWithoutALayoutHasNone() throws IOException {
        write("");
        assertThat(load().campaign("test-2022").orElseThrow().recommendation().summaryTable()).isNull();
    }

    @Test
    void everyFaultOfALayoutNamesItsFileAndKey() throws IOException {
        write(LAYOUT.replace("value: enterprise.name", "value: enterprise.nme")
                .replace("value: revenue.2021", "value: revenue.2018")
                .replace("value: opinion", "value: field.muJunGrade")
                .replace("{unitName}", "{unit}")
                .replace("width: 6", "width: 500"));
        List<Problem> problems = problems();
        assertThat(problems).allSatisfy(p -> assertThat(p.file().getFileName().toString()).isEqualTo("test-2022.yaml"));
        assertThat(message(problems, "recommendation.summaryTable.columns[1].value"))
                .contains("汇总表的列不能显示「enterprise.nme」").contains("config/README.md");
        assertThat(message(problems, "recommendation.summaryTable.columns[2].value"))
                .contains("「2018」不是本活动申报表填报的年度");
        assertThat(message(problems, "recommendation.summaryTable.columns[3].value"))
                .contains("本活动没有附加字段「muJunGrade」");
        assertThat(message(problems, "recommendation.summaryTable.header[0].left"))
                .contains("未知的占位符「{unit}」").contains("{unitName}");
        assertThat(message(problems, "recommendation.summaryTable.columns[0].width")).contains("120");
    }

    @Test
    void anUnknownKeyInTheLayoutIsRefusedByName() throws IOException {
        write(LAYOUT.replace("        width: 6", "        width: 6\n        align: left"));
        assertThat(problems()).anySatisfy(p -> {
            assertThat(p.key()).isEqualTo("recommendation.summaryTable.columns[0].align");
            assertThat(p.toString()).contains("test-2022.yaml").contains("无法识别的配置项「align」");
        });
    }

    @Test
    void aLayoutNeedsATitleAndColumns() throws IOException {
        write("""
                recommendation:
                  summaryTable:
                    columns: []""");
        List<Problem> problems = problems();
        assertThat(message(problems, "recommendation.summaryTable.title")).isNotBlank();
        assertThat(message(problems, "recommendation.summaryTable.columns")).isNotBlank();
    }

    private void write(String recommendation) throws IOException {
        Path units = config.resolve("units/test.yaml");
        Files.createDirectories(units.getParent());
        Files.writeString(units, YamlCampaignRegistryTest.UNITS);
        Path campaign = config.resolve("campaigns/test-2022.yaml");
        Files.createDirectories(campaign.getParent());
        assertThat(YamlCampaignRegistryTest.CAMPAIGN).contains("fields: []").doesNotContain("recommendation:");
        Files.writeString(campaign, YamlCampaignRegistryTest.CAMPAIGN.replace("fields: []", "fields: []\n" + recommendation));
    }

    private YamlCampaignRegistry load() {
        return new YamlCampaignRegistry(config.resolve("units"), config.resolve("campaigns"), validation.getValidator());
    }

    private List<Problem> problems() {
        return catchThrowableOfType(ConfigurationFileException.class, this::load).problems();
    }

    private static String message(List<Problem> problems, String key) {
        List<Problem> matching = problems.stream().filter(p -> p.key().equals(key)).toList();
        assertThat(matching).as("problem at [%s] among %s", key, problems).hasSize(1);
        return matching.get(0).message();
    }
}
