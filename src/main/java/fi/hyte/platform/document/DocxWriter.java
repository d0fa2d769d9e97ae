package fi.hyte.platform.document;

import fi.hyte.platform.document.Document.Block;
import fi.hyte.platform.document.Document.Column;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.Paragraph;
import fi.hyte.platform.document.Document.Section;
import fi.hyte.platform.document.Document.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.context.MessageSource;

/**
 * The same document as a DOCX for those who edit it further: the title and headings in Word's own
 * styles (so the navigation pane, a table of contents and screen readers find them), real tables
 * with a repeating header row, each figure as a PNG with its alternative text (the picture's
 * description), A4 pages with the running title and page numbers.
 */
final class DocxWriter {

    /** A4 in twentieths of a point, and margins of 25 mm (top, left) and 22 mm (right, bottom). */
    private static final int PAGE_WIDTH = 11906;

    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN_WIDE = 1417;
    private static final int MARGIN_NARROW = 1247;
    private static final double TEXT_WIDTH_PT = (PAGE_WIDTH - MARGIN_WIDE - MARGIN_NARROW) / 20.0;
    private static final String FONT = "Arial";
    private static final String HEADING_COLOUR = "0B2F5C";
    private static final String MUTED = "4A5568";
    private static final String RULE = "C5CCD6";

    private final Document document;
    private final Outline outline;
    private final MessageSource messages;
    private final XWPFDocument docx = new XWPFDocument();

    private DocxWriter(Document document, MessageSource messages) {
        this.document = document;
        this.outline = new Outline(document);
        this.messages = messages;
    }

    static void write(Document document, MessageSource messages, OutputStream out) {
        DocxWriter writer = new DocxWriter(document, messages);
        try (XWPFDocument docx = writer.docx) {
            writer.write();
            docx.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() {
        properties();
        styles();
        page();
        cover();
        for (Section section : document.sections()) {
            section(section);
        }
    }

    private void properties() {
        var core = docx.getProperties().getCoreProperties();
        core.setTitle(document.title());
        if (document.author() != null) {
            core.setCreator(document.author());
        }
        if (document.subtitle() != null) {
            core.setSubjectProperty(document.subtitle());
        }
        core.getUnderlyingProperties().setLanguageProperty(document.language().toLanguageTag());
    }

    private void styles() {
        XWPFStyles styles = docx.createStyles();
        // The document's language for spelling and for screen readers, on every run by default.
        styles.setSpellingLanguage(tag(document.language()));
        style(styles, "Normal", "Normal", -1, 20, false, "1A2233", 0, 120, true);
        style(styles, "Title", "Title", -1, 48, true, HEADING_COLOUR, 2400, 240, false);
        style(styles, "Subtitle", "Subtitle", -1, 26, false, "1A4B8C", 0, 480, false);
        style(styles, "Heading1", "heading 1", 0, 30, true, HEADING_COLOUR, 480, 120, false);
        style(styles, "Heading2", "heading 2", 1, 24, true, HEADING_COLOUR, 360, 80, false);
        style(styles, "Heading3", "heading 3", 2, 21, true, HEADING_COLOUR, 240, 80, false);
        style(styles, "Caption", "caption", -1, 18, true, "1A2233", 160, 80, false);
    }

    private static void style(
            XWPFStyles styles,
            String id,
            String name,
            int outlineLevel,
            int halfPoints,
            boolean bold,
            String colour,
            int before,
            int after,
            boolean isDefault) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (isDefault) {
            style.setDefault(true);
        } else {
            style.addNewBasedOn().setVal("Normal");
            style.addNewNext().setVal("Normal");
        }
        style.addNewQFormat();
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(before));
        paragraph.getSpacing().setAfter(BigInteger.valueOf(after));
        if (outlineLevel >= 0) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
            paragraph.addNewKeepNext();
        }
        CTRPr run = style.addNewRPr();
        var fonts = run.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        if (bold) {
            run.addNewB();
        }
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        run.addNewColor().setVal(colour);
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private void page() {
        CTSectPr section = docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_WIDE));
        margins.setLeft(BigInteger.valueOf(MARGIN_WIDE));
        margins.setRight(BigInteger.valueOf(MARGIN_NARROW));
        margins.setBottom(BigInteger.valueOf(MARGIN_NARROW));
        margins.setHeader(BigInteger.valueOf(709));
        margins.setFooter(BigInteger.valueOf(709));
        // The cover has no running title or page number: its own empty first-page header and footer.
        section.addNewTitlePg();
        docx.createHeader(HeaderFooterType.FIRST).createParagraph();
        docx.createFooter(HeaderFooterType.FIRST).createParagraph();
        XWPFHeader header = docx.createHeader(HeaderFooterType.DEFAULT);
        muted(header.createParagraph().createRun()).setText(document.title());
        XWPFFooter footer = docx.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph numbers = footer.createParagraph();
        numbers.setAlignment(ParagraphAlignment.RIGHT);
        muted(numbers.createRun()).setText(message("platform.document.page") + " ");
        field(numbers, "PAGE");
        muted(numbers.createRun()).setText(" / ");
        field(numbers, "NUMPAGES");
    }

    private static void field(XWPFParagraph paragraph, String instruction) {
        var field = paragraph.getCTP().addNewFldSimple();
        field.setInstr(instruction + " \\* MERGEFORMAT");
        var run = field.addNewR();
        run.addNewRPr().addNewColor().setVal(MUTED);
        run.getRPr().addNewSz().setVal(BigInteger.valueOf(16));
        run.addNewT().setStringValue("1");
    }

    private static XWPFRun muted(XWPFRun run) {
        run.setColor(MUTED);
        run.setFontSize(8);
        return run;
    }

    private void cover() {
        if (document.author() != null) {
            XWPFParagraph author = docx.createParagraph();
            author.setSpacingBefore(2400);
            muted(author.createRun()).setText(document.author());
            author.getRuns().get(0).setFontSize(11);
        }
        XWPFParagraph title = docx.createParagraph();
        title.setStyle("Title");
        title.createRun().setText(document.title());
        if (document.subtitle() != null) {
            XWPFParagraph subtitle = docx.createParagraph();
            subtitle.setStyle("Subtitle");
            subtitle.createRun().setText(document.subtitle());
        }
        XWPFParagraph last = docx.createParagraph();
        if (document.date() != null) {
            muted(last.createRun()).setText(document.date());
            last.getRuns().get(0).setFontSize(10);
        }
        last.createRun().addBreak(BreakType.PAGE);
    }

    private void section(Section section) {
        XWPFParagraph heading = docx.createParagraph();
        heading.setStyle("Heading" + outline.level(section));
        language(heading.createRun(), section.language()).setText(section.heading());
        for (Block block : section.blocks()) {
            if (block instanceof Paragraph paragraph) {
                language(docx.createParagraph().createRun(), paragraph.language())
                        .setText(paragraph.text());
            } else if (block instanceof Table table) {
                table(table, message("platform.document.table", outline.number(table)));
            } else if (block instanceof Figure figure) {
                figure(figure);
            }
        }
        for (Section child : section.sections()) {
            section(child);
        }
    }

    private static XWPFRun language(XWPFRun run, Locale language) {
        if (language != null) {
            run.setLang(tag(language));
        }
        return run;
    }

    private void figure(Figure figure) {
        caption(message("platform.document.figure", outline.number(figure)), figure.caption())
                .setKeepNext(true);
        Raster.Png png = Raster.of(figure.svg());
        double width = Math.min(TEXT_WIDTH_PT, png.width() * 0.75);
        double height = width * png.height() / png.width();
        XWPFParagraph paragraph = docx.createParagraph();
        XWPFRun run = paragraph.createRun();
        try {
            run.addPicture(
                    new ByteArrayInputStream(png.bytes()),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    "figure-" + outline.number(figure) + ".png",
                    Units.toEMU(width),
                    Units.toEMU(height));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
        CTInline inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
        inline.getDocPr().setDescr(figure.alt());
        inline.getDocPr().setTitle(figure.caption());
        run.getEmbeddedPictures().get(0).getCTPicture().getNvPicPr().getCNvPr().setDescr(figure.alt());
        if (figure.data() != null) {
            table(figure.data(), null);
        }
    }

    private XWPFParagraph caption(String label, String text) {
        XWPFParagraph caption = docx.createParagraph();
        caption.setStyle("Caption");
        if (label != null) {
            caption.createRun().setText(label + " ");
        }
        caption.createRun().setText(text);
        return caption;
    }

    private void table(Table table, String label) {
        caption(label, table.caption()).setKeepNext(true);
        List<Column> columns = table.columns();
        XWPFTable grid = docx.createTable(1 + table.rows().size(), columns.size());
        grid.setTableAlignment(TableRowAlign.LEFT);
        CTTblWidth width = grid.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.PCT);
        width.setW(BigInteger.valueOf(5000));
        grid.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
        grid.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
        grid.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
        grid.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        grid.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        grid.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        XWPFTableRow header = grid.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns.size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor("EEF2F7");
            cellText(cell, columns.get(c).heading(), columns.get(c).numeric(), true);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            XWPFTableRow row = grid.getRow(r + 1);
            row.setCantSplitRow(true);
            List<String> cells = table.rows().get(r);
            for (int c = 0; c < columns.size(); c++) {
                cellText(row.getCell(c), cells.get(c), columns.get(c).numeric(), false);
            }
        }
        // Word runs two tables together without a paragraph between them.
        docx.createParagraph();
    }

    private static void cellText(XWPFTableCell cell, String text, boolean numeric, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setSpacingAfter(0);
        if (numeric) {
            paragraph.setAlignment(ParagraphAlignment.RIGHT);
        }
        XWPFRun run = paragraph.createRun();
        run.setFontSize(9);
        run.setBold(bold);
        run.setText(text);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, document.language());
    }

    /** Word wants a region with the language (fi-FI, sv-FI, en-GB). */
    private static String tag(Locale language) {
        if (!language.getCountry().isEmpty()) {
            return language.toLanguageTag();
        }
        return switch (language.getLanguage()) {
            case "fi", "sv" -> language.getLanguage() + "-FI";
            case "en" -> "en-GB";
            default -> language.toLanguageTag();
        };
    }
}
