package fi.hyte.platform.document;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A document as its author means it, before it is a PDF or a DOCX: title, language, and sections
 * with headings, paragraphs, tables and figures. Every text is already in the reader's language and
 * every number already formatted for it; the renderers decide nothing about content, so the PDF and
 * the DOCX say the same. A text in another language than the document's (Finnish shown where the
 * Swedish is missing) carries its language, which both renderers mark.
 *
 * @param subtitle a line under the title, e.g. the kind of report and its period; may be null
 * @param author the organisation (or person) the document is by; may be null
 * @param date when it was issued, formatted for the reader; may be null
 */
public record Document(
        String title, String subtitle, String author, String date, Locale language, List<Section> sections) {

    public Document {
        requireText(title, "title");
        Objects.requireNonNull(language, "language");
        sections = List.copyOf(sections);
        if (sections.stream().anyMatch(section -> section.depth() > MAX_DEPTH)) {
            throw new IllegalArgumentException("Sections nest at most " + MAX_DEPTH + " deep: " + title);
        }
    }

    /** Headings below the title: section, subsection, sub-subsection. */
    static final int MAX_DEPTH = 3;

    /**
     * A section: its heading, its content in order, and sections under it (at most three levels,
     * as a reader can follow and DOCX's and PDF's outlines show).
     *
     * @param language the heading's language when it is not the document's; null otherwise
     */
    public record Section(String heading, Locale language, List<Block> blocks, List<Section> sections) {
        public Section {
            requireText(heading, "heading");
            blocks = List.copyOf(blocks);
            sections = List.copyOf(sections);
        }

        public Section(String heading, List<Block> blocks) {
            this(heading, null, blocks, List.of());
        }

        int depth() {
            return 1 + sections.stream().mapToInt(Section::depth).max().orElse(0);
        }
    }

    /** What a section holds. */
    public sealed interface Block permits Paragraph, Table, Figure {}

    /**
     * Running text (no markup: the report turns its Markdown into blocks).
     *
     * @param language the text's language when it is not the document's; null otherwise
     */
    public record Paragraph(String text, Locale language) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }

        public Paragraph(String text) {
            this(text, null);
        }
    }

    /**
     * A real table: headers in the first row and, for each row, its first cell as the row's header.
     * Cells are text already formatted; a numeric column is aligned to the right.
     */
    public record Table(String caption, List<Column> columns, List<List<String>> rows) implements Block {
        public Table {
            requireText(caption, "caption");
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("A table needs columns: " + caption);
            }
            rows = rows.stream()
                    .map(row ->
                            row.stream().map(cell -> cell == null ? "" : cell).toList())
                    .toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            caption + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    /** A column's header and whether it holds numbers. */
    public record Column(String heading, boolean numeric) {
        public Column {
            Objects.requireNonNull(heading, "heading");
        }
    }

    /**
     * A picture drawn as SVG (a chart, the maturity matrix), with what a reader who cannot see it
     * needs: the alternative text, and the same facts as a table. In a PDF the SVG's own text is
     * drawn as outlines, so the numbers are only text in the table; in a DOCX the picture is a PNG.
     *
     * @param svg a complete SVG element with width and height (or a viewBox), well-formed XML
     * @param alt a short alternative text: what the picture shows and its main message
     * @param data the figure's facts; may be null only for a purely decorative picture, which a
     *     document should not have
     */
    public record Figure(String svg, String alt, String caption, Table data) implements Block {
        private static final Pattern SVG = Pattern.compile("(?s)\\s*(<\\?xml[^>]*\\?>\\s*)?<svg\\b.*(</svg>|/>)\\s*");

        public Figure {
            if (svg == null || !SVG.matcher(svg).matches()) {
                throw new IllegalArgumentException("Not an SVG element: " + caption);
            }
            requireText(alt, "alternative text");
            requireText(caption, "caption");
            // Embedded in a page, the SVG is an element: no XML declaration of its own.
            svg = svg.substring(svg.indexOf("<svg")).strip();
        }
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A document's " + what + " must not be empty");
        }
    }
}
