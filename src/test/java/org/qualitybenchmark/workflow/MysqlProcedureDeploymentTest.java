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
 * The yearly edit again on the MySQL protocol: a new year deployed while the system runs, its
 * campaign added, a case filed in it, and a broken upload refused without touching anything.
 */
@Tag("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles(value = {"test", "demo", "mysql"}, inheritProfiles = false)
@DirtiesContext
class MysqlProcedureDeploymentTest extends ProcedureDeploymentIntegrationTest {

    private static final String DATABASE = MysqlIntegrationTest.DATABASE + "_procedures";

    @BeforeAll
    static void freshDatabase() throws SQLException {
        MysqlIntegrationTest.recreate(DATABASE);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("QB_DB_NAME", () -> DATABASE);
    }
}
