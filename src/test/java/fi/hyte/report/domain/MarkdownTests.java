package fi.hyte.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.document.Document;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The report's texts: a safe Markdown subset for the page, and the same text as document blocks. */
class MarkdownTests {

    final Markdown markdown = new Markdown(new org.springframework.context.support.StaticMessageSource());

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

    static ReportContent.ImageContent picture(int number, String alt) {
        return new ReportContent.ImageContent(
                java.util.UUID.randomUUID(),
                number,
                "image/png",
                "iVBORw0KGgo=",
                "0".repeat(64),
                40,
                30,
                new ReportContent.Text(alt, null),
                new ReportContent.Text("Kuvateksti " + number, null),
                null);
    }

    @Test
    void aReferenceToTheSectionsPicturePlacesItThereAndOtherPicturesFollowTheText() {
        List<ReportContent.ImageContent> pictures = List.of(picture(3, "Nuoria puistossa"), picture(4, "Pyöräteline"));
        String text = "Ensin tekstiä.\n\n![Kuva 3](kuva:3)\n\nSitten lisää.";

        String html = markdown.html(text, pictures, Locale.forLanguageTag("fi"));

        assertThat(html)
                .containsSubsequence(
                        "<p>Ensin tekstiä.</p>",
                        "<figure class=\"report-image\"",
                        "alt=\"Nuoria puistossa\"",
                        "Kuvateksti 3",
                        "</figure>",
                        "<p>Sitten lisää.</p>");
        assertThat(html).doesNotContain("Pyöräteline").doesNotContain("kuva:3").doesNotContain("Kuva 3");
        assertThat(Markdown.unplaced(text, pictures))
                .extracting(ReportContent.ImageContent::number)
                .containsExactly(4);

        List<Document.Block> blocks = markdown.document(
                text,
                Locale.forLanguageTag("fi"),
                pictures,
                p -> new Document.Paragraph("KUVA " + p.alt().text()));
        assertThat(blocks).hasSize(4);
        assertThat(((Document.Paragraph) blocks.get(0)).text()).isEqualTo("Ensin tekstiä.");
        assertThat(((Document.Paragraph) blocks.get(1)).text()).isEqualTo("KUVA Nuoria puistossa");
        assertThat(((Document.Paragraph) blocks.get(2)).text()).isEqualTo("Sitten lisää.");
        assertThat(((Document.Paragraph) blocks.get(3)).text()).isEqualTo("KUVA Pyöräteline");
    }

    @Test
    void aReferenceInsideASentenceSplitsItAndOneInAListFollowsTheList() {
        List<ReportContent.ImageContent> pictures = List.of(picture(1, "Yksi"), picture(2, "Kaksi"));

        String html = markdown.html(
                "Alku ![Kuva 1](kuva:1) loppu.\n\n- kohta ![Kuva 2](kuva:2)\n- toinen",
                pictures,
                Locale.forLanguageTag("fi"));

        assertThat(html)
                .containsSubsequence(
                        "<p>Alku</p>", "alt=\"Yksi\"", "<p>loppu.</p>", "<ul>", "toinen", "</ul>", "alt=\"Kaksi\"");
        assertThat(Markdown.unplaced("Alku ![Kuva 1](kuva:1)", pictures))
                .extracting(ReportContent.ImageContent::number)
                .containsExactly(2);
    }

    @Test
    void anUnknownReferenceAnAddressOnTheWebAndADataAddressAreShownAsWordsNeverAsAnImage() {
        List<ReportContent.ImageContent> pictures = List.of(picture(1, "Oma kuva"));
        String text = "![Kuva 9](kuva:9) ![seuranta](https://evil.example/t.png) ![upotus](data:image/png;base64,AAAA)"
                + " ![Kuva 1](kuva:1) ![Kuva 1 taas](kuva:1) <img src=x onerror=alert(1)>";

        String html = markdown.html(text, pictures, Locale.forLanguageTag("fi"));

        assertThat(html)
                .contains("[Kuva 9]")
                .contains("[seuranta]")
                .contains("[upotus]")
                .contains("[Kuva 1 taas]");
        assertThat(html)
                .doesNotContain("evil.example")
                .doesNotContain("base64,AAAA")
                .doesNotContain("<img src=x");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html.split("<img ", -1)).hasSize(2); // only the section's own picture, once
        assertThat(markdown.html("![x](https://evil.example/t.png)"))
                .doesNotContain("<img")
                .contains("[x]");
        assertThat(Markdown.unknownReferences(text, java.util.Set.of(1)))
                .containsExactly(
                        "![Kuva 9](kuva:9)",
                        "![seuranta](https://evil.example/t.png)",
                        "![upotus](data:image/png;base64,AAAA)");
    }
}
