package fi.hyte.platform.document;

import fi.hyte.platform.document.Document.Block;
import fi.hyte.platform.document.Document.Emphasis;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.ItemList;
import fi.hyte.platform.document.Document.Link;
import fi.hyte.platform.document.Document.Picture;
import fi.hyte.platform.document.Document.Quote;
import fi.hyte.platform.document.Document.Run;
import fi.hyte.platform.document.Document.Section;
import fi.hyte.platform.document.Document.Strong;
import fi.hyte.platform.document.Document.Table;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A document's sections with their anchors and levels, and its figures and tables with their
 * numbers, counted once so that the PDF and the DOCX number alike. Identity maps: two equal
 * paragraphs are still two. Public only for the template's expressions.
 */
public final class Outline {

    /** The PDF's text column: A4 less the template's margins of 25 and 22 mm. */
    static final double TEXT_WIDTH_MM = 210 - 25 - 22;

    private final Map<Section, String> ids = new IdentityHashMap<>();
    private final Map<Section, Integer> levels = new IdentityHashMap<>();
    private final Map<Block, Integer> numbers = new IdentityHashMap<>();
    private int figures;
    private int tables;

    Outline(Document document) {
        visit(document.sections(), "s", 1);
    }

    private void visit(List<Section> sections, String prefix, int level) {
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            String id = prefix + "-" + (i + 1);
            ids.put(section, id);
            levels.put(section, level);
            for (Block block : section.blocks()) {
                if (block instanceof Figure || block instanceof Picture) {
                    numbers.put(block, ++figures);
                } else if (block instanceof Table) {
                    numbers.put(block, ++tables);
                }
            }
            visit(section.sections(), id, level + 1);
        }
    }

    /** The section's anchor, e.g. {@code s-2-1}. */
    public String id(Section section) {
        return ids.get(section);
    }

    /** 1 for a section of the document, 2 under it, 3 under that. */
    public int level(Section section) {
        return levels.get(section);
    }

    /** A figure's or table's number in the document (figures and tables counted apart). */
    public int number(Block block) {
        return numbers.get(block);
    }

    /** What the template draws: paragraph, list, quote, table, figure or picture. */
    public String kind(Block block) {
        if (block instanceof Figure) {
            return "figure";
        }
        if (block instanceof Picture) {
            return "picture";
        }
        if (block instanceof ItemList) {
            return "list";
        }
        if (block instanceof Quote) {
            return "quote";
        }
        return block instanceof Table ? "table" : "paragraph";
    }

    /** What the template writes for a run: text, emphasis, strong or link. */
    public String kind(Run run) {
        if (run instanceof Emphasis) {
            return "emphasis";
        }
        if (run instanceof Strong) {
            return "strong";
        }
        return run instanceof Link ? "link" : "text";
    }

    /** The picture inline in the page, as the PDF writer reads it (nothing is fetched). */
    public String source(Picture picture) {
        return "data:" + picture.mediaType() + ";base64," + Base64.getEncoder().encodeToString(picture.image());
    }

    /**
     * The picture's width on the page in millimetres: its pixels at 96 per inch, at most the text
     * column, so that a small picture is not blown up and a photograph fits.
     */
    public String width(Picture picture) {
        int[] pixels = Pixels.of(picture);
        double width = Math.min(TEXT_WIDTH_MM, pixels[0] * 25.4 / 96);
        return String.format(Locale.ROOT, "%.1fmm", width);
    }

    /** The picture's height on the page for {@link #width(Picture)}. */
    public String height(Picture picture) {
        int[] pixels = Pixels.of(picture);
        double width = Math.min(TEXT_WIDTH_MM, pixels[0] * 25.4 / 96);
        return String.format(Locale.ROOT, "%.1fmm", width * pixels[1] / pixels[0]);
    }
}
