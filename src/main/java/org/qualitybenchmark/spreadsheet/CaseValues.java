package org.qualitybenchmark.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.Contact;
import org.qualitybenchmark.application.YearFigures;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.Direction;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.SummaryTableLayout;
import org.qualitybenchmark.enterprise.Enterprise;
import org.qualitybenchmark.enterprise.SizeClass;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;

/**
 * What one column of a summary table shows for one case, by the names of
 * {@link SummaryTableLayout#VALUES} and {@link SummaryTableLayout#PREFIXED_VALUES}. Numbers come
 * back as numbers and dates as dates, so that the sheet stores them as such.
 */
final class CaseValues {

    /** How the stored choices of a multiple-choice field are separated (as the application stores them). */
    private static final String STORED_CHOICES = "\n";
    static final String LIST_SEPARATOR = "、";

    /**
     * One row's case and what surrounds it.
     *
     * @param index      the row's number, from 1
     * @param rank       the unit's rank for the case; null when the campaign does not rank
     * @param unit       the name of the recommending unit
     * @param filingUnit the name of the unit the case was filed with (a county under the recommending unit)
     * @param opinion    the recommending unit's opinion at screening; null when it wrote none
     */
    record Row(int index, Application application, Enterprise enterprise, Integer rank, String unit, String filingUnit,
            String opinion) {
    }

    private final CampaignDefinition campaign;
    private final AdministrativeDivisions divisions;
    private final IndustryClassification industries;
    private final ZoneId zone;

    CaseValues(CampaignDefinition campaign, AdministrativeDivisions divisions, IndustryClassification industries,
            ZoneId zone) {
        this.campaign = campaign;
        this.divisions = divisions;
        this.industries = industries;
        this.zone = zone;
    }

    Object value(String name, Row row) {
        Application a = row.application();
        Contact contact = a.getContact();
        return switch (name) {
            case "index" -> row.index();
            case "rank" -> row.rank();
            case "caseNumber" -> a.getCaseNumber();
            case "unit" -> row.unit();
            case "filingUnit" -> row.filingUnit();
            case "region" -> row.enterprise() == null ? null : divisions.describe(row.enterprise().getRegisteredRegion());
            case "enterprise.name" -> a.getEnterpriseName();
            case "enterprise.uscc" -> row.enterprise() == null ? null : row.enterprise().getUscc();
            case "enterprise.ownership" -> a.getOwnershipType() == null ? null : a.getOwnershipType().label();
            case "enterprise.size" -> size(a);
            case "enterprise.industry" -> industry(a.getIndustryCode());
            case "enterprise.industryCode" -> a.getIndustryCode();
            case "enterprise.employees" -> a.getEmployees();
            case "enterprise.address" -> a.getAddress();
            case "enterprise.postcode" -> a.getPostcode();
            case "title" -> a.getTitle();
            case "directions" -> directions(a);
            case "submittedAt" -> a.getSubmittedAt() == null ? null : LocalDate.ofInstant(a.getSubmittedAt(), zone);
            case "opinion" -> row.opinion();
            case "contact.name" -> contact == null ? null : contact.name();
            case "contact.department" -> contact == null ? null : contact.department();
            case "contact.position" -> contact == null ? null : contact.position();
            case "contact.phone" -> contact == null ? null : contact.phone();
            case "contact.mobile" -> contact == null ? null : contact.mobile();
            case "contact.email" -> contact == null ? null : contact.email();
            case "contact.phones" -> contact == null ? null : joined(Stream.of(contact.phone(), contact.mobile()));
            default -> prefixed(name, a);
        };
    }

    private Object prefixed(String name, Application a) {
        int dot = name.indexOf('.');
        String prefix = dot < 0 ? name : name.substring(0, dot);
        String key = dot < 0 ? "" : name.substring(dot + 1);
        return switch (prefix) {
            case "revenue" -> figure(a, key, YearFigures::revenue);
            case "profit" -> figure(a, key, YearFigures::profit);
            case "totalAssets" -> figure(a, key, YearFigures::totalAssets);
            case "text" -> a.getTexts().get(key);
            case "field" -> field(a, key);
            // The campaign's file is checked at load, so a name not handled here is a gap in this class.
            default -> throw new IllegalStateException("No value " + name + " for a summary table column");
        };
    }

    private static BigDecimal figure(Application a, String year, Function<YearFigures, BigDecimal> which) {
        YearFigures figures = a.getFigures().get(Integer.valueOf(year));
        return figures == null ? null : which.apply(figures);
    }

    private Object field(Application a, String key) {
        String stored = a.getFields().get(key);
        if (stored == null) {
            return null;
        }
        ExtraField.FieldType type = campaign.field(key).map(ExtraField::type).orElse(ExtraField.FieldType.TEXT);
        return switch (type) {
            case INTEGER, DECIMAL -> new BigDecimal(stored);
            case BOOLEAN -> Boolean.parseBoolean(stored) ? "是" : "否";
            case MULTI_CHOICE -> String.join(LIST_SEPARATOR, stored.split(STORED_CHOICES));
            default -> stored;
        };
    }

    private String directions(Application a) {
        // In the campaign's order of directions, which is the notice's.
        return campaign.directions().stream().filter(d -> a.getDirections().contains(d.code())).map(Direction::name)
                .collect(Collectors.joining(LIST_SEPARATOR));
    }

    private static String size(Application a) {
        SizeClass size = a.getDeclaredSize() != null ? a.getDeclaredSize() : a.getComputedSize();
        return size == null ? null : size.label() + "企业";
    }

    /** The class code with its division's name, e.g. 3484 通用设备制造业. */
    String industry(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return industries.division(code).map(d -> code + " " + d.name()).orElse(code);
    }

    static String joined(Stream<String> parts) {
        String joined = parts.filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .collect(Collectors.joining(LIST_SEPARATOR));
        return joined.isEmpty() ? null : joined;
    }

    /** A date in a line of text as the notices write it: 2024年5月27日. */
    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
