package org.qualitybenchmark.document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.application.ApplicationForm;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.application.CaseViews.CaseDetail;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.UnitDefinition;
import org.qualitybenchmark.document.FormValues.Imported;
import org.qualitybenchmark.enterprise.Uscc;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * The application form as a Word file, out and in. Out: a case's filled form for whoever may see
 * the case, a campaign's blank form for anyone signed in. In: a filled form pre-fills a draft (or
 * makes one) through the same {@link ApplicationService} calls the API uses, so every value meets
 * the same rules and access checks. A value the rules refuse is taken out and the rest tried
 * again, so that the refused value never replaces what the case holds and the answer names each
 * refusal with its field and reason; a fault no value of the file explains (the application
 * window closed, a required unit missing) refuses the whole file and changes nothing.
 */
@Service
public class ApplicationFormService {

    /** Larger than any form of text and tables; a file above it is not a filled form. */
    static final long MAX_FILE_SIZE = 20L * 1024 * 1024;

    private static final Pattern FIGURE_INDEX = Pattern.compile("^figures\\[(\\d+)](.*)$");

    private final ApplicationService applications;
    private final CampaignCatalog catalog;
    private final CampaignRegistry registry;
    private final UnitHierarchy hierarchy;
    private final FormLayouts layouts;
    private final AppProperties properties;
    private final ObjectMapper json;
    private final Validator validator;

    ApplicationFormService(ApplicationService applications, CampaignCatalog catalog, CampaignRegistry registry,
            UnitHierarchy hierarchy, FormLayouts layouts, AppProperties properties, ObjectMapper json,
            Validator validator) {
        this.applications = applications;
        this.catalog = catalog;
        this.registry = registry;
        this.hierarchy = hierarchy;
        this.layouts = layouts;
        this.properties = properties;
        this.json = json;
        this.validator = validator;
    }

    /** A file to download: its name (Chinese) and content. */
    public record Document(String fileName, byte[] content) {
    }

    /** A value of the file that is now in the case. */
    public record Filled(String field, String label, String value) {
    }

    /** A value of the file the case did not take, and why; the case keeps what it had there. */
    public record Refused(String field, String label, String value, String message) {
    }

    /**
     * What an import did.
     *
     * @param application the case as it is now
     * @param created     the import made this draft
     * @param filled      the values taken
     * @param refused     the values not taken
     * @param notes       what else the file had that could not be read (a table row of the wrong shape)
     */
    public record ImportReport(CaseDetail application, boolean created, List<Filled> filled, List<Refused> refused,
            List<String> notes) {
    }

    /** The case's filled form; the case's access rules apply. */
    public Document filled(Long id, AppUser user) {
        CaseDetail detail = applications.get(id, user);
        CampaignDefinition campaign = campaign(detail.campaign()).definition();
        byte[] content = ApplicationFormWriter.filled(campaign, layouts.of(campaign), detail, properties.zone());
        return new Document(FileNamesOf.filled(layouts.of(campaign).title(), detail), content);
    }

    /** The campaign's blank form. */
    public Document blank(String campaignCode) {
        CampaignDefinition campaign = campaign(campaignCode).definition();
        FormLayout layout = layouts.of(campaign);
        return new Document(layout.title() + "（空白）.docx",
                ApplicationFormWriter.blank(campaign, layout, properties.zone()));
    }

    /** Pre-fills a draft from a filled form. Only drafts, and only by those who may change the case. */
    public ImportReport prefill(Long id, byte[] file, AppUser user) {
        // Asked before the file is read, so that nothing of it is parsed for someone who may not change the case.
        CaseDetail detail = applications.getEditable(id, user);
        if (detail.stage() != CaseStage.DRAFT) {
            throw new ConflictException("case.notDraft", "只有草稿可以从 Word 导入；案件" + detail.caseNumber() + "现为“"
                    + detail.stageLabel() + "”，请在页面上修改");
        }
        CampaignRef campaign = campaign(detail.campaign());
        ApplicationFormReader.Content content = read(file, campaign.definition());
        if (content.campaign() != null && !content.campaign().equals(campaign.code())) {
            String other = catalog.campaign(content.campaign()).map(c -> "“" + c.definition().name() + "”")
                    .orElse("另一个遴选活动（" + content.campaign() + "）");
            throw new RuleViolationException(ApplicationFormReader.FILE_FIELD, "file.otherCampaign",
                    "该文件是" + other + "的申报书，不是本案件所属的“" + campaign.definition().name() + "”的申报书；请下载本活动的申报书填写");
        }
        FormValues.Values values = FormValues.of(content, campaign.definition(), name -> unitByName(campaign, name));
        ApplicationFormReader.Value uscc = content.values().get("enterprise.uscc");
        if (uscc != null && !uscc.blank()) {
            String inFile = Uscc.normalize(uscc.text());
            Optional<String> fault = Uscc.validate(inFile).map(v -> v.message());
            if (fault.isEmpty() && !inFile.equals(detail.enterprise().uscc())) {
                throw new RuleViolationException("enterprise.uscc", "file.otherEnterprise",
                        "文件中的统一社会信用代码" + inFile + "与本案件企业的" + detail.enterprise().uscc()
                                + "不同，这是另一家企业的申报书，未导入任何内容");
            }
            if (fault.isPresent()) {
                // A mistyped code: say what is wrong with it rather than only that the code cannot change.
                values = values.refuse("enterprise.uscc", fault.get());
            }
        }
        return importValues(values, () -> FormState.of(detail),
                form -> applications.update(id, form, user), detail, false);
    }

    /** Makes a draft from a filled form; the campaign is the one the form was made for. */
    public ImportReport create(byte[] file, String idempotencyKey, AppUser user) {
        ApplicationFormReader.Content content = read(file, null);
        if (content.campaign() == null) {
            throw new RuleViolationException(ApplicationFormReader.FILE_FIELD, "file.noCampaign",
                    "文件中没有遴选活动的信息，无法新建申报；请从本系统下载申报书（空白或已填写）在 Word 中填写后再导入");
        }
        CampaignRef campaign = catalog.campaign(content.campaign()).orElseThrow(() -> new RuleViolationException(
                ApplicationFormReader.FILE_FIELD, "file.unknownCampaign",
                "该文件所属的遴选活动“" + content.campaign() + "”在本系统中不存在"));
        FormValues.Values values = FormValues.of(content, campaign.definition(), name -> unitByName(campaign, name));
        return importValues(values, () -> FormState.empty(campaign.code()),
                form -> applications.create(form, idempotencyKey, user).detail(), null, true);
    }

    private ApplicationFormReader.Content read(byte[] file, CampaignDefinition expected) {
        if (file == null || file.length == 0) {
            throw new RuleViolationException(ApplicationFormReader.FILE_FIELD, "file.empty", "请选择要导入的申报书文件（.docx）");
        }
        if (file.length > MAX_FILE_SIZE) {
            throw new RuleViolationException(ApplicationFormReader.FILE_FIELD, "file.tooLarge",
                    "文件超过" + MAX_FILE_SIZE / 1024 / 1024 + "MB，不是本系统的申报书；图片等材料请作为附件上传");
        }
        ApplicationFormReader.Content content = ApplicationFormReader.read(file,
                code -> catalog.campaign(code).map(CampaignRef::definition)
                        .or(() -> Optional.ofNullable(expected).filter(d -> d.code().equals(code))));
        if (!content.tagged()) {
            throw new RuleViolationException(ApplicationFormReader.FILE_FIELD, "file.untagged",
                    "文件中没有本系统申报书的填写栏（内容控件），无法识别各项内容；请下载本系统的申报书（空白或已填写），在其中填写后再导入");
        }
        if (content.campaign() == null && expected != null) {
            // Some editors drop custom properties; the tagged fields still say what the form is.
            return new ApplicationFormReader.Content(expected.code(), content.caseNumber(), content.values(),
                    ApplicationFormReader.read(file, code -> Optional.of(expected)).tables());
        }
        return content;
    }

    /** The form the rules would see, tried and narrowed until the rules take it or a fault no value explains remains. */
    private ImportReport importValues(FormValues.Values values, java.util.function.Supplier<FormState> base,
            java.util.function.Function<ApplicationForm, CaseDetail> save, CaseDetail before, boolean creating) {
        List<Refused> refused = new ArrayList<>();
        List<Imported> active = new ArrayList<>();
        for (Imported value : values.values()) {
            if (value.apply() == null) {
                refused.add(new Refused(value.path(), value.label(), value.shown(), value.refusal()));
            } else {
                active.add(value);
            }
        }
        while (true) {
            if (active.isEmpty() && !creating) {
                return new ImportReport(before, false, List.of(), refused, values.problems());
            }
            FormState state = base.get();
            values.preparations().forEach(p -> p.accept(state));
            active.forEach(v -> v.apply().accept(state));
            ApplicationForm form = state.toForm(json);
            List<FieldViolation> violations = beanViolations(form);
            CaseDetail saved = null;
            if (violations.isEmpty()) {
                try {
                    saved = save.apply(form);
                } catch (RuleViolationException e) {
                    violations = e.violations();
                }
            }
            if (saved != null) {
                List<Filled> filled = active.stream().map(v -> new Filled(v.path(), v.label(), v.shown())).toList();
                return new ImportReport(saved, creating, filled, refused, values.problems());
            }
            List<Integer> years = state.figureYears();
            Set<Imported> culprits = new LinkedHashSet<>();
            List<FieldViolation> unexplained = new ArrayList<>();
            for (FieldViolation violation : violations) {
                FieldViolation named = byYear(violation, years);
                List<Imported> found = culprits(named, active);
                if (found.isEmpty()) {
                    unexplained.add(named);
                }
                for (Imported value : found) {
                    if (culprits.add(value)) {
                        refused.add(new Refused(value.path(), value.label(), value.shown(), named.message()));
                    }
                }
            }
            if (!unexplained.isEmpty()) {
                List<FieldViolation> all = new ArrayList<>(unexplained);
                refused.forEach(r -> all.add(new FieldViolation(r.field(), "file.refusedValue", r.message())));
                throw new RuleViolationException(all);
            }
            active.removeAll(culprits);
        }
    }

    private List<FieldViolation> beanViolations(ApplicationForm form) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<ApplicationForm> violation : validator.validate(form)) {
            violations.add(new FieldViolation(violation.getPropertyPath().toString(), "invalid", violation.getMessage()));
        }
        return violations;
    }

    /** The API names a financial year by its place in the list sent; the form names it by the year. */
    private static FieldViolation byYear(FieldViolation violation, List<Integer> years) {
        Matcher matcher = FIGURE_INDEX.matcher(violation.field());
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index < years.size()) {
                return new FieldViolation("figures." + years.get(index) + matcher.group(2).replace("[", ".").replace("]", ""),
                        violation.code(), violation.message());
            }
        }
        return violation;
    }

    /** The file's values a refusal is about: the field itself, the cells of a row or table it names, or what a rule across fields used. */
    private static List<Imported> culprits(FieldViolation violation, List<Imported> active) {
        String f = violation.field();
        List<Imported> direct = active.stream().filter(v -> {
            String p = v.path();
            return p.equals(f) || p.startsWith(f + "[") || p.startsWith(f + ".") || f.startsWith(p + "[")
                    || f.startsWith(p + ".");
        }).filter(v -> !"table.tooManyRows".equals(violation.code()) || v.freeRow()).toList();
        if (!direct.isEmpty() || !f.equals("enterprise.declaredSize")) {
            return direct;
        }
        // The size class is checked against the employees, the industry and the latest year's figures.
        return active.stream().filter(v -> v.path().equals("enterprise.employees") || v.path().equals("enterprise.industryCode")
                || v.path().endsWith(".revenue") || v.path().endsWith(".totalAssets")).toList();
    }

    private Optional<String> unitByName(CampaignRef campaign, String name) {
        return registry.units().stream()
                .filter(u -> u.name().equals(name))
                .map(UnitDefinition::code)
                .filter(code -> catalog.unit(code).flatMap(u -> hierarchy.recommendingUnit(campaign, u)).isPresent())
                .findFirst();
    }

    private CampaignRef campaign(String code) {
        return catalog.campaign(code).orElseThrow(() -> new NotFoundException("未找到遴选活动“" + code + "”"));
    }

    /** File names as people save them: the form's title, the enterprise, the case number. */
    static final class FileNamesOf {
        private FileNamesOf() {
        }

        static String filled(String title, CaseDetail detail) {
            String name = detail.enterprise().name() == null ? "" : detail.enterprise().name();
            String safe = (title + "-" + name + "-" + detail.caseNumber()).replaceAll("[\\\\/:*?\"<>|\\r\\n]", "_");
            return safe + ".docx";
        }
    }
}
