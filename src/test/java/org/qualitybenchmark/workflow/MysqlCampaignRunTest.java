package org.qualitybenchmark.workflow;

import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.qualitybenchmark.MysqlIntegrationTest;

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

    private static final String DATABASE = MysqlIntegrationTest.DATABASE + "_campaign";

    @BeforeAll
    static void freshDatabase() throws SQLException {
        MysqlIntegrationTest.recreate(DATABASE);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("QB_DB_NAME", () -> DATABASE);
    }
}
