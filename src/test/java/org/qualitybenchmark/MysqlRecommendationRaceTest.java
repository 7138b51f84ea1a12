package org.qualitybenchmark;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.AttachmentService;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.quota.QuotaRace;
import org.qualitybenchmark.quota.RecommendationService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualitybenchmark.CaseFixtures.staff;

/**
 * The race of {@code RecommendationRaceTest} on the MySQL protocol (InnoDB row locks under READ
 * COMMITTED), in a database of its own next to {@link MysqlIntegrationTest}'s: twelve staff of
 * 石家庄, quota 2 in the test campaign, recommend twelve cases at the same moment.
 */
@Tag("mysql")
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class MysqlRecommendationRaceTest {

    static final String DATABASE = MysqlIntegrationTest.DATABASE + "_quota";
    static final String UNIT = "he-1301";
    static final int THREADS = 12;
    static final int QUOTA = 2;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        MysqlIntegrationTest.recreate(DATABASE);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("QB_DB_NAME", () -> DATABASE);
        registry.add("qb.config-dir", () -> TestCampaigns.configDir().toString());
        // MysqlIntegrationTest's context, cached beside this one, keeps the engine name "default" for its REST API.
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
    }

    @Autowired
    ApplicationService applications;

    @Autowired
    AttachmentService attachments;

    @Autowired
    CaseProgress progress;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    CampaignCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentRecommendationsNeverExceedTheQuota() throws Exception {
        CaseFixtures cases = new CaseFixtures(applications, attachments, progress, transactions, json);
        List<Long> ids = IntStream.range(0, THREADS)
                .mapToObj(i -> cases.submitted(TestCampaigns.QUOTA_TEST, UNIT, "石家庄并发推荐" + (i + 1) + "号有限公司"))
                .toList();

        QuotaRace.Outcome outcome = QuotaRace.run(recommendations, ids, staff(UNIT));

        QuotaRace.assertExactlyQuotaRecommended(outcome, THREADS, QUOTA);
        Long campaignId = catalog.campaign(TestCampaigns.QUOTA_TEST).orElseThrow().id();
        Long unitId = catalog.unit(UNIT).orElseThrow().id();
        assertThat(jdbc.queryForList("select id from qb_application where campaign_id = ? and unit_id = ?"
                + " and stage = 'PROPOSED'", Long.class, campaignId, unitId))
                .containsExactlyInAnyOrderElementsOf(outcome.recommended());
    }
}
