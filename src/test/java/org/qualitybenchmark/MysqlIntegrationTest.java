package org.qualitybenchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualitybenchmark.ApiTestSupport.completeForm;
import static org.qualitybenchmark.ApiTestSupport.freshHebeiUscc;

/**
 * The whole application on the MySQL protocol (MySQL 8 in production, MariaDB on CI), in a
 * database created fresh for this run. Run with {@code mvn verify -Pmysql}; fails when the server
 * at {@code QB_DB_HOST:QB_DB_PORT} (default 127.0.0.1:3306) cannot be reached.
 */
@Tag("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "mysql"})
public class MysqlIntegrationTest {

    static final String HOST = env("QB_DB_HOST", "127.0.0.1");
    static final String PORT = env("QB_DB_PORT", "3306");
    static final String USER = env("QB_DB_USER", "root");
    static final String PASSWORD = env("QB_DB_PASSWORD", "");
    public static final String DATABASE = env("QB_DB_NAME", "qb_it");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    ApiTestSupport api;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        recreate(DATABASE);
    }

    /** Drops and creates the database, so that each run starts from an empty schema. */
    public static void recreate(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mysql://" + HOST + ":" + PORT + "/?useSSL=false&allowPublicKeyRetrieval=true", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists `" + database + "`");
            statement.execute("create database `" + database + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        }
    }

    /** The mysql profile's own URL, with this run's database. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("QB_DB_NAME", () -> DATABASE);
    }

    @BeforeEach
    void setUp() {
        api = new ApiTestSupport(rest, json);
    }

    @Test
    void runsUnderReadCommittedWithOurTablesInUtf8mb4() {
        jdbc.execute((java.sql.Connection connection) -> {
            assertThat(connection.getTransactionIsolation()).isEqualTo(java.sql.Connection.TRANSACTION_READ_COMMITTED);
            // MySQL 8 calls it transaction_isolation; MariaDB before 11.1 only tx_isolation.
            String variable = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB")
                    ? "tx_isolation" : "transaction_isolation";
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select @@session." + variable)) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("READ-COMMITTED");
            }
            return null;
        });
        List<String> charsets = jdbc.queryForList("select distinct ccsa.character_set_name from information_schema.tables t"
                + " join information_schema.collation_character_set_applicability ccsa on ccsa.collation_name = t.table_collation"
                + " where t.table_schema = database() and t.table_name like 'qb\\_%'", String.class);
        assertThat(charsets).containsExactly("utf8mb4");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = database()"
                + " and table_name = 'ACT_RU_TASK'", Integer.class)).isEqualTo(1);
    }

    @Test
    void keepsFourByteCharactersInNamesAndTexts() {
        String name = "𠮷野家𡈽示例精密机械有限公司";
        Map<String, Object> form = completeForm(freshHebeiUscc(), "he-1301", name);
        form.put("texts", Map.of("overview", "企业概况含扩展汉字𪚥与表情😀。"));
        ResponseEntity<JsonNode> created = api.post("applicant1", "/api/applications", form);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode read = api.get("applicant1", "/api/applications/" + created.getBody().get("id").asLong()).getBody();
        assertThat(read.path("enterprise").path("name").asText()).isEqualTo(name);
        assertThat(read.path("texts").path("overview").asText()).contains("𪚥", "😀");
    }

    @Test
    void concurrentFilingsGetDistinctCaseNumbersAndNoDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Map<String, Object> form = completeForm(freshHebeiUscc(), "he-1302", "并发测试" + i + "号有限公司");
                calls.add(() -> api.post("applicant2", "/api/applications", form));
            }
            Map<String, Object> same = completeForm(freshHebeiUscc(), "he-1302", "同时重复提交有限公司");
            for (int i = 0; i < 4; i++) {
                calls.add(() -> api.post("applicant2", "/api/applications", same));
            }
            Set<String> numbers = new HashSet<>();
            Set<Long> sameIds = new HashSet<>();
            List<Future<ResponseEntity<JsonNode>>> results = pool.invokeAll(calls);
            for (int i = 0; i < results.size(); i++) {
                ResponseEntity<JsonNode> response = results.get(i).get();
                assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
                if (i < 12) {
                    numbers.add(response.getBody().get("caseNumber").asText());
                } else {
                    sameIds.add(response.getBody().get("id").asLong());
                }
            }
            assertThat(numbers).hasSize(12);
            assertThat(sameIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void submitsACaseEndToEnd() {
        long id = api.submittedCase("sjz", "he-1301", "石家庄MySQL测试有限公司");
        assertThat(api.get("sjz", "/api/applications/" + id).getBody().get("stage").asText()).isEqualTo("SUBMITTED");
        assertThat(api.get("ts", "/api/applications/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
