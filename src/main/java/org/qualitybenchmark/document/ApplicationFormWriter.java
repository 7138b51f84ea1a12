package org.qualitybenchmark.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

import org.qualitybenchmark.application.CaseViews.AttachmentView;
import org.qualitybenchmark.application.CaseViews.CaseDetail;
import org.qualitybenchmark.application.CaseViews.FigureView;
import org.qualitybenchmark.application.OwnershipType;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TableLayout;
import org.qualitybenchmark.campaign.config.TableLayout.Column;
import org.qualitybenchmark.campaign.config.TableLayout.Row;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.enterprise.SizeClass;

import static org.qualitybenchmark.document.Docx.Font;
import static org.qualitybenchmark.document.Docx.Merge;
import static org.qualitybenchmark.document.Docx.Span;

/**
 * Writes a campaign's application form (申报书) as a .docx: the cover, instructions and pledge of
 * its {@link FormLayout}, then the application table (enterprise, unit, directions, the financial
 * years, contact, the campaign's extra fields), the statistics tables, the texts under their
 * headings, the list of attachments and the unit's recommendation sheet. Filled from a case, or
 * blank for the enterprise to fill in Word; either way every value sits in a tagged content control
 * (see {@link FormTags}) so that {@link ApplicationFormReader} can read it back.
 */
final class ApplicationFormWriter {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String SHORT_BLANK = "　　　　";
    /** Rows offered in a blank table whose rows are all the applicant's (表5 主要竞争对手). */
    private static final int BLANK_FREE_ROWS = 3;

    private final CampaignDefinition campaign;
    private final FormLayout layout;
    private final CaseDetail detail;
    private final ZoneId zone;
    private final Docx docx;

    private ApplicationFormWriter(CampaignDefinition campaign, FormLayout layout, CaseDetail detail, ZoneId zone) {
        this.campaign = campaign;
        this.layout = layout;
        this.detail = detail;
        this.zone = zone;
        this.docx = new Docx(new XWPFDocument());
    }

    /** The case's filled form. */
    static byte[] filled(CampaignDefinition campaign, FormLayout layout, CaseDetail detail, ZoneId zone) {
        return new ApplicationFormWriter(campaign, layout, Objects.requireNonNull(detail), zone).write();
    }

    /** The campaign's blank form. */
    static byte[] blank(CampaignDefinition campaign, FormLayout layout, ZoneId zone) {
        return new ApplicationFormWriter(campaign, layout, null, zone).write();
    }

    private byte[] write() {
        XWPFDocument document = docx.document();
        var properties = document.getProperties();
        properties.getCoreProperties().setTitle(layout.title());
        properties.getCoreProperties().setCreator(campaign.organiser());
        properties.getCustomProperties().addProperty(FormTags.CAMPAIGN_PROPERTY, campaign.code());
        properties.getCustomProperties().addProperty(FormTags.FORMAT_PROPERTY, FormTags.FORMAT);
        if (detail != null) {
            properties.getCustomProperties().addProperty(FormTags.CASE_PROPERTY, detail.caseNumber());
        }
        docx.pageNumbers();
        cover();
        if (layout.instructions() != null) {
            docx.pageBreak();
            docx.heading(layout.instructions().title(), Docx.SAN_HAO, ParagraphAlignment.CENTER);
            layout.instructions().paragraphs().forEach(docx::bodyText);
        }
        if (layout.pledge() != null && layout.pledge().placement() == FormLayout.Placement.FRONT) {
            pledge();
        }
        docx.pageBreak();
        applicationTable();
        for (ExtraField field : campaign.fields()) {
            if (field.type() == ExtraField.FieldType.TABLE) {
                statisticsTable(field);
            }
        }
        texts();
        attachments();
        if (layout.recommendation() != null) {
            recommendation();
        }
        if (layout.pledge() != null && layout.pledge().placement() == FormLayout.Placement.END) {
            pledge();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the application form", e);
        }
    }

    // ------------------------------------------------------------------ cover, pledge, recommendation

    private void cover() {
        for (int i = 0; i < 3; i++) {
            docx.paragraph(ParagraphAlignment.CENTER);
        }
        XWPFParagraph title = docx.paragraph(ParagraphAlignment.CENTER);
        title.setSpacingAfter(1200);
        Docx.run(title.getCTP(), layout.title(), new Font(Docx.HEI, Docx.XIAO_CHU, false));
        if (detail != null) {
            XWPFParagraph number = docx.paragraph(ParagraphAlignment.CENTER);
            number.setSpacingAfter(1200);
            Docx.run(number.getCTP(), "案件编号：" + detail.caseNumber(), new Font(Docx.SONG, Docx.XIAO_SI, false));
        }
        for (FormLayout.CoverLine line : layout.cover()) {
            XWPFParagraph paragraph = docx.paragraph(ParagraphAlignment.LEFT);
            paragraph.setIndentationLeft(1200);
            paragraph.setSpacingBetween(40, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
            Font font = new Font(Docx.HEI, Docx.SAN_HAO, false);
            Docx.run(paragraph.getCTP(), line.label() + "：", font);
            String value = coverValue(line.value());
            var run = Docx.run(paragraph.getCTP(), value == null || value.isEmpty()
                    ? (line.value() == FormLayout.CoverValue.DATE ? "　　　　年　　月　　日" : "　".repeat(14)) : value, font);
            run.getRPr().addNewU().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline.SINGLE);
            if (line.suffix() != null) {
                Docx.run(paragraph.getCTP(), line.suffix(), font);
            }
        }
    }

    private String coverValue(FormLayout.CoverValue value) {
        if (detail == null) {
            return null;
        }
        return switch (value) {
            case ENTERPRISE -> detail.enterprise().name();
            case UNIT -> detail.unitName();
            case TITLE -> detail.title();
            case DIRECTIONS -> detail.directions().stream().map(d -> d.label()).collect(Collectors.joining("、"));
            case CONTACT -> detail.contact() == null ? null : detail.contact().name();
            case MOBILE -> detail.contact() == null ? null : detail.contact().mobile();
            case DATE -> detail.submittedAt() == null ? null : chineseDate(LocalDate.ofInstant(detail.submittedAt(), zone));
            case BLANK -> null;
        };
    }

    private static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private void pledge() {
        FormLayout.Pledge pledge = layout.pledge();
        String enterprise = detail == null ? "" : detail.enterprise().name();
        docx.pageBreak();
        docx.heading(pledge.title(), Docx.ER_HAO, ParagraphAlignment.CENTER);
        for (String paragraph : pledge.paragraphs()) {
            String text = paragraph.replace("{enterprise}", enterprise.isEmpty() ? "　".repeat(10) : enterprise);
            docx.bodyText(text);
        }
        docx.paragraph(ParagraphAlignment.RIGHT);
        for (String signature : pledge.signatures()) {
            XWPFParagraph line = docx.paragraph(ParagraphAlignment.LEFT);
            line.setIndentationLeft(4200);
            line.setSpacingBefore(240);
            Docx.run(line.getCTP(), signature.replace("{enterprise}", enterprise), Font.body());
        }
    }

    private void recommendation() {
        FormLayout.Recommendation sheet = layout.recommendation();
        docx.pageBreak();
        docx.heading(sheet.title(), Docx.ER_HAO, ParagraphAlignment.CENTER);
        Docx.Grid grid = docx.new Grid(2, 3, 2, 3);
        List<XWPFTableCell> unit = grid.row(false, Span.of(1), Span.of(3));
        label(unit.get(0), "推荐单位");
        Docx.cellText(unit.get(1), detail == null ? "" : detail.unitName(), Font.cell(), ParagraphAlignment.LEFT);
        if (sheet.contact()) {
            List<XWPFTableCell> first = grid.row(false, Span.of(1), Span.of(1), Span.of(1), Span.of(1));
            label(first.get(0), "联系人");
            label(first.get(2), "电话");
            List<XWPFTableCell> second = grid.row(false, Span.of(1), Span.of(1), Span.of(1), Span.of(1));
            label(second.get(0), "手机");
            label(second.get(2), "电子邮箱");
        }
        XWPFTableCell opinion = grid.row(false, Span.of(4)).get(0);
        Docx.cellText(opinion, sheet.opinion() == null ? "推荐意见：" : sheet.opinion(), Font.cell().emphasised(),
                ParagraphAlignment.LEFT);
        if (sheet.hint() != null) {
            Docx.run(opinion.addParagraph().getCTP(), sheet.hint(), Font.cell());
        }
        for (int i = 0; i < 6; i++) {
            opinion.addParagraph();
        }
        for (String signature : sheet.signatures()) {
            XWPFParagraph line = opinion.addParagraph();
            line.setAlignment(ParagraphAlignment.RIGHT);
            line.setIndentationRight(600);
            Docx.run(line.getCTP(), signature, Font.cell());
        }
        if (sheet.note() != null) {
            note(sheet.note());
        }
    }

    // ------------------------------------------------------------------ the application table

    private void applicationTable() {
        docx.heading(layout.title().endsWith("申报书") ? layout.title().replace("申报书", "申报表") : "申报表",
                Docx.ER_HAO, ParagraphAlignment.CENTER);
        Docx.Grid grid = docx.new Grid(22, 28, 22, 28);
        var enterprise = detail == null ? null : detail.enterprise();

        wide(grid, "unit", "推荐单位", detail == null ? null : detail.unitName());
        wide(grid, "enterprise.name", "企业名称", enterprise == null ? null : enterprise.name());
        pair(grid, "enterprise.uscc", "统一社会信用代码", enterprise == null ? null : enterprise.uscc(),
                "enterprise.industryCode", "行业代码（GB/T 4754-2017）", enterprise == null ? null : enterprise.industryCode());
        choiceRow(grid, "enterprise.ownershipType", "企业性质", enumOptions(OwnershipType.values()),
                enterprise == null || enterprise.ownershipType() == null ? Set.of() : Set.of(enterprise.ownershipType().name()));
        List<Option> sizes = new ArrayList<>();
        for (SizeClass size : List.of(SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL, SizeClass.MICRO)) {
            sizes.add(new Option(size.name(), size.label() + "企业"));
        }
        List<XWPFTableCell> sizeRow = grid.row(false, Span.of(1), Span.of(1), Span.of(1), Span.of(1));
        label(sizeRow.get(0), "从业人员（人）");
        value(sizeRow.get(1), "enterprise.employees", "从业人员（人）",
                enterprise == null || enterprise.employees() == null ? null : enterprise.employees().toString());
        label(sizeRow.get(2), "企业规模");
        checkboxes(sizeRow.get(3), "enterprise.declaredSize", sizes,
                enterprise == null || enterprise.declaredSize() == null ? Set.of() : Set.of(enterprise.declaredSize()));
        pair(grid, "enterprise.address", "通讯地址", enterprise == null ? null : enterprise.address(),
                "enterprise.postcode", "邮编", enterprise == null ? null : enterprise.postcode());
        String titleLabel = campaign.text(TextSection.TITLE).map(TextSection::label).orElse("经验名称");
        wide(grid, "title", titleLabel, detail == null ? null : detail.title());
        List<Option> directions = campaign.directions().stream().map(d -> new Option(d.code(), d.name())).toList();
        choiceRow(grid, "directions", campaign.maxDirections() == 1 ? "申报方向（选择1项）" : "申报方向（可多选，最多"
                        + Math.min(campaign.maxDirections(), campaign.directions().size()) + "项）", directions,
                detail == null ? Set.of() : detail.directions().stream().map(d -> d.code()).collect(Collectors.toSet()));
        figures(grid);
        contact(grid);
        for (ExtraField field : campaign.fields()) {
            if (field.type() != ExtraField.FieldType.TABLE) {
                extraField(grid, field);
            }
        }
    }

    private void figures(Docx.Grid grid) {
        List<Integer> years = campaign.eligibility().financialYears();
        int[] spans = yearSpans(years.size());
        List<Span> header = new ArrayList<>(List.of(Span.of(1)));
        for (int span : spans) {
            header.add(Span.of(span));
        }
        List<XWPFTableCell> head = grid.row(false, header.toArray(Span[]::new));
        label(head.get(0), "近" + years.size() + "年财务数据（万元）");
        for (int i = 0; i < years.size(); i++) {
            label(head.get(i + 1), years.get(i) + "年");
        }
        for (String[] figure : new String[][] {{"revenue", "主营业务收入"}, {"profit", "利润总额"}, {"totalAssets", "资产总额"}}) {
            List<XWPFTableCell> row = grid.row(false, header.toArray(Span[]::new));
            label(row.get(0), figure[1]);
            for (int i = 0; i < years.size(); i++) {
                int year = years.get(i);
                value(row.get(i + 1), "figures." + year + "." + figure[0], year + "年" + figure[1] + "（万元）",
                        number(figureOf(year, figure[0])));
            }
        }
    }

    /** The three value columns shared out among the financial years. */
    private static int[] yearSpans(int years) {
        return switch (years) {
            case 1 -> new int[] {3};
            case 2 -> new int[] {1, 2};
            default -> {
                int[] spans = new int[years];
                java.util.Arrays.fill(spans, 1);
                yield spans;
            }
        };
    }

    private BigDecimal figureOf(int year, String figure) {
        if (detail == null) {
            return null;
        }
        for (FigureView view : detail.figures()) {
            if (view.year() == year) {
                return switch (figure) {
                    case "revenue" -> view.revenue();
                    case "profit" -> view.profit();
                    default -> view.totalAssets();
                };
            }
        }
        return null;
    }

    private void contact(Docx.Grid grid) {
        var c = detail == null ? null : detail.contact();
        pair(grid, "contact.name", "联系人", c == null ? null : c.name(), "contact.department", "部门",
                c == null ? null : c.department());
        pair(grid, "contact.position", "职务", c == null ? null : c.position(), "contact.phone", "电话",
                c == null ? null : c.phone());
        pair(grid, "contact.mobile", "手机", c == null ? null : c.mobile(), "contact.email", "邮箱",
                c == null ? null : c.email());
    }

    private void extraField(Docx.Grid grid, ExtraField field) {
        Object stored = detail == null ? null : detail.fields().get(field.key());
        String key = "fields." + field.key();
        switch (field.type()) {
            case CHOICE -> choiceRow(grid, key, field.label(), field.options().stream().map(o -> new Option(o, o)).toList(),
                    stored == null ? Set.of() : Set.of(stored.toString()));
            case MULTI_CHOICE -> choiceRow(grid, key, field.label() + "（可多选）",
                    field.options().stream().map(o -> new Option(o, o)).toList(),
                    stored instanceof Collection<?> c ? c.stream().map(Object::toString).collect(Collectors.toSet()) : Set.of());
            case BOOLEAN -> choiceRow(grid, key, field.label(), List.of(new Option("true", "是"), new Option("false", "否")),
                    stored == null ? Set.of() : Set.of(stored.toString()));
            default -> {
                String unit = field.type() == ExtraField.FieldType.TEXT && field.maxChars() != null
                        ? "（" + field.maxChars() + "字以内）" : "";
                wide(grid, key, field.label() + unit, stored instanceof BigDecimal n ? n.toPlainString()
                        : stored == null ? null : stored.toString());
            }
        }
    }

    // ------------------------------------------------------------------ statistics tables

    private void statisticsTable(ExtraField field) {
        TableLayout table = field.table();
        docx.heading(field.label(), Docx.SAN_HAO, ParagraphAlignment.CENTER);
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = detail != null && detail.fields().get(field.key()) instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        boolean groupedRows = table.rows().stream().anyMatch(r -> r.group() != null);
        boolean units = table.hasUnits();
        boolean groupedColumns = table.columns().stream().anyMatch(c -> c.group() != null);
        List<Integer> weights = new ArrayList<>();
        weights.add(groupedRows ? 10 : longestLabel(table) > 12 ? 30 : 18);
        if (groupedRows) {
            weights.add(10);
        }
        if (units) {
            weights.add(9);
        }
        for (Column column : table.columns()) {
            weights.add(column.type() == TableLayout.CellType.TEXT && column.maxChars() != null && column.maxChars() > 100
                    ? 24 : column.options().isEmpty() ? 12 : 18);
        }
        Docx.Grid grid = docx.new Grid(weights.stream().mapToInt(Integer::intValue).toArray());
        int labelSpan = groupedRows ? 2 : 1;

        // Header: one row, or two where columns are grouped (主导产品一 over 国内 and 国际).
        int headerRows = groupedColumns ? 2 : 1;
        for (int h = 0; h < headerRows; h++) {
            List<Span> spans = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            Merge first = headerRows == 1 ? Merge.NONE : h == 0 ? Merge.RESTART : Merge.CONTINUE;
            spans.add(new Span(labelSpan, first, false));
            texts.add(h == 0 ? table.rowHeader() : "");
            if (units) {
                spans.add(new Span(1, first, false));
                texts.add(h == 0 ? "单位" : "");
            }
            List<Column> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                if (headerRows == 2 && h == 0 && column.group() != null) {
                    int width = 1;
                    while (i + width < columns.size() && column.group().equals(columns.get(i + width).group())) {
                        width++;
                    }
                    spans.add(Span.of(width));
                    texts.add(column.group());
                    i += width - 1;
                } else if (headerRows == 2 && column.group() == null) {
                    spans.add(new Span(1, h == 0 ? Merge.RESTART : Merge.CONTINUE, false));
                    texts.add(h == 0 ? column.label() : "");
                } else {
                    spans.add(Span.of(1));
                    texts.add(column.label());
                }
            }
            List<XWPFTableCell> cells = grid.row(true, spans.toArray(Span[]::new));
            for (int i = 0; i < cells.size(); i++) {
                CTP p = Docx.cellText(cells.get(i), texts.get(i), Font.cell().emphasised(), ParagraphAlignment.CENTER);
                if (h == 0 && i == 0) {
                    docx.bookmark(p, FormTags.TABLE_BOOKMARK + field.key());
                }
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> rows = stored.get("rows") instanceof Map<?, ?> r
                ? (Map<String, Map<String, Object>>) r : Map.of();
        String previousGroup = null;
        for (Row row : table.rows()) {
            Map<String, Object> cells = rows.getOrDefault(row.key(), Map.of());
            List<Span> spans = new ArrayList<>();
            if (groupedRows) {
                boolean continues = row.group() != null && row.group().equals(previousGroup);
                boolean startsGroup = row.group() != null && !continues;
                spans.add(row.group() == null ? Span.of(2)
                        : new Span(1, startsGroup ? Merge.RESTART : Merge.CONTINUE, false));
                if (row.group() != null) {
                    spans.add(Span.of(1));
                }
            } else {
                spans.add(Span.of(1));
            }
            if (units) {
                spans.add(Span.of(1));
            }
            // A cell the row lacks joins the cell before it in the same group (主导产品 names span 国内 and 国际).
            List<Column> columns = table.columns();
            List<Column> placed = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                if (!row.has(column)) {
                    placed.add(null);
                    spans.add(new Span(1, Merge.NONE, true));
                    continue;
                }
                int width = 1;
                while (i + width < columns.size() && !row.has(columns.get(i + width)) && column.group() != null
                        && column.group().equals(columns.get(i + width).group())) {
                    width++;
                }
                placed.add(column);
                spans.add(Span.of(width));
                i += width - 1;
            }
            List<XWPFTableCell> made = grid.row(false, spans.toArray(Span[]::new));
            int at = 0;
            if (groupedRows && row.group() != null) {
                label(made.get(at++), row.group().equals(previousGroup) ? "" : row.group());
                label(made.get(at++), row.label());
            } else {
                label(made.get(at++), row.label());
            }
            previousGroup = row.group();
            if (units) {
                Docx.cellText(made.get(at++), row.unit() == null ? "" : row.unit(), Font.cell(), ParagraphAlignment.CENTER);
            }
            for (Column column : placed) {
                XWPFTableCell cell = made.get(at++);
                if (column != null) {
                    tableCell(cell, FormTags.cell(field.key(), row.key(), column.key()),
                            field.label() + "「" + row.name() + "」" + column.name(), table.rule(row, column),
                            cells.get(column.key()));
                }
            }
        }

        if (table.freeRows() != null) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> free = stored.get("freeRows") instanceof List<?> l
                    ? (List<Map<String, Object>>) l : List.of();
            int count = detail == null
                    ? Math.min(table.freeRows().max(), table.rows().isEmpty() ? BLANK_FREE_ROWS : 1)
                    : Math.min(table.freeRows().max(), Math.max(free.size(), Math.max(table.freeRows().min(), 1)));
            count = Math.max(count, free.size());
            for (int i = 0; i < count; i++) {
                freeRow(grid, field, i < free.size() ? free.get(i) : Map.of(), i + 1, labelSpan, units);
            }
        }
        if (table.note() != null) {
            note(table.note());
        }
        if (table.freeRows() != null) {
            note("（本表" + (table.rows().isEmpty() ? "" : "可在最后增加") + "最多" + table.freeRows().max()
                    + "行；需要时在 Word 中于最后一行下方插入行，逐格填写。）");
        }
    }

    private static int longestLabel(TableLayout table) {
        return table.rows().stream().mapToInt(r -> r.label().length()).max().orElse(4);
    }

    private void freeRow(Docx.Grid grid, ExtraField field, Map<String, Object> stored, int number, int labelSpan,
            boolean units) {
        TableLayout table = field.table();
        List<Span> spans = new ArrayList<>();
        spans.add(Span.of(labelSpan));
        if (units) {
            spans.add(Span.of(1));
        }
        table.columns().forEach(c -> spans.add(Span.of(1)));
        List<XWPFTableCell> cells = grid.row(false, spans.toArray(Span[]::new));
        String rowKey = "fields." + field.key() + "/" + FormTags.FREE_ROW + "/";
        int at = 0;
        XWPFTableCell first = cells.get(at++);
        if (table.freeRows().label() != null) {
            freeValue(first, rowKey + FormTags.LABEL, field.label() + "增加的" + table.freeRows().label(),
                    text(stored.get("label")), ParagraphAlignment.LEFT);
        } else {
            Docx.cellText(first, String.valueOf(number), Font.cell(), ParagraphAlignment.CENTER);
        }
        if (units) {
            XWPFTableCell unit = cells.get(at++);
            if (table.freeRows().unit()) {
                freeValue(unit, rowKey + FormTags.UNIT, field.label() + "增加行的单位", text(stored.get("unit")),
                        ParagraphAlignment.CENTER);
            }
        }
        Map<?, ?> values = stored.get("cells") instanceof Map<?, ?> m ? m : Map.of();
        for (Column column : table.columns()) {
            XWPFTableCell cell = cells.get(at++);
            TableLayout.Cell rule = table.rule(null, column);
            if (rule.type() == TableLayout.CellType.CHOICE) {
                checkboxes(cell, rowKey + column.key(), rule.options().stream().map(o -> new Option(o, o)).toList(),
                        values.get(column.key()) == null ? Set.of() : Set.of(values.get(column.key()).toString()));
            } else {
                freeValue(cell, rowKey + column.key(), field.label() + column.name(), text(values.get(column.key())),
                        isNumber(rule) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            }
        }
    }

    /** A cell of an added row: its control may be deleted with the row. */
    private void freeValue(XWPFTableCell cell, String key, String alias, String value, ParagraphAlignment alignment) {
        CTP p = Docx.cellText(cell, null, Font.cell(), alignment);
        docx.textControl(p, key, alias, value, SHORT_BLANK, Font.cell(), true);
    }

    private void tableCell(XWPFTableCell cell, String key, String alias, TableLayout.Cell rule, Object value) {
        if (rule.type() == TableLayout.CellType.CHOICE) {
            checkboxes(cell, key, rule.options().stream().map(o -> new Option(o, o)).toList(),
                    value == null ? Set.of() : Set.of(value.toString()));
            return;
        }
        CTP p = Docx.cellText(cell, null, Font.cell(), isNumber(rule) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        docx.textControl(p, key, alias, text(value), SHORT_BLANK, Font.cell(), false);
    }

    private static boolean isNumber(TableLayout.Cell rule) {
        return rule.type() == TableLayout.CellType.DECIMAL || rule.type() == TableLayout.CellType.INTEGER;
    }

    // ------------------------------------------------------------------ texts and attachments

    private void texts() {
        List<TextSection> sections = campaign.texts().stream().filter(s -> !TextSection.TITLE.equals(s.key())).toList();
        if (sections.isEmpty()) {
            return;
        }
        docx.pageBreak();
        docx.heading("典型经验", Docx.ER_HAO, ParagraphAlignment.CENTER);
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int i = 0; i < sections.size(); i++) {
            TextSection section = sections.get(i);
            String number = i < numbers.length ? numbers[i] : String.valueOf(i + 1);
            docx.heading("（" + number + "）" + section.label() + "（" + section.maxChars() + "字以内）", Docx.SI_HAO,
                    ParagraphAlignment.LEFT);
            String value = detail == null ? null : detail.texts().get(section.key());
            docx.blockControl("texts." + section.key(), section.label(), value,
                    "（请在此填写" + section.label() + "，" + section.maxChars() + "字以内；可分段。）");
        }
    }

    private void attachments() {
        docx.heading("附件清单", Docx.SAN_HAO, ParagraphAlignment.CENTER);
        Docx.Grid grid = docx.new Grid(6, 34, 30, 30);
        List<XWPFTableCell> header = grid.row(true, Span.of(1), Span.of(1), Span.of(1), Span.of(1));
        label(header.get(0), "序号");
        label(header.get(1), "附件");
        label(header.get(2), "要求");
        label(header.get(3), detail == null ? "备注" : "已上传的文件");
        int number = 1;
        for (AttachmentKind kind : campaign.attachments().kinds()) {
            List<XWPFTableCell> row = grid.row(false, Span.of(1), Span.of(1), Span.of(1), Span.of(1));
            Docx.cellText(row.get(0), String.valueOf(number++), Font.cell(), ParagraphAlignment.CENTER);
            Docx.cellText(row.get(1), kind.label(), Font.cell(), ParagraphAlignment.LEFT);
            Docx.cellText(row.get(2), (kind.required() ? "必交；" : "选交；") + String.join("、", kind.extensions())
                    + (kind.maxFileSize() == null ? "" : "，单个文件不超过" + size(kind.maxFileSize().toBytes())),
                    Font.cell(), ParagraphAlignment.LEFT);
            String files = detail == null ? "" : detail.attachments().stream()
                    .filter(a -> a.kind().equals(kind.code())).map(AttachmentView::name)
                    .collect(Collectors.joining("\n"));
            Docx.cellText(row.get(3), files, Font.cell(), ParagraphAlignment.LEFT);
        }
    }

    private static String size(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb >= 1024 && mb % 1024 == 0 ? mb / 1024 + "GB" : mb + "MB";
    }

    // ------------------------------------------------------------------ cells

    record Option(String value, String label) {
    }

    private static List<Option> enumOptions(OwnershipType[] values) {
        List<Option> options = new ArrayList<>();
        for (OwnershipType value : values) {
            options.add(new Option(value.name(), value.label()));
        }
        return options;
    }

    private static void label(XWPFTableCell cell, String text) {
        Docx.cellText(cell, text, Font.cell().emphasised(), ParagraphAlignment.CENTER);
    }

    private void value(XWPFTableCell cell, String key, String alias, String value) {
        CTP p = Docx.cellText(cell, null, Font.cell(), ParagraphAlignment.LEFT);
        docx.textControl(p, key, alias, value, SHORT_BLANK, Font.cell(), false);
    }

    private void wide(Docx.Grid grid, String key, String label, String value) {
        List<XWPFTableCell> cells = grid.row(false, Span.of(1), Span.of(3));
        label(cells.get(0), label);
        value(cells.get(1), key, label, value);
    }

    private void pair(Docx.Grid grid, String leftKey, String leftLabel, String leftValue, String rightKey,
            String rightLabel, String rightValue) {
        List<XWPFTableCell> cells = grid.row(false, Span.of(1), Span.of(1), Span.of(1), Span.of(1));
        label(cells.get(0), leftLabel);
        value(cells.get(1), leftKey, leftLabel, leftValue);
        label(cells.get(2), rightLabel);
        value(cells.get(3), rightKey, rightLabel, rightValue);
    }

    private void choiceRow(Docx.Grid grid, String key, String label, List<Option> options, Set<String> chosen) {
        List<XWPFTableCell> cells = grid.row(false, Span.of(1), Span.of(3));
        label(cells.get(0), label);
        checkboxes(cells.get(1), key, options, chosen);
    }

    private void checkboxes(XWPFTableCell cell, String key, List<Option> options, Set<String> chosen) {
        CTP p = Docx.cellText(cell, null, Font.cell(), ParagraphAlignment.LEFT);
        for (Option option : options) {
            docx.checkbox(p, key, option.value(), option.label(), chosen.contains(option.value()), Font.cell());
        }
    }

    private void note(String text) {
        XWPFParagraph paragraph = docx.paragraph(ParagraphAlignment.LEFT);
        paragraph.setSpacingAfter(120);
        Docx.run(paragraph.getCTP(), text, new Font(Docx.SONG, Docx.WU_HAO, false));
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal n ? n.toPlainString() : value.toString();
    }
}
