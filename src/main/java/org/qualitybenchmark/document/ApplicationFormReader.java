package org.qualitybenchmark.document;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;

import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TableLayout;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * Reads what an application form written by {@link ApplicationFormWriter} holds after the user
 * filled it in Word: every tagged content control's text or ticked boxes, and every statistics
 * table row by row. Rows the user added to a table whose rows are free are read by the position of
 * their cells, since Word inserts rows without content controls. Nothing is checked here beyond
 * the file itself: the values go through the case's rules afterwards.
 */
final class ApplicationFormReader {

    static final String FILE_FIELD = "file";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String SDT_PATH = "declare namespace w='" + W + "' .//w:sdt";
    private static final String BOOKMARK_PATH = "declare namespace w='" + W + "' .//w:bookmarkStart";
    private static final String TICKS = "☒☑■√✓✔✗✘xX";

    private ApplicationFormReader() {
    }

    /** A value as the form holds it: the text of a control, or the boxes ticked among a choice's. */
    record Value(String text, List<String> ticked, boolean choice) {
        static Value text(String text) {
            return new Value(text, List.of(), false);
        }

        boolean blank() {
            return choice ? ticked.isEmpty() : text == null || text.isBlank();
        }
    }

    /** A row the applicant added to a table: its label, unit and cells by column key. */
    record FreeRow(int number, Value label, Value unit, Map<String, Value> cells) {
    }

    /** A statistics table: fixed rows by key (cells by column key), added rows in order, faults of its shape. */
    record Table(Map<String, Map<String, Value>> rows, List<FreeRow> freeRows, List<String> problems) {
    }

    /**
     * What the file holds.
     *
     * @param campaign   the campaign code the form was made for, if it says
     * @param caseNumber the case it was made from, if any
     * @param values     the one-value controls by key ({@code enterprise.name}, {@code fields.validPatents})
     * @param tables     the statistics tables by field key
     */
    record Content(String campaign, String caseNumber, Map<String, Value> values, Map<String, Table> tables) {
        boolean tagged() {
            return !values.isEmpty() || !tables.isEmpty();
        }
    }

    /** Reads the file, or refuses it with a message saying what the file is and what to do. */
    static Content read(byte[] bytes, CampaignDefinitionLookup campaigns) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0) {
            throw refused("file.legacyWord", "这是旧版 Word（.doc）或其他 Office 97–2003 文件，无法读取；请在 Word 中“另存为”Word 文档（.docx）后再导入");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw refused("file.notDocx", "该文件不是 Word 文档（.docx），无法读取；请上传从本系统下载、在 Word 中填写后保存的 .docx 文件");
        }
        XWPFDocument document;
        try {
            document = new XWPFDocument(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError e) {
            throw refused("file.corrupt", "文件已损坏或不是 Word 文档（.docx），无法打开；请在 Word 中重新保存为 .docx 后再导入");
        }
        try (document) {
            String campaign = property(document, FormTags.CAMPAIGN_PROPERTY);
            String caseNumber = property(document, FormTags.CASE_PROPERTY);
            Map<String, Value> values = new LinkedHashMap<>();
            readControls(document.getDocument(), values);
            Map<String, Table> tables = new LinkedHashMap<>();
            Optional<CampaignDefinition> definition = Optional.ofNullable(campaign).flatMap(campaigns::find);
            for (XWPFTable table : document.getTables()) {
                tableKey(table).ifPresent(key -> definition.flatMap(d -> d.field(key))
                        .filter(f -> f.type() == ExtraField.FieldType.TABLE)
                        .ifPresent(field -> tables.put(key, readTable(table, field))));
            }
            return new Content(campaign, caseNumber, values, tables);
        } catch (java.io.IOException e) {
            throw refused("file.corrupt", "文件已损坏，无法读取：" + e.getMessage());
        }
    }

    /** The campaigns the reader knows, by code. */
    interface CampaignDefinitionLookup {
        Optional<CampaignDefinition> find(String code);
    }

    private static RuleViolationException refused(String code, String message) {
        return new RuleViolationException(FILE_FIELD, code, message);
    }

    private static String property(XWPFDocument document, String name) {
        POIXMLProperties.CustomProperties custom = document.getProperties().getCustomProperties();
        CTProperty property = custom.getProperty(name);
        if (property == null) {
            return null;
        }
        String value = property.isSetLpwstr() ? property.getLpwstr() : property.isSetLpstr() ? property.getLpstr() : null;
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every tagged one-value control and box outside the statistics tables' cells. */
    private static void readControls(XmlObject root, Map<String, Value> values) {
        Map<String, List<String>> offered = new LinkedHashMap<>();
        Map<String, List<String>> ticked = new LinkedHashMap<>();
        for (XmlObject sdt : root.selectPath(SDT_PATH)) {
            Optional<FormTags.Tag> tag = tag(sdt);
            if (tag.isEmpty() || tag.get().key().contains("/")) {
                continue;
            }
            String key = tag.get().key();
            if (tag.get().isOption()) {
                offered.computeIfAbsent(key, k -> new ArrayList<>()).add(tag.get().option());
                List<String> chosen = ticked.computeIfAbsent(key, k -> new ArrayList<>());
                if (isTicked(sdt)) {
                    chosen.add(tag.get().option());
                }
            } else if (!values.containsKey(key)) {
                values.put(key, Value.text(placeholder(sdt) ? "" : content(sdt)));
            }
        }
        offered.keySet().forEach(key -> values.put(key, new Value(null, ticked.get(key), true)));
    }

    private static Optional<String> tableKey(XWPFTable table) {
        for (XmlObject bookmark : table.getCTTbl().selectPath(BOOKMARK_PATH)) {
            String name = attribute(bookmark, "name");
            if (name != null && name.startsWith(FormTags.TABLE_BOOKMARK)) {
                return Optional.of(name.substring(FormTags.TABLE_BOOKMARK.length()));
            }
        }
        for (XmlObject sdt : table.getCTTbl().selectPath(SDT_PATH)) {
            Optional<FormTags.Tag> tag = tag(sdt);
            if (tag.isPresent() && tag.get().key().startsWith("fields.") && tag.get().key().contains("/")) {
                String key = tag.get().key();
                return Optional.of(key.substring("fields.".length(), key.indexOf('/')));
            }
        }
        return Optional.empty();
    }

    private static Table readTable(XWPFTable table, ExtraField field) {
        TableLayout layout = field.table();
        Map<String, Map<String, Value>> rows = new LinkedHashMap<>();
        List<FreeRow> free = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean units = layout.hasUnits();
        int expectedCells = 1 + (units ? 1 : 0) + layout.columns().size();
        int freeNumber = 0;
        for (XWPFTableRow row : table.getRows()) {
            if (isHeader(row)) {
                continue;
            }
            Map<String, Map<String, Value>> cells = tableCells(row, field.key());
            Optional<String> fixed = cells.keySet().stream().filter(k -> !FormTags.FREE_ROW.equals(k)).findFirst();
            if (fixed.isPresent()) {
                if (rows.containsKey(fixed.get())) {
                    problems.add("「" + layout.row(fixed.get()).map(TableLayout.Row::name).orElse(fixed.get())
                            + "」行出现了两次，只读取第一行");
                } else {
                    rows.put(fixed.get(), cells.get(fixed.get()));
                }
                continue;
            }
            if (layout.freeRows() == null) {
                continue;
            }
            freeNumber++;
            List<XWPFTableCell> tcs = row.getTableCells();
            if (tcs.size() != expectedCells) {
                problems.add("增加的第" + freeNumber + "行有" + tcs.size() + "格，与表头的" + expectedCells + "格不符，未读取");
                continue;
            }
            int at = 0;
            Value label = layout.freeRows().label() != null ? cellValue(tcs.get(at)) : null;
            at++;
            Value unit = null;
            if (units) {
                unit = layout.freeRows().unit() ? cellValue(tcs.get(at)) : null;
                at++;
            }
            Map<String, Value> values = new LinkedHashMap<>();
            for (TableLayout.Column column : layout.columns()) {
                values.put(column.key(), cellValue(tcs.get(at++)));
            }
            boolean blank = (label == null || label.blank()) && (unit == null || unit.blank())
                    && values.values().stream().allMatch(Value::blank);
            if (!blank) {
                free.add(new FreeRow(freeNumber, label, unit, values));
            }
        }
        return new Table(rows, free, problems);
    }

    /** The tagged cells of a row: row key ({@code +} for an added row) → column key → value. */
    private static Map<String, Map<String, Value>> tableCells(XWPFTableRow row, String fieldKey) {
        Map<String, Map<String, Value>> cells = new LinkedHashMap<>();
        String prefix = "fields." + fieldKey + "/";
        for (XmlObject sdt : row.getCtRow().selectPath(SDT_PATH)) {
            Optional<FormTags.Tag> tag = tag(sdt);
            if (tag.isEmpty() || !tag.get().key().startsWith(prefix)) {
                continue;
            }
            String[] parts = tag.get().key().substring(prefix.length()).split("/", 2);
            if (parts.length != 2) {
                continue;
            }
            Map<String, Value> byColumn = cells.computeIfAbsent(parts[0], k -> new LinkedHashMap<>());
            if (tag.get().isOption()) {
                Value before = byColumn.getOrDefault(parts[1], new Value(null, List.of(), true));
                List<String> chosen = new ArrayList<>(before.ticked());
                if (isTicked(sdt)) {
                    chosen.add(tag.get().option());
                }
                byColumn.put(parts[1], new Value(null, chosen, true));
            } else {
                byColumn.put(parts[1], Value.text(placeholder(sdt) ? "" : content(sdt)));
            }
        }
        return cells;
    }

    /** A cell of an added row: its control's value, its boxes, or, in a row Word inserted, its plain text. */
    private static Value cellValue(XWPFTableCell cell) {
        List<String> offered = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        String text = null;
        for (XmlObject sdt : cell.getCTTc().selectPath(SDT_PATH)) {
            Optional<FormTags.Tag> tag = tag(sdt);
            if (tag.isPresent() && tag.get().isOption()) {
                offered.add(tag.get().option());
                if (isTicked(sdt)) {
                    chosen.add(tag.get().option());
                }
            } else if (text == null) {
                text = placeholder(sdt) ? "" : content(sdt);
            }
        }
        if (!offered.isEmpty()) {
            return new Value(null, chosen, true);
        }
        return Value.text(text != null ? text : cell.getText().strip());
    }

    private static boolean isHeader(XWPFTableRow row) {
        var properties = row.getCtRow().getTrPr();
        return properties != null && properties.sizeOfTblHeaderArray() > 0;
    }

    private static Optional<FormTags.Tag> tag(XmlObject sdt) {
        CTSdtPr properties = sdtPr(sdt);
        if (properties == null || !properties.isSetTag()) {
            return Optional.empty();
        }
        CTString tag = properties.getTag();
        return FormTags.parse(tag.getVal());
    }

    private static CTSdtPr sdtPr(XmlObject sdt) {
        XmlObject[] children = sdt.selectChildren(W, "sdtPr");
        return children.length == 0 ? null : (CTSdtPr) children[0];
    }

    private static boolean placeholder(XmlObject sdt) {
        CTSdtPr properties = sdtPr(sdt);
        if (properties == null || !properties.isSetShowingPlcHdr()) {
            return false;
        }
        Object on = properties.getShowingPlcHdr().getVal();
        // An absent w:val means on; Word writes "0" or "false" when the user's text replaced the placeholder.
        return on == null || !(on.toString().equals("0") || on.toString().equalsIgnoreCase("false")
                || on.toString().equalsIgnoreCase("off"));
    }

    private static boolean isTicked(XmlObject sdt) {
        String text = content(sdt);
        return text.chars().anyMatch(c -> TICKS.indexOf(c) >= 0);
    }

    /** The text of a control's content: runs joined, breaks and paragraph ends as new lines. */
    private static String content(XmlObject sdt) {
        XmlObject[] contents = sdt.selectChildren(W, "sdtContent");
        if (contents.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        boolean firstParagraph = true;
        try (XmlCursor cursor = contents[0].newCursor()) {
            int depth = 0;
            while (true) {
                XmlCursor.TokenType token = cursor.toNextToken();
                if (token == XmlCursor.TokenType.START) {
                    depth++;
                    String name = cursor.getName().getLocalPart();
                    boolean word = W.equals(cursor.getName().getNamespaceURI());
                    if (word && name.equals("p")) {
                        if (!firstParagraph) {
                            text.append('\n');
                        }
                        firstParagraph = false;
                    } else if (word && name.equals("t")) {
                        text.append(cursor.getTextValue());
                    } else if (word && (name.equals("br") || name.equals("cr"))) {
                        text.append('\n');
                    } else if (word && name.equals("tab")) {
                        text.append('\t');
                    } else if (word && (name.equals("sdtPr") || name.equals("rPr") || name.equals("pPr"))) {
                        cursor.toEndToken();
                        depth--;
                    }
                } else if (token == XmlCursor.TokenType.END || token == XmlCursor.TokenType.ENDDOC) {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (token == XmlCursor.TokenType.NONE) {
                    break;
                }
            }
        }
        return text.toString();
    }

    private static String attribute(XmlObject element, String name) {
        try (XmlCursor cursor = element.newCursor()) {
            String value = cursor.getAttributeText(new javax.xml.namespace.QName(W, name));
            return value;
        }
    }
}
