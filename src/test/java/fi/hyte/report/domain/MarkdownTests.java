package fi.hyte.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.document.Document;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The report's texts: a safe Markdown subset for the page, and the same text as document blocks. */
class MarkdownTests {

    final Markdown markdown = new Markdown();

    @Test
    void rawHtmlIsShownAsTextAndScriptAddressesAreDropped() {
        String html = markdown.html(
                "Hyvä *alku*.\n\n<script>alert(1)</script>\n\n[klikkaa](javascript:alert(1)) <b onclick=x>lihava</b>\n\n# Ei otsikko");

        assertThat(html)
                .contains("<em>alku</em>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b onclick=x&gt;");
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<h1");
    }

    @Test
    void listsQuotesEmphasisAndLinksBecomeTheDocumentsOwnBlocks() {
        List<Document.Block> blocks = markdown.document(
                "Lue **tästä** [THL](https://thl.fi) ja [tästä](javascript:alert(1)).\n\n- yksi\n- kaksi\n  1. alakohta\n\n> Lainaus",
                Locale.forLanguageTag("sv"));

        assertThat(blocks).hasSize(3);
        Document.Paragraph first = (Document.Paragraph) blocks.get(0);
        assertThat(first.language()).isEqualTo(Locale.forLanguageTag("sv"));
        assertThat(first.runs()).anyMatch(r -> r instanceof Document.Strong);
        assertThat(first.runs()).filteredOn(r -> r instanceof Document.Link).hasSize(1);
        assertThat(first.text()).isEqualTo("Lue tästä THL ja tästä.");
        Document.ItemList list = (Document.ItemList) blocks.get(1);
        assertThat(list.numbered()).isFalse();
        assertThat(list.items()).extracting(Document.Item::text).containsExactly("yksi", "kaksi");
        assertThat(list.items().get(1).list().numbered()).isTrue();
        assertThat(blocks.get(2)).isInstanceOf(Document.Quote.class);
    }

    @Test
    void plainLanguageChecksFlagLongSentencesAndLongWords() {
        List<PlainLanguage.Finding> found = PlainLanguage.check(
                "Tämä on lyhyt lause. Tässä lauseessa on aivan liian monta sanaa jotta sen voisi lukea helposti yhdellä kertaa ilman taukoa.\n"
                        + "Hyvinvointikertomusvalmistelu kestää.",
                15,
                20);

        assertThat(found).extracting(PlainLanguage.Finding::words).containsExactly(16, 2);
        assertThat(found.get(1).longWords()).containsExactly("Hyvinvointikertomusvalmistelu");
    }
}
