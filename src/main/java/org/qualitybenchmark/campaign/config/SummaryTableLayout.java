package org.qualitybenchmark.campaign.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * The layout of the recommendation summary table (推荐汇总表) a unit sends with its list, as the
 * notice's template lays it out (洛阳2023 附件4, 辽宁2024 附件3, 山东2023 附件4、附件7, 浙江2024 附件3):
 * the title, the lines above and below the table (填报单位、日期、联系人), the columns in the
 * template's order with the case data each shows, and the notes. A process owner changes it next
 * year in the campaign file, without Java.
 *
 * @param title   the table's title, e.g. 2023年洛阳市质量标杆汇总表
 * @param header  lines between the title and the table, each with a left and a right part
 * @param columns the columns in the template's order
 * @param notes   lines under the table (注：…)
 * @param footer  the last lines (联系人、联系电话、盖章 …)
 */
public record SummaryTableLayout(
        @NotBlank String title,
        @Valid List<SideLine> header,
        @Valid @NotEmpty List<Column> columns,
        List<String> notes,
        @Valid List<SideLine> footer) {

    /** What a column may show, besides the prefixed values in {@link #PREFIXED_VALUES}. */
    public static final Set<String> VALUES = Set.of("index", "rank", "caseNumber", "unit", "filingUnit", "region",
            "enterprise.name", "enterprise.uscc", "enterprise.ownership", "enterprise.size", "enterprise.industry",
            "enterprise.industryCode", "enterprise.employees", "enterprise.address", "enterprise.postcode",
            "title", "directions", "submittedAt", "opinion",
            "contact.name", "contact.department", "contact.position", "contact.phone", "contact.mobile",
            "contact.email", "contact.phones");

    /** Values named after the campaign's own configuration: a financial year, an extra field, a text section. */
    public static final Set<String> PREFIXED_VALUES = Set.of("revenue.", "profit.", "totalAssets.", "field.", "text.");

    /** The placeholders the title and the lines may contain. */
    public static final Set<String> PLACEHOLDERS = Set.of("campaignName", "unitName", "year", "today");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    public SummaryTableLayout {
        header = copy(header);
        columns = columns == null ? null : Collections.unmodifiableList(new ArrayList<>(columns));
        notes = copy(notes);
        footer = copy(footer);
    }

    /**
     * One line with a part at the left edge of the table and one at the right, as the templates put
     * 填报单位（盖章） and the date on one line.
     */
    public record SideLine(String left, String right) {
    }

    /**
     * @param label the column's heading, exactly as in the template
     * @param value what the column shows (see config/README.md): e.g. {@code enterprise.name},
     *              {@code contact.phones}, {@code revenue.2023}, {@code field.muJunGrade}
     * @param width the column's width in characters (a Chinese character counts as two); computed
     *              from the content when absent
     */
    public record Column(@NotBlank String label, @NotBlank String value, @Min(2) @Max(120) Integer width) {
    }

    /** The placeholders written as {@code {name}} in the text, in order. */
    public static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Every text of the layout that may hold placeholders, with its key in the file (below {@code recommendation.summaryTable}). */
    public List<String[]> texts() {
        List<String[]> texts = new ArrayList<>();
        texts.add(new String[] {"title", title});
        lines(texts, "header", header);
        for (int i = 0; i < notes.size(); i++) {
            texts.add(new String[] {ConfigKeys.element("notes", i), notes.get(i)});
        }
        lines(texts, "footer", footer);
        return texts;
    }

    private static void lines(List<String[]> texts, String list, List<SideLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            SideLine line = lines.get(i);
            if (line != null) {
                texts.add(new String[] {ConfigKeys.element(list, i) + ".left", line.left()});
                texts.add(new String[] {ConfigKeys.element(list, i) + ".right", line.right()});
            }
        }
    }

    private static <T> List<T> copy(List<T> items) {
        // Copied without List.copyOf: an empty "- " item reads as null and is reported by the checks, not here.
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }
}
