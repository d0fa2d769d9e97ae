package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.SectionImages;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A writer adds a picture to a section in real Chromium with the plain upload form (no script needed):
 * a refused file comes back with its message at the field, a PNG with its alternative text is taken
 * and shown in the section and the preview, and the pages stay axe-clean.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportImageBrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    SectionImages images;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void aWriterUploadsAPictureWithItsAltTextAndThePagesStayAxeClean() throws Exception {
        Fixtures.Org org = fixtures.organisation("kuvaselain" + Long.toString(System.nanoTime(), 36));
        UUID report = work.start(
                org.tenant(),
                new ReportWork.NewReport(
                        ReportKind.ANNUAL, LocalizedText.of("Kuvaraportti", null), 2025, 2025, null, false, false));
        UUID section = reports.sections(org.id(), report).get(0).id();
        Path dir = Files.createTempDirectory("hyte-images");
        Path png = Files.write(dir.resolve("nuorisotila.png"), TestImages.png(480, 320));
        Path text = Files.write(dir.resolve("muistio.png"), "Ei kuva vaan tekstiä.".getBytes());
        Files.createDirectories(SCREENSHOTS);
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                // The page scrolls smoothly unless the reader asks for less motion; a click waits for stillness.
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE)
                .setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=fi"));
            page.locator("#username").fill(org.user(Role.COORDINATOR));
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("form button[type=submit]").click();
            page.waitForLoadState();
            page.navigate(url("/reports/" + report + "/sections/" + section));

            // A text file named .png is refused at the file field, with what was typed kept.
            page.locator("#image-file").setInputFiles(text);
            page.locator("#image-altFi").fill("Nuoria nuorisotilassa.");
            page.locator("#images form[enctype='multipart/form-data'] button[type=submit]")
                    .last()
                    .click();
            page.waitForLoadState();
            assertThat(page.locator("#image-file-error").textContent())
                    .contains("Tiedosto ei ole PNG- eikä JPEG-kuva.");
            assertThat(page.locator("#image-altFi").inputValue()).isEqualTo("Nuoria nuorisotilassa.");

            page.locator("#image-file").setInputFiles(png);
            page.locator("#images form[enctype='multipart/form-data'] button[type=submit]")
                    .last()
                    .click();
            page.waitForLoadState();
            assertThat(images.ofSection(org.id(), section)).hasSize(1);
            assertThat(page.locator("#images img[alt='Nuoria nuorisotilassa.']").count())
                    .isEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("report-section-image.png"))
                    .setFullPage(true));

            page.navigate(url("/reports/" + report + "/preview"));
            assertThat(page.locator("figure.report-image img[alt='Nuoria nuorisotilassa.']")
                            .count())
                    .isEqualTo(1);
        }
        // The writer pastes the offered reference into the text: the preview shows the picture there.
        fi.hyte.report.domain.Section written =
                reports.sections(org.id(), report).get(0);
        work.saveSection(
                org.tenant(),
                report,
                section,
                new ReportWork.SectionText(
                        written.title(),
                        LocalizedText.of("Ennen kuvaa.\n\n![Kuva 1](kuva:1)\n\nKuvan jälkeen.", null),
                        null,
                        null,
                        null),
                written.version());
        // axe runs in the page's JavaScript: the pages are checked again with script on, the refused form included.
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE))) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=fi"));
            page.locator("#username").fill(org.user(Role.COORDINATOR));
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("form button[type=submit]").click();
            page.waitForLoadState();
            page.navigate(url("/reports/" + report + "/sections/" + section));
            axe(page, "uploaded", violations);
            page.locator("#image-file").setInputFiles(text);
            page.locator("#image-altFi").fill("Muistio");
            page.locator("#images form[enctype='multipart/form-data'] button[type=submit]")
                    .last()
                    .click();
            page.waitForLoadState();
            page.waitForURL(u -> u.contains("/sections/" + section));
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("report-section-image-refused.png"))
                    .setFullPage(true));
            assertThat(page.locator("#image-file-error").textContent())
                    .contains("Tiedosto ei ole PNG- eikä JPEG-kuva.");
            axe(page, "refused", violations);
            page.navigate(url("/reports/" + report + "/preview"));
            assertThat(page.locator(".report-text figure.report-image img[alt='Nuoria nuorisotilassa.']")
                            .count())
                    .isEqualTo(1);
            assertThat(page.locator("code.report-image-ref").count()).isZero();
            axe(page, "preview", violations);
        }
        assertThat(violations).isEmpty();
    }

    private static void axe(Page page, String where, List<String> violations) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        results.getViolations()
                .forEach(rule -> violations.add(where + ": " + rule.getId() + " at "
                        + rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", "))));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
