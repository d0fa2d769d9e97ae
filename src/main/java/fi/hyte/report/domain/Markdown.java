package fi.hyte.report.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
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
            .enabledBlockTypes(Set.of(BlockQuote.class, org.commonmark.node.ListBlock.class))
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
