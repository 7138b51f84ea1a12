package org.qualitybenchmark.workflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole campaign again, on the MySQL protocol: the engine's own tables are 3-byte utf8 there, so
 * this proves that what users type (comments with 𠮷, an objection with 😀) never reaches them, and
 * that the procedure runs under READ COMMITTED.
 */
@Tag("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles(value = {"test", "demo", "mysql"}, inheritProfiles = false)
@DirtiesContext
class MysqlCampaignRunTest extends CampaignRunIntegrationTest {

    private static final String DATABASE = System.getenv().getOrDefault("QB_DB_NAME", "qb_it") + "_campaign";

    @BeforeAll
    static void freshDatabase() throws SQLException {
        String url = "jdbc:mysql://" + System.getenv().getOrDefault("QB_DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("QB_DB_PORT", "3306") + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection connection = DriverManager.getConnection(url, System.getenv().getOrDefault("QB_DB_USER", "root"),
                System.getenv().getOrDefault("QB_DB_PASSWORD", ""));
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists `" + DATABASE + "`");
            statement.execute("create database `" + DATABASE + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("QB_DB_NAME", () -> DATABASE);
    }
}
