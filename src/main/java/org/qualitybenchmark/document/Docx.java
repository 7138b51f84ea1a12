package org.qualitybenchmark.document;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.namespace.QName;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTMarkupRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * The Word building blocks of the form: an A4 page with the margins of government documents,
 * runs in Chinese fonts (the East Asian font set on every run, so that Word and WPS do not fall
 * back to a Latin font for the Chinese), bordered tables on a fixed grid, and content controls.
 * Runs are added through the XML beans in document order, so that controls and plain runs keep
 * the order they are written in.
 */
final class Docx {

    static final String SONG = "宋体";
    static final String HEI = "黑体";
    static final String FANGSONG = "仿宋";
    static final String LATIN = "Times New Roman";
    /** The font Word itself uses for the boxes of its check box controls. */
    static final String BOX_FONT = "MS Gothic";
    static final String CHECKED = "☒";
    static final String UNCHECKED = "☐";

    /** A4 and the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_LEFT = 1588;
    static final int MARGIN_RIGHT = 1474;
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    /** Font sizes by their Chinese names, in points. */
    static final double XIAO_CHU = 26;
    static final double ER_HAO = 22;
    static final double SAN_HAO = 16;
    static final double SI_HAO = 14;
    static final double XIAO_SI = 12;
    static final double WU_HAO = 10.5;

    private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private static final String PLACEHOLDER_COLOR = "808080";

    private final XWPFDocument document;
    private final AtomicLong ids = new AtomicLong(1000);

    Docx(XWPFDocument document) {
        this.document = document;
        CTBody body = document.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(992));
    }

    XWPFDocument document() {
        return document;
    }

    // ------------------------------------------------------------------ paragraphs and runs

    /** A run's look. */
    record Font(String eastAsia, double size, boolean bold) {
        static Font body() {
            return new Font(SONG, XIAO_SI, false);
        }

        static Font cell() {
            return new Font(SONG, WU_HAO, false);
        }

        Font emphasised() {
            return new Font(eastAsia, size, true);
        }
    }

    XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    /** A paragraph of body text, first line indented by two characters as Chinese documents are. */
    XWPFParagraph bodyText(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(480);
        paragraph.setSpacingBetween(1.5);
        run(paragraph.getCTP(), text, Font.body());
        return paragraph;
    }

    XWPFParagraph heading(String text, double size, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = paragraph(alignment);
        paragraph.setSpacingBefore(240);
        paragraph.setSpacingAfter(120);
        paragraph.setKeepNext(true);
        run(paragraph.getCTP(), text, new Font(HEI, size, false));
        return paragraph;
    }

    void pageBreak() {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.getCTP().addNewR().addNewBr().setType(STBrType.PAGE);
    }

    static CTR run(CTP paragraph, String text, Font font) {
        CTR run = paragraph.addNewR();
        style(run, font, null);
        text(run, text);
        return run;
    }

    static void style(CTR run, Font font, String color) {
        CTRPr properties = run.isSetRPr() ? run.getRPr() : run.addNewRPr();
        CTFonts fonts = properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0) : properties.addNewRFonts();
        boolean box = BOX_FONT.equals(font.eastAsia());
        fonts.setAscii(box ? BOX_FONT : LATIN);
        fonts.setHAnsi(box ? BOX_FONT : LATIN);
        fonts.setEastAsia(font.eastAsia());
        if (font.bold()) {
            properties.addNewB();
        }
        if (color != null) {
            properties.addNewColor().setVal(color);
        }
        BigInteger halfPoints = BigInteger.valueOf(Math.round(font.size() * 2));
        properties.addNewSz().setVal(halfPoints);
        properties.addNewSzCs().setVal(halfPoints);
    }

    /** Text with its line breaks as Word's breaks, spaces kept. */
    static void text(CTR run, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addNewBr();
            }
            CTText t = run.addNewT();
            t.setStringValue(lines[i]);
            t.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        }
    }

    // ------------------------------------------------------------------ content controls

    /**
     * A plain-text content control inside a paragraph, tagged with the field's key; empty, it
     * shows {@code placeholder} in grey until the user types. Locked against deletion (not
     * against editing), so that the value keeps its tag.
     */
    CTSdtRun textControl(CTP paragraph, String key, String alias, String value, String placeholder, Font font,
            boolean deletable) {
        CTSdtRun control = paragraph.addNewSdt();
        CTSdtPr properties = control.addNewSdtPr();
        boolean empty = value == null || value.isEmpty();
        describe(properties, FormTags.value(key), alias, empty, deletable);
        properties.addNewText().setMultiLine(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1.ON);
        CTR run = control.addNewSdtContent().addNewR();
        style(run, font, empty ? PLACEHOLDER_COLOR : null);
        text(run, empty ? placeholder : value);
        return control;
    }

    /**
     * A check box content control for one option of a choice: Word toggles it on a click and
     * keeps its tag; the option's words follow it as plain text.
     */
    void checkbox(CTP paragraph, String key, String option, String label, boolean checked, Font font) {
        CTSdtRun control = paragraph.addNewSdt();
        CTSdtPr properties = control.addNewSdtPr();
        describe(properties, FormTags.option(key, option), label, false, false);
        try (XmlCursor cursor = properties.newCursor()) {
            cursor.toEndToken();
            cursor.beginElement(new QName(W14, "checkbox", "w14"));
            cursor.beginElement(new QName(W14, "checked", "w14"));
            cursor.insertAttributeWithValue(new QName(W14, "val", "w14"), checked ? "1" : "0");
            cursor.toNextToken();
            insertState(cursor, "checkedState", "2612");
            insertState(cursor, "uncheckedState", "2610");
        }
        CTR box = control.addNewSdtContent().addNewR();
        style(box, new Font(BOX_FONT, font.size(), false), null);
        text(box, checked ? CHECKED : UNCHECKED);
        run(paragraph, label + "　", font);
    }

    private static void insertState(XmlCursor cursor, String name, String value) {
        cursor.beginElement(new QName(W14, name, "w14"));
        cursor.insertAttributeWithValue(new QName(W14, "val", "w14"), value);
        cursor.insertAttributeWithValue(new QName(W14, "font", "w14"), BOX_FONT);
        cursor.toNextToken();
    }

    /** A control around whole paragraphs, for the long texts: one paragraph per line of the text. */
    CTSdtBlock blockControl(String key, String alias, String value, String placeholder) {
        CTSdtBlock control = document.getDocument().getBody().addNewSdt();
        CTSdtPr properties = control.addNewSdtPr();
        boolean empty = value == null || value.isEmpty();
        describe(properties, FormTags.value(key), alias, empty, false);
        properties.addNewRichText();
        var content = control.addNewSdtContent();
        for (String line : (empty ? placeholder : value).split("\n", -1)) {
            CTP paragraph = content.addNewP();
            var pPr = paragraph.addNewPPr();
            pPr.addNewInd().setFirstLine(BigInteger.valueOf(480));
            var spacing = pPr.addNewSpacing();
            spacing.setLine(BigInteger.valueOf(360));
            pPr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.BOTH);
            CTR run = paragraph.addNewR();
            style(run, Font.body(), empty ? PLACEHOLDER_COLOR : null);
            text(run, line);
        }
        return control;
    }

    private void describe(CTSdtPr properties, String tag, String alias, boolean placeholder, boolean deletable) {
        properties.addNewAlias().setVal(alias);
        properties.addNewTag().setVal(tag);
        properties.addNewId().setVal(BigInteger.valueOf(ids.incrementAndGet()));
        if (!deletable) {
            properties.addNewLock().setVal(STLock.SDT_LOCKED);
        }
        if (placeholder) {
            properties.addNewShowingPlcHdr();
        }
    }

    /** A hidden bookmark (its name starts with an underscore) by which the reader finds a table again. */
    void bookmark(CTP paragraph, String name) {
        long id = ids.incrementAndGet();
        CTBookmark start = paragraph.addNewBookmarkStart();
        start.setId(BigInteger.valueOf(id));
        start.setName(name);
        CTMarkupRange end = paragraph.addNewBookmarkEnd();
        end.setId(BigInteger.valueOf(id));
    }

    /** A centred page number in the footer: — 1 —. */
    void pageNumbers() {
        var footer = document.createFooter(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = footer.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        CTP p = paragraph.getCTP();
        run(p, "— ", new Font(SONG, XIAO_SI, false));
        style(p.addNewR(), new Font(SONG, XIAO_SI, false), null);
        p.getRArray(p.sizeOfRArray() - 1).addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTR instruction = p.addNewR();
        style(instruction, new Font(SONG, XIAO_SI, false), null);
        instruction.addNewInstrText().setStringValue(" PAGE ");
        CTR separate = p.addNewR();
        separate.addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", new Font(SONG, XIAO_SI, false));
        CTR end = p.addNewR();
        end.addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", new Font(SONG, XIAO_SI, false));
    }

    // ------------------------------------------------------------------ tables

    /** One cell of a {@link Grid} row: how many grid columns it spans and whether it continues a vertical merge. */
    record Span(int columns, Merge merge, boolean shaded) {
        static Span of(int columns) {
            return new Span(columns, Merge.NONE, false);
        }
    }

    enum Merge { NONE, RESTART, CONTINUE }

    /** A bordered table on a fixed grid of column widths (twips), filling the text width. */
    final class Grid {
        final XWPFTable table;
        private final int[] widths;
        private boolean first = true;

        Grid(int... weights) {
            table = document.createTable();
            int total = 0;
            for (int weight : weights) {
                total += weight;
            }
            widths = new int[weights.length];
            int used = 0;
            for (int i = 0; i < weights.length; i++) {
                widths[i] = i == weights.length - 1 ? TEXT_WIDTH - used : TEXT_WIDTH * weights[i] / total;
                used += widths[i];
            }
            CTTblPr properties = table.getCTTbl().getTblPr();
            CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
            width.setType(STTblWidth.DXA);
            width.setW(BigInteger.valueOf(TEXT_WIDTH));
            CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
            layout.setType(STTblLayoutType.FIXED);
            properties.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable.CENTER);
            CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
            while (grid.sizeOfGridColArray() > 0) {
                grid.removeGridCol(0);
            }
            for (int w : widths) {
                grid.addNewGridCol().setW(BigInteger.valueOf(w));
            }
            for (var border : List.<java.util.function.Consumer<XWPFTable>>of(
                    t -> t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000"),
                    t -> t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000"),
                    t -> t.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000"),
                    t -> t.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000"),
                    t -> t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                    t -> t.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"))) {
                border.accept(table);
            }
            table.setCellMargins(40, 80, 40, 80);
        }

        /** A new row with cells of these spans; a header row repeats on each page the table runs over. */
        List<XWPFTableCell> row(boolean header, Span... spans) {
            XWPFTableRow row;
            if (first) {
                row = table.getRow(0);
                while (!row.getTableCells().isEmpty()) {
                    row.removeCell(0);
                }
                first = false;
            } else {
                row = table.createRow();
                while (!row.getTableCells().isEmpty()) {
                    row.removeCell(0);
                }
            }
            row.setCantSplitRow(true);
            if (header) {
                row.setRepeatHeader(true);
            }
            int column = 0;
            List<XWPFTableCell> cells = new java.util.ArrayList<>();
            for (Span span : spans) {
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int width = 0;
                for (int i = column; i < column + span.columns() && i < widths.length; i++) {
                    width += widths[i];
                }
                CTTblWidth w = properties.addNewTcW();
                w.setType(STTblWidth.DXA);
                w.setW(BigInteger.valueOf(width));
                if (span.columns() > 1) {
                    properties.addNewGridSpan().setVal(BigInteger.valueOf(span.columns()));
                }
                if (span.merge() != Merge.NONE) {
                    properties.addNewVMerge().setVal(span.merge() == Merge.RESTART ? STMerge.RESTART : STMerge.CONTINUE);
                }
                if (span.shaded() || header) {
                    CTShd shading = properties.addNewShd();
                    shading.setVal(STShd.CLEAR);
                    shading.setColor("auto");
                    shading.setFill(header ? "F2F2F2" : "D9D9D9");
                }
                properties.addNewVAlign().setVal(STVerticalJc.CENTER);
                if (cell.getParagraphs().isEmpty()) {
                    cell.addParagraph();
                }
                column += span.columns();
                cells.add(cell);
            }
            return cells;
        }
    }

    /** Writes plain text into a cell's first paragraph. */
    static CTP cellText(XWPFTableCell cell, String text, Font font, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(0);
        if (text != null && !text.isEmpty()) {
            run(paragraph.getCTP(), text, font);
        }
        return paragraph.getCTP();
    }
}
