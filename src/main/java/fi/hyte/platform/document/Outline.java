package fi.hyte.platform.document;

import fi.hyte.platform.document.Document.Block;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.Section;
import fi.hyte.platform.document.Document.Table;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document's sections with their anchors and levels, and its figures and tables with their
 * numbers, counted once so that the PDF and the DOCX number alike. Identity maps: two equal
 * paragraphs are still two. Public only for the template's expressions.
 */
public final class Outline {

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
                if (block instanceof Figure) {
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

    /** What the template draws: paragraph, table or figure. */
    public String kind(Block block) {
        if (block instanceof Figure) {
            return "figure";
        }
        return block instanceof Table ? "table" : "paragraph";
    }
}
