package org.qualitybenchmark.quota;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.qualitybenchmark.DomainTestSupport;
import org.qualitybenchmark.TestCampaigns;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualitybenchmark.CaseFixtures.staff;

/**
 * Twelve staff of 石家庄 (quota 2 in the test campaign) recommend twelve cases at the same moment:
 * exactly two are proposed, on H2. {@code MysqlRecommendationRaceTest} runs the same race on the
 * MySQL protocol.
 */
class RecommendationRaceTest extends DomainTestSupport {

    static final String UNIT = "he-1301";
    static final int THREADS = 12;
    static final int QUOTA = 2;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    ApplicationRepository repository;

    @Autowired
    CampaignCatalog catalog;

    @Test
    void concurrentRecommendationsNeverExceedTheQuota() throws Exception {
        List<Long> ids = IntStream.range(0, THREADS)
                .mapToObj(i -> cases.submitted(TestCampaigns.QUOTA_TEST, UNIT, "石家庄并发推荐" + (i + 1) + "号有限公司"))
                .toList();

        QuotaRace.Outcome outcome = QuotaRace.run(recommendations, ids, staff(UNIT));

        QuotaRace.assertExactlyQuotaRecommended(outcome, THREADS, QUOTA);
        Long campaignId = catalog.campaign(TestCampaigns.QUOTA_TEST).orElseThrow().id();
        Long unitId = catalog.unit(UNIT).orElseThrow().id();
        assertThat(repository.findByCampaignIdAndUnitIdAndStageIn(campaignId, unitId, List.of(CaseStage.PROPOSED)))
                .extracting(Application::getId).containsExactlyInAnyOrderElementsOf(outcome.recommended());
        assertThat(recommendations.list(campaignId, unitId, staff(UNIT)).used()).isEqualTo(QUOTA);
    }
}
