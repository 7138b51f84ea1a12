package org.qualitybenchmark.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityAdministration;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.RoleGroups;
import org.qualitybenchmark.application.ApplicationForm;
import org.qualitybenchmark.application.ApplicationForm.ContactInput;
import org.qualitybenchmark.application.ApplicationForm.EnterpriseInput;
import org.qualitybenchmark.application.ApplicationForm.FigureInput;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.ApplicationService.CaseFilter;
import org.qualitybenchmark.application.AttachmentService;
import org.qualitybenchmark.application.CaseViews.CaseDetail;
import org.qualitybenchmark.application.OwnershipType;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.campaign.config.UnitDefinition;
import org.qualitybenchmark.campaign.config.UnitDocumentKind;
import org.qualitybenchmark.enterprise.SizeClass;
import org.qualitybenchmark.enterprise.Uscc;
import org.qualitybenchmark.quota.UnitDocumentService;
import org.qualitybenchmark.review.ExpertService;
import org.qualitybenchmark.review.ExpertService.ExpertInput;
import org.qualitybenchmark.workflow.WorkflowTasks;

/**
 * Logins (password = user name) and the Hebei 2022 campaign's first cases. The demo profile starts
 * the clock on 2022-06-20, inside that campaign's application window (2022-06-15 to 2022-06-30).
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String CAMPAIGN = "hebei-2022-national";

    private final IdentityAdministration identity;
    private final IdentityDirectory directory;
    private final RoleGroups groups;
    private final CampaignCatalog catalog;
    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final ExpertService experts;
    private final WorkflowTasks workflow;
    private final CampaignRegistry registry;
    private final UnitDocumentService unitDocuments;
    private final boolean seedCases;

    DemoData(IdentityAdministration identity, IdentityDirectory directory, RoleGroups groups, CampaignCatalog catalog,
            ApplicationService applications, AttachmentService attachments, ExpertService experts,
            WorkflowTasks workflow, CampaignRegistry registry, UnitDocumentService unitDocuments,
            @Value("${qb.demo.seed-cases:true}") boolean seedCases) {
        this.identity = identity;
        this.directory = directory;
        this.groups = groups;
        this.catalog = catalog;
        this.applications = applications;
        this.attachments = attachments;
        this.experts = experts;
        this.workflow = workflow;
        this.registry = registry;
        this.unitDocuments = unitDocuments;
        this.seedCases = seedCases;
    }

    /** A demo login. */
    record DemoUser(String id, String lastName, String firstName, Set<String> groups) {
    }

    static List<DemoUser> users(RoleGroups groups) {
        return List.of(
                new DemoUser("demo", "演示", "管理员", Set.of(groups.admin(), groups.office())),
                new DemoUser("office", "省工信厅", "科技处", Set.of(groups.office())),
                new DemoUser("manager", "省工信厅", "处长", Set.of(groups.managers())),
                new DemoUser("expert1", "王", "专家", Set.of(groups.experts())),
                new DemoUser("expert2", "李", "专家", Set.of(groups.experts())),
                new DemoUser("expert3", "赵", "专家", Set.of(groups.experts())),
                new DemoUser("expert4", "刘", "专家", Set.of(groups.experts())),
                new DemoUser("expert5", "陈", "专家", Set.of(groups.experts())),
                new DemoUser("expert6", "杨", "专家", Set.of(groups.experts())),
                new DemoUser("expert7", "周", "专家", Set.of(groups.experts())),
                new DemoUser("owner", "流程", "负责人", Set.of(groups.processOwners())),
                new DemoUser("sjz", "石家庄市工信局", "经办人", Set.of("unit-he-1301")),
                new DemoUser("ts", "唐山市工信局", "经办人", Set.of("unit-he-1302")),
                new DemoUser("hd", "邯郸市工信局", "经办人", Set.of("unit-he-1304")),
                new DemoUser("xt", "邢台市工信局", "经办人", Set.of("unit-he-1305")),
                new DemoUser("bd", "保定市工信局", "经办人", Set.of("unit-he-1306")),
                new DemoUser("cz", "沧州市工信局", "经办人", Set.of("unit-he-1309")),
                new DemoUser("assoc", "省机械行业协会", "经办人", Set.of("unit-he-assoc-machinery")),
                new DemoUser("applicant1", "石家庄示例精密机械有限公司", "申报人", Set.of(groups.applicants())),
                new DemoUser("applicant2", "唐山示例新材料股份有限公司", "申报人", Set.of(groups.applicants())),
                new DemoUser("applicant3", "河北示例智能装备有限公司", "申报人", Set.of(groups.applicants())));
    }

    /**
     * The named logins, plus one per recommending unit that has none, named after the unit's code
     * (e.g. {@code ln-2101}), so that every configured campaign can be run in Tasklist.
     */
    List<DemoUser> logins() {
        List<DemoUser> all = new ArrayList<>(users(groups));
        Set<String> staffed = new HashSet<>();
        all.forEach(user -> staffed.addAll(user.groups()));
        for (UnitDefinition unit : registry.units()) {
            if (!staffed.contains(unit.groupId())) {
                all.add(new DemoUser(unit.code(), unit.name(), "经办人", Set.of(unit.groupId())));
            }
        }
        return all;
    }

    /** The expert roster: user, organisation, and the unit they belong to where that makes them recuse. */
    static List<String[]> experts() {
        return List.of(
                new String[] {"expert1", "王专家", "河北工业大学", null},
                new String[] {"expert2", "李专家", "中国质量协会", null},
                new String[] {"expert3", "赵专家", "河北省质量协会", null},
                new String[] {"expert4", "刘专家", "燕山大学", null},
                new String[] {"expert5", "陈专家", "河北科技大学", null},
                new String[] {"expert6", "杨专家", "石家庄市质量技术协会", "he-1301"},
                new String[] {"expert7", "周专家", "中国电子技术标准化研究院", null});
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        List<DemoUser> logins = logins();
        for (DemoUser user : logins) {
            identity.ensureUser(user.id(), user.id(), user.firstName(), user.lastName(), user.id() + "@demo.invalid",
                    user.groups());
        }
        CampaignRef campaign = catalog.campaign(CAMPAIGN).orElseThrow();
        if (seedCases && applications.search(new CaseFilter(CAMPAIGN, null, null, null), PageRequest.of(0, 1),
                user("demo")).totalElements() == 0) {
            for (String[] expert : experts()) {
                experts.register(new ExpertInput(expert[0], expert[1], expert[2], expert[3], true), user("demo"));
            }
            seedCampaign(campaign);
        }
        log.info("Demo data ready: {} logins, campaign {}", logins.size(), CAMPAIGN);
    }

    String seedCase(CampaignRef campaign, String userId, String unit, String name, String usccStem, String industry,
            int employees, SizeClass size, BigDecimal revenue, boolean submit) {
        AppUser user = directory.find(userId).orElseThrow();
        CampaignDefinition definition = campaign.definition();
        String uscc = withCheckCharacter(usccStem);
        List<Integer> years = definition.eligibility().financialYears();
        List<FigureInput> figures = years.stream().map(year -> new FigureInput(year,
                revenue.multiply(BigDecimal.valueOf(90 + 5L * (year - years.get(0)))).movePointLeft(2),
                revenue.movePointLeft(1).add(BigDecimal.valueOf(year % 100)),
                revenue.multiply(BigDecimal.valueOf(15)).movePointLeft(1))).toList();
        Map<String, String> texts = new TreeMap<>();
        for (TextSection section : definition.texts()) {
            if (!TextSection.TITLE.equals(section.key())) {
                texts.put(section.key(), name + "的" + section.label() + "（演示数据）。");
            }
        }
        ApplicationForm form = new ApplicationForm(campaign.code(), unit,
                new EnterpriseInput(uscc, name, OwnershipType.PRIVATE, industry, employees, size,
                        "河北省" + name.substring(0, 2) + "市示例路1号", "050000"),
                List.of(definition.directions().get(0).code()),
                "实施全员参与的精益质量管理经验", texts, figures,
                new ContactInput("张三", "质量管理部", "部长", "0311-80000000", "13800000000", userId + "@demo.invalid"),
                Map.of());
        CaseDetail created = applications.create(form, "demo-" + usccStem, user).detail();
        if (!submit || !created.attachments().isEmpty()) {
            return created.caseNumber();
        }
        for (AttachmentKind kind : definition.attachments().kinds()) {
            if (kind.required()) {
                String extension = kind.extensions().contains("pdf") ? "pdf" : kind.extensions().get(0);
                String fileName = kind.nameMustMatchEnterprise() ? name + "." + extension : kind.label() + "." + extension;
                attachments.upload(created.id(), kind.code(), fileName, new ByteArrayInputStream(sample(extension)), user);
            }
        }
        applications.submit(created.id(), user);
        return created.caseNumber();
    }

    /**
     * A campaign halfway through its recommendation phase, reached by doing each step as its user
     * would: drafts, cases waiting for their unit, corrections, ranked proposals, submitted lists,
     * formal reviews and experts' scores, so every role finds real work in Tasklist.
     */
    private void seedCampaign(CampaignRef campaign) {
        seedCase(campaign, "applicant1", "he-1301", "石家庄示例精密机械有限公司", "911301000000000010", "3484", 1250,
                SizeClass.LARGE, new BigDecimal("52000"), true);
        seedCase(campaign, "applicant2", "he-1302", "唐山示例新材料股份有限公司", "911302000000000020", "3099", 640,
                SizeClass.MEDIUM, new BigDecimal("18600"), true);
        seedCase(campaign, "applicant3", "he-assoc-machinery", "河北示例智能装备有限公司", "911301000000000030", "3499", 180,
                SizeClass.SMALL, new BigDecimal("1500"), false);
        seedCase(campaign, "sjz", "he-1301", "石家庄示例医药科技有限公司", "911301000000000040", "2720", 420,
                SizeClass.MEDIUM, new BigDecimal("9800"), false);
        String tangshanSteel = seedCase(campaign, "ts", "he-1302", "唐山示例钢铁集团有限公司", "911302000000000050", "3120",
                5200, SizeClass.LARGE, new BigDecimal("260000"), true);
        screen("ts", tangshanSteel, "RECOMMEND", 1, null, null);
        seedCase(campaign, "ts", "he-1302", "唐山示例陶瓷有限公司", "911302000000000060", "3071", 300, SizeClass.MEDIUM,
                new BigDecimal("6000"), false);
        String food = seedCase(campaign, "sjz", "he-1301", "石家庄示例食品有限公司", "911301000000000070", "1419", 800,
                SizeClass.MEDIUM, new BigDecimal("21000"), true);
        screen("sjz", food, "RETURN", null, "请补充近三年质量损失率的证实性材料", "2022-06-28");
        seedCase(campaign, "sjz", "he-1301", "石家庄示例电子有限公司", "911301000000000080", "3971", 950, SizeClass.MEDIUM,
                new BigDecimal("33000"), true);
        seedCase(campaign, "assoc", "he-assoc-machinery", "河北示例农业机械有限公司", "911306000000000090", "3571", 520,
                SizeClass.MEDIUM, new BigDecimal("12000"), true);

        List<String> baoding = List.of(
                seedCase(campaign, "bd", "he-1306", "保定示例汽车零部件有限公司", "911306000000000100", "3670", 2100,
                        SizeClass.LARGE, new BigDecimal("88000"), true),
                seedCase(campaign, "bd", "he-1306", "保定示例输变电设备有限公司", "911306000000000110", "3821", 1600,
                        SizeClass.LARGE, new BigDecimal("64000"), true),
                seedCase(campaign, "bd", "he-1306", "保定示例纺织有限公司", "911306000000000120", "1711", 260,
                        SizeClass.SMALL, new BigDecimal("5200"), true));
        screen("bd", baoding.get(0), "RECOMMEND", 1, null, null);
        screen("bd", baoding.get(1), "RECOMMEND", 2, null, null);
        screen("bd", baoding.get(2), "NOT_RECOMMEND", null, "典型经验与申报方向不符，建议明年申报", null);
        submitList(campaign, "bd", "he-1306");

        List<String> handan = List.of(
                seedCase(campaign, "hd", "he-1304", "邯郸示例特钢有限公司", "911304000000000130", "3130", 3800,
                        SizeClass.LARGE, new BigDecimal("150000"), true),
                seedCase(campaign, "hd", "he-1304", "邯郸示例机械有限公司", "911304000000000140", "3434", 700,
                        SizeClass.MEDIUM, new BigDecimal("16000"), true),
                seedCase(campaign, "hd", "he-1304", "邯郸示例纺织股份有限公司", "911304000000000150", "1713", 1100,
                        SizeClass.LARGE, new BigDecimal("41000"), true),
                seedCase(campaign, "hd", "he-1304", "邯郸示例建材有限公司", "911304000000000160", "3011", 240,
                        SizeClass.SMALL, new BigDecimal("7000"), true));
        for (int rank = 1; rank <= 3; rank++) {
            screen("hd", handan.get(rank - 1), "RECOMMEND", rank, null, null);
        }
        screen("hd", handan.get(3), "NOT_RECOMMEND", null, "本市推荐名额已满，经比选未予推荐", null);
        submitList(campaign, "hd", "he-1304");

        List<String> xingtai = List.of(
                seedCase(campaign, "xt", "he-1305", "邢台示例玻璃有限公司", "911305000000000170", "3042", 900,
                        SizeClass.MEDIUM, new BigDecimal("26000"), true),
                seedCase(campaign, "xt", "he-1305", "邢台示例轴承有限公司", "911305000000000180", "3451", 1300,
                        SizeClass.LARGE, new BigDecimal("45000"), true),
                seedCase(campaign, "xt", "he-1305", "邢台示例羊绒制品有限公司", "911305000000000190", "1721", 350,
                        SizeClass.MEDIUM, new BigDecimal("8000"), true));
        screen("xt", xingtai.get(0), "RECOMMEND", 1, null, null);
        screen("xt", xingtai.get(1), "RECOMMEND", 2, null, null);
        applications.withdraw(caseId(xingtai.get(2)), "企业决定明年完善经验材料后再申报", user("xt"));
        submitList(campaign, "xt", "he-1305");

        List<String> cangzhou = List.of(
                seedCase(campaign, "cz", "he-1309", "沧州示例管道装备有限公司", "911309000000000200", "3311", 1500,
                        SizeClass.LARGE, new BigDecimal("52000"), true),
                seedCase(campaign, "cz", "he-1309", "沧州示例化工有限公司", "911309000000000210", "2614", 800,
                        SizeClass.MEDIUM, new BigDecimal("30000"), true),
                seedCase(campaign, "cz", "he-1309", "沧州示例五金制品有限公司", "911309000000000220", "3389", 210,
                        SizeClass.SMALL, new BigDecimal("4800"), true));
        for (int rank = 1; rank <= 3; rank++) {
            screen("cz", cangzhou.get(rank - 1), "RECOMMEND", rank, null, null);
        }
        submitList(campaign, "cz", "he-1309");

        // The office's formal review of the lists submitted so far; the 沧州 cases still wait for it.
        formalReview(baoding.get(0), "PASS", null, null);
        formalReview(baoding.get(1), "PASS", null, null);
        formalReview(handan.get(0), "PASS", null, null);
        formalReview(handan.get(1), "PASS", null, null);
        formalReview(handan.get(2), "REJECT", "近三年利润总额有一年为负，不符合申报条件", null);
        formalReview(xingtai.get(0), "RETURN", "申报书未加盖企业公章，请补正后重新提交", "2022-06-29");
        formalReview(xingtai.get(1), "PASS", null, null);

        // Experts have finished two cases, started a third, and have two more waiting.
        scoreByAll(baoding.get(0), new int[] {88, 90, 86, 92, 85, 89});
        scoreByAll(baoding.get(1), new int[] {78, 95, 70, 81, 62, 80});
        scoreBy(handan.get(0), 2, 84);
    }

    AppUser user(String id) {
        return directory.find(id).orElseThrow();
    }

    Long caseId(String caseNumber) {
        return applications.search(new CaseFilter(CAMPAIGN, null, null, caseNumber), PageRequest.of(0, 1), user("demo"))
                .content().get(0).id();
    }

    void screen(String unitUser, String caseNumber, String decision, Integer rank, String reason, String due) {
        Map<String, Object> form = new HashMap<>();
        form.put("form_decision", decision);
        form.put("form_rank", rank);
        form.put("form_reason", reason);
        form.put("form_correctionDue", due);
        workflow.submit(caseNumber, "UserTask_ScreenApplication", user(unitUser), form);
        workflow.runDueJobs();
    }

    /** Submits the unit's list, first uploading what it must send with it (the listener refuses it otherwise). */
    void submitList(CampaignRef campaign, String unitUser, String unitCode) {
        CampaignCatalog.UnitRef unit = catalog.unit(unitCode).orElseThrow();
        for (UnitDocumentKind kind : campaign.definition().recommendation().documents()) {
            if (kind.required() && kind.sentBy(unit.definition().kind())) {
                String extension = kind.extensions().contains("pdf") ? "pdf"
                        : kind.extensions().contains("xlsx") ? "xlsx" : kind.extensions().get(0);
                unitDocuments.upload(campaign.id(), unit.id(), kind.code(), unit.name() + kind.label() + "." + extension,
                        new ByteArrayInputStream(sample(extension)), user(unitUser));
            }
        }
        workflow.submit(CAMPAIGN, "UserTask_SubmitRecommendationList", user(unitUser),
                Map.of("form_confirm", true, "form_note", "经本单位初审，按排序推荐。"));
        workflow.runDueJobs();
    }

    void formalReview(String caseNumber, String decision, String reason, String due) {
        Map<String, Object> form = new HashMap<>();
        boolean pass = !"REJECT".equals(decision);
        form.put("form_qualified", true);
        form.put("form_complete", true);
        form.put("form_sealed", !"RETURN".equals(decision));
        form.put("form_profitable", pass);
        form.put("form_decision", decision);
        form.put("form_reason", reason);
        form.put("form_correctionDue", due);
        workflow.runDueJobs();
        workflow.submit(caseNumber, "UserTask_ReviewFormally", user("office"), form);
        workflow.runDueJobs();
    }

    /** Every assigned expert scores; {@code totals} gives each one's score, in the order of the roster. */
    private void scoreByAll(String caseNumber, int[] totals) {
        scoreBy(caseNumber, totals.length, totals);
    }

    void scoreBy(String caseNumber, int experts, int... totals) {
        workflow.runDueJobs();
        int done = 0;
        for (String[] expert : experts()) {
            if (done == experts) {
                break;
            }
            AppUser reviewer = user(expert[0]);
            if (workflow.open(caseNumber, reviewer).stream().noneMatch(t -> t.key().equals("UserTask_ScoreMaterials"))) {
                continue;
            }
            int total = totals[Math.min(done, totals.length - 1)];
            workflow.submit(caseNumber, "UserTask_ScoreMaterials", reviewer, Map.of("form_science", total,
                    "form_system", Math.max(0, total - 2), "form_effect", Math.min(100, total + 2),
                    "form_comment", "经验提炼较系统，数据支撑" + (total >= 85 ? "充分" : "尚需加强") + "（演示评语）"));
            done++;
        }
        workflow.runDueJobs();
    }

    static String withCheckCharacter(String stem17) {
        String first17 = stem17.substring(0, 17);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A small file whose bytes really are of the type its extension says. */
    static byte[] sample(String extension) {
        return switch (extension) {
            case "pdf" -> ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            case "zip", "docx", "xlsx", "pptx" -> zip();
            default -> throw new IllegalArgumentException("No demo sample for ." + extension);
        };
    }

    private static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("演示附件".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
