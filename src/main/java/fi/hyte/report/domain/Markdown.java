package fi.hyte.report.domain;

import fi.hyte.platform.document.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report's texts: a safe subset of Markdown (paragraphs, lists, quotes, emphasis, links; no
 * headings of its own and never raw HTML, which is shown as text). Rendered for the page by
 * commonmark-java with HTML escaped and link addresses sanitised.
 *
 * <p>The one picture a text may show is its own section's, by reference: {@code ![Kuva 3](kuva:3)}
 * places picture number 3 of the section there, with its own alternative text and caption (the words
 * in brackets are only the writer's label). Any other image — an unknown number, another section's
 * or organisation's picture, an address on the web, a {@code data:} address — is shown as its words
 * in brackets, never as an image. A reference inside a paragraph splits it; one inside a list, a quote
 * or emphasis places the picture after that list or quote. A picture is placed at its first reference.
 */
@Component
public class Markdown {

    /** The address scheme of a reference to a section's picture, the same in every language. */
    public static final String PICTURE_SCHEME = "kuva:";

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,5}");

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class))
            .build();
    private final Parser parser = PARSER;
    private final HtmlRenderer html = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .percentEncodeUrls(true)
            .nodeRendererFactory(FigureRenderer::new)
            .build();
    private final MessageSource messages;

    public Markdown(MessageSource messages) {
        this.messages = messages;
    }

    /** Safe HTML of the text; empty for none. Images are shown as their words, never loaded. */
    public String html(String markdown) {
        return html(markdown, List.of(), null);
    }

    /**
     * Safe HTML of a section's text with its pictures placed where the text refers to them (a
     * {@code <figure>} like the content template's); the others are left to follow the text
     * ({@link ReportContent.SectionContent#following()}).
     */
    public String html(String markdown, List<ReportContent.ImageContent> pictures, Locale language) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        place(document, pictures);
        if (language != null) {
            credits(document, language);
        }
        return html.render(document);
    }

    /** The pictures of a section its text does not place, in their order. */
    public static List<ReportContent.ImageContent> unplaced(
            String markdown, List<ReportContent.ImageContent> pictures) {
        if (pictures == null || pictures.isEmpty() || markdown == null || markdown.isBlank()) {
            return pictures == null ? List.of() : pictures;
        }
        Set<Integer> placed = place(PARSER.parse(markdown), pictures);
        return pictures.stream()
                .filter(p -> p.number() == null || !placed.contains(p.number()))
                .toList();
    }

    /**
     * The references in a text that name no picture of the section (given by their numbers), as
     * written: an unknown number, or an image that is no reference at all (an address on the web).
     */
    public static List<String> unknownReferences(String markdown, Set<Integer> numbers) {
        List<String> unknown = new ArrayList<>();
        if (markdown == null || markdown.isBlank()) {
            return unknown;
        }
        for (Image image : images(PARSER.parse(markdown))) {
            Integer n = number(image);
            if (n == null || !numbers.contains(n)) {
                unknown.add("![" + text(image) + "](" + image.getDestination() + ")");
            }
        }
        return unknown;
    }

    /** A section's picture placed by its text: a block of its own between the text's blocks. */
    static final class PictureBlock extends CustomBlock {
        final ReportContent.ImageContent picture;
        String credit;

        PictureBlock(ReportContent.ImageContent picture) {
            this.picture = picture;
        }
    }

    /** The number a reference names ({@code kuva:3} → 3), or null for any other image address. */
    private static Integer number(Image image) {
        String to = image.getDestination();
        if (to == null || !to.regionMatches(true, 0, PICTURE_SCHEME, 0, PICTURE_SCHEME.length())) {
            return null;
        }
        String n = to.substring(PICTURE_SCHEME.length());
        return NUMBER.matcher(n).matches() ? Integer.valueOf(n) : null;
    }

    private static List<Image> images(Node root) {
        List<Image> found = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                found.add(image);
            }
        });
        return found;
    }

    /**
     * Places the pictures the text refers to as {@link PictureBlock}s and turns every other image
     * into its words in brackets; returns the numbers placed.
     */
    private static Set<Integer> place(Node document, List<ReportContent.ImageContent> pictures) {
        Map<Integer, ReportContent.ImageContent> byNumber = new HashMap<>();
        for (ReportContent.ImageContent p : pictures == null ? List.<ReportContent.ImageContent>of() : pictures) {
            if (p.number() != null) {
                byNumber.putIfAbsent(p.number(), p);
            }
        }
        Set<Integer> placed = new HashSet<>();
        for (Node block = document.getFirstChild(); block != null; ) {
            Node next = block.getNext();
            Node last = block;
            Node current = block;
            List<ReportContent.ImageContent> after = new ArrayList<>();
            for (Image image : images(block)) {
                Integer n = number(image);
                ReportContent.ImageContent picture = n == null || placed.contains(n) ? null : byNumber.get(n);
                if (picture == null) {
                    image.insertBefore(new Text("[" + text(image) + "]"));
                    image.unlink();
                    continue;
                }
                placed.add(n);
                if (current instanceof Paragraph && image.getParent() == current) {
                    Paragraph rest = new Paragraph();
                    for (Node r = image.getNext(); r != null; ) {
                        Node following = r.getNext();
                        rest.appendChild(r);
                        r = following;
                    }
                    image.unlink();
                    PictureBlock shown = new PictureBlock(picture);
                    current.insertAfter(shown);
                    shown.insertAfter(rest);
                    current = rest;
                    last = rest;
                } else {
                    if (image.getPrevious() instanceof Text before) {
                        before.setLiteral(before.getLiteral().stripTrailing());
                    }
                    image.unlink();
                    after.add(picture);
                }
            }
            for (ReportContent.ImageContent picture : after) {
                PictureBlock shown = new PictureBlock(picture);
                last.insertAfter(shown);
                last = shown;
            }
            block = next;
        }
        if (!placed.isEmpty()) {
            for (Node block = document.getFirstChild(); block != null; ) {
                Node next = block.getNext();
                if (block instanceof Paragraph p && trim(p)) {
                    p.unlink();
                }
                block = next;
            }
        }
        return placed;
    }

    /** Drops the line breaks a split left at either end of a paragraph; true when nothing is left. */
    private static boolean trim(Paragraph p) {
        while (p.getFirstChild() != null && blankInline(p.getFirstChild())) {
            p.getFirstChild().unlink();
        }
        while (p.getLastChild() != null && blankInline(p.getLastChild())) {
            p.getLastChild().unlink();
        }
        if (p.getFirstChild() instanceof Text first) {
            first.setLiteral(first.getLiteral().stripLeading());
        }
        if (p.getLastChild() instanceof Text last) {
            last.setLiteral(last.getLiteral().stripTrailing());
        }
        return p.getFirstChild() == null;
    }

    private static boolean blankInline(Node n) {
        return n instanceof SoftLineBreak
                || n instanceof HardLineBreak
                || (n instanceof Text t && t.getLiteral().isBlank());
    }

    private void credits(Node document, Locale language) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof PictureBlock p && p.picture.credit() != null) {
                p.credit = messages.getMessage(
                        "report.image.creditShown", new Object[] {p.picture.credit()}, p.picture.credit(), language);
            }
        }
    }

    /** A placed picture as the content template writes one: figure, image with its alternative, caption. */
    private static final class FigureRenderer implements NodeRenderer {
        private final HtmlWriter out;

        FigureRenderer(HtmlNodeRendererContext context) {
            this.out = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(PictureBlock.class);
        }

        @Override
        public void render(Node node) {
            PictureBlock block = (PictureBlock) node;
            ReportContent.ImageContent p = block.picture;
            out.line();
            out.tag("figure", attributes("class", "report-image", "id", "image-" + p.id()));
            Map<String, String> img =
                    attributes("src", p.dataUri(), "alt", p.alt().text());
            if (p.alt().language() != null) {
                img.put("lang", p.alt().language());
            }
            img.put("width", String.valueOf(p.width()));
            img.put("height", String.valueOf(p.height()));
            out.tag("img", img, true);
            if (p.caption().present() || block.credit != null) {
                out.tag("figcaption", attributes("class", "small"));
                if (p.caption().present()) {
                    out.tag(
                            "span",
                            p.caption().language() == null
                                    ? Map.of()
                                    : attributes("lang", p.caption().language()));
                    out.text(p.caption().text());
                    out.tag("/span");
                }
                if (block.credit != null) {
                    out.text(" ");
                    out.tag("span", attributes("class", "muted"));
                    out.text(block.credit);
                    out.tag("/span");
                }
                out.tag("/figcaption");
            }
            out.tag("/figure");
            out.line();
        }

        private static Map<String, String> attributes(String... pairs) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                m.put(pairs[i], pairs[i + 1]);
            }
            return m;
        }
    }

    /**
     * The text as plain paragraphs for a document: list items become paragraphs led by a dash or
     * their number, emphasis and links keep their words.
     */
    public List<String> paragraphs(String markdown) {
        List<String> out = new ArrayList<>();
        if (markdown == null || markdown.isBlank()) {
            return out;
        }
        Node document = parser.parse(markdown);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            collect(block, out, "");
        }
        return out;
    }

    /**
     * The text as the document model's blocks, for the PDF and the DOCX: paragraphs with emphasis,
     * strong text and links, bulleted and numbered lists (nested at most three deep) and quotes. A
     * link whose address the document refuses (not http, https or mailto) keeps its words as text.
     */
    public List<Document.Block> document(String markdown, Locale language) {
        return document(markdown, language, List.of(), p -> null);
    }

    /**
     * A section's text as the document model's blocks with its pictures (made by {@code picture})
     * where the text refers to them, and after the text the pictures it does not place, in their order.
     */
    public List<Document.Block> document(
            String markdown,
            Locale language,
            List<ReportContent.ImageContent> pictures,
            Function<ReportContent.ImageContent, Document.Block> picture) {
        List<Document.Block> out = new ArrayList<>();
        Set<Integer> placed = Set.of();
        if (markdown != null && !markdown.isBlank()) {
            Node document = parser.parse(markdown);
            placed = place(document, pictures);
            for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
                Document.Block converted =
                        block instanceof PictureBlock p ? picture.apply(p.picture) : block(block, language, 1);
                if (converted != null) {
                    out.add(converted);
                }
            }
        }
        for (ReportContent.ImageContent p : pictures == null ? List.<ReportContent.ImageContent>of() : pictures) {
            if (p.number() == null || !placed.contains(p.number())) {
                Document.Block shown = picture.apply(p);
                if (shown != null) {
                    out.add(shown);
                }
            }
        }
        return out;
    }

    private static Document.Block block(Node block, Locale language, int depth) {
        if (block instanceof ListBlock list) {
            return list(list, language, depth);
        }
        if (block instanceof BlockQuote quote) {
            List<Document.Paragraph> paragraphs = new ArrayList<>();
            for (Node inner = quote.getFirstChild(); inner != null; inner = inner.getNext()) {
                List<Document.Run> runs = runs(inner);
                if (!blank(runs)) {
                    paragraphs.add(new Document.Paragraph(runs, language));
                }
            }
            return paragraphs.isEmpty() ? null : new Document.Quote(paragraphs);
        }
        List<Document.Run> runs = runs(block);
        return blank(runs) ? null : new Document.Paragraph(runs, language);
    }

    private static Document.ItemList list(ListBlock list, Locale language, int depth) {
        List<Document.Item> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            List<Document.Run> runs = new ArrayList<>();
            Document.ItemList under = null;
            for (Node inner = item.getFirstChild(); inner != null; inner = inner.getNext()) {
                if (inner instanceof ListBlock nested && depth < 3) {
                    under = list(nested, language, depth + 1);
                } else {
                    if (!runs.isEmpty()) {
                        runs.add(new Document.Text(" "));
                    }
                    runs.addAll(runs(inner));
                }
            }
            if (runs.isEmpty()) {
                runs.add(new Document.Text(""));
            }
            items.add(new Document.Item(runs, under));
        }
        return new Document.ItemList(list instanceof OrderedList, items, language);
    }

    private static boolean blank(List<Document.Run> runs) {
        return runs.isEmpty() || new Document.Paragraph(runs).text().isBlank();
    }

    /** The inline content of a block as runs: text, emphasis, strong and links. */
    private static List<Document.Run> runs(Node parent) {
        List<Document.Run> runs = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                runs.add(new Document.Text(t.getLiteral()));
            } else if (n instanceof Code code) {
                runs.add(new Document.Text(code.getLiteral()));
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                runs.add(new Document.Text(" "));
            } else if (n instanceof org.commonmark.node.Emphasis) {
                runs.add(new Document.Emphasis(runs(n)));
            } else if (n instanceof StrongEmphasis) {
                runs.add(new Document.Strong(runs(n)));
            } else if (n instanceof Link link) {
                List<Document.Run> words = runs(link);
                try {
                    runs.add(new Document.Link(words, link.getDestination()));
                } catch (IllegalArgumentException refused) {
                    runs.addAll(words);
                }
            } else if (n instanceof HtmlInline html) {
                runs.add(new Document.Text(html.getLiteral()));
            } else {
                runs.addAll(runs(n));
            }
        }
        return runs;
    }

    /** The text's sentences as plain text, for the plain-language checks. */
    public String plain(String markdown) {
        return String.join("\n", paragraphs(markdown));
    }

    private static void collect(Node block, List<String> out, String prefix) {
        if (block instanceof BulletList list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                item(item, out, "– ");
            }
        } else if (block instanceof OrderedList list) {
            int n = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                item(item, out, (n++) + ". ");
            }
        } else if (block instanceof BlockQuote quote) {
            for (Node inner = quote.getFirstChild(); inner != null; inner = inner.getNext()) {
                collect(inner, out, prefix);
            }
        } else {
            String text = text(block).strip();
            if (!text.isEmpty()) {
                out.add(prefix + text);
            }
        }
    }

    private static void item(Node item, List<String> out, String marker) {
        if (!(item instanceof ListItem)) {
            return;
        }
        boolean first = true;
        for (Node inner = item.getFirstChild(); inner != null; inner = inner.getNext()) {
            if (inner instanceof Paragraph || inner instanceof Heading) {
                String text = text(inner).strip();
                out.add((first ? marker : "  ") + text);
                first = false;
            } else {
                collect(inner, out, "  ");
            }
        }
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                text.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.HtmlInline inline) {
                text.append(inline.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.HtmlBlock block) {
                text.append(block.getLiteral());
            }
        });
        return text.toString();
    }
}
