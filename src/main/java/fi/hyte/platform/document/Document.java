package fi.hyte.platform.document;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A document as its author means it, before it is a PDF or a DOCX: title, language, and sections
 * with headings, paragraphs (runs of plain, emphasised and strong text and links), lists,
 * quotations, tables, figures (SVG) and pictures (PNG, JPEG). Every text is already in the reader's language and
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
    public sealed interface Block permits Paragraph, ItemList, Quote, Table, Figure, Picture {}

    /**
     * Running text as runs of plain, emphasised and strong text and links (the report turns its
     * Markdown into these).
     *
     * @param language the text's language when it is not the document's; null otherwise
     */
    public record Paragraph(List<Run> runs, Locale language) implements Block {
        public Paragraph {
            runs = checkedRuns(runs);
        }

        public Paragraph(String text, Locale language) {
            this(List.of(new Text(text)), language);
        }

        public Paragraph(String text) {
            this(text, null);
        }

        public Paragraph(List<Run> runs) {
            this(runs, null);
        }

        /** The paragraph's words without their marks. */
        public String text() {
            return plainText(runs);
        }
    }

    /**
     * A piece of running text: plain, emphasised (italic), strong (bold) or a link. Emphasis,
     * strong and a link hold runs, so that Markdown's {@code ***both***} or {@code [**a**](…)} keep
     * their marks; a link holds no link.
     */
    public sealed interface Run permits Text, Emphasis, Strong, Link {}

    /** Plain text. */
    public record Text(String text) implements Run {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Emphasised text, shown in italics. */
    public record Emphasis(List<Run> runs) implements Run {
        public Emphasis {
            runs = checkedRuns(runs);
        }

        public Emphasis(String text) {
            this(List.of(new Text(text)));
        }
    }

    /** Strongly emphasised text, shown in bold. */
    public record Strong(List<Run> runs) implements Run {
        public Strong {
            runs = checkedRuns(runs);
        }

        public Strong(String text) {
            this(List.of(new Text(text)));
        }
    }

    /**
     * A link: its text, which says where it leads ("Kouluterveyskysely 2023", not "tästä"), and an
     * absolute http, https or mailto address. In the PDF it is a link annotation tagged Link; in
     * the DOCX a hyperlink.
     */
    public record Link(List<Run> runs, String target) implements Run {
        private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

        public Link {
            runs = checkedRuns(runs);
            if (plainText(runs).isBlank()) {
                throw new IllegalArgumentException("A link needs text that says where it leads: " + target);
            }
            if (containsLink(runs)) {
                throw new IllegalArgumentException("A link cannot hold another link: " + target);
            }
            target = checkedTarget(target);
        }

        public Link(String text, String target) {
            this(List.of(new Text(text)), target);
        }

        /** The link's words without their marks. */
        public String text() {
            return plainText(runs);
        }

        private static String checkedTarget(String target) {
            URI uri;
            try {
                uri = new URI(target == null ? "" : target.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Not a link address: " + target, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)
                    || (!scheme.equals("mailto")
                            && (uri.getHost() == null || uri.getHost().isEmpty()))) {
                throw new IllegalArgumentException("A link leads to an http, https or mailto address: " + target);
            }
            return uri.toASCIIString();
        }

        private static boolean containsLink(List<Run> runs) {
            return runs.stream().anyMatch(run -> run instanceof Link || containsLink(inner(run)));
        }
    }

    /**
     * A bulleted or numbered list (numbered from 1). An item may hold a list of its own, three
     * levels at most.
     *
     * @param language the items' language when it is not the document's; null otherwise
     */
    public record ItemList(boolean numbered, List<Item> items, Locale language) implements Block {
        public ItemList {
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("A list needs items");
            }
            if (depth(items) > MAX_LIST_DEPTH) {
                throw new IllegalArgumentException("Lists nest at most " + MAX_LIST_DEPTH + " deep");
            }
        }

        public ItemList(boolean numbered, List<Item> items) {
            this(numbered, items, null);
        }

        /** A bulleted list of plain items. */
        public static ItemList bullets(String... items) {
            return new ItemList(false, Stream.of(items).map(Item::new).toList());
        }

        /** A numbered list of plain items. */
        public static ItemList numbered(String... items) {
            return new ItemList(true, Stream.of(items).map(Item::new).toList());
        }

        private static int depth(List<Item> items) {
            return 1
                    + items.stream()
                            .filter(item -> item.list() != null)
                            .mapToInt(item -> depth(item.list().items()))
                            .max()
                            .orElse(0);
        }
    }

    /** Lists nest as far as a reader can follow (and Word's and the PDF's indents show). */
    static final int MAX_LIST_DEPTH = 3;

    /**
     * A list's item: its text as runs and, optionally, a list under it.
     *
     * @param list the item's own list; null if it has none
     */
    public record Item(List<Run> runs, ItemList list) {
        public Item {
            runs = checkedRuns(runs);
        }

        public Item(List<Run> runs) {
            this(runs, null);
        }

        public Item(String text) {
            this(List.of(new Text(text)), null);
        }

        /** The item's words without their marks (not those of its own list). */
        public String text() {
            return plainText(runs);
        }
    }

    /** A quotation set apart from the text: its paragraphs. */
    public record Quote(List<Paragraph> paragraphs) implements Block {
        public Quote {
            paragraphs = List.copyOf(paragraphs);
            if (paragraphs.isEmpty()) {
                throw new IllegalArgumentException("A quotation needs text");
            }
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

    /**
     * A raster picture (a photograph, a scanned map): PNG or JPEG bytes, recognised by their first
     * bytes, with the alternative text a reader who cannot see it needs and a caption. Numbered
     * with the figures. A file whose header cannot be read is refused too; its size in bytes and
     * pixels is for the caller to limit. The renderers draw it at its pixels at 96 per inch, at
     * most the text column wide.
     *
     * @param image the file's bytes, PNG or JPEG
     * @param alt a short alternative text: what the picture shows and why it is there
     */
    public record Picture(byte[] image, String alt, String caption) implements Block {
        private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

        public Picture {
            requireText(alt, "alternative text");
            requireText(caption, "caption");
            if (image == null || !(startsWith(image, PNG) || startsWith(image, JPEG))) {
                throw new IllegalArgumentException("A picture is a PNG or a JPEG file: " + caption);
            }
            image = image.clone();
            Pixels.of(image, caption);
        }

        @Override
        public byte[] image() {
            return image.clone();
        }

        /** {@code image/png} or {@code image/jpeg}. */
        public String mediaType() {
            return startsWith(image, PNG) ? "image/png" : "image/jpeg";
        }

        boolean isPng() {
            return startsWith(image, PNG);
        }

        /** Two pictures are equal when their files and texts are. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Picture that
                    && Arrays.equals(image, that.image)
                    && alt.equals(that.alt)
                    && caption.equals(that.caption);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(image), alt, caption);
        }

        @Override
        public String toString() {
            return "Picture[" + mediaType() + ", " + image.length + " bytes, " + caption + "]";
        }

        private static boolean startsWith(byte[] bytes, byte[] magic) {
            return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
        }
    }

    private static List<Run> checkedRuns(List<Run> runs) {
        List<Run> copy = List.copyOf(runs);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("A run of text needs text");
        }
        return copy;
    }

    /** The runs' words without their marks. */
    static String plainText(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        for (Run run : runs) {
            text.append(run instanceof Text plain ? plain.text() : plainText(inner(run)));
        }
        return text.toString();
    }

    /** The runs inside an emphasis, a strong or a link; none in plain text. */
    static List<Run> inner(Run run) {
        if (run instanceof Emphasis emphasis) {
            return emphasis.runs();
        }
        if (run instanceof Strong strong) {
            return strong.runs();
        }
        return run instanceof Link link ? link.runs() : List.of();
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A document's " + what + " must not be empty");
        }
    }
}
