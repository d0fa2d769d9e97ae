package fi.hyte.report.domain;

import fi.hyte.platform.document.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
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
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * The report's texts: a safe subset of Markdown (paragraphs, lists, quotes, emphasis, links; no
 * headings of its own and never raw HTML, which is shown as text). Rendered for the page by
 * commonmark-java with HTML escaped and link addresses sanitised.
 */
@Component
public class Markdown {

    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class))
            .build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .percentEncodeUrls(true)
            .build();

    /** Safe HTML of the text; empty for none. */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return html.render(parser.parse(markdown));
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
        List<Document.Block> out = new ArrayList<>();
        if (markdown == null || markdown.isBlank()) {
            return out;
        }
        Node document = parser.parse(markdown);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            Document.Block converted = block(block, language, 1);
            if (converted != null) {
                out.add(converted);
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
