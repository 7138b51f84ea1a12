package org.qualitybenchmark.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.ApiTestSupport;
import org.qualitybenchmark.Samples;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityAdministration;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.publication.ObjectionReceived;

/**
 * The whole application with the demo logins, a clock the tests set, and campaigns of their own:
 * copies of the Hebei 2022 campaign ({@code rv-a-2022} … ), one per test that takes campaign-wide
 * decisions, so that no test's cases stand in another's way.
 *
 * <p>The expert pool is {@code rv-expert-01} … {@code rv-expert-08}: 01 to 04 belong to unit
 * he-1310 (so a he-1310 case has only four eligible experts), 07 and 08 to he-1303, and 06 works
 * for {@link #AVOIDED_ENTERPRISE}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "qb.demo.seed-cases=false")
@ActiveProfiles({"test", "demo"})
@Import(ReviewTestSupport.TestBeans.class)
public abstract class ReviewTestSupport {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Inside the campaigns' application window (2022-06-15 to 2022-06-30). */
    public static final LocalDateTime START = LocalDateTime.of(2022, 6, 20, 9, 0);
    public static final String AVOIDED_ENTERPRISE = "秦皇岛回避测试（集团）有限公司";
    public static final List<String> EXPERTS = List.of("rv-expert-01", "rv-expert-02", "rv-expert-03",
            "rv-expert-04", "rv-expert-05", "rv-expert-06", "rv-expert-07", "rv-expert-08");

    private static final Path CONFIG = Path.of("target", "review-test-config").toAbsolutePath();
    /** Campaign letter → how many the organiser selects, where it differs from Hebei's 5. */
    private static final Map<Character, Integer> TOP_K = Map.of('e', 2);
    /** Campaign letters whose copy, like Zhejiang 2024, does not require profit in each year. */
    private static final Set<Character> NO_PROFIT_RULE = Set.of('i');

    @DynamicPropertySource
    static void testCampaigns(DynamicPropertyRegistry registry) {
        writeTestConfig();
        registry.add("qb.config-dir", CONFIG::toString);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(new AtomicReference<>(START.atZone(ZONE).toInstant()), ZONE);
        }

        @Bean
        RecordedObjections recordedObjections() {
            return new RecordedObjections();
        }
    }

    /** A clock that stands still until a test moves it. */
    public static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MutableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        public void set(LocalDateTime local) {
            now.set(local.atZone(ZONE).toInstant());
        }

        public void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MutableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** The {@link ObjectionReceived} events published. */
    public static final class RecordedObjections {

        public final List<ObjectionReceived> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ObjectionReceived event) {
            events.add(event);
        }
    }

    @Autowired
    protected TestRestTemplate rest;

    @Autowired
    protected ObjectMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected TransactionTemplate transactions;

    @Autowired
    protected CaseProgress progress;

    @Autowired
    protected CampaignCatalog catalog;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected IdentityDirectory directory;

    @Autowired
    protected IdentityAdministration identity;

    @Autowired
    protected ExpertService expertService;

    @Autowired
    protected ExpertAssignmentService assignments;

    @Autowired
    protected ScoringService scoring;

    @Autowired
    protected RecordedObjections recordedObjections;

    protected ApiTestSupport api;

    @BeforeEach
    void expertPoolAndClock() {
        api = new ApiTestSupport(rest, json);
        clock.set(START);
        for (int i = 0; i < EXPERTS.size(); i++) {
            String id = EXPERTS.get(i);
            if (jdbc.queryForObject("select count(*) from qb_expert where user_id = ?", Integer.class, id) > 0) {
                continue;
            }
            identity.ensureUser(id, id, "专家" + (i + 1), "评审", id + "@test.invalid", Set.of("experts"));
            String unit = i < 4 ? "he-1310" : i >= 6 ? "he-1303" : null;
            String organisation = i == 5 ? AVOIDED_ENTERPRISE : "河北省质量研究院第" + (i + 1) + "研究室";
            expertService.register(new ExpertService.ExpertInput(id, "评审专家" + (i + 1), organisation, unit, true),
                    user("office"));
        }
    }

    public static String campaign(char letter) {
        return "rv-" + letter + "-2022";
    }

    public Long campaignId(char letter) {
        return catalog.campaign(campaign(letter)).orElseThrow().id();
    }

    public AppUser user(String id) {
        return directory.find(id).orElseThrow();
    }

    public AppUser office() {
        return user("office");
    }

    /** A complete case filed by applicant1 with the unit and submitted, a minute after the previous one. */
    public long submittedCase(char campaign, String unit, String enterpriseName) {
        Map<String, Object> form = ApiTestSupport.completeForm(ApiTestSupport.freshHebeiUscc(), unit, enterpriseName);
        form.put("campaign", campaign(campaign));
        ResponseEntity<JsonNode> created = api.post("applicant1", "/api/applications", form);
        if (!created.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("create failed: " + created.getBody());
        }
        long id = created.getBody().get("id").asLong();
        for (String kind : List.of("application", "experience", "evidence")) {
            ResponseEntity<JsonNode> uploaded = api.upload("applicant1", id, kind, kind + ".pdf", Samples.pdf());
            if (!uploaded.getStatusCode().is2xxSuccessful()) {
                throw new AssertionError("upload failed: " + uploaded.getBody());
            }
        }
        ResponseEntity<JsonNode> submitted = api.post("applicant1", "/api/applications/" + id + "/submit", null);
        if (!submitted.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("submit failed: " + submitted.getBody());
        }
        clock.advance(Duration.ofMinutes(1));
        return id;
    }

    /** Puts a case where a test needs it, as the earlier stages (not under test here) would have. */
    public void moveTo(long id, CaseStage to) {
        transactions.executeWithoutResult(status -> progress.move(id, Set.of(CaseStage.values()), to,
                CaseAction.RECOMMENDED, "TEST", "测试准备", SystemActor.INSTANCE));
    }

    public CaseStage stage(long id) {
        return CaseStage.valueOf(jdbc.queryForObject("select stage from qb_application where id = ?", String.class, id));
    }

    public String caseNumber(long id) {
        return jdbc.queryForObject("select case_number from qb_application where id = ?", String.class, id);
    }

    /** The case's history: [action, outcome, actor, reason] per entry, oldest first. */
    public List<List<String>> history(long id) {
        return jdbc.query("select action, outcome, actor, reason from qb_case_event where application_id = ?"
                        + " order by acted_at, id",
                (rs, row) -> {
                    List<String> entry = new ArrayList<>();
                    entry.add(rs.getString(1));
                    entry.add(rs.getString(2));
                    entry.add(rs.getString(3));
                    entry.add(rs.getString(4));
                    return entry;
                }, id);
    }

    public List<String> last(long id) {
        List<List<String>> history = history(id);
        return history.get(history.size() - 1);
    }

    /** Assigns the stage's experts and has each give every criterion the same points: their total. */
    public List<String> scoreAll(long id, ReviewStage stage, String... totals) {
        List<String> experts = assignments.assign(id, stage);
        if (experts.size() != totals.length) {
            throw new AssertionError("expected " + experts.size() + " totals, got " + totals.length);
        }
        for (int i = 0; i < experts.size(); i++) {
            BigDecimal points = new BigDecimal(totals[i]);
            scoring.score(id, stage, experts.get(i), Map.of("science", points, "system", points, "effect", points),
                    "评语：经验做法扎实，数据支撑充分。");
        }
        scoring.aggregate(id, stage);
        return experts;
    }

    public List<String> scoreAll(long id, ReviewStage stage, String total) {
        return scoreAll(id, stage, total, total, total, total, total);
    }

    private static boolean configWritten;

    private static synchronized void writeTestConfig() {
        if (configWritten) {
            return;
        }
        configWritten = true;
        try {
            if (Files.exists(CONFIG)) {
                try (Stream<Path> files = Files.walk(CONFIG)) {
                    files.sorted(Comparator.reverseOrder()).forEach(ReviewTestSupport::delete);
                }
            }
            Path source = Path.of("config");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = CONFIG.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            String hebei = Files.readString(source.resolve("campaigns/hebei-2022-national.yaml"), StandardCharsets.UTF_8);
            for (char letter = 'a'; letter <= 'l'; letter++) {
                String yaml = hebei.replace("code: hebei-2022-national", "code: " + campaign(letter))
                        .replace("caseNumberPrefix: HEB2022", "caseNumberPrefix: RV" + Character.toUpperCase(letter) + "2022")
                        .replace("name: 2022年全国质量标杆（河北省推荐）", "name: 评审测试活动" + Character.toUpperCase(letter))
                        .replace("selectTopK: 5", "selectTopK: " + TOP_K.getOrDefault(letter, 5))
                        .replace("profitableEachYear: true", "profitableEachYear: " + !NO_PROFIT_RULE.contains(letter));
                Files.writeString(CONFIG.resolve("campaigns/" + campaign(letter) + ".yaml"), yaml, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
