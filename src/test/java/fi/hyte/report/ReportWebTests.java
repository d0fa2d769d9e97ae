package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.report.domain.Frozen;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportStatus;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.report.domain.Snapshot;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.Pdfs;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The demo municipality's reports as their readers meet them: the public page of the published
 * report without a cookie and cacheable, its PDF/UA, DOCX and data, and the writers' pages with
 * their refusals of bad input.
 */
@HyteSpringTest
class ReportWebTests {

    static final Path OUT = Path.of("target/documents");

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    fi.hyte.support.Fixtures fixtures;

    final HttpClient http = HttpClient.newHttpClient();

    Report report(ReportStatus status) {
        return reports.of(OrganisationCatalog.DEMO_MUNICIPALITY).stream()
                .filter(r -> r.status() == status)
                .findFirst()
                .orElseThrow();
    }

    HttpResponse<byte[]> anonymous(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void thePublishedReportIsPublicWithoutACookieAndCacheable() throws Exception {
        Report published = report(ReportStatus.PUBLISHED);
        HttpResponse<byte[]> page = anonymous("/public/reports/" + published.id() + "/fi");
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(page.headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=300")
                .contains("public");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(html)
                .contains("<html lang=\"fi\"")
                .contains("Kaupunginvaltuusto")
                .contains("§ 18")
                .contains(reports.snapshots(OrganisationCatalog.DEMO_MUNICIPALITY, published.id())
                        .get(0)
                        .sha256())
                .contains("Selkokielinen tiivistelmä")
                .doesNotContain("<script");
        assertThat(anonymous("/public/reports/" + published.id() + "/fi", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);

        // Swedish where it was written, Finnish marked as Finnish where it was not.
        String sv = new String(
                anonymous("/public/reports/" + published.id() + "/sv").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sv)
                .contains("<html lang=\"sv\"")
                .contains("Keravabornas välfärd")
                .contains("lang=\"fi\"");
    }

    @Test
    void thePublicPageIsTheSamePageGzipCompressedWhenTheReaderAcceptsIt() throws Exception {
        Report published = report(ReportStatus.PUBLISHED);
        String path = "/public/reports/" + published.id() + "/sv";
        HttpResponse<byte[]> identity = anonymous(path);
        HttpResponse<byte[]> gzip = anonymous(path, "Accept-Encoding", "gzip, deflate, br");
        HttpResponse<byte[]> again = anonymous(path, "Accept-Encoding", "gzip");

        assertThat(identity.statusCode()).isEqualTo(200);
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        for (HttpResponse<byte[]> r : java.util.List.of(identity, gzip, again)) {
            assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(String.join(",", r.headers().allValues("Vary"))).contains("Accept-Encoding");
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300");
        }
        byte[] unzipped;
        try (java.util.zip.GZIPInputStream in =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(unzipped).isEqualTo(identity.body());
        assertThat(again.body()).isEqualTo(gzip.body());
        assertThat(gzip.body().length).isLessThan(identity.body().length / 2);
        assertThat(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<html lang=\"sv\"");

        // Two representations, two ETags; each revalidates to 304 in its own encoding only.
        String plainTag = identity.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plainTag);
        assertThat(again.headers().firstValue("ETag")).hasValue(gzipTag);
        HttpResponse<byte[]> notModified = anonymous(path, "Accept-Encoding", "gzip", "If-None-Match", gzipTag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(anonymous(path, "If-None-Match", plainTag).statusCode()).isEqualTo(304);
        assertThat(anonymous(path, "If-None-Match", gzipTag).statusCode())
                .as("the gzip ETag does not stand for the uncompressed page")
                .isEqualTo(200);
        // A reader that refuses gzip gets the page itself.
        assertThat(anonymous(path, "Accept-Encoding", "gzip;q=0, identity")
                        .headers()
                        .firstValue("Content-Encoding"))
                .isEmpty();
    }

    @Test
    void draftsUnknownReportsAndLanguagesAnswer404() throws Exception {
        Report review = report(ReportStatus.REVIEW);
        Report approved = report(ReportStatus.APPROVED);
        assertThat(anonymous("/public/reports/" + review.id() + "/fi").statusCode())
                .isEqualTo(404);
        assertThat(anonymous("/public/reports/" + approved.id() + "/fi").statusCode())
                .isEqualTo(404);
        assertThat(anonymous("/public/reports/" + UUID.randomUUID() + "/fi").statusCode())
                .isEqualTo(404);
        assertThat(anonymous("/public/reports/" + report(ReportStatus.PUBLISHED).id() + "/de")
                        .statusCode())
                .isEqualTo(404);
        assertThat(anonymous("/public/reports/" + approved.id() + "/v/1/data.json")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void thePublicPdfIsTaggedPdfUaAndItsNumbersReadAsText() throws Exception {
        Report published = report(ReportStatus.PUBLISHED);
        HttpResponse<byte[]> pdf = anonymous("/public/reports/" + published.id() + "/v/1/fi/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        Files.createDirectories(OUT);
        Path file = OUT.resolve("report-extended-fi.pdf");
        Files.write(file, pdf.body());

        assertThat(Pdfs.failedRules(pdf.body(), PDFAFlavour.PDFUA_1)).isEmpty();
        String text = Pdfs.run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
        assertThat(text)
                .contains("Tausta ja valmistelu")
                .contains("Kaupunginvaltuusto")
                .contains("§ 18")
                .contains("Vähimmäistietolista");
        // Every number of the frozen tables is text in the PDF, and so is the fingerprint.
        Snapshot snapshot = reports.snapshots(OrganisationCatalog.DEMO_MUNICIPALITY, published.id())
                .get(0);
        // DejaVu's ligatures (ﬁ, ﬀ) come out of pdftotext as single characters; a reader's search folds them.
        String flat = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", " ");
        assertThat(flat).contains(snapshot.sha256().substring(0, 16));
        ReportContent content = Frozen.read(json, snapshot.content()).in("fi");
        int numbers = 0;
        for (ReportContent.SectionContent section : content.sections()) {
            for (ReportContent.BlockContent block : section.blocks()) {
                if (block.table() == null) {
                    continue;
                }
                for (java.util.List<String> row : block.table().rows()) {
                    for (String cell : row.subList(1, row.size())) {
                        String number = cell.split(" \\(")[0];
                        if (number.matches("[−+-]?[0-9][0-9\u00a0,]*")) {
                            assertThat(flat).as(block.heading()).contains(number.replace('\u00a0', ' '));
                            numbers++;
                        }
                    }
                }
            }
        }
        assertThat(numbers).isGreaterThan(20);
        Pdfs.run(
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "3",
                file.toString(),
                OUT.resolve("report-page").toString());
    }

    @Test
    void theDocxOpensInLibreOfficeAndTheDataComesWithItsProvenance() throws Exception {
        Report published = report(ReportStatus.PUBLISHED);
        HttpResponse<byte[]> docx = anonymous("/public/reports/" + published.id() + "/v/1/fi/report.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        Path dir = Files.createDirectories(OUT.resolve("report-docx"));
        Path file = dir.resolve("report.docx");
        Files.write(file, docx.body());
        Path profile = Files.createTempDirectory("hyte-lo");
        Pdfs.run(
                "libreoffice",
                "-env:UserInstallation=" + profile.toUri(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                dir.toString(),
                file.toString());
        String text =
                Pdfs.run("pdftotext", "-enc", "UTF-8", dir.resolve("report.pdf").toString(), "-");
        assertThat(text).contains("Tausta ja valmistelu").contains("Kaupunginvaltuusto");

        String json = new String(
                anonymous("/public/reports/" + published.id() + "/v/1/data.json")
                        .body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"sha256\"")
                .contains("\"values\"")
                .contains("\"goals\"")
                .contains("\"measures\"");
        HttpResponse<byte[]> csv = anonymous("/public/reports/" + published.id() + "/v/1/data.csv");
        String rows = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rows)
                .startsWith(
                        "record,indicator_id,code,title,region,role,year,gender,value,status,source,licence,retrieved_at,"
                                + "import_batch\r\n");
        assertThat(rows).contains("\r\nvalue,").contains("\r\ngoal,").contains("\r\nmeasure,");
        // Sotkanet's values name THL as their source and CC BY 4.0 as their licence.
        assertThat(rows.lines().filter(l -> l.startsWith("value,")))
                .isNotEmpty()
                .anySatisfy(l -> assertThat(l).contains(",\"THL, Sotkanet.fi\",CC BY 4.0,"));
        assertThat(csv.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theWritersPagesOpenForEveryRoleAndOnlyCoordinatorsMoveTheReport() {
        Report review = report(ReportStatus.REVIEW);
        WebSession coordinator = WebSession.signedIn(port, "koordinaattori", HyteSpringTest.DEMO_PASSWORD);
        for (String page : new String[] {
            "/reports",
            "/reports/" + review.id(),
            "/reports/" + review.id() + "/preview",
            "/reports/" + review.id() + "/material",
            "/reports/" + review.id() + "/settings"
        }) {
            Response r = coordinator.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("Hyvinvoinnin vuosiraportti 2026");
        }
        Section section = reports.sections(OrganisationCatalog.DEMO_MUNICIPALITY, review.id())
                .get(1);
        assertThat(coordinator
                        .get("/reports/" + review.id() + "/sections/" + section.id())
                        .body())
                .contains("Voisiko kouluterveyskyselyn tulokset")
                .contains("Mikko Korhonen");

        WebSession viewer = WebSession.signedIn(port, "katselija", HyteSpringTest.DEMO_PASSWORD);
        assertThat(viewer.get("/reports/" + review.id() + "/preview").status()).isEqualTo(200);
        assertThat(viewer.post("/reports/" + review.id() + "/lock", Map.of()).status())
                .isEqualTo(403);
        assertThat(reports.find(OrganisationCatalog.DEMO_MUNICIPALITY, review.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(ReportStatus.REVIEW);
    }

    @Autowired
    fi.hyte.report.domain.Composer composer;

    /** A coordinator's new annual report (through the form), with one section's Finnish text saved. */
    private record Written(fi.hyte.support.Fixtures.Org org, WebSession coordinator, String reportPath, UUID id) {}

    private Written annualWith(String prefix, String title, int section, String heading, String body) {
        fi.hyte.support.Fixtures.Org org = fixtures.organisation(prefix + Long.toString(System.nanoTime(), 36));
        WebSession coordinator = WebSession.signedIn(
                port, org.user(fi.hyte.platform.Role.COORDINATOR), fi.hyte.support.Fixtures.PASSWORD);
        Response started = coordinator.post(
                "/reports/new", Map.of("kind", "ANNUAL", "titleFi", title, "firstYear", "2025", "lastYear", "2025"));
        String reportPath = started.location().replaceAll("^https?://[^/]+", "");
        UUID id = UUID.fromString(reportPath.substring("/reports/".length()));
        Section s = reports.sections(org.id(), id).get(section);
        assertThat(coordinator
                        .post(
                                reportPath + "/sections/" + s.id(),
                                Map.of("titleFi", heading, "bodyFi", body, "version", Integer.toString(s.version())))
                        .status())
                .isEqualTo(302);
        return new Written(org, coordinator, reportPath, id);
    }

    @Test
    void thePreviewShowsTheCurrentTextAfterAnEditThoughItsWrittenOutHtmlIsKept() {
        Written w = annualWith("preview", "Esikatseluraportti", 0, "Tiivistelmä", "Ensimmäinen **versio**.");
        fi.hyte.support.Fixtures.Org org = w.org();
        WebSession coordinator = w.coordinator();
        String reportPath = w.reportPath();
        UUID id = w.id();
        // A composition of unchanged data is equal to the one before: what lets the written HTML be kept.
        Report report = reports.find(org.id(), id).orElseThrow();
        java.util.Locale fi = java.util.Locale.forLanguageTag("fi");
        java.time.LocalDate today = java.time.LocalDate.now();
        assertThat(composer.compose(org.id(), report, fi, today).content())
                .isEqualTo(composer.compose(org.id(), report, fi, today).content());

        String once = coordinator.get(reportPath + "/preview").body();
        String twice = coordinator.get(reportPath + "/preview").body();
        assertThat(once).contains("Ensimmäinen <strong>versio</strong>.").contains("class=\"report-doc\"");
        assertThat(content(twice)).isEqualTo(content(once));
        assertThat(coordinator.get(reportPath + "/preview?lang=sv").body())
                .as("another language is written out in that language")
                .contains("<html lang=\"sv\"");

        Section saved = reports.sections(org.id(), id).get(0);
        assertThat(coordinator
                        .post(
                                reportPath + "/sections/" + saved.id(),
                                Map.of(
                                        "titleFi", "Tiivistelmä",
                                        "bodyFi", "Toinen **versio**.",
                                        "version", Integer.toString(saved.version())))
                        .status())
                .isEqualTo(302);
        assertThat(coordinator.get(reportPath + "/preview?lang=fi").body())
                .contains("Toinen <strong>versio</strong>.")
                .doesNotContain("Ensimmäinen");
    }

    @Test
    void aSectionShowsAloneAsTheReportShowsItAndWithoutScriptInThePreview() {
        Written w = annualWith("lukuna", "Lukuraportti", 1, "Taustaa", "Valmistelu *alkoi* keväällä.");
        fi.hyte.support.Fixtures.Org org = w.org();
        WebSession coordinator = w.coordinator();
        String reportPath = w.reportPath();
        UUID id = w.id();
        Section second = reports.sections(org.id(), id).get(1);
        String sectionPath = reportPath + "/sections/" + second.id();
        assertThat(coordinator.get(sectionPath).body())
                .contains("hx-get=\"" + sectionPath + "/content\"")
                .contains("Luku sellaisena kuin se näkyy kertomuksessa");

        Response alone = coordinator.getHtmx(sectionPath + "/content");
        assertThat(alone.status()).isEqualTo(200);
        assertThat(alone.body())
                .contains("class=\"report-doc\"")
                .contains(">Taustaa</h2>")
                .contains("Valmistelu <em>alkoi</em> keväällä.")
                .doesNotContain("<html")
                .doesNotContain(reports.sections(org.id(), id).get(0).title().fi() + "</h2>");

        Response withoutScript = coordinator.get(sectionPath + "/content");
        assertThat(withoutScript.status()).isEqualTo(303);
        assertThat(withoutScript.location()).endsWith(reportPath + "/preview#s-1");
    }

    /** The report's content on a page, without the layout around it (whose form tokens differ per request). */
    static String content(String page) {
        int start = page.indexOf("class=\"report-doc\"");
        assertThat(start).isPositive();
        return page.substring(start, page.indexOf("</main>", start));
    }

    @Test
    void pastedHtmlAndScriptAreShownAsTextAndBadHandlingIsRefusedWithAMessage() {
        fi.hyte.support.Fixtures.Org org = fixtures.organisation("markdown" + Long.toString(System.nanoTime(), 36));
        WebSession coordinator = WebSession.signedIn(
                port, org.user(fi.hyte.platform.Role.COORDINATOR), fi.hyte.support.Fixtures.PASSWORD);
        Response started = coordinator.post(
                "/reports/new",
                Map.of("kind", "ANNUAL", "titleFi", "Testiraportti", "firstYear", "2025", "lastYear", "2025"));
        assertThat(started.status()).isEqualTo(302);
        String reportPath = started.location().replaceAll("^https?://[^/]+", "");
        UUID id = UUID.fromString(reportPath.substring("/reports/".length()));
        Section first = reports.sections(org.id(), id).get(0);
        Response saved = coordinator.post(
                reportPath + "/sections/" + first.id(),
                Map.of(
                        "titleFi", "Tiivistelmä",
                        "bodyFi",
                                "Hyvä **alku**.\n\n<script>alert('x')</script>\n\n[klikkaa](javascript:alert(1)) <img src=x onerror=alert(2)>",
                        "version", Integer.toString(first.version())));
        assertThat(saved.status()).isEqualTo(302);

        String preview = coordinator.get(reportPath + "/preview").body();
        assertThat(preview)
                .contains("<strong>alku</strong>")
                .contains("&lt;script&gt;")
                .contains("&lt;img");
        assertThat(preview)
                .doesNotContain("<script>alert")
                .doesNotContain("href=\"javascript:")
                .doesNotContain("<img src=x");

        // A form that skips a required field, or is not even a number, gets the page back with a message.
        Response missing =
                coordinator.post(reportPath + "/sections/" + first.id(), Map.of("titleFi", "", "version", "x"));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("error-summary");
        Response wrongYear = coordinator.post(
                "/reports/new", Map.of("kind", "ANNUAL", "titleFi", "X", "firstYear", "kaksi", "lastYear", "2025"));
        assertThat(wrongYear.status()).isEqualTo(200);
        assertThat(reports.of(org.id())).hasSize(1);
    }
}
