package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.Eligibility;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.enterprise.EnterpriseSizeClassifier;
import org.qualitybenchmark.enterprise.SizeClass;
import org.qualitybenchmark.enterprise.SizeClassification;
import org.qualitybenchmark.enterprise.Uscc;
import org.qualitybenchmark.enterprise.UsccOverride;
import org.qualitybenchmark.enterprise.UsccOverrideRepository;
import org.qualitybenchmark.enterprise.UsccViolation;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;
import org.qualitybenchmark.reference.IndustryDivision;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * The rules an application must satisfy, checked on the server whatever the client (a form in
 * Tasklist, a spreadsheet import, a script) already checked. Every fault found is reported at
 * once, each naming its field. A draft is checked for what it contains; a submission must also be
 * complete.
 */
@Component
class ApplicationRules {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{6}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{2,4}");
    static final String MULTI_VALUE_SEPARATOR = "\n";

    enum Mode { DRAFT, SUBMISSION }

    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;
    private final IndustryClassification industries;
    private final AdministrativeDivisions divisions;
    private final EnterpriseSizeClassifier sizes;
    private final UsccOverrideRepository overrides;
    private final Clock clock;
    private final AppProperties properties;
    private final UnitHierarchy hierarchy;

    ApplicationRules(CampaignCatalog catalog, EffectiveSchedule schedules, IndustryClassification industries, AdministrativeDivisions divisions,
            EnterpriseSizeClassifier sizes, UsccOverrideRepository overrides, Clock clock, AppProperties properties,
            UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.catalog = catalog;
        this.schedules = schedules;
        this.industries = industries;
        this.divisions = divisions;
        this.sizes = sizes;
        this.overrides = overrides;
        this.clock = clock;
        this.properties = properties;
    }

    /** The campaign a form names, or a refusal naming the field. */
    CampaignRef campaign(String code) {
        return catalog.campaign(code).orElseThrow(() -> new RuleViolationException("campaign", "campaign.unknown",
                "未找到遴选活动“" + code + "”"));
    }

    /** Today in the campaigns' time zone, the day every deadline of the notices is counted in. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Refuses work outside the campaign's application window (whole days in the campaign's time zone). */
    void checkWindow(CampaignRef campaign, String field) {
        LocalDate today = today();
        var schedule = schedules.of(campaign);
        if (today.isBefore(schedule.applicationOpens())) {
            throw new RuleViolationException(field, "campaign.notOpen",
                    campaign.definition().name() + "自" + schedule.applicationOpens() + "起接受申报，现在尚未开始");
        }
        if (today.isAfter(schedule.applicationCloses())) {
            throw new RuleViolationException(field, "campaign.closed",
                    campaign.definition().name() + "的申报已于" + schedule.applicationCloses() + "截止，逾期不再受理");
        }
    }

    ValidatedForm check(ApplicationForm form, CampaignRef campaign, Mode mode) {
        CampaignDefinition definition = campaign.definition();
        List<FieldViolation> violations = new ArrayList<>();

        Long unitId = checkUnit(form.unit(), campaign, violations);
        String uscc = Uscc.normalize(form.enterprise().uscc());
        Long overrideId = checkUscc(uscc, definition, violations);
        String industryCode = checkIndustry(form.enterprise().industryCode(), definition, mode, violations);
        Set<String> directions = checkDirections(form.directions(), definition, mode, violations);
        String title = checkTitle(form.title(), definition, mode, violations);
        Map<String, String> texts = checkTexts(form.texts(), definition, mode, violations);
        Map<Integer, YearFigures> figures = checkFigures(form.figures(), definition.eligibility(), mode, violations);
        Map<String, String> fields = checkFields(form.fields(), definition, mode, violations);
        Contact contact = checkContact(form.contact(), mode, violations);
        checkEnterprise(form.enterprise(), mode, violations);
        SizeClass computedSize = checkSize(form.enterprise(), industryCode, figures, definition.eligibility(), violations);

        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        var enterprise = form.enterprise();
        // Tables are stored apart from the one-value fields: they outgrow a short column.
        Map<String, String> tables = new LinkedHashMap<>();
        for (ExtraField field : definition.fields()) {
            if (field.type() == ExtraField.FieldType.TABLE && fields.containsKey(field.key())) {
                tables.put(field.key(), fields.remove(field.key()));
            }
        }
        return new ValidatedForm(campaign.id(), unitId, uscc, overrideId, enterprise.name().trim(),
                enterprise.ownershipType(), industryCode, enterprise.employees(), enterprise.declaredSize(),
                computedSize, trimToNull(enterprise.address()), trimToNull(enterprise.postcode()), contact, title,
                directions, texts, figures, fields, tables);
    }

    /**
     * The kinds of file the campaign requires that a case does not have yet. Kinds uploaded only at
     * later stages (a defense presentation) cannot be there yet and are not asked for.
     */
    List<FieldViolation> missingAttachments(CampaignDefinition definition, Collection<Attachment> attachments) {
        Set<String> present = attachments.stream().map(Attachment::getKind).collect(Collectors.toSet());
        return definition.attachments().kinds().stream()
                .filter(AttachmentKind::required)
                .filter(kind -> kind.uploadableIn(CaseStage.DRAFT.name()))
                .filter(kind -> !present.contains(kind.code()))
                .map(kind -> new FieldViolation("attachments." + kind.code(), "attachment.required",
                        "请上传“" + kind.label() + "”"))
                .toList();
    }

    /** A unit the campaign lists, or (where it screens at county level) a county under one of them. */
    private Long checkUnit(String unitCode, CampaignRef campaign, List<FieldViolation> violations) {
        Optional<UnitRef> unit = catalog.unit(unitCode).filter(u -> hierarchy.recommendingUnit(campaign, u).isPresent());
        if (unit.isEmpty()) {
            violations.add(new FieldViolation("unit", "unit.notInCampaign",
                    "“" + unitCode + "”不是本次活动的推荐单位"));
            return null;
        }
        return unit.get().id();
    }

    private Long checkUscc(String uscc, CampaignDefinition definition, List<FieldViolation> violations) {
        String field = "enterprise.uscc";
        Optional<UsccViolation> violation = Uscc.validate(uscc);
        Long overrideId = null;
        if (violation.isPresent()) {
            Optional<UsccOverride> override = violation.get().kind() == UsccViolation.Kind.CHECK_DIGIT
                    ? overrides.findByUscc(uscc)
                    : Optional.empty();
            if (override.isEmpty()) {
                String hint = violation.get().kind() == UsccViolation.Kind.CHECK_DIGIT
                        ? "；如属2015年试点地区颁发的合法代码，请联系组织单位登记例外"
                        : "";
                violations.add(new FieldViolation(field, "uscc." + violation.get().kind().name().toLowerCase(),
                        violation.get().message() + hint));
                return null;
            }
            overrideId = override.get().getId();
        }
        String region = Uscc.registrationRegion(uscc);
        if (!region.startsWith(definition.region())) {
            violations.add(new FieldViolation(field, "uscc.region",
                    "登记管理机关行政区划码为" + region + "（" + divisions.describe(region) + "），不在本次活动的申报范围（"
                            + divisions.describe(definition.region()) + "）内"));
        }
        return overrideId;
    }

    private String checkIndustry(String raw, CampaignDefinition definition, Mode mode, List<FieldViolation> violations) {
        String field = "enterprise.industryCode";
        String code = trimToNull(raw);
        if (code == null) {
            if (mode == Mode.SUBMISSION) {
                violations.add(new FieldViolation(field, "required", "请填写所属行业代码（GB/T 4754-2017）"));
            }
            return null;
        }
        if (!DIGITS.matcher(code).matches()) {
            violations.add(new FieldViolation(field, "industry.format", "行业代码应为2至4位数字（GB/T 4754-2017 大类、中类或小类）"));
            return null;
        }
        Optional<IndustryDivision> division = industries.division(code);
        if (division.isEmpty()) {
            violations.add(new FieldViolation(field, "industry.unknown", "“" + code.substring(0, 2) + "”不是 GB/T 4754-2017 的行业大类"));
            return null;
        }
        Eligibility eligibility = definition.eligibility();
        if (code.length() < eligibility.industryCodeDigits()) {
            violations.add(new FieldViolation(field, "industry.precision",
                    "请将行业代码填写至" + (eligibility.industryCodeDigits() == 4 ? "小类（4位）" : "中类（3位）")));
        }
        if (!eligibility.coversDivision(code.substring(0, 2))) {
            violations.add(new FieldViolation(field, "industry.outOfScope",
                    division.get().code() + " " + division.get().name() + "不在本次活动的遴选范围内（行业代码前两位："
                            + String.join("、", eligibility.industryDivisions()) + "）"));
        }
        return code;
    }

    private Set<String> checkDirections(List<String> raw, CampaignDefinition definition, Mode mode,
            List<FieldViolation> violations) {
        Set<String> directions = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String code = raw.get(i);
            if (definition.direction(code).isEmpty()) {
                violations.add(new FieldViolation("directions[" + i + "]", "direction.unknown",
                        "“" + code + "”不是本次活动的申报方向，可选：" + definition.directions().stream()
                                .map(d -> d.code() + "（" + d.name() + "）").collect(Collectors.joining("、"))));
            } else if (!directions.add(code)) {
                violations.add(new FieldViolation("directions[" + i + "]", "direction.duplicate", "申报方向重复"));
            }
        }
        if (directions.size() > definition.maxDirections()) {
            violations.add(new FieldViolation("directions", "direction.tooMany", definition.maxDirections() == 1
                    ? "本次活动每个申报主体只能申报1个方向"
                    : "本次活动最多选择" + definition.maxDirections() + "个申报方向"));
        }
        if (mode == Mode.SUBMISSION && directions.isEmpty()) {
            violations.add(new FieldViolation("directions", "required", "请选择申报方向"));
        }
        return directions;
    }

    private String checkTitle(String raw, CampaignDefinition definition, Mode mode, List<FieldViolation> violations) {
        String title = trimToNull(raw);
        Optional<TextSection> section = definition.text(TextSection.TITLE);
        String label = section.map(TextSection::label).orElse("经验名称");
        if (title == null) {
            if (mode == Mode.SUBMISSION) {
                violations.add(new FieldViolation("title", "required", "请填写" + label));
            }
            return null;
        }
        section.ifPresent(s -> checkLength("title", label, title, s.maxChars(), violations));
        return title;
    }

    private Map<String, String> checkTexts(Map<String, String> raw, CampaignDefinition definition, Mode mode,
            List<FieldViolation> violations) {
        Map<String, String> texts = new TreeMap<>();
        raw.forEach((key, value) -> {
            String field = "texts." + key;
            Optional<TextSection> section = definition.text(key).filter(s -> !TextSection.TITLE.equals(s.key()));
            if (section.isEmpty()) {
                violations.add(new FieldViolation(field, "text.unknown", "本次活动的材料模板中没有“" + key + "”部分"));
                return;
            }
            String text = value == null ? null : value.strip();
            if (text == null || text.isEmpty()) {
                return;
            }
            checkLength(field, section.get().label(), text, section.get().maxChars(), violations);
            texts.put(key, text);
        });
        if (mode == Mode.SUBMISSION) {
            for (TextSection section : definition.texts()) {
                if (section.required() && !TextSection.TITLE.equals(section.key()) && !texts.containsKey(section.key())) {
                    violations.add(new FieldViolation("texts." + section.key(), "required", "请填写" + section.label()));
                }
            }
        }
        return texts;
    }

    private static void checkLength(String field, String label, String text, int max, List<FieldViolation> violations) {
        int length = TextLength.count(text);
        if (length > max) {
            violations.add(new FieldViolation(field, "text.tooLong",
                    label + "应在" + max + "字以内，现为" + length + "字"));
        }
    }

    private Map<Integer, YearFigures> checkFigures(List<ApplicationForm.FigureInput> raw, Eligibility eligibility,
            Mode mode, List<FieldViolation> violations) {
        Map<Integer, YearFigures> figures = new TreeMap<>();
        String years = eligibility.financialYears().stream().map(String::valueOf).collect(Collectors.joining("、"));
        for (int i = 0; i < raw.size(); i++) {
            ApplicationForm.FigureInput input = raw.get(i);
            String field = "figures[" + i + "]";
            if (!eligibility.financialYears().contains(input.year())) {
                violations.add(new FieldViolation(field + ".year", "figures.year",
                        "本次活动只填写" + years + "年的数据，不含" + input.year() + "年"));
                continue;
            }
            if (figures.containsKey(input.year())) {
                violations.add(new FieldViolation(field + ".year", "figures.duplicate", input.year() + "年的数据重复"));
                continue;
            }
            nonNegative(field + ".revenue", input.year() + "年主营业务收入", input.revenue(), violations);
            nonNegative(field + ".totalAssets", input.year() + "年资产总额", input.totalAssets(), violations);
            figures.put(input.year(), new YearFigures(input.revenue(), input.profit(), input.totalAssets()));
        }
        if (mode == Mode.SUBMISSION) {
            for (Integer year : eligibility.financialYears()) {
                YearFigures f = figures.get(year);
                if (f == null || f.revenue() == null || f.profit() == null) {
                    violations.add(new FieldViolation("figures." + year, "required",
                            "请填写" + year + "年的主营业务收入和利润总额"));
                } else if (eligibility.profitableEachYear() && f.profit().signum() <= 0) {
                    violations.add(new FieldViolation("figures." + year + ".profit", "figures.notProfitable",
                            year + "年利润总额为" + f.profit().toPlainString() + "万元；本次活动要求" + years
                                    + "年连续保持盈利"));
                }
            }
        }
        return figures;
    }

    private static void nonNegative(String field, String label, BigDecimal value, List<FieldViolation> violations) {
        if (value != null && value.signum() < 0) {
            violations.add(new FieldViolation(field, "figures.negative", label + "不能为负数"));
        }
    }

    private Map<String, String> checkFields(Map<String, Object> raw, CampaignDefinition definition, Mode mode,
            List<FieldViolation> violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String path = "fields." + key;
            Optional<ExtraField> field = definition.field(key);
            if (field.isEmpty()) {
                violations.add(new FieldViolation(path, "field.unknown", "本次活动的申报表中没有“" + key + "”一项"));
                return;
            }
            if (value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof Collection<?> c && c.isEmpty())) {
                return;
            }
            if (field.get().type() == ExtraField.FieldType.TABLE) {
                TableValues.convert(field.get(), value, path, mode == Mode.SUBMISSION, violations)
                        .ifPresent(v -> fields.put(key, v));
                return;
            }
            FieldValues.convert(field.get(), value, path, violations).ifPresent(v -> fields.put(key, v));
        });
        if (mode == Mode.SUBMISSION) {
            for (ExtraField field : definition.fields()) {
                if (!field.required() || fields.containsKey(field.key())) {
                    continue;
                }
                int before = violations.size();
                if (field.type() == ExtraField.FieldType.TABLE && !raw.containsKey(field.key())) {
                    // An empty table: name its required rows and cells, so that the form can point at each.
                    TableValues.convert(field, Map.of(), "fields." + field.key(), true, violations);
                }
                if (violations.size() == before && !hasViolationAt("fields." + field.key(), violations)) {
                    violations.add(new FieldViolation("fields." + field.key(), "required", "请填写" + field.label()));
                }
            }
        }
        return fields;
    }

    private static boolean hasViolationAt(String path, List<FieldViolation> violations) {
        return violations.stream().anyMatch(v -> v.field().equals(path) || v.field().startsWith(path + "["));
    }

    private Contact checkContact(ApplicationForm.ContactInput input, Mode mode, List<FieldViolation> violations) {
        if (input == null) {
            if (mode == Mode.SUBMISSION) {
                violations.add(new FieldViolation("contact", "required", "请填写联系人信息"));
            }
            return null;
        }
        String mobile = trimToNull(input.mobile());
        String email = trimToNull(input.email());
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            violations.add(new FieldViolation("contact.mobile", "format", "手机号码应为11位数字，以1开头"));
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            violations.add(new FieldViolation("contact.email", "format", "邮箱格式不正确"));
        }
        if (mode == Mode.SUBMISSION) {
            required(input.name(), "contact.name", "联系人姓名", violations);
            required(mobile, "contact.mobile", "联系人手机", violations);
            required(email, "contact.email", "联系人邮箱", violations);
        }
        return new Contact(trimToNull(input.name()), trimToNull(input.department()), trimToNull(input.position()),
                trimToNull(input.phone()), mobile, email);
    }

    private void checkEnterprise(ApplicationForm.EnterpriseInput enterprise, Mode mode, List<FieldViolation> violations) {
        String postcode = trimToNull(enterprise.postcode());
        if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
            violations.add(new FieldViolation("enterprise.postcode", "format", "邮编应为6位数字"));
        }
        if (enterprise.employees() != null && enterprise.employees() < 0) {
            violations.add(new FieldViolation("enterprise.employees", "format", "从业人员不能为负数"));
        }
        if (mode == Mode.SUBMISSION) {
            if (enterprise.ownershipType() == null) {
                violations.add(new FieldViolation("enterprise.ownershipType", "required", "请选择企业性质"));
            }
            if (enterprise.employees() == null) {
                violations.add(new FieldViolation("enterprise.employees", "required", "请填写从业人员人数"));
            }
            if (enterprise.declaredSize() == null) {
                violations.add(new FieldViolation("enterprise.declaredSize", "required", "请选择企业规模（组织规模）"));
            }
            required(enterprise.address(), "enterprise.address", "通讯地址", violations);
        }
    }

    /**
     * Classifies the enterprise by the 2017 statistical rules from its latest year's figures and
     * refuses a declared size that the figures contradict.
     */
    private SizeClass checkSize(ApplicationForm.EnterpriseInput enterprise, String industryCode,
            Map<Integer, YearFigures> figures, Eligibility eligibility, List<FieldViolation> violations) {
        if (industryCode == null || enterprise.employees() == null) {
            return null;
        }
        Integer latestYear = eligibility.financialYears().stream().max(Integer::compare).orElseThrow();
        YearFigures latest = figures.get(latestYear);
        SizeClassification classification = sizes.classify(industryCode, enterprise.employees().longValue(),
                latest == null ? null : latest.revenue(), latest == null ? null : latest.totalAssets());
        if (classification.sizeClass().isEmpty()) {
            return null;
        }
        SizeClass computed = classification.sizeClass().get();
        if (enterprise.declaredSize() != null && enterprise.declaredSize() != computed) {
            violations.add(new FieldViolation("enterprise.declaredSize", "size.mismatch",
                    "按《统计上大中小微型企业划分办法（2017）》，" + classification.explanation() + "（" + latestYear
                            + "年数据），应为" + computed.label() + "企业，与填报的“" + enterprise.declaredSize().label()
                            + "”不符"));
        }
        return computed;
    }

    private static void required(String value, String field, String label, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "required", "请填写" + label));
        }
    }

    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
