package fi.hyte.platform.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.platform.document.Document.Emphasis;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.Item;
import fi.hyte.platform.document.Document.ItemList;
import fi.hyte.platform.document.Document.Link;
import fi.hyte.platform.document.Document.Paragraph;
import fi.hyte.platform.document.Document.Picture;
import fi.hyte.platform.document.Document.Section;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * The document renderer's proof: the maturity matrix and an indicator chart rendered into a PDF and
 * a DOCX and read back as a reader's tools read them: the PDF's text with pdftotext (every number of
 * the figures' tables), its tags, bookmarks, title and language, a page as an image with pdftoppm;
 * the DOCX's XML (heading styles, table cells with the numbers, the picture's alternative text).
 * The files stay in target/documents for a look.
 */
class DocumentRendererTests {

    static final Path OUT = Path.of("target/documents");
    static DocumentRenderer renderer;
    static Document proof;
    static byte[] pdf;
    static byte[] docx;

    @BeforeAll
    static void render() throws IOException {
        renderer = SampleDocuments.renderer();
        proof = SampleDocuments.proof();
        pdf = renderer.pdf(proof);
        docx = renderer.docx(proof);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("proof.pdf"), pdf);
        Files.write(OUT.resolve("proof.docx"), docx);
        Files.writeString(OUT.resolve("proof.xhtml"), renderer.xhtml(proof));
    }

    @Test
    void pdfTextHasTheHeadingsAndEveryNumberOfTheFiguresTables() throws Exception {
        String text = run("pdftotext", "-enc", "UTF-8", OUT.resolve("proof.pdf").toString(), "-")
                .replaceAll("[ \\n]+", " ");

        assertThat(text)
                .contains("Hyvinvointikertomus 2025 (esimerkki)")
                .contains("Kerava (demo)")
                .contains("Hyvinvointijohtamisen kypsyystaso")
                .contains("Sammanfattning på svenska")
                .contains("Kuvio 1. Hyvinvointijohtamisen kypsyystaso kriteereittäin")
                .contains("Kuvio 2. Ahdistuneisuutta kokeneet nuoret, 2016–2024")
                .contains("Taulukko 1. Suunnitelman tavoitteet")
                .contains("Kuvio 3. Nuorisotila Tunneli (piirroskuva)")
                .contains("Kuvio 4. Matalan kynnyksen ryhmät 2025")
                .as("marked text and links read as plain words")
                .contains("nuorten ahdistuneisuus on kääntynyt laskuun, mutta")
                .contains("Luvut ovat THL:n Kouluterveyskyselystä ja Sotkanetista (indikaattori 4072).")
                .as("lists with their bullets' items and their numbers")
                .contains("Mielen hyvinvointi: matalan kynnyksen apu kouluissa")
                .contains("Harrastamisen Suomen malli kaikkiin kouluihin")
                .contains("1. Hyvinvointiryhmä kokoaa toimenpiteet keväällä 2026. 2. Lautakunnat")
                .contains("3. Valtuusto hyväksyy kertomuksen joulukuussa 2026.")
                .contains("Nuorten mielen hyvinvointi on koko kunnan asia, ei vain koulun.");
        for (double[] series : List.of(SampleDocuments.KERAVA, SampleDocuments.UUSIMAA, SampleDocuments.COUNTRY)) {
            for (double value : series) {
                assertThat(text).contains(String.format("%.1f", value).replace('.', ','));
            }
        }
        for (String criterion : List.of("Strategia", "Yhteistyö")) {
            assertThat(text).containsIgnoringCase(criterion);
        }
        assertThat(text).as("the running title and page numbers").contains("Sivu 2 / 5", "Sivu 5 / 5");
        assertThat(text.split("Hyvinvointikertomus 2025 \\(esimerkki\\)", -1))
                .as("the title on the cover and above each later page")
                .hasSize(1 + 5);
    }

    @Test
    void pdfIsTaggedWithTitleLanguageBookmarksAndFiguresAlternativeTexts() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(proof.title());
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fi");
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle())
                    .isTrue();

            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item :
                    document.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
                item.children().forEach(child -> bookmarks.add("  " + child.getTitle()));
            }
            assertThat(bookmarks)
                    .containsExactly(
                            "Tiivistelmä",
                            "Hyvinvointijohtamisen kypsyystaso",
                            "  Sammanfattning på svenska",
                            "Nuorten hyvinvointi");

            Map<String, List<PDStructureElement>> tags = new HashMap<>();
            collect(document.getDocumentCatalog().getStructureTreeRoot(), tags);
            assertThat(tags.get("Figure"))
                    .extracting(PDStructureElement::getAlternateDescription)
                    .containsExactlyInAnyOrder(
                            ((Figure) proof.sections().get(1).blocks().get(1)).alt(),
                            ((Figure) proof.sections().get(2).blocks().get(1)).alt(),
                            ((Picture) proof.sections().get(2).blocks().get(2)).alt(),
                            ((Picture) proof.sections().get(2).blocks().get(3)).alt());
            assertThat(tags).containsKeys("H1", "H2", "H3", "Table", "TH", "TD", "P", "BlockQuote");

            assertThat(tags.get("L"))
                    .as("the bulleted list, its item's own list and the numbered list")
                    .hasSize(3)
                    .extracting(DocumentRendererTests::listNumbering)
                    .containsExactlyInAnyOrder("Disc", "Circle", "Decimal");
            assertThat(tags.get("LI")).hasSize(3 + 2 + 3);
            for (PDStructureElement item : tags.get("LI")) {
                assertThat(item.getKids())
                        .as("an item's label and body")
                        .filteredOn(PDStructureElement.class::isInstance)
                        .extracting(kid -> ((PDStructureElement) kid).getStructureType())
                        .containsExactly("Lbl", "LBody");
            }

            Map<String, String> links = new java.util.TreeMap<>();
            for (PDStructureElement link : tags.get("Link")) {
                for (Object kid : link.getKids()) {
                    if (kid instanceof PDObjectReference reference
                            && reference.getReferencedObject() instanceof PDAnnotationLink annotation
                            && annotation.getAction() instanceof PDActionURI uri) {
                        links.put(link.getAlternateDescription(), uri.getURI());
                    }
                }
            }
            assertThat(links)
                    .as("each link a Link element holding its annotation, with the link's text as its alternative")
                    .containsEntry("THL:n Kouluterveyskyselystä", SampleDocuments.KOULUTERVEYSKYSELY)
                    .containsEntry(
                            "Sotkanetista (indikaattori 4072)",
                            "https://sotkanet.fi/sotkanet/fi/taulukko?indikaattori=4072&alue=312")
                    .containsEntry("hyvinvointisuunnitelma", "https://www.kerava.fi/hyvinvointi");
            assertThat(tags.get("H3"))
                    .singleElement()
                    .extracting(PDStructureElement::getLanguage)
                    .isEqualTo("sv");
        }
        assertThat(run("pdffonts", OUT.resolve("proof.pdf").toString()))
                .as("every font embedded")
                .contains("DejaVuSans")
                .doesNotContainPattern("(?m)^\\S+\\s+\\S.*\\bno\\s+(yes|no)\\s+(yes|no)\\s+\\d+");
    }

    @Test
    void aPageLooksLikeAnA4Document() throws Exception {
        run(
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "2",
                "-l",
                "3",
                OUT.resolve("proof.pdf").toString(),
                OUT.resolve("proof-page").toString());
        String info = run("pdfinfo", OUT.resolve("proof.pdf").toString());
        assertThat(info)
                .containsPattern("Page size: +595\\.2\\d* x 841\\.8\\d* pts \\(A4\\)")
                .containsPattern("Tagged: +yes")
                .containsPattern("Pages: +5");
        assertThat(Files.list(OUT).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("proof-page") && name.endsWith(".png"));
    }

    @Test
    void pdfPassesVeraPdfsPdfUa1AndPdfA3aRules() throws Exception {
        for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_3_A)) {
            Map<String, String> failed = failedRules(pdf, flavour);
            System.out.println(flavour + ": " + failed.size() + " rules failed");
            failed.forEach((rule, message) -> System.out.println("  " + rule + ": " + message));
            assertThat(failed).as(flavour.toString()).isEmpty();
        }
        // The check can fail: an untagged PDF without title or language breaks PDF/UA's rules.
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        try (PDDocument untagged = new PDDocument()) {
            untagged.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            untagged.save(plain);
        }
        assertThat(failedRules(plain.toByteArray(), PDFAFlavour.PDFUA_1)).isNotEmpty();
    }

    /** veraPDF's failed rules (clause-test → first message) for one flavour. */
    private static Map<String, String> failedRules(byte[] file, PDFAFlavour flavour) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        ValidationResult result;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(file), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            result = validator.validate(parser);
        }
        Map<String, String> failed = new java.util.TreeMap<>();
        for (TestAssertion assertion : result.getTestAssertions()) {
            if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                RuleId rule = assertion.getRuleId();
                failed.merge(
                        rule.getClause() + "-" + rule.getTestNumber(),
                        assertion.getMessage() + " @ " + assertion.getLocation().getContext(),
                        (x, y) -> x);
            }
        }
        return failed;
    }

    @Test
    void docxHasHeadingStylesRealTablesAndThePicturesAlternativeText() throws IOException {
        Map<String, String> parts = unzip(docx);
        String body = parts.get("word/document.xml");

        assertThat(paragraphsWithStyle(body, "Title")).containsExactly(proof.title());
        assertThat(paragraphsWithStyle(body, "Heading1"))
                .containsExactly("Tiivistelmä", "Hyvinvointijohtamisen kypsyystaso", "Nuorten hyvinvointi");
        assertThat(paragraphsWithStyle(body, "Heading2")).containsExactly("Sammanfattning på svenska");
        assertThat(paragraphsWithStyle(body, "Caption"))
                .contains(
                        "Kuvio 1. Hyvinvointijohtamisen kypsyystaso kriteereittäin (itsearviointi 2025)",
                        "Taulukko 1. Suunnitelman tavoitteet");
        assertThat(parts.get("word/styles.xml"))
                .contains("w:styleId=\"Heading1\"")
                .contains("<w:name w:val=\"heading 1\"/>")
                .contains("w:lang w:val=\"fi-FI\"");

        List<String> cells = cells(body);
        for (double value : SampleDocuments.KERAVA) {
            assertThat(cells).contains(String.format("%.1f", value).replace('.', ','));
        }
        assertThat(cells).contains("Vuosi", "Kerava", "2024", "11,7", "12,3", "Kehittyvä");
        assertThat(body).as("header rows repeat on each page").contains("<w:tblHeader w:val=\"on\"/>");
        assertThat(body).as("the Swedish paragraph is marked Swedish").contains("w:lang w:val=\"sv-FI\"");

        for (int figure : List.of(1, 2)) {
            String alt = ((Figure) proof.sections().get(figure).blocks().get(1)).alt();
            assertThat(body).as("the drawing's and the picture's description").contains("descr=\"" + alt + "\"");
            assertThat(body.split(Pattern.quote("descr=\"" + alt + "\""), -1)).hasSize(3);
        }
        for (int picture : List.of(2, 3)) {
            String alt = ((Picture) proof.sections().get(2).blocks().get(picture)).alt();
            assertThat(body.split(Pattern.quote("descr=\"" + alt + "\""), -1)).hasSize(3);
        }
        assertThat(parts.keySet())
                .as("two charts and the PNG picture, and the JPEG as itself")
                .filteredOn(name -> name.startsWith("word/media/"))
                .filteredOn(name -> name.endsWith(".png") || name.endsWith(".jpeg") || name.endsWith(".jpg"))
                .hasSize(4)
                .anyMatch(name -> name.endsWith(".jpeg") || name.endsWith(".jpg"));
        assertThat(parts.get("docProps/core.xml")).contains(proof.title()).contains(">fi<");
    }

    @Test
    void docxHasMarkedRunsHyperlinksWordNumberedListsAndAQuote() throws IOException {
        Map<String, String> parts = unzip(docx);
        String body = parts.get("word/document.xml");

        assertThat(body)
                .as("emphasis in italics, strong in bold")
                .containsPattern("<w:r><w:rPr><w:i( w:val=\"on\")?/></w:rPr><w:t>ahdistuneisuus</w:t></w:r>")
                .containsPattern("<w:r><w:rPr><w:b( w:val=\"on\")?/></w:rPr><w:t>laskuun</w:t></w:r>");
        Matcher hyperlink = Pattern.compile("(?s)<w:hyperlink r:id=\"(rId\\d+)\"[^>]*>(.*?)</w:hyperlink>")
                .matcher(body);
        Map<String, String> links = new HashMap<>();
        String relations = parts.get("word/_rels/document.xml.rels");
        while (hyperlink.find()) {
            Matcher target = Pattern.compile("Id=\"" + hyperlink.group(1)
                            + "\"[^>]*Target=\"([^\"]+)\"|Target=\"([^\"]+)\"[^>]*Id=\"" + hyperlink.group(1) + "\"")
                    .matcher(relations);
            assertThat(target.find()).as(hyperlink.group(1)).isTrue();
            links.put(text(hyperlink.group(2)), target.group(1) != null ? target.group(1) : target.group(2));
            assertThat(hyperlink.group(2)).contains("<w:rStyle w:val=\"Hyperlink\"/>");
        }
        assertThat(links)
                .containsEntry("THL:n Kouluterveyskyselystä", SampleDocuments.KOULUTERVEYSKYSELY)
                .containsEntry(
                        "Sotkanetista (indikaattori 4072)",
                        "https://sotkanet.fi/sotkanet/fi/taulukko?indikaattori=4072&amp;alue=312")
                .containsEntry("hyvinvointisuunnitelma", "https://www.kerava.fi/hyvinvointi");
        assertThat(relations).contains("TargetMode=\"External\"");

        String numbering = parts.get("word/numbering.xml");
        assertThat(numbering)
                .as("Word's own bullets and decimal numbers")
                .contains("<w:numFmt w:val=\"bullet\"/>")
                .contains("<w:numFmt w:val=\"decimal\"/>")
                .contains("<w:lvlText w:val=\"%1.\"/>");
        List<String> items = paragraphsWithStyle(body, "ListParagraph");
        assertThat(items)
                .as("the items' text without typed bullets or numbers")
                .contains(
                        "Mielen hyvinvointi: matalan kynnyksen apu kouluissa",
                        "Harrastamisen Suomen malli kaikkiin kouluihin",
                        "Hyvinvointiryhmä kokoaa toimenpiteet keväällä 2026.")
                .hasSize(3 + 2 + 3);
        Matcher listParagraph = Pattern.compile(
                        "(?s)<w:p\\b[^>]*><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"(\\d)\"/><w:numId w:val=\"(\\d+)\"/>")
                .matcher(body);
        List<String> levels = new ArrayList<>();
        java.util.Set<String> lists = new java.util.HashSet<>();
        while (listParagraph.find()) {
            levels.add(listParagraph.group(1));
            lists.add(listParagraph.group(2));
        }
        assertThat(levels).containsExactly("0", "0", "1", "1", "0", "0", "0", "0");
        assertThat(lists)
                .as("each list its own numbering, so each starts from 1")
                .hasSize(3);
        assertThat(paragraphsWithStyle(body, "Quote"))
                .containsExactly("Nuorten mielen hyvinvointi on koko kunnan asia, ei vain koulun. – Hyvinvointiryhmän"
                        + " puheenjohtaja");
    }

    @Test
    void theSameChartIsRasterisedOnceForManyDocx() {
        DocumentRenderer fresh = SampleDocuments.renderer();
        String svg = ((Figure) proof.sections().get(2).blocks().get(1)).svg();
        String other = ((Figure) proof.sections().get(1).blocks().get(1)).svg();

        Raster.Png first = fresh.png(svg);

        assertThat(fresh.png(svg)).isSameAs(first);
        assertThat(fresh.png(new String(svg.toCharArray())))
                .as("keyed by the SVG's text")
                .isSameAs(first);
        assertThat(fresh.png(other)).isNotSameAs(first);
        assertThat(SampleDocuments.renderer().png(svg))
                .as("each renderer its own cache")
                .isNotSameAs(first);
    }

    @Test
    void pictureThatIsNotPngOrJpegAndLinkThatIsNotHttpOrMailIsRefused() throws IOException {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new Picture(gif, "Kuva", "Kuva"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PNG or a JPEG");
        byte[] svgBytes = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Picture(svgBytes, "Kuva", "Kuva")).isInstanceOf(IllegalArgumentException.class);
        byte[] png = Pictures.png(40, 20);
        assertThatThrownBy(() -> new Picture(java.util.Arrays.copyOf(png, 12), "Kuva", "Kuva"))
                .as("a PNG's first bytes without its header")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> new Picture(png, " ", "Kuva"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alternative text");
        assertThat(new Picture(png, "Kuva", "Kuva").mediaType()).isEqualTo("image/png");
        assertThat(new Picture(Pictures.jpeg(40, 20), "Kuva", "Kuva").mediaType())
                .isEqualTo("image/jpeg");

        for (String target :
                List.of("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "/suhteellinen", "https://")) {
            assertThatThrownBy(() -> new Link("Linkki", target))
                    .as(target)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Link("Posti", "mailto:hyte@kerava.fi").target()).isEqualTo("mailto:hyte@kerava.fi");
        assertThatThrownBy(() -> new Link(" ", "https://kerava.fi")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Link(
                        List.of(new Emphasis(List.of(new Link("sisempi", "https://kerava.fi")))), "https://thl.fi"))
                .hasMessageContaining("another link");
        ItemList three = new ItemList(
                false,
                List.of(new Item(
                        List.of(new Document.Text("1")),
                        new ItemList(
                                false, List.of(new Item(List.of(new Document.Text("2")), ItemList.bullets("3")))))));
        assertThatThrownBy(() -> new ItemList(true, List.of(new Item(List.of(new Document.Text("0")), three))))
                .hasMessageContaining("at most 3");
        assertThatThrownBy(() -> new ItemList(true, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentWithoutAlternativeTextOrOneNotSvgIsRefused() {
        assertThatThrownBy(() -> new Figure("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", " ", "Kuvio", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alternative text");
        assertThatThrownBy(() -> new Figure("<img src=\"x.png\"/>", "Kuvio", "Kuvio", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textThatLooksLikeMarkupStaysText() throws Exception {
        Document hostile = new Document(
                "Otsikko <b>& \"lainaus\"",
                null,
                null,
                null,
                SampleDocuments.FINNISH,
                List.of(new Section(
                        "Osio </h2><script>alert(1)</script>",
                        List.of(
                                new Paragraph("Teksti ]]> <img src=\"http://example.org/x.png\"/> &amp;"),
                                new Paragraph(List.of(new Link(
                                        "Linkki <script> & \"lainaus\"", "https://example.org/?a=1&b=%3C2%3E")))))));
        Path file = OUT.resolve("hostile.pdf");
        Files.write(file, renderer.pdf(hostile));
        String text = run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
        assertThat(text)
                .contains("Otsikko <b>& \"lainaus\"")
                .contains("Osio </h2><script>alert(1)</script>")
                .contains("<img src=\"http://example.org/x.png\"/> &amp;")
                .contains("Linkki <script> & \"lainaus\"");
        assertThat(unzip(renderer.docx(hostile)).get("word/document.xml"))
                .contains("Osio &lt;/h2>&lt;script>alert(1)&lt;/script>");
    }

    /** A list's /ListNumbering attribute, e.g. Disc or Decimal. */
    private static String listNumbering(PDStructureElement list) {
        org.apache.pdfbox.cos.COSDictionary attributes =
                list.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.A);
        return attributes == null ? null : attributes.getNameAsString("ListNumbering");
    }

    private static void collect(PDStructureNode node, Map<String, List<PDStructureElement>> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.computeIfAbsent(element.getStructureType(), k -> new ArrayList<>())
                        .add(element);
                collect(element, tags);
            }
        }
    }

    /** The text of each paragraph with this style, in order. */
    private static List<String> paragraphsWithStyle(String body, String style) {
        List<String> texts = new ArrayList<>();
        Matcher paragraph = Pattern.compile("(?s)<w:p\\b[^>]*>(.*?)</w:p>").matcher(body);
        while (paragraph.find()) {
            if (paragraph.group(1).contains("<w:pStyle w:val=\"" + style + "\"/>")) {
                texts.add(text(paragraph.group(1)));
            }
        }
        return texts;
    }

    private static List<String> cells(String body) {
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("(?s)<w:tc>(.*?)</w:tc>").matcher(body);
        while (cell.find()) {
            cells.add(text(cell.group(1)));
        }
        return cells;
    }

    private static String text(String xml) {
        StringBuilder text = new StringBuilder();
        Matcher t = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(xml);
        while (t.find()) {
            text.append(t.group(1));
        }
        return text.toString();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                parts.put(
                        entry.getName(),
                        entry.getName().endsWith(".png") ? "" : new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /** Runs a poppler tool (installed by scripts/ensure-test-tools.sh) and returns what it printed. */
    static String run(String... command) throws IOException, InterruptedException {
        return run(60, command);
    }

    /** Runs a tool for at most so many seconds and returns what it printed. */
    static String run(int seconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
        return output;
    }
}
