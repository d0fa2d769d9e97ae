package fi.hyte.report.domain;

import fi.hyte.platform.document.Document;
import fi.hyte.platform.document.Document.Column;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.Paragraph;
import fi.hyte.platform.document.Document.Table;
import fi.hyte.platform.document.DocumentRenderer;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportContent.Item;
import fi.hyte.report.domain.ReportContent.SectionContent;
import fi.hyte.report.domain.ReportContent.TableContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report's content as the platform's document model, for the PDF/UA and the DOCX: the same
 * headings, texts, figures with their alternatives and tables as the page, and at the end the
 * decision and the fingerprint.
 */
@Component
public class ReportDocuments {

    private final DocumentRenderer renderer;
    private final Markdown markdown;
    private final MessageSource messages;

    ReportDocuments(DocumentRenderer renderer, Markdown markdown, MessageSource messages) {
        this.renderer = renderer;
        this.markdown = markdown;
        this.messages = messages;
    }

    /** What the document says about the decision it records; null for a draft. */
    public record Decision(
            String body,
            String date,
            String paragraph,
            String minutesUrl,
            int version,
            String sha256,
            List<String> amendments) {}

    public byte[] pdf(ReportContent content, Decision decision) {
        return renderer.pdf(document(content, decision));
    }

    public byte[] docx(ReportContent content, Decision decision) {
        return renderer.docx(document(content, decision));
    }

    public Document document(ReportContent content, Decision decision) {
        Locale locale = Locale.forLanguageTag(content.language());
        List<Document.Section> sections = new ArrayList<>();
        if (content.summary().present()) {
            sections.add(new Document.Section(
                    msg("report.summary.heading", locale),
                    null,
                    paragraphs(content.summary().text(), content.summary().language()),
                    List.of()));
        }
        for (SectionContent s : content.sections()) {
            // The text with its pictures where it refers to them, the rest after it.
            List<Document.Block> blocks = markdown.document(
                    s.markdown().text(), language(s.markdown().language()), s.images(), i -> picture(i, locale));
            List<Document.Section> under = new ArrayList<>();
            for (BlockContent b : s.blocks()) {
                under.add(new Document.Section(b.heading(), null, block(b, locale), List.of()));
            }
            sections.add(new Document.Section(
                    s.heading().text(), language(s.heading().language()), blocks, under));
        }
        if (decision != null) {
            List<Document.Block> blocks = new ArrayList<>();
            blocks.add(new Paragraph(
                    msg("report.decision.text", locale, decision.body(), decision.date(), decision.paragraph())));
            if (decision.minutesUrl() != null) {
                blocks.add(new Paragraph(msg("report.decision.minutes", locale, decision.minutesUrl())));
            }
            for (String a : decision.amendments()) {
                blocks.add(new Paragraph(msg("report.decision.amendment", locale, a)));
            }
            blocks.add(
                    new Paragraph(msg("report.decision.fingerprint", locale, decision.version(), decision.sha256())));
            sections.add(new Document.Section(msg("report.decision.heading", locale), blocks));
        }
        String subtitle = content.subtitle() + (content.example() ? " · " + msg("report.example", locale) : "");
        return new Document(
                content.title(),
                subtitle,
                content.organisation(),
                decision == null ? msg("report.draftOf", locale, content.composedOn()) : decision.date(),
                locale,
                sections);
    }

    /** A section's picture with its alternative text; the caption (or the credit, or "Picture") names it. */
    private Document.Picture picture(ReportContent.ImageContent image, Locale locale) {
        String credit = image.credit() == null ? null : msg("report.image.creditShown", locale, image.credit());
        String caption = image.caption().present()
                ? image.caption().text() + (credit == null ? "" : " " + credit)
                : credit != null ? credit : msg("report.image.picture", locale);
        return new Document.Picture(image.bytes(), image.alt().text(), caption);
    }

    private List<Document.Block> block(BlockContent b, Locale locale) {
        List<Document.Block> out = new ArrayList<>();
        if (b.lead() != null) {
            out.add(new Paragraph(b.lead()));
        }
        if (!b.hasData()) {
            out.add(new Paragraph(b.empty()));
            return out;
        }
        Table table = b.table() == null ? null : table(b.table(), locale);
        if (b.figure() != null && table != null) {
            out.add(new Figure(b.figure().svg(), b.figure().alt(), b.figure().caption(), table));
        } else if (table != null) {
            out.add(table);
        }
        if (!b.items().isEmpty()) {
            List<Document.Item> items = new ArrayList<>();
            for (Item item : b.items()) {
                List<Document.Run> runs = new ArrayList<>();
                if (item.label() != null) {
                    runs.add(new Document.Strong(item.label()));
                    runs.add(new Document.Text(": "));
                }
                runs.add(new Document.Text(item.text()));
                if (item.mark() != null) {
                    runs.add(new Document.Text(" – "));
                    runs.add(new Document.Emphasis(item.mark()));
                }
                items.add(new Document.Item(runs));
            }
            out.add(new Document.ItemList(false, items));
        }
        for (String note : b.notes()) {
            out.add(new Paragraph(note));
        }
        if (b.source() != null) {
            out.add(new Paragraph(b.source()));
        }
        return out;
    }

    /** Columns that fit an A4 page; a wider table of years is turned so that the years run down. */
    static final int MAX_COLUMNS = 8;

    private Table table(TableContent t, Locale locale) {
        if (t.columns().size() > MAX_COLUMNS && t.rows().size() < t.columns().size()) {
            return turned(t, locale);
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            columns.add(new Column(t.columns().get(i), t.numeric().get(i)));
        }
        return new Table(t.caption(), columns, t.rows());
    }

    /** The table with rows and columns swapped: a year per row, a region per column. */
    private Table turned(TableContent t, Locale locale) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(msg("report.table.year", locale), false));
        for (List<String> row : t.rows()) {
            columns.add(new Column(row.get(0), true));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int c = 1; c < t.columns().size(); c++) {
            List<String> row = new ArrayList<>();
            row.add(t.columns().get(c));
            for (List<String> original : t.rows()) {
                row.add(original.get(c));
            }
            rows.add(row);
        }
        return new Table(t.caption(), columns, rows);
    }

    private List<Document.Block> paragraphs(String text, String language) {
        return markdown.document(text, language(language));
    }

    private static Locale language(String tag) {
        return tag == null ? null : Locale.forLanguageTag(tag);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
