package org.qualitybenchmark.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.access.IdentityAdministration;
import org.qualitybenchmark.campaign.config.YamlCampaignRegistry;
import org.qualitybenchmark.enterprise.Uscc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports that change the configuration or the roster, on a copy of {@code config/} of their own,
 * with the clock on 2023-03-02: 洛阳 2023 takes applications, 辽宁 2024 has not opened, 河北 2022 has
 * closed. Also the application template of a campaign with extra fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "qb.clock-start=2023-03-02T09:00:00"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class RosterAndUnitImportTest {

    static final Path CONFIG = copyOfConfig();
    static final String LIAONING = "liaoning-2024-provincial";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("qb.config-dir", CONFIG::toString);
    }

    static Path copyOfConfig() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "import-config-");
            try (Stream<Path> files = Files.walk(Path.of("config"))) {
                for (Path file : files.toList()) {
                    Path copy = dir.resolve(Path.of("config").relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityAdministration identity;

    @Autowired
    Validator validator;

    ImportClient client;
    ApiTestSupport api;

    @BeforeEach
    void setUp() {
        client = new ImportClient(rest, json);
        api = new ApiTestSupport(rest, json);
    }

    List<String> units(String campaign) {
        List<String> units = new ArrayList<>();
        api.get("owner", "/api/campaigns/" + campaign).getBody().get("units").forEach(u -> units.add(
                u.get("code").asText() + "|" + u.get("kind").asText() + "|" + u.path("quota").asText() + "|"
                        + u.get("unlimited").asBoolean()));
        return units;
    }

    @Test
    void aCampaignsUnitsExportAndImportAgainUnchangedThenANewUnitTakesEffectAtOnceAndAfterARestart()
            throws Exception {
        List<String> before = units(LIAONING);
        byte[] exported = client.template("owner", "/api/imports/exports/units?campaign=" + LIAONING);
        assertThat(ImportClient.read(exported)).hasSize(before.size());

        JsonNode same = client.importFile("owner", "units", LIAONING, null, exported);
        assertThat(same.get("status").asText()).as(same.toString()).isEqualTo("SUCCEEDED");
        assertThat(units(LIAONING)).isEqualTo(before);
        assertThat(ImportClient.read(client.template("owner", "/api/imports/exports/units?campaign=" + LIAONING)))
                .isEqualTo(ImportClient.read(exported));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, String> row : ImportClient.read(exported)) {
            rows.add(new LinkedHashMap<>(row));
        }
        rows.remove(rows.size() - 1);
        rows.get(0).put("推荐名额", "3");
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("单位代码", "ln-assoc-quality");
        added.put("单位名称", "辽宁省质量协会");
        added.put("单位类别", "行业协会");
        added.put("推荐名额", "2");
        rows.add(added);
        byte[] changed = ImportClient.fill(client.template("owner", "/api/imports/templates/units?campaign=" + LIAONING),
                rows);

        JsonNode job = client.importFile("owner", "units", LIAONING, null, changed);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("createdCount").asInt()).isEqualTo(1);
        List<String> after = units(LIAONING);
        assertThat(after).hasSize(before.size());
        assertThat(after.get(0)).startsWith(before.get(0).split("\\|")[0] + "|CITY|3|false");
        assertThat(after).contains("ln-assoc-quality|ASSOCIATION|2|false");
        assertThat(after).doesNotContain(before.get(before.size() - 1));
        assertThat(jdbc.queryForObject("select count(*) from qb_unit where code = 'ln-assoc-quality'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_GROUP where ID_ = 'unit-ln-assoc-quality'",
                Long.class)).isEqualTo(1);
        // A restart reads the same from the files.
        YamlCampaignRegistry restarted = new YamlCampaignRegistry(CONFIG.resolve("units"), CONFIG.resolve("campaigns"),
                validator);
        assertThat(restarted.unit("ln-assoc-quality").orElseThrow().name()).isEqualTo("辽宁省质量协会");
        var definition = restarted.campaign(LIAONING).orElseThrow();
        assertThat(definition.units()).hasSize(before.size());
        assertThat(definition.unit("ln-assoc-quality").orElseThrow().quota()).isEqualTo(2);
        assertThat(definition.units().get(0).quota()).isEqualTo(3);
        assertThat(Files.readString(CONFIG.resolve("campaigns/" + LIAONING + ".yaml")))
                .contains("schedule:", "directions:");
    }

    @Test
    void aUnitsFileWithFaultsChangesNothingAndAnOpenedCampaignRefusesUnits() throws Exception {
        String campaignFile = Files.readString(CONFIG.resolve("campaigns/shandong-2023-national.yaml"));
        byte[] template = client.template("owner", "/api/imports/templates/units?campaign=shandong-2023-national");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(new LinkedHashMap<>(Map.of("单位代码", "sd-3701", "单位名称", "济南市某局", "单位类别", "市")));
        rows.add(new LinkedHashMap<>(Map.of("单位代码", "sd-3702", "单位名称", "青岛市工业和信息化局", "单位类别", "市",
                "推荐名额", "很多")));
        rows.add(new LinkedHashMap<>(Map.of("单位代码", "Bad Code", "单位名称", "坏代码单位", "单位类别", "市")));
        rows.add(new LinkedHashMap<>(Map.of("单位代码", "sd-new-1", "单位名称", "新单位", "单位类别", "县（市、区）",
                "上级单位代码", "sd-nowhere")));
        rows.add(new LinkedHashMap<>(Map.of("单位代码", "sd-new-1", "单位名称", "新单位重复", "单位类别", "市")));

        JsonNode job = client.importFile("owner", "units", "shandong-2023-national", null, ImportClient.fill(template, rows));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("REJECTED");
        List<String> errors = StreamSupport.stream(job.get("errors").spliterator(), false)
                .map(e -> e.get("row").asInt() + "|" + e.path("heading").asText() + "|" + e.get("message").asText()).toList();
        assertThat(errors).anyMatch(e -> e.startsWith("2|单位名称|") && e.contains("济南市工业和信息化局"));
        assertThat(errors).anyMatch(e -> e.startsWith("3|推荐名额|") && e.contains("应为整数"));
        assertThat(errors).anyMatch(e -> e.startsWith("6|单位代码|") && e.contains("与第5行"));
        assertThat(Files.readString(CONFIG.resolve("campaigns/shandong-2023-national.yaml"))).isEqualTo(campaignFile);

        // The generated files' own checks, placed at their rows: a bad code, a parent nobody defines.
        rows.remove(4);
        rows.remove(1);
        rows.remove(0);
        job = client.importFile("owner", "units", "shandong-2023-national", null, ImportClient.fill(template, rows));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("REJECTED");
        errors = StreamSupport.stream(job.get("errors").spliterator(), false)
                .map(e -> e.get("row").asInt() + "|" + e.path("heading").asText() + "|" + e.get("message").asText()).toList();
        assertThat(errors).anyMatch(e -> e.startsWith("2|单位代码|") && e.contains("小写字母"));
        assertThat(errors).anyMatch(e -> e.startsWith("3|上级单位代码|") && e.contains("sd-nowhere"));
        assertThat(Files.readString(CONFIG.resolve("campaigns/shandong-2023-national.yaml"))).isEqualTo(campaignFile);
        assertThat(Files.exists(CONFIG.resolve("units/imported.yaml"))
                ? Files.readString(CONFIG.resolve("units/imported.yaml")) : "").doesNotContain("sd-new-1");

        byte[] luoyang = client.template("owner", "/api/imports/exports/units?campaign=luoyang-2023-municipal");
        assertThat(client.upload("owner", "units", "luoyang-2023-municipal", null, "x.xlsx", luoyang).getStatusCode()
                .is2xxSuccessful()).isTrue();
        JsonNode opened = client.importFile("owner", "units", "luoyang-2023-municipal", null, luoyang);
        assertThat(opened.get("status").asText()).isEqualTo("REJECTED");
        assertThat(opened.get("errors").get(0).get("message").asText()).contains("已于2023-03-01开始接受申报");
        for (String user : List.of("office", "sjz", "manager")) {
            assertThat(client.upload(user, "units", LIAONING, null, "x.xlsx", luoyang).getStatusCode().value())
                    .as(user).isEqualTo(403);
        }
    }

    @Test
    void theExpertRosterExportsAndImportsAgainUnchangedAndRegistersAndUpdatesExperts() {
        identity.ensureUser("imp-expert-1", "imp-expert-1", "导入", "专家一", null, Set.of("experts"));
        identity.ensureUser("imp-expert-2", "imp-expert-2", "导入", "专家二", null, Set.of("experts"));
        byte[] template = client.template("office", "/api/imports/templates/experts");
        List<Map<String, Object>> rows = List.of(
                new LinkedHashMap<>(Map.of("登录账号", "imp-expert-1", "专家姓名", "王导入", "工作单位", "河南科技大学",
                        "所属推荐单位（回避）", "ha-410302 老城区工业和信息化主管部门")),
                new LinkedHashMap<>(Map.of("登录账号", "imp-expert-2", "专家姓名", "李导入", "工作单位", "洛阳理工学院",
                        "参加评审", "否")));
        JsonNode job = client.importFile("office", "experts", null, null, ImportClient.fill(template, rows));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("createdCount").asInt()).isEqualTo(2);
        JsonNode roster = api.get("office", "/api/experts").getBody();
        JsonNode first = StreamSupport.stream(roster.spliterator(), false)
                .filter(e -> e.get("userId").asText().equals("imp-expert-1")).findFirst().orElseThrow();
        assertThat(first.get("unit").asText()).isEqualTo("ha-410302");
        assertThat(first.get("active").asBoolean()).isTrue();

        byte[] exported = client.template("office", "/api/imports/exports/experts");
        List<Map<String, String>> exportedRows = ImportClient.read(exported);
        assertThat(exportedRows).anyMatch(r -> r.get("登录账号").equals("imp-expert-2") && r.get("参加评审").equals("否"));
        JsonNode again = client.importFile("office", "experts", null, null, exported);
        assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("createdCount").asInt()).isZero();
        assertThat(again.get("updatedCount").asInt()).isEqualTo(exportedRows.size());
        assertThat(ImportClient.read(client.template("office", "/api/imports/exports/experts"))).isEqualTo(exportedRows);

        List<Map<String, Object>> bad = List.of(
                new LinkedHashMap<>(Map.of("登录账号", "imp-expert-1", "专家姓名", "王导入", "工作单位", "改了单位")),
                new LinkedHashMap<>(Map.of("登录账号", "nobody-here", "专家姓名", "无账号", "工作单位", "某单位")),
                new LinkedHashMap<>(Map.of("登录账号", "sjz", "专家姓名", "不是专家", "工作单位", "某单位")),
                new LinkedHashMap<>(Map.of("登录账号", "imp-expert-1", "专家姓名", "重复", "工作单位", "某单位")),
                new LinkedHashMap<>(Map.of("登录账号", "imp-expert-2", "工作单位", "某单位", "参加评审", "也许")));
        JsonNode rejected = client.importFile("office", "experts", null, null, ImportClient.fill(template, bad));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        List<String> errors = StreamSupport.stream(rejected.get("errors").spliterator(), false)
                .map(e -> e.get("row").asInt() + "|" + e.path("heading").asText() + "|" + e.get("message").asText()).toList();
        assertThat(errors).anyMatch(e -> e.startsWith("3|登录账号|") && e.contains("没有登录账号“nobody-here”"));
        assertThat(errors).anyMatch(e -> e.startsWith("4|登录账号|") && e.contains("不在评审专家组中"));
        assertThat(errors).anyMatch(e -> e.startsWith("5|登录账号|") && e.contains("与第2行"));
        assertThat(errors).anyMatch(e -> e.startsWith("6|参加评审|"));
        assertThat(errors).noneMatch(e -> e.startsWith("2|"));
        // Row 2 alone was fine, but nothing of the file was kept.
        assertThat(ImportClient.read(client.template("office", "/api/imports/exports/experts"))).isEqualTo(exportedRows);
        assertThat(client.upload("owner", "experts", null, null, "x.xlsx", exported).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void extraFieldsOfACampaignRoundTrip() {
        String first17 = "91410302MA47X0001";
        String uscc = first17 + Uscc.checkCharacter(first17);
        byte[] template = client.template("ha-410302",
                "/api/imports/templates/applications?campaign=luoyang-2023-municipal&unit=ha-410302");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("统一社会信用代码", uscc);
        row.put("企业名称", "洛阳导入机械有限公司");
        row.put("行业代码（GB/T 4754-2017）", "3484");
        row.put("申报方向1", "可靠性提升");
        row.put("质量管理机构负责人姓名", "赵质量");
        row.put("专利授权数（件）", 12);
        row.put("2022年主营业务收入（万元）", 1234.56);
        byte[] filled = ImportClient.fill(template, List.of(row));

        JsonNode job = client.importFile("ha-410302", "applications", "luoyang-2023-municipal", "ha-410302", filled);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode detail = api.get("ha-410302", "/api/applications/" + job.get("items").get(0).get("caseId").asLong())
                .getBody();
        assertThat(detail.get("fields").get("qualityHeadName").asText()).isEqualTo("赵质量");
        assertThat(detail.get("fields").get("patentsGranted").asInt()).isEqualTo(12);
        assertThat(detail.get("figures").get(0).get("year").asInt()).isEqualTo(2022);
        assertThat(detail.get("directions").get(0).get("label").asText()).isEqualTo("可靠性提升");
        // 河北 2022 has closed: its template downloads, an import is refused with the window's reason.
        byte[] hebei = client.template("sjz", "/api/imports/templates/applications?campaign=hebei-2022-national&unit=he-1301");
        Map<String, Object> late = new LinkedHashMap<>(Map.of("统一社会信用代码", ApiTestSupport.freshHebeiUscc(),
                "企业名称", "迟到的企业"));
        JsonNode closed = client.importFile("sjz", "applications", "hebei-2022-national", "he-1301",
                ImportClient.fill(hebei, List.of(late)));
        assertThat(closed.get("status").asText()).isEqualTo("REJECTED");
        assertThat(closed.get("errors").get(0).get("message").asText()).contains("截止");
    }
}
