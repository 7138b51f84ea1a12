package org.qualitybenchmark.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.ApplicationService.CaseFilter;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.enterprise.SizeClass;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.MovableClock;
import org.qualitybenchmark.workflow.WorkflowTasks;

/**
 * A week of the Hebei 2022 campaign after {@link DemoData}'s first day, so that the managers'
 * dashboard has something to show: more units file and screen day by day, lists arrive, experts
 * score, and the office's formal reviews of 沧州's list (due 06-27) are left undone, so they are
 * overdue when the week ends on 2022-06-28 09:00. Every step is done as its user would, through the
 * services and the engine, with the demo clock moved forward between the days. On a restart the
 * clock is moved on to that morning again, so that no recorded decision lies in the future.
 */
@Component
@Profile("demo")
class DashboardDemoData {

    private static final Logger log = LoggerFactory.getLogger(DashboardDemoData.class);
    static final LocalDateTime WEEK_ENDS = LocalDateTime.of(2022, 6, 28, 9, 0);
    private static final String MARKER = "秦皇岛示例港口机械有限公司";

    private final DemoData demo;
    private final CampaignCatalog catalog;
    private final ApplicationService applications;
    private final WorkflowTasks workflow;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean enabled;

    DashboardDemoData(DemoData demo, CampaignCatalog catalog, ApplicationService applications, WorkflowTasks workflow,
            Clock clock, AppProperties properties, @Value("${qb.demo.seed-cases:true}") boolean seedCases,
            @Value("${qb.demo.seed-week:true}") boolean seedWeek) {
        this.demo = demo;
        this.catalog = catalog;
        this.applications = applications;
        this.workflow = workflow;
        this.clock = clock;
        this.zone = properties.zone();
        this.enabled = seedCases && seedWeek;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void load() {
        if (!enabled || !(clock instanceof MovableClock movable)) {
            return;
        }
        CampaignRef campaign = catalog.campaign(DemoData.CAMPAIGN).orElseThrow();
        if (count(null) == 0) {
            return;
        }
        if (count(MARKER) == 0) {
            if (clock.instant().isAfter(at(6, 21, 9))) {
                log.info("Demo week not seeded: the clock is already past 2022-06-21");
                return;
            }
            seedWeek(campaign, movable);
            log.info("Demo week seeded: Hebei 2022 runs on to {}", WEEK_ENDS);
        }
        if (clock.instant().isBefore(WEEK_ENDS.atZone(zone).toInstant())) {
            movable.moveTo(WEEK_ENDS.atZone(zone).toInstant());
            workflow.runDueJobs();
        }
    }

    private long count(String q) {
        return applications.search(new CaseFilter(DemoData.CAMPAIGN, null, null, q), PageRequest.of(0, 1),
                demo.user("demo")).totalElements();
    }

    private Instant at(int month, int day, int hour) {
        return LocalDateTime.of(2022, month, day, hour, 0).atZone(zone).toInstant();
    }

    private void day(MovableClock movable, int day, int hour) {
        movable.moveTo(at(6, day, hour));
        workflow.runDueJobs();
    }

    /**
     * 06-21 秦皇岛, 张家口 and 承德 file; 06-22 唐山 and 秦皇岛 screen; 06-23 张家口 recommends and
     * sends its list; 06-24 experts score 邢台's case; 06-27 承德 screens; the week ends 06-28.
     */
    private void seedWeek(CampaignRef campaign, MovableClock movable) {
        day(movable, 21, 9);
        List<String> qinhuangdao = List.of(
                demo.seedCase(campaign, "he-1303", "he-1303", MARKER, "911303000000000230", "3434", 900,
                        SizeClass.MEDIUM, new BigDecimal("24000"), true),
                demo.seedCase(campaign, "he-1303", "he-1303", "秦皇岛示例玻璃科技有限公司", "911303000000000240", "3042", 600,
                        SizeClass.MEDIUM, new BigDecimal("15000"), true),
                demo.seedCase(campaign, "he-1303", "he-1303", "秦皇岛示例食品有限公司", "911303000000000250", "1491", 380,
                        SizeClass.MEDIUM, new BigDecimal("9000"), true));
        day(movable, 21, 15);
        List<String> zhangjiakou = List.of(
                demo.seedCase(campaign, "he-1307", "he-1307", "张家口示例风电装备有限公司", "911307000000000260", "3415", 1400,
                        SizeClass.LARGE, new BigDecimal("47000"), true),
                demo.seedCase(campaign, "he-1307", "he-1307", "张家口示例乳业有限公司", "911307000000000270", "1441", 700,
                        SizeClass.MEDIUM, new BigDecimal("19000"), true));
        List<String> chengde = List.of(
                demo.seedCase(campaign, "he-1308", "he-1308", "承德示例钒钛材料有限公司", "911308000000000280", "3140", 2600,
                        SizeClass.LARGE, new BigDecimal("98000"), true),
                demo.seedCase(campaign, "he-1308", "he-1308", "承德示例饮料有限公司", "911308000000000290", "1523", 450,
                        SizeClass.MEDIUM, new BigDecimal("11000"), true));

        day(movable, 22, 10);
        demo.screen("ts", caseNumber("唐山示例新材料"), "RECOMMEND", 2, null, null);
        demo.screen("he-1303", qinhuangdao.get(0), "RECOMMEND", 1, null, null);
        demo.screen("he-1303", qinhuangdao.get(1), "RETURN", null, "请补充质量管理体系认证证书", "2022-06-29");

        day(movable, 23, 14);
        demo.screen("he-1307", zhangjiakou.get(0), "RECOMMEND", 1, null, null);
        demo.screen("he-1307", zhangjiakou.get(1), "RECOMMEND", 2, null, null);
        demo.submitList(campaign, "he-1307", "he-1307");

        day(movable, 24, 16);
        demo.scoreBy(caseNumber("邢台示例轴承"), 3, 82, 86, 79);

        day(movable, 27, 11);
        demo.screen("he-1308", chengde.get(1), "NOT_RECOMMEND", null, "企业近三年质量损失率偏高，暂不推荐", null);
        demo.formalReview(zhangjiakou.get(0), "PASS", null, null);
    }

    /** The number of the demo case whose enterprise name contains this. */
    private String caseNumber(String enterprise) {
        return applications.search(new CaseFilter(DemoData.CAMPAIGN, null, null, enterprise), PageRequest.of(0, 1),
                demo.user("demo")).content().get(0).caseNumber();
    }
}
