package org.qualitybenchmark;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.AttachmentService;
import org.qualitybenchmark.application.CaseCreated;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseSubmitted;
import org.qualitybenchmark.application.CaseWithdrawn;
import org.qualitybenchmark.support.AppProperties;

/**
 * The whole application without its web server, for tests of the domain services: the real
 * configuration plus {@link TestCampaigns#QUOTA_TEST}, a clock the test sets, and a record of the
 * domain events published. Every test class extending this shares one context, and so one
 * database: tests use units no other test class uses where the unit's state matters.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DomainTestSupport.Beans.class)
public abstract class DomainTestSupport {

    public static final LocalDateTime START = LocalDateTime.parse("2022-06-20T09:00:00");

    private static final String DATABASE = "qb-domain-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("qb.config-dir", () -> TestCampaigns.configDir().toString());
        // The engine REST API and webapps of the other cached contexts look their engine up by the name "default".
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
        // Races of a dozen threads on one row wait longer than H2's default two seconds on a busy build machine.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + DATABASE + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        @Primary
        MutableClock testClock(AppProperties properties) {
            return new MutableClock(START, properties.zone());
        }

        @Bean
        PublishedEvents publishedEvents() {
            return new PublishedEvents();
        }
    }

    /** A domain event and whether it was published inside a transaction. */
    public record Published(Object event, boolean inTransaction) {
    }

    /** Every case event published, in order. */
    public static class PublishedEvents {

        private final List<Published> events = new CopyOnWriteArrayList<>();

        @EventListener({CaseCreated.class, CaseSubmitted.class, CaseWithdrawn.class})
        void on(Object event) {
            events.add(new Published(event, TransactionSynchronizationManager.isActualTransactionActive()));
        }

        public List<Published> of(Object event) {
            return events.stream().filter(p -> p.event().equals(event)).toList();
        }
    }

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected PublishedEvents published;

    @Autowired
    protected ApplicationService applications;

    @Autowired
    protected AttachmentService attachments;

    @Autowired
    protected CaseProgress progress;

    @Autowired
    protected TransactionTemplate transactions;

    @Autowired
    protected ObjectMapper json;

    protected CaseFixtures cases;

    @BeforeEach
    void resetClockAndFixtures() {
        clock.set(START);
        cases = new CaseFixtures(applications, attachments, progress, transactions, json);
    }
}
