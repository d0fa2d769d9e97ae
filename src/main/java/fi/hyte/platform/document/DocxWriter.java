package fi.hyte.platform.document;

import fi.hyte.platform.document.Document.Block;
import fi.hyte.platform.document.Document.Column;
import fi.hyte.platform.document.Document.Emphasis;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.Item;
import fi.hyte.platform.document.Document.ItemList;
import fi.hyte.platform.document.Document.Link;
import fi.hyte.platform.document.Document.Paragraph;
import fi.hyte.platform.document.Document.Picture;
import fi.hyte.platform.document.Document.Quote;
import fi.hyte.platform.document.Document.Run;
import fi.hyte.platform.document.Document.Section;
import fi.hyte.platform.document.Document.Strong;
import fi.hyte.platform.document.Document.Table;
import fi.hyte.platform.document.Document.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.IRunBody;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;
import org.springframework.context.MessageSource;

/**
 * The same document as a DOCX for those who edit it further: the title and headings in Word's own
 * styles (so the navigation pane, a table of contents and screen readers find them), emphasis,
 * strong text and real hyperlinks, lists in Word's own numbering (bullets and decimals, not typed
 * characters), quotations in the Quote style, real tables with a repeating header row, each figure
 * as a PNG and each picture as itself with its alternative text (the picture's description), A4
 * pages with the running title and page numbers.
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
    private static final String LINK_COLOUR = "1A4B8C";
    /** A list level's indent and the hanging room for its bullet or number, in twentieths of a point. */
    private static final int LIST_INDENT = 425;

    /** The paragraph style of a table cell's text. */
    private static final String TABLE_TEXT = "TableText";

    private static final String[] BULLETS = {"\u2022", "\u2013", "\u2022"};

    private final Document document;
    private final Outline outline;
    private final MessageSource messages;
    private final Function<String, Raster.Png> raster;
    private final XWPFDocument docx = new XWPFDocument();
    private XWPFNumbering numbering;
    private BigInteger bullets;
    private BigInteger numbers;

    private DocxWriter(Document document, MessageSource messages, Function<String, Raster.Png> raster) {
        this.document = document;
        this.outline = new Outline(document);
        this.messages = messages;
        this.raster = raster;
    }

    /**
     * Writes the DOCX.
     *
     * @param raster an SVG figure as a PNG: {@link Raster#of}, or a cache in front of it
     */
    static void write(
            Document document, MessageSource messages, Function<String, Raster.Png> raster, OutputStream out) {
        DocxWriter writer = new DocxWriter(document, messages, raster);
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
        add(styles, style("Normal", "Normal", -1, 20, false, "1A2233", 0, 120, true));
        add(styles, style("Title", "Title", -1, 48, true, HEADING_COLOUR, 2400, 240, false));
        add(styles, style("Subtitle", "Subtitle", -1, 26, false, "1A4B8C", 0, 480, false));
        add(styles, style("Heading1", "heading 1", 0, 30, true, HEADING_COLOUR, 480, 120, false));
        add(styles, style("Heading2", "heading 2", 1, 24, true, HEADING_COLOUR, 360, 80, false));
        add(styles, style("Heading3", "heading 3", 2, 21, true, HEADING_COLOUR, 240, 80, false));
        add(styles, style("Caption", "caption", -1, 18, true, "1A2233", 160, 80, false));
        // A table cell's text: 9 pt, no room after, once here instead of on each of thousands of cells.
        add(styles, style(TABLE_TEXT, "Table Text", -1, 18, false, "1A2233", 0, 0, false));
        add(styles, style("ListParagraph", "List Paragraph", -1, 20, false, "1A2233", 0, 60, false));
        CTStyle quotation = style("Quote", "Quote", -1, 20, false, "2D3748", 120, 120, false);
        CTPPrGeneral quote = quotation.getPPr();
        quote.addNewInd().setLeft(BigInteger.valueOf(LIST_INDENT));
        CTBorder rule = quote.addNewPBdr().addNewLeft();
        rule.setVal(STBorder.SINGLE);
        rule.setSz(BigInteger.valueOf(12));
        rule.setSpace(BigInteger.valueOf(8));
        rule.setColor("8A96A8");
        add(styles, quotation);
        // Word's own character style for links: the colour and underline a reader expects.
        CTStyle link = CTStyle.Factory.newInstance();
        link.setStyleId("Hyperlink");
        link.setType(STStyleType.CHARACTER);
        link.addNewName().setVal("Hyperlink");
        link.addNewUiPriority().setVal(BigInteger.valueOf(99));
        CTRPr linkRun = link.addNewRPr();
        linkRun.addNewColor().setVal(LINK_COLOUR);
        linkRun.addNewU().setVal(STUnderline.SINGLE);
        add(styles, link);
    }

    /** Adds a style to the part (a copy of it: change it before). */
    private static void add(XWPFStyles styles, CTStyle style) {
        styles.addStyle(new XWPFStyle(style, styles));
    }

    /** A paragraph style based on Normal (or Normal itself), to add. */
    private static CTStyle style(
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
        return style;
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
                runs(docx.createParagraph(), paragraph.runs(), paragraph.language());
            } else if (block instanceof ItemList list) {
                list(list, 0);
            } else if (block instanceof Quote quote) {
                for (Paragraph paragraph : quote.paragraphs()) {
                    XWPFParagraph text = docx.createParagraph();
                    text.setStyle("Quote");
                    runs(text, paragraph.runs(), paragraph.language());
                }
            } else if (block instanceof Table table) {
                table(table, message("platform.document.table", outline.number(table)));
            } else if (block instanceof Figure figure) {
                figure(figure);
            } else if (block instanceof Picture picture) {
                picture(picture);
            }
        }
        for (Section child : section.sections()) {
            section(child);
        }
    }

    /** Text runs into a paragraph, emphasis as italics, strong as bold, a link as one hyperlink. */
    private static void runs(XWPFParagraph paragraph, List<Run> runs, Locale language) {
        runs(paragraph, runs, language, false, false, null);
    }

    private static void runs(
            XWPFParagraph paragraph,
            List<Run> runs,
            Locale language,
            boolean italic,
            boolean bold,
            CTHyperlink hyperlink) {
        for (Run run : runs) {
            if (run instanceof Text text) {
                XWPFRun piece = hyperlink == null
                        ? paragraph.createRun()
                        : new XWPFRun(hyperlink.addNewR(), (IRunBody) paragraph);
                if (hyperlink != null) {
                    piece.setStyle("Hyperlink");
                }
                if (italic) {
                    piece.setItalic(true);
                }
                if (bold) {
                    piece.setBold(true);
                }
                language(piece, language).setText(text.text());
            } else if (run instanceof Emphasis emphasis) {
                runs(paragraph, emphasis.runs(), language, true, bold, hyperlink);
            } else if (run instanceof Strong strong) {
                runs(paragraph, strong.runs(), language, italic, true, hyperlink);
            } else if (run instanceof Link link) {
                String id = paragraph
                        .getPart()
                        .getPackagePart()
                        .addExternalRelationship(link.target(), XWPFRelation.HYPERLINK.getRelation())
                        .getId();
                CTHyperlink target = paragraph.getCTP().addNewHyperlink();
                target.setId(id);
                target.setTooltip(link.text());
                runs(paragraph, link.runs(), language, italic, bold, target);
            }
        }
    }

    /**
     * A list in Word's numbering: each list its own numbering instance that starts from 1, its
     * items List Paragraphs at the list's level; an item's own list one level deeper.
     */
    private void list(ItemList list, int level) {
        BigInteger id = numbering().addNum(list.numbered() ? numbers : bullets);
        CTNumLvl restart = numbering.getNum(id).getCTNum().addNewLvlOverride();
        restart.setIlvl(BigInteger.valueOf(level));
        restart.addNewStartOverride().setVal(BigInteger.ONE);
        for (Item item : list.items()) {
            XWPFParagraph paragraph = docx.createParagraph();
            paragraph.setStyle("ListParagraph");
            paragraph.setNumID(id);
            paragraph.setNumILvl(BigInteger.valueOf(level));
            runs(paragraph, item.runs(), list.language());
            if (item.list() != null) {
                list(item.list(), level + 1);
            }
        }
    }

    /** The document's numbering part with its two kinds of list, made when the first list comes. */
    private XWPFNumbering numbering() {
        if (numbering == null) {
            numbering = docx.createNumbering();
            bullets = numbering.addAbstractNum(new XWPFAbstractNum(listKind(0, false)));
            numbers = numbering.addAbstractNum(new XWPFAbstractNum(listKind(1, true)));
        }
        return numbering;
    }

    private static CTAbstractNum listKind(int id, boolean numbered) {
        CTAbstractNum kind = CTAbstractNum.Factory.newInstance();
        kind.setAbstractNumId(BigInteger.valueOf(id));
        for (int level = 0; level < Document.MAX_LIST_DEPTH; level++) {
            CTLvl lvl = kind.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(numbered ? STNumberFormat.DECIMAL : STNumberFormat.BULLET);
            lvl.addNewLvlText().setVal(numbered ? "%" + (level + 1) + "." : BULLETS[level]);
            lvl.addNewLvlJc().setVal(STJc.LEFT);
            CTInd indent = lvl.addNewPPr().addNewInd();
            indent.setLeft(BigInteger.valueOf((long) LIST_INDENT * (level + 1)));
            indent.setHanging(BigInteger.valueOf(LIST_INDENT));
            var fonts = lvl.addNewRPr().addNewRFonts();
            fonts.setAscii(FONT);
            fonts.setHAnsi(FONT);
        }
        return kind;
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
        Raster.Png png = raster.apply(figure.svg());
        drawing(
                png.bytes(),
                org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                "figure-" + outline.number(figure) + ".png",
                png.width(),
                png.height(),
                figure.alt(),
                figure.caption());
        if (figure.data() != null) {
            table(figure.data(), null);
        }
    }

    private void picture(Picture picture) {
        caption(message("platform.document.figure", outline.number(picture)), picture.caption())
                .setKeepNext(true);
        int[] pixels = Pixels.of(picture);
        boolean png = picture.isPng();
        drawing(
                picture.image(),
                png
                        ? org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG
                        : org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_JPEG,
                "picture-" + outline.number(picture) + (png ? ".png" : ".jpg"),
                pixels[0],
                pixels[1],
                picture.alt(),
                picture.caption());
    }

    /**
     * A picture in its own paragraph, at its CSS pixels (0.75 pt each) but at most the text
     * column wide, with the alternative text in the drawing's and the picture's description.
     */
    private void drawing(
            byte[] image, int type, String name, int pixelWidth, int pixelHeight, String alt, String title) {
        double width = Math.min(TEXT_WIDTH_PT, pixelWidth * 0.75);
        double height = width * pixelHeight / pixelWidth;
        XWPFParagraph paragraph = docx.createParagraph();
        XWPFRun run = paragraph.createRun();
        try {
            run.addPicture(new ByteArrayInputStream(image), type, name, Units.toEMU(width), Units.toEMU(height));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
        CTInline inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
        inline.getDocPr().setDescr(alt);
        inline.getDocPr().setTitle(title);
        run.getEmbeddedPictures().get(0).getCTPicture().getNvPicPr().getCNvPr().setDescr(alt);
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

    /**
     * A cell's text in the Table Text style (9 pt, no room after): the same look as direct
     * formatting on each cell, with a third of the XML (issue 12: a table cell was three property
     * elements, written 12,000 times for the report benchmark's tables). Only header cells are bold.
     */
    private static void cellText(XWPFTableCell cell, String text, boolean numeric, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setStyle(TABLE_TEXT);
        if (numeric) {
            paragraph.setAlignment(ParagraphAlignment.RIGHT);
        }
        XWPFRun run = paragraph.createRun();
        if (bold) {
            run.setBold(true);
        }
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
