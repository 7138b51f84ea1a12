package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Validation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.DeadlineChangeRepository;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.AttachmentRules;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.Eligibility;
import org.qualitybenchmark.campaign.config.YamlCampaignRegistry;
import org.qualitybenchmark.enterprise.EnterpriseSizeClassifier;
import org.qualitybenchmark.enterprise.SizeClass;
import org.qualitybenchmark.enterprise.Uscc;
import org.qualitybenchmark.enterprise.UsccOverride;
import org.qualitybenchmark.enterprise.UsccOverrideRepository;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Every rule of an application, on the real Hebei 2022 and Liaoning 2024 configuration. */
class ApplicationRulesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final YamlCampaignRegistry REGISTRY = new YamlCampaignRegistry(Path.of("config/units"),
            Path.of("config/campaigns"), Validation.buildDefaultValidatorFactory().getValidator());
    static final String HUAWEI_SHAPED_HEBEI = hebei("91130100192203821");

    final CampaignCatalog catalog = mock(CampaignCatalog.class);
    final UsccOverrideRepository overrides = mock(UsccOverrideRepository.class);
    CampaignRef hebei;

    @BeforeEach
    void catalog() {
        hebei = new CampaignRef(1L, REGISTRY.campaign("hebei-2022-national").orElseThrow());
        when(catalog.unit(anyString())).thenAnswer(call -> REGISTRY.unit(call.getArgument(0))
                .map(u -> new UnitRef((long) u.code().hashCode(), u)));
        when(catalog.campaign("hebei-2022-national")).thenReturn(Optional.of(hebei));
        when(overrides.findByUscc(anyString())).thenReturn(Optional.empty());
    }

    ApplicationRules rules(String now) {
        Clock clock = Clock.fixed(LocalDateTime.parse(now).atZone(ZONE).toInstant(), ZONE);
        return new ApplicationRules(catalog, new EffectiveSchedule(mock(DeadlineChangeRepository.class)),
                new IndustryClassification(Path.of("config/reference/gbt4754-divisions.json")),
                new AdministrativeDivisions(Path.of("config/reference/divisions.json")), new EnterpriseSizeClassifier(),
                overrides, clock, new AppProperties(Path.of("config"), Path.of("bpmn"), Path.of("forms"),
                        Path.of("target/unused"), ZONE), new UnitHierarchy(REGISTRY, catalog));
    }

    ApplicationRules rules() {
        return rules("2022-06-20T09:00:00");
    }

    @Test
    void acceptsACompleteApplicationAndComputesTheSizeClass() {
        ValidatedForm form = rules().check(complete(), hebei, ApplicationRules.Mode.SUBMISSION);
        assertThat(form.computedSize()).isEqualTo(SizeClass.LARGE);
        assertThat(form.uscc()).isEqualTo(HUAWEI_SHAPED_HEBEI);
        assertThat(form.directions()).containsExactly("digital");
        assertThat(form.figures()).containsOnlyKeys(2019, 2020, 2021);
    }

    @Test
    void normalisesTheUsccAsTyped() {
        String typed = " " + HUAWEI_SHAPED_HEBEI.toLowerCase() + " ";
        assertThat(rules().check(with(complete(), typed, null), hebei, ApplicationRules.Mode.DRAFT).uscc())
                .isEqualTo(HUAWEI_SHAPED_HEBEI);
    }

    @Test
    void refusesEachKindOfBadUscc() {
        assertThat(violations(with(complete(), "9113010019220382", null))).extracting(FieldViolation::code).contains("uscc.length");
        assertThat(violations(with(complete(), "9113010019220382I6", null))).extracting(FieldViolation::code).contains("uscc.character");
        assertThat(violations(with(complete(), "91130A001922038216", null))).extracting(FieldViolation::code).contains("uscc.region_format");
        String badCheck = HUAWEI_SHAPED_HEBEI.substring(0, 17) + (HUAWEI_SHAPED_HEBEI.endsWith("0") ? "1" : "0");
        List<FieldViolation> check = violations(with(complete(), badCheck, null));
        assertThat(check).extracting(FieldViolation::code).containsExactly("uscc.check_digit");
        assertThat(check.get(0).message()).contains("联系组织单位登记例外");
    }

    @Test
    void acceptsAFailedCheckDigitOnlyWithARecordedOverride() {
        String pilot = HUAWEI_SHAPED_HEBEI.substring(0, 17) + (HUAWEI_SHAPED_HEBEI.endsWith("0") ? "1" : "0");
        UsccOverride override = mock(UsccOverride.class);
        when(override.getId()).thenReturn(42L);
        when(overrides.findByUscc(pilot)).thenReturn(Optional.of(override));
        assertThat(rules().check(with(complete(), pilot, null), hebei, ApplicationRules.Mode.DRAFT).usccOverrideId()).isEqualTo(42L);
    }

    @Test
    void refusesAnEnterpriseRegisteredOutsideTheCampaignsRegion() {
        List<FieldViolation> violations = violations(with(complete(), "914403001922038216", null));
        assertThat(violations).extracting(FieldViolation::code).containsExactly("uscc.region");
        assertThat(violations.get(0).message()).contains("440300", "广东省", "河北省");
    }

    @Test
    void checksTheIndustryCodeAgainstGbt4754AndTheCampaignsScope() {
        assertThat(violations(withIndustry(complete(), "3X"))).extracting(FieldViolation::code).contains("industry.format");
        assertThat(violations(withIndustry(complete(), "99"))).extracting(FieldViolation::code).contains("industry.unknown");
        CampaignRef national = variant(new Eligibility(List.of(2019, 2020, 2021), true, List.of("06-46", "72"), 4, null), 1);
        assertThat(violations(withIndustry(complete(), "5211"), national)).extracting(FieldViolation::code)
                .contains("industry.outOfScope");
        assertThat(violations(withIndustry(complete(), "34"), national)).extracting(FieldViolation::code)
                .contains("industry.precision");
        assertThat(violations(withIndustry(complete(), "7211"), national)).extracting(FieldViolation::code)
                .doesNotContain("industry.outOfScope");
    }

    @Test
    void limitsDirectionsToTheCampaignsOwnAndItsMaximum() {
        ApplicationForm unknown = withDirections(complete(), List.of("digital", "digital", "nonsense"));
        assertThat(violations(unknown)).extracting(FieldViolation::field).contains("directions[1]", "directions[2]");
        CampaignRef single = variant(hebei.definition().eligibility(), 1);
        List<FieldViolation> tooMany = violations(withDirections(complete(), List.of("digital", "reliability")), single);
        assertThat(tooMany).extracting(FieldViolation::message).contains("本次活动每个申报主体只能申报1个方向");
    }

    @Test
    void countsWordLimitsOfTheCampaignsTemplate() {
        ApplicationForm form = complete();
        ApplicationForm longTexts = new ApplicationForm(form.campaign(), form.unit(), form.enterprise(), form.directions(),
                "实施" + "全".repeat(27) + "经验", Map.of("overview", "字".repeat(501), "unknownPart", "x"),
                form.figures(), form.contact(), form.fields());
        List<FieldViolation> violations = violations(longTexts);
        assertThat(violations).extracting(FieldViolation::field).contains("title", "texts.overview", "texts.unknownPart");
        assertThat(violations).filteredOn(v -> v.field().equals("texts.overview")).extracting(FieldViolation::message)
                .containsExactly("企业概况应在500字以内，现为501字");
    }

    @Test
    void requiresThreeProfitableYearsOnSubmission() {
        ApplicationForm form = complete();
        List<ApplicationForm.FigureInput> figures = new ArrayList<>(form.figures());
        figures.set(1, new ApplicationForm.FigureInput(2020, new BigDecimal("45000"), new BigDecimal("-12.5"), null));
        figures.remove(2);
        figures.add(new ApplicationForm.FigureInput(2018, new BigDecimal("1"), new BigDecimal("1"), null));
        ApplicationForm losing = new ApplicationForm(form.campaign(), form.unit(), form.enterprise(), form.directions(),
                form.title(), form.texts(), figures, form.contact(), form.fields());
        List<FieldViolation> violations = violations(losing);
        assertThat(violations).extracting(FieldViolation::field)
                .contains("figures[2].year", "figures.2020.profit", "figures.2021");
        assertThat(rules().check(losing(form), hebei, ApplicationRules.Mode.DRAFT)).isNotNull();
    }

    @Test
    void refusesADeclaredSizeTheFiguresContradict() {
        ApplicationForm form = complete();
        ApplicationForm.EnterpriseInput e = form.enterprise();
        ApplicationForm small = new ApplicationForm(form.campaign(), form.unit(), new ApplicationForm.EnterpriseInput(
                e.uscc(), e.name(), e.ownershipType(), e.industryCode(), e.employees(), SizeClass.MEDIUM, e.address(),
                e.postcode()), form.directions(), form.title(), form.texts(), form.figures(), form.contact(), form.fields());
        List<FieldViolation> violations = violations(small);
        assertThat(violations).extracting(FieldViolation::code).containsExactly("size.mismatch");
        assertThat(violations.get(0).message()).contains("大型", "中型", "2021");
    }

    @Test
    void draftsMayBeIncompleteButSubmissionsMayNot() {
        ApplicationForm sparse = new ApplicationForm("hebei-2022-national", "he-1301",
                new ApplicationForm.EnterpriseInput(HUAWEI_SHAPED_HEBEI, "某企业", null, null, null, null, null, null),
                List.of(), null, Map.of(), List.of(), null, Map.of());
        assertThat(rules().check(sparse, hebei, ApplicationRules.Mode.DRAFT).title()).isNull();
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> rules().check(sparse, hebei, ApplicationRules.Mode.SUBMISSION));
        assertThat(refused.violations()).extracting(FieldViolation::field).contains("title", "directions",
                "texts.overview", "texts.implementation", "figures.2019", "contact", "enterprise.industryCode",
                "enterprise.ownershipType", "enterprise.employees", "enterprise.declaredSize", "enterprise.address");
    }

    @Test
    void checksContactAndPostcodeFormats() {
        ApplicationForm form = complete();
        ApplicationForm bad = new ApplicationForm(form.campaign(), form.unit(), new ApplicationForm.EnterpriseInput(
                HUAWEI_SHAPED_HEBEI, "某企业", null, null, null, null, null, "05000"), form.directions(), form.title(),
                form.texts(), form.figures(), new ApplicationForm.ContactInput("张三", null, null, null, "1390000000",
                "not-an-email"), form.fields());
        assertThat(violations(bad)).extracting(FieldViolation::field)
                .contains("contact.mobile", "contact.email", "enterprise.postcode");
    }

    @Test
    void refusesUnitsOutsideTheCampaign() {
        ApplicationForm form = complete();
        ApplicationForm liaoningUnit = new ApplicationForm(form.campaign(), "ln-2101", form.enterprise(), form.directions(),
                form.title(), form.texts(), form.figures(), form.contact(), form.fields());
        assertThat(violations(liaoningUnit)).extracting(FieldViolation::code).containsExactly("unit.notInCampaign");
    }

    @Test
    void refusesFieldsTheCampaignDoesNotHave() {
        ApplicationForm form = complete();
        ApplicationForm extra = new ApplicationForm(form.campaign(), form.unit(), form.enterprise(), form.directions(),
                form.title(), form.texts(), form.figures(), form.contact(), Map.of("muJunGrade", "A类"));
        assertThat(violations(extra)).extracting(FieldViolation::code).containsExactly("field.unknown");
    }

    @Test
    void acceptsWorkOnlyInsideTheApplicationWindow() {
        rules("2022-06-15T00:00:00").checkWindow(hebei, "campaign");
        rules("2022-06-30T23:59:59").checkWindow(hebei, "campaign");
        assertThatThrownBy(() -> rules("2022-06-14T23:59:59").checkWindow(hebei, "campaign"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("campaign.notOpen"));
        assertThatThrownBy(() -> rules("2022-07-01T00:00:00").checkWindow(hebei, "campaign"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("2022-06-30截止"));
    }

    @Test
    void reportsMissingRequiredAttachmentKinds() {
        assertThat(rules().missingAttachments(hebei.definition(), List.of())).extracting(FieldViolation::field)
                .containsExactly("attachments.application", "attachments.experience", "attachments.evidence");
    }

    @Test
    void doesNotAskAtSubmissionForKindsUploadedOnlyLater() {
        CampaignDefinition d = hebei.definition();
        AttachmentKind presentation = new AttachmentKind("defense-presentation", "答辩材料（PPT）", true, false,
                List.of("pptx"), DataSize.ofMegabytes(200), false, List.of("DEFENSE"));
        AttachmentKind revisable = new AttachmentKind("statement", "情况说明", true, false, List.of("pdf"),
                DataSize.ofMegabytes(20), false, List.of("DRAFT", "DEFENSE"));
        CampaignDefinition withLaterKinds = new CampaignDefinition(d.code(), d.caseNumberPrefix(), d.name(),
                d.organiser(), d.documentNumber(), d.level(), d.year(), d.region(), d.publishedOn(), d.schedule(),
                d.directions(), d.maxDirections(), d.eligibility(), d.quota(), d.recommendation(), d.units(), d.texts(),
                new AttachmentRules(d.attachments().maxPackageSize(), List.of(presentation, revisable)), d.fields(),
                d.publicNotice(), d.procedure(), d.review(), d.description());

        assertThat(rules().missingAttachments(withLaterKinds, List.of())).extracting(FieldViolation::field)
                .containsExactly("attachments.statement");
    }

    private List<FieldViolation> violations(ApplicationForm form) {
        return violations(form, hebei);
    }

    private List<FieldViolation> violations(ApplicationForm form, CampaignRef campaign) {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> rules().check(form, campaign, ApplicationRules.Mode.SUBMISSION));
        return e == null ? List.of() : e.violations();
    }

    private CampaignRef variant(Eligibility eligibility, int maxDirections) {
        CampaignDefinition d = hebei.definition();
        return new CampaignRef(2L, new CampaignDefinition(d.code(), d.caseNumberPrefix(), d.name(), d.organiser(),
                d.documentNumber(), d.level(), d.year(), d.region(), d.publishedOn(), d.schedule(), d.directions(),
                maxDirections, eligibility, d.quota(), d.recommendation(), d.units(), d.texts(), d.attachments(), d.fields(),
                d.publicNotice(), d.procedure(), d.review(), d.description()));
    }

    static ApplicationForm complete() {
        List<ApplicationForm.FigureInput> figures = List.of(
                new ApplicationForm.FigureInput(2019, new BigDecimal("41000"), new BigDecimal("2100"), new BigDecimal("90000")),
                new ApplicationForm.FigureInput(2020, new BigDecimal("43000"), new BigDecimal("2500"), new BigDecimal("95000")),
                new ApplicationForm.FigureInput(2021, new BigDecimal("45000"), new BigDecimal("3200"), new BigDecimal("99000")));
        return new ApplicationForm("hebei-2022-national", "he-1301",
                new ApplicationForm.EnterpriseInput(HUAWEI_SHAPED_HEBEI, "石家庄规则测试有限公司", OwnershipType.PRIVATE,
                        "3484", 1200, SizeClass.LARGE, "石家庄市长安区中山东路1号", "050000"),
                List.of("digital"), "实施数字化全过程质量管控的经验",
                Map.of("overview", "概况", "background", "背景", "implementation", "过程", "effect", "成效"),
                figures, new ApplicationForm.ContactInput("张三", "质量部", "部长", "0311-80000001", "13900000001",
                        "zhangsan@example.com"),
                Map.<String, Object>of());
    }

    private static ApplicationForm with(ApplicationForm f, String uscc, String industry) {
        ApplicationForm.EnterpriseInput e = f.enterprise();
        return new ApplicationForm(f.campaign(), f.unit(), new ApplicationForm.EnterpriseInput(uscc, e.name(),
                e.ownershipType(), industry == null ? e.industryCode() : industry, e.employees(), e.declaredSize(),
                e.address(), e.postcode()), f.directions(), f.title(), f.texts(), f.figures(), f.contact(), f.fields());
    }

    private static ApplicationForm withIndustry(ApplicationForm f, String industry) {
        return with(f, f.enterprise().uscc(), industry);
    }

    private static ApplicationForm withDirections(ApplicationForm f, List<String> directions) {
        return new ApplicationForm(f.campaign(), f.unit(), f.enterprise(), directions, f.title(), f.texts(), f.figures(),
                f.contact(), f.fields());
    }

    private static ApplicationForm losing(ApplicationForm f) {
        return new ApplicationForm(f.campaign(), f.unit(), f.enterprise(), f.directions(), f.title(), f.texts(),
                List.of(new ApplicationForm.FigureInput(2020, null, new BigDecimal("-1"), null)), f.contact(), f.fields());
    }

    private static String hebei(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }
}
