package org.qualitybenchmark.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
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
import org.qualitybenchmark.application.AttachmentService;
import org.qualitybenchmark.application.CaseViews.CaseDetail;
import org.qualitybenchmark.application.OwnershipType;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.enterprise.SizeClass;
import org.qualitybenchmark.enterprise.Uscc;

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

    DemoData(IdentityAdministration identity, IdentityDirectory directory, RoleGroups groups, CampaignCatalog catalog,
            ApplicationService applications, AttachmentService attachments) {
        this.identity = identity;
        this.directory = directory;
        this.groups = groups;
        this.catalog = catalog;
        this.applications = applications;
        this.attachments = attachments;
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
                new DemoUser("owner", "流程", "负责人", Set.of(groups.processOwners())),
                new DemoUser("sjz", "石家庄市工信局", "经办人", Set.of("unit-he-1301")),
                new DemoUser("ts", "唐山市工信局", "经办人", Set.of("unit-he-1302")),
                new DemoUser("assoc", "省机械行业协会", "经办人", Set.of("unit-he-assoc-machinery")),
                new DemoUser("applicant1", "石家庄示例精密机械有限公司", "申报人", Set.of(groups.applicants())),
                new DemoUser("applicant2", "唐山示例新材料股份有限公司", "申报人", Set.of(groups.applicants())),
                new DemoUser("applicant3", "河北示例智能装备有限公司", "申报人", Set.of(groups.applicants())));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        for (DemoUser user : users(groups)) {
            identity.ensureUser(user.id(), user.id(), user.firstName(), user.lastName(), user.id() + "@demo.invalid",
                    user.groups());
        }
        CampaignRef campaign = catalog.campaign(CAMPAIGN).orElseThrow();
        seedCase(campaign, "applicant1", "he-1301", "石家庄示例精密机械有限公司", "911301000000000010", "3484", 1250, SizeClass.LARGE,
                new BigDecimal("52000"), true);
        seedCase(campaign, "applicant2", "he-1302", "唐山示例新材料股份有限公司", "911302000000000020", "3099", 640, SizeClass.MEDIUM,
                new BigDecimal("18600"), true);
        seedCase(campaign, "applicant3", "he-assoc-machinery", "河北示例智能装备有限公司", "911301000000000030", "3499", 180,
                SizeClass.SMALL, new BigDecimal("1500"), false);
        seedCase(campaign, "sjz", "he-1301", "石家庄示例医药科技有限公司", "911301000000000040", "2720", 420, SizeClass.MEDIUM,
                new BigDecimal("9800"), false);
        seedCase(campaign, "ts", "he-1302", "唐山示例钢铁集团有限公司", "911302000000000050", "3120", 5200, SizeClass.LARGE,
                new BigDecimal("260000"), true);
        log.info("Demo data ready: {} logins, campaign {}", users(groups).size(), CAMPAIGN);
    }

    private void seedCase(CampaignRef campaign, String userId, String unit, String name, String usccStem, String industry,
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
            return;
        }
        for (AttachmentKind kind : definition.attachments().kinds()) {
            if (kind.required()) {
                String extension = kind.extensions().contains("pdf") ? "pdf" : kind.extensions().get(0);
                String fileName = kind.nameMustMatchEnterprise() ? name + "." + extension : kind.label() + "." + extension;
                attachments.upload(created.id(), kind.code(), fileName, new ByteArrayInputStream(sample(extension)), user);
            }
        }
        applications.submit(created.id(), user);
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
