package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.Block;
import fi.hyte.report.domain.Frozen;
import fi.hyte.report.domain.Handling;
import fi.hyte.report.domain.Outlines;
import fi.hyte.report.domain.Readiness;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportProblem;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.report.domain.SectionImage;
import fi.hyte.report.domain.SectionImageWork;
import fi.hyte.report.domain.SectionImages;
import fi.hyte.report.domain.Snapshot;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.Pdfs;
import fi.hyte.support.TestImages;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Pictures in a report's sections: only real PNG and JPEG files within the limits, with a Finnish
 * alternative text, re-encoded without their metadata, shown in the page, the PDF/UA and the DOCX,
 * and frozen with the approved version so a later change of the draft's picture never reaches it.
 */
@HyteSpringTest
class ReportImageTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportWork work;

    @Autowired
    SectionImageWork imageWork;

    @Autowired
    SectionImages images;

    @Autowired
    Reports reports;

    @Autowired
    Outlines outlines;

    @Autowired
    Readiness readiness;

    @Autowired
    fi.hyte.report.domain.Composer composer;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Org org;
    Tenant tenant;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation("kuvat" + Long.toString(System.nanoTime(), 36));
        tenant = org.tenant();
    }

    UUID annual(boolean swedish) {
        return work.start(
                tenant,
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        LocalizedText.of("Vuosiraportti 2025", swedish ? "Årsrapport 2025" : null),
                        2025,
                        2025,
                        null,
                        swedish,
                        false));
    }

    /** As ReportLifecycleTests' ready(): text in every section, no blocks, every list item placed, a summary. */
    UUID ready() {
        UUID id = annual(false);
        for (Block b : reports.blocks(org.id(), id)) {
            work.deleteBlock(tenant, id, b.id());
        }
        List<Section> sections = reports.sections(org.id(), id);
        for (Section s : sections) {
            work.saveSection(
                    tenant,
                    id,
                    s.id(),
                    new ReportWork.SectionText(
                            s.title(),
                            LocalizedText.of("Teksti luvussa " + s.title().fi() + ".", null),
                            null,
                            null,
                            null),
                    s.version());
        }
        for (Outlines.MinimumItem item : outlines.minimumList().items()) {
            work.place(tenant, id, item.key(), sections.get(0).id(), null);
        }
        Report r = work.find(tenant, id);
        work.saveSettings(
                tenant,
                id,
                new ReportWork.Settings(
                        r.title(),
                        null,
                        false,
                        r.changeThreshold(),
                        LocalizedText.of("Hyvinvointi on hyvä.", null),
                        null),
                r.version());
        return id;
    }

    static SectionImageWork.ImageTexts texts(String altFi, String altSv) {
        return new SectionImageWork.ImageTexts(
                LocalizedText.of(altFi, altSv), LocalizedText.of("Nuorisotila Tunneli", null), "Kuva: Kerava");
    }

    static Map<String, String> form(String altFi) {
        Map<String, String> form = new HashMap<>();
        form.put("altFi", altFi);
        form.put("altSv", "");
        form.put("altEn", "");
        form.put("captionFi", "Nuorisotila Tunneli");
        form.put("captionSv", "");
        form.put("captionEn", "");
        form.put("credit", "Kerava");
        return form;
    }

    /** A JPEG with an EXIF segment holding a GPS position and a camera, as a phone writes it. */
    static byte[] jpegWithGps() {
        byte[] plain = TestImages.jpeg(320, 200);
        byte[] exif = "Exif\0\0GPSLatitude=60.4037;GPSLongitude=25.1050;Model=PuhelinKamera"
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xff);
        out.write(0xe1); // APP1
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    @Test
    void aRealPngAndAJpegAreTakenByTheirContentAndReEncodedWithoutTheirMetadata() throws Exception {
        UUID id = annual(false);
        Section section = reports.sections(org.id(), id).get(0);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String upload = "/reports/" + id + "/sections/" + section.id() + "/images";

        Response png = coordinator.postMultipart(
                upload,
                form("Nuoria pelaamassa biljardia nuorisotilassa."),
                "file",
                "kuva.bin",
                TestImages.png(400, 300));
        assertThat(png.status()).isEqualTo(302);
        byte[] gps = jpegWithGps();
        assertThat(new String(gps, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");
        // The name says PNG, the browser says octet-stream: the content decides.
        Response jpeg = coordinator.postMultipart(
                upload, form("Pyöräteline nuorisotalon edessä."), "file", "valokuva.png", gps);
        assertThat(jpeg.status()).isEqualTo(302);

        List<SectionImage> stored = images.ofSection(org.id(), section.id());
        assertThat(stored).extracting(SectionImage::mediaType).containsExactly("image/png", "image/jpeg");
        assertThat(stored.get(0).width()).isEqualTo(400);
        assertThat(stored.get(0).height()).isEqualTo(300);
        SectionImage photo = stored.get(1);
        assertThat(new String(photo.data(), StandardCharsets.ISO_8859_1))
                .doesNotContain("GPSLatitude")
                .doesNotContain("PuhelinKamera");
        assertThat(photo.sha256())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(photo.data())));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(photo.data()));
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(jdbc.sql("select organisation_id from report_image where id = ?")
                        .param(photo.id())
                        .query(UUID.class)
                        .single())
                .isEqualTo(org.id().value());

        // The section page shows both with their texts; the upload was audited.
        String page =
                coordinator.get("/reports/" + id + "/sections/" + section.id()).body();
        assertThat(page)
                .contains("alt=\"Nuoria pelaamassa biljardia nuorisotilassa.\"")
                .contains("data:image/jpeg;base64,")
                .contains("Kuva 2");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where organisation_id = ? and entity_type = 'report_image'")
                        .param(org.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);

        // Order and removal.
        assertThat(coordinator
                        .post("/reports/" + id + "/images/" + photo.id() + "/move", Map.of("step", "-1"))
                        .status())
                .isEqualTo(302);
        assertThat(images.ofSection(org.id(), section.id()))
                .extracting(SectionImage::id)
                .first()
                .isEqualTo(photo.id());
        assertThat(coordinator
                        .post("/reports/" + id + "/images/" + stored.get(0).id() + "/delete", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(images.ofSection(org.id(), section.id()))
                .extracting(SectionImage::id)
                .containsExactly(photo.id());
    }

    @Test
    void aGifATextFileATooLargeOrTooWidePictureAndAMissingAltTextAreRefusedWithAMessageAndNothingSaved() {
        UUID id = annual(false);
        Section section = reports.sections(org.id(), id).get(0);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String upload = "/reports/" + id + "/sections/" + section.id() + "/images";
        String page = "/reports/" + id + "/sections/" + section.id();

        BufferedImage noise = new BufferedImage(1100, 1100, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        byte[] large = TestImages.write(noise, "png");
        assertThat(large.length).isGreaterThan(2 * 1024 * 1024);

        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("Tiedosto ei ole PNG- eikä JPEG-kuva", TestImages.gif(50, 50));
        files.put(
                "Tiedosto ei ole PNG- eikä JPEG-kuva.",
                "Tämä on tekstiä, ei kuva.\n".repeat(20).getBytes(StandardCharsets.UTF_8));
        files.put("Kuva on liian suuri: enintään 2 Mt.", large);
        files.put("Kuvassa on liikaa pikseleitä (4001 × 10)", TestImages.png(4001, 10));
        files.put("Kuvaa ei voi lukea", truncated(TestImages.png(200, 200)));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Response refused =
                    coordinator.postMultipart(upload, form("Tekstivastine"), "file", "kuva.png", f.getValue());
            assertThat(refused.status()).as(f.getKey()).isEqualTo(302);
            String shown = coordinator.get(page).body();
            assertThat(shown)
                    .as(f.getKey())
                    .contains(f.getKey().replace("(4001 × 10)", ""))
                    .contains("error-summary");
            // What was typed stays in the form.
            assertThat(shown).as(f.getKey()).contains("value=\"Tekstivastine\"");
        }
        Response noAlt = coordinator.postMultipart(upload, form(""), "file", "kuva.png", TestImages.png(40, 40));
        assertThat(noAlt.status()).isEqualTo(302);
        assertThat(coordinator.get(page).body()).contains("Kirjoita kuvalle tekstivastine suomeksi.");

        WebSession swedish = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        swedish.get("/?lang=sv");
        swedish.postMultipart(upload, form("x"), "file", "kuva.png", TestImages.gif(10, 10));
        assertThat(swedish.get(page + "?lang=sv").body()).contains("Filen är varken en PNG- eller en JPEG-bild.");

        assertThat(images.ofSection(org.id(), section.id())).isEmpty();
        assertThatThrownBy(() -> imageWork.upload(tenant, id, section.id(), TestImages.gif(5, 5), texts("Kuva", null)))
                .isInstanceOf(ReportProblem.class)
                .hasMessage("report.image.problem.type");
    }

    private static byte[] truncated(byte[] png) {
        return java.util.Arrays.copyOf(png, png.length / 2);
    }

    @Test
    void aPictureWithoutItsSwedishAltTextKeepsABilingualReportFromReview() {
        UUID id = annual(true);
        Section section = reports.sections(org.id(), id).get(0);
        UUID image = imageWork.upload(tenant, id, section.id(), TestImages.png(60, 40), texts("Kuva puistosta", null));
        Report r = work.find(tenant, id);
        assertThat(gaps(r)).contains("report.ready.imageNoAlt");

        SectionImage stored = images.find(org.id(), image).orElseThrow();
        imageWork.saveTexts(tenant, id, image, texts("Kuva puistosta", "Bild av parken"), stored.version());
        assertThat(gaps(r)).doesNotContain("report.ready.imageNoAlt");
    }

    private List<String> gaps(Report r) {
        return readiness
                .check(
                        org.id(),
                        r,
                        composer.compose(org.id(), r, java.util.Locale.forLanguageTag("fi"), TODAY)
                                .content())
                .stream()
                .map(Readiness.Gap::key)
                .toList();
    }

    @Test
    void anApprovedReportKeepsItsPictureInThePublicPagePdfAndDocxAndAReplacedDraftPictureNeverReachesIt()
            throws Exception {
        UUID id = ready();
        Section section = reports.sections(org.id(), id).get(1);
        String alt = "Nuoria pelaamassa biljardia Keravan nuorisotilassa.";
        UUID image = imageWork.upload(tenant, id, section.id(), TestImages.jpeg(640, 400), texts(alt, null));
        String sha = images.find(org.id(), image).orElseThrow().sha256();
        work.toReview(tenant, id, TODAY);
        work.lock(tenant, id, TODAY);
        UUID snapshotId = work.handle(
                        tenant,
                        id,
                        new ReportWork.HandlingForm(
                                null,
                                "Kunnanvaltuusto",
                                TODAY.minusDays(1),
                                "§ 12",
                                null,
                                Handling.Outcome.APPROVED,
                                null),
                        TODAY)
                .orElseThrow();
        work.publish(tenant, id);
        Snapshot snapshot = reports.snapshot(org.id(), snapshotId).orElseThrow();
        ReportContent frozen = Frozen.read(json, snapshot.content()).in("fi");
        ReportContent.ImageContent kept = frozen.sections().get(1).images().get(0);
        assertThat(kept.sha256()).isEqualTo(sha);
        assertThat(kept.alt().text()).isEqualTo(alt);
        assertThat(Pictures_sha256(kept.bytes())).isEqualTo(sha);

        HttpClient http = HttpClient.newHttpClient();
        String pageHtml = new String(get(http, "/public/reports/" + id + "/fi").body(), StandardCharsets.UTF_8);
        assertThat(pageHtml)
                .contains("alt=\"" + alt + "\"")
                .contains("src=\"data:image/jpeg;base64," + kept.base64().substring(0, 40))
                .contains("Nuorisotila Tunneli");

        byte[] pdf = get(http, "/public/reports/" + id + "/v/1/fi/report.pdf").body();
        assertThat(Pdfs.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> alts = new ArrayList<>();
            figures(doc.getDocumentCatalog().getStructureTreeRoot(), alts);
            assertThat(alts).contains(alt);
        }

        byte[] docx = get(http, "/public/reports/" + id + "/v/1/fi/report.docx").body();
        String documentXml = null;
        int media = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) {
                    documentXml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else if (e.getName().startsWith("word/media/")) {
                    media++;
                }
            }
        }
        assertThat(documentXml).contains("descr=\"" + alt + "\"");
        assertThat(media).isGreaterThanOrEqualTo(1);

        // A correction reopens the draft; its picture replaced, the approved version stays as it was.
        work.correct(tenant, id, "Kuva vaihdetaan");
        SectionImage draft = images.find(org.id(), image).orElseThrow();
        imageWork.replace(tenant, id, image, TestImages.png(100, 80), draft.version());
        assertThat(images.find(org.id(), image).orElseThrow().sha256()).isNotEqualTo(sha);
        Snapshot after = reports.snapshot(org.id(), snapshotId).orElseThrow();
        assertThat(after.content()).isEqualTo(snapshot.content());
        assertThat(after.sha256()).isEqualTo(snapshot.sha256());
        String stillPublic =
                new String(get(http, "/public/reports/" + id + "/v/1/fi").body(), StandardCharsets.UTF_8);
        assertThat(stillPublic).contains(kept.base64().substring(0, 40));
        ReportContent nowDraft = composer.compose(
                        org.id(), work.find(tenant, id), java.util.Locale.forLanguageTag("fi"), TODAY)
                .content();
        assertThat(nowDraft.sections().get(1).images().get(0).mediaType()).isEqualTo("image/png");
    }

    private static String Pictures_sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }

    private HttpResponse<byte[]> get(HttpClient http, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r;
    }

    private static void figures(PDStructureNode node, List<String> alts) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if ("Figure".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    alts.add(e.getAlternateDescription());
                }
                figures(e, alts);
            }
        }
    }

    private void text(UUID id, Section s, String fi) {
        Section now = reports.sections(org.id(), id).stream()
                .filter(x -> x.id().equals(s.id()))
                .findFirst()
                .orElseThrow();
        work.saveSection(
                tenant,
                id,
                s.id(),
                new ReportWork.SectionText(now.title(), LocalizedText.of(fi, null), null, null, null),
                now.version());
    }

    @Test
    void aPictureReferencedInTheTextStandsThereInThePublicPagePdfAndDocxAndAMissingReferenceKeepsItFromReview()
            throws Exception {
        UUID id = ready();
        Section section = reports.sections(org.id(), id).get(1);
        String alt = "Ikäihmisiä tuolijumpassa palvelutalon salissa.";
        UUID image = imageWork.upload(tenant, id, section.id(), TestImages.png(300, 200), texts(alt, null));
        SectionImage stored = images.find(org.id(), image).orElseThrow();
        assertThat(stored.number()).isEqualTo(1);
        assertThat(stored.reference("Kuva")).isEqualTo("![Kuva 1](kuva:1)");

        // A mistyped number keeps the report from review; the section page offers the right reference.
        text(id, section, "Ennen kuvaa.\n\n![Kuva 7](kuva:7)\n\nKuvan jälkeen.");
        Report r = work.find(tenant, id);
        assertThat(readiness.check(
                        org.id(),
                        r,
                        composer.compose(org.id(), r, java.util.Locale.forLanguageTag("fi"), TODAY)
                                .content()))
                .anySatisfy(g -> {
                    assertThat(g.key()).isEqualTo("report.ready.pictureMissing");
                    assertThat(g.subject()).contains("![Kuva 7](kuva:7)");
                });
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(coordinator
                        .get("/reports/" + id + "/sections/" + section.id())
                        .body())
                .contains("![Kuva 1](kuva:1)")
                .contains("Viite tekstiin:");

        text(id, section, "Ennen kuvaa.\n\n![Kuva 1](kuva:1)\n\nKuvan jälkeen.");
        assertThat(gaps(work.find(tenant, id))).doesNotContain("report.ready.pictureMissing");
        work.toReview(tenant, id, TODAY);
        work.lock(tenant, id, TODAY);
        work.handle(
                        tenant,
                        id,
                        new ReportWork.HandlingForm(
                                null,
                                "Kunnanvaltuusto",
                                TODAY.minusDays(1),
                                "§ 3",
                                null,
                                Handling.Outcome.APPROVED,
                                null),
                        TODAY)
                .orElseThrow();
        work.publish(tenant, id);

        HttpClient http = HttpClient.newHttpClient();
        String page = new String(get(http, "/public/reports/" + id + "/fi").body(), StandardCharsets.UTF_8);
        assertThat(page)
                .containsSubsequence("Ennen kuvaa.", "alt=\"" + alt + "\"", "Nuorisotila Tunneli", "Kuvan jälkeen.");
        assertThat(page.split(java.util.regex.Pattern.quote("alt=\"" + alt + "\""), -1))
                .hasSize(2);
        assertThat(page).doesNotContain("kuva:1");

        byte[] pdf = get(http, "/public/reports/" + id + "/v/1/fi/report.pdf").body();
        assertThat(Pdfs.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> alts = new ArrayList<>();
            figures(doc.getDocumentCatalog().getStructureTreeRoot(), alts);
            assertThat(alts).contains(alt);
        }
        byte[] docx = get(http, "/public/reports/" + id + "/v/1/fi/report.docx").body();
        String documentXml = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) {
                    documentXml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(documentXml).containsSubsequence("Ennen kuvaa.", "descr=\"" + alt + "\"", "Kuvan jälkeen.");
    }

    @Test
    void aPictureNumberIsNeverGivenTwiceInAReportNeitherAfterADeletionNorToTwoUploadsAtOnce() throws Exception {
        UUID id = annual(false);
        Section section = reports.sections(org.id(), id).get(0);
        UUID first = imageWork.upload(tenant, id, section.id(), TestImages.png(40, 30), texts("Yksi", null));
        UUID second = imageWork.upload(tenant, id, section.id(), TestImages.png(40, 30), texts("Kaksi", null));
        imageWork.delete(tenant, id, second);
        UUID third = imageWork.upload(tenant, id, section.id(), TestImages.png(40, 30), texts("Kolme", null));
        assertThat(images.find(org.id(), first).orElseThrow().number()).isEqualTo(1);
        // "kuva:2" in a text named the deleted picture; it must not start showing the new one.
        assertThat(images.find(org.id(), third).orElseThrow().number()).isEqualTo(3);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<UUID>> uploads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String alt = "Samaan aikaan " + i;
                uploads.add(pool.submit(
                        () -> imageWork.upload(tenant, id, section.id(), TestImages.png(40, 30), texts(alt, null))));
            }
            List<Integer> numbers = new ArrayList<>();
            for (java.util.concurrent.Future<UUID> upload : uploads) {
                numbers.add(images.find(org.id(), upload.get()).orElseThrow().number());
            }
            assertThat(numbers)
                    .doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(n).isBetween(4, 11));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReportStartedFromAnEarlierOneCopiesItsPicturesWithTheirTextsOrderAndPlacement() {
        UUID earlier = annual(true);
        Section section = reports.sections(org.id(), earlier).get(0);
        UUID first = imageWork.upload(
                tenant,
                earlier,
                section.id(),
                TestImages.png(60, 40),
                new SectionImageWork.ImageTexts(
                        new LocalizedText("Puisto", "Parken", "The park"),
                        new LocalizedText("Kuvateksti", "Bildtext", "Caption"),
                        "Kerava"));
        UUID second = imageWork.upload(
                tenant, earlier, section.id(), TestImages.jpeg(80, 50), texts("Kirjasto", "Biblioteket"));
        imageWork.move(tenant, earlier, second, -1);
        text(earlier, section, "Alussa.\n\n![Kuva 1](kuva:1)");

        UUID next = work.start(
                tenant,
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        LocalizedText.of("Vuosiraportti 2026", "Årsrapport 2026"),
                        2026,
                        2026,
                        earlier,
                        true,
                        false));

        Section copied = reports.sections(org.id(), next).get(0);
        List<SectionImage> was = images.ofSection(org.id(), section.id());
        List<SectionImage> now = images.ofSection(org.id(), copied.id());
        assertThat(now).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(now.get(i).id()).isNotEqualTo(was.get(i).id());
            assertThat(now.get(i).reportId()).isEqualTo(next);
            assertThat(now.get(i).sha256()).isEqualTo(was.get(i).sha256());
            assertThat(now.get(i).data()).isEqualTo(was.get(i).data());
            assertThat(now.get(i).alt()).isEqualTo(was.get(i).alt());
            assertThat(now.get(i).caption()).isEqualTo(was.get(i).caption());
            assertThat(now.get(i).credit()).isEqualTo(was.get(i).credit());
            assertThat(now.get(i).number()).isEqualTo(was.get(i).number());
        }
        assertThat(now)
                .extracting(SectionImage::alt)
                .extracting(LocalizedText::fi)
                .containsExactly("Kirjasto", "Puisto");
        assertThat(now.get(1).alt().en()).isEqualTo("The park");

        // The copied text still places picture 1 (the park); the library follows the text as before.
        ReportContent content = composer.compose(
                        org.id(), work.find(tenant, next), java.util.Locale.forLanguageTag("sv"), TODAY)
                .content();
        ReportContent.SectionContent shown = content.sections().get(0);
        assertThat(shown.following()).extracting(i -> i.alt().text()).containsExactly("Biblioteket");
        // A new upload in the new report takes the next number.
        UUID third = imageWork.upload(tenant, next, copied.id(), TestImages.png(20, 20), texts("Uusi", "Ny"));
        assertThat(images.find(org.id(), third).orElseThrow().number()).isEqualTo(3);
        assertThat(images.ofSection(org.id(), section.id())).hasSize(2);
        assertThat(first).isNotNull();
    }
}
