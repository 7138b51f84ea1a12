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

/** TABLE fields as a process owner writes them: a good table loads, each fault names its key. */
class TableFieldConfigurationTest {

    private static final String ECONOMIC_TABLE = """
            fields:
              - key: economicBenefits
                label: 表2 经济效益统计表
                type: TABLE
                required: true
                table:
                  note: 注：可根据行业实际情况进行删减。
                  columns:
                    - key: y2022
                      label: 2022年
                      type: DECIMAL
                      required: true
                    - key: method
                      label: 调查方式
                      type: CHOICE
                      options: [自评, 第三方调查]
                    - key: body
                      label: 调查机构名称
                      type: TEXT
                      maxChars: 50
                      requiredWhen:
                        column: method
                        equals: 第三方调查
                  rows:
                    - key: revenue
                      label: 营业收入
                      unit: 万元
                      required: true
                      columns: [y2022]
                    - key: products
                      label: 主导产品
                      type: TEXT
                      maxChars: 50
                  freeRows:
                    max: 5
                    label: 项目
                    unit: true""";

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
    void aTableLoadsAsWritten() throws IOException {
        write(ECONOMIC_TABLE);

        CampaignDefinition campaign = load().campaign("test-2022").orElseThrow();

        ExtraField field = campaign.field("economicBenefits").orElseThrow();
        assertThat(field.type()).isEqualTo(ExtraField.FieldType.TABLE);
        TableLayout table = field.table();
        assertThat(table.rowHeader()).isEqualTo("项目");
        assertThat(table.columns()).extracting(TableLayout.Column::key).containsExactly("y2022", "method", "body");
        assertThat(table.column("body").orElseThrow().requiredWhen()).isEqualTo(new TableLayout.Condition("method", "第三方调查"));
        assertThat(table.row("revenue").orElseThrow().has(table.column("method").orElseThrow())).isFalse();
        assertThat(table.rule(table.row("products").orElseThrow(), table.column("y2022").orElseThrow()).type())
                .isEqualTo(TableLayout.CellType.TEXT);
        assertThat(table.freeRows()).isEqualTo(new TableLayout.FreeRows(5, 0, "项目", true));
        assertThat(table.hasUnits()).isTrue();
    }

    @Test
    void aTableFieldWithoutItsTableAndATableOnAnotherType() throws IOException {
        write("""
                fields:
                  - key: economicBenefits
                    label: 表2 经济效益统计表
                    type: TABLE
                    maxChars: 100
                  - key: patents
                    label: 专利数
                    type: INTEGER
                    table:
                      columns:
                        - key: y2022
                          label: 2022年
                          type: INTEGER
                      rows:
                        - key: a
                          label: 甲""");

        List<Problem> problems = problems();

        assertThat(message(problems, "fields[0].table")).contains("TABLE").contains("columns");
        assertThat(message(problems, "fields[0]")).contains("maxChars");
        assertThat(message(problems, "fields[1].table")).contains("只有 TABLE").contains("INTEGER");
    }

    @Test
    void faultsInsideATableNameTheirKey() throws IOException {
        write("""
                fields:
                  - key: economicBenefits
                    label: 表2 经济效益统计表
                    type: TABLE
                    table:
                      columns:
                        - key: y2022
                          label: 2022年
                          type: DECIMAL
                          min: 10
                          max: 1
                          maxChars: 5
                        - key: y2022
                          label: 2023年
                          type: TEXT
                        - key: method
                          label: 2022年
                          type: CHOICE
                        - key: body
                          label: 调查机构
                          type: TEXT
                          maxChars: 20
                          requiredWhen:
                            column: nothing
                            equals: 第三方调查
                        - key: rank
                          label: 名次
                          type: BOOLEAN
                      rows:
                        - key: revenue
                          label: 营业收入
                          columns: [y2023, method, method]
                        - key: revenue
                          label: 利润
                          options: [甲]
                        - key: profit
                          label: 营业收入
                      freeRows:
                        max: 2
                        min: 3
                        lable: 项目""");

        List<Problem> problems = problems();

        assertThat(message(problems, "fields[0].table.columns[0].min")).contains("大于最大值");
        assertThat(message(problems, "fields[0].table.columns[0].maxChars")).contains("只有 TEXT");
        assertThat(message(problems, "fields[0].table.columns[1].key")).contains("列键「y2022」重复");
        assertThat(message(problems, "fields[0].table.columns[1].maxChars")).contains("TEXT 须写 maxChars");
        assertThat(message(problems, "fields[0].table.columns[2].label")).contains("2022年").contains("columns[0]");
        assertThat(message(problems, "fields[0].table.columns[2].options")).contains("CHOICE");
        assertThat(message(problems, "fields[0].table.columns[3].requiredWhen.column")).contains("「nothing」不是本表的另一列");
        assertThat(message(problems, "fields[0].table.columns[4].type")).contains("TEXT、INTEGER、DECIMAL、CHOICE");
        assertThat(message(problems, "fields[0].table.rows[0].columns[0]")).contains("「y2023」不是本表的列");
        assertThat(message(problems, "fields[0].table.rows[0].columns[2]")).contains("列「method」重复");
        assertThat(message(problems, "fields[0].table.rows[1].key")).contains("行键「revenue」重复");
        assertThat(message(problems, "fields[0].table.rows[1].type")).contains("须同时写 type");
        assertThat(message(problems, "fields[0].table.rows[2].label")).contains("营业收入");
        assertThat(message(problems, "fields[0].table.freeRows.lable")).contains("是否应为「label」");
    }

    @Test
    void aTableNeedsRowsAndSensibleCounts() throws IOException {
        write("""
                fields:
                  - key: competitors
                    label: 表5 主要竞争对手及其标杆名录
                    type: TABLE
                    table:
                      columns:
                        - key: product
                          label: 产品名称
                          type: TEXT
                          maxChars: 50
                  - key: others
                    label: 表6
                    type: TABLE
                    table:
                      columns:
                        - key: product
                          label: 产品名称
                          type: TEXT
                          maxChars: 50
                      freeRows:
                        min: 3
                        max: 2
                  - key: none
                    label: 表7
                    type: TABLE
                    table:
                      columns: []
                      freeRows:
                        max: 0""");

        List<Problem> problems = problems();

        assertThat(message(problems, "fields[0].table.rows")).contains("rows").contains("freeRows");
        assertThat(message(problems, "fields[1].table.freeRows.min")).contains("最少行数 3 大于最多行数 2");
        assertThat(message(problems, "fields[2].table.columns")).contains("至少需要填写一项");
        assertThat(message(problems, "fields[2].table.freeRows.max")).contains("不能小于 1");
    }

    private void write(String fields) throws IOException {
        Path units = config.resolve("units/test.yaml");
        Files.createDirectories(units.getParent());
        Files.writeString(units, YamlCampaignRegistryTest.UNITS);
        Path campaign = config.resolve("campaigns/test-2022.yaml");
        Files.createDirectories(campaign.getParent());
        assertThat(YamlCampaignRegistryTest.CAMPAIGN).contains("fields: []");
        Files.writeString(campaign, YamlCampaignRegistryTest.CAMPAIGN.replace("fields: []", fields));
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
