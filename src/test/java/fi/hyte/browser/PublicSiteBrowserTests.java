package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import fi.hyte.support.HyteSpringTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo municipality's public site in a real browser: every page in Finnish, Swedish and English
 * at desktop (1280 px) and phone (390 px) width has zero axe-core WCAG 2.1 A/AA violations, no
 * sideways scrolling and no heading broken inside a word (Tillgänglighetsutlåtande), works
 * with JavaScript turned off and with the keyboard alone, and is written to target/screenshots.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteBrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> PAGES =
            List.of("", "/plan", "/evaluations/2025", "/indicators", "/contact", "/privacy", "/accessibility");

    @LocalServerPort
    int port;

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

    @Autowired
    JdbcClient jdbc;

    /**
     * The demo's example pages of a consultation, its "you said, we did" and a joys-and-worries
     * collection, by their path with the id shown as {id} (the form the statement's record keeps).
     */
    Map<String, String> examplePages() {
        Map<String, String> pages = new LinkedHashMap<>();
        jdbc.sql("select c.id from consultation c join public_site s on s.organisation_id = c.organisation_id where"
                        + " s.slug = 'kerava-demo' and c.published and c.concluded_at is not null order by c.created_at"
                        + " limit 1")
                .query(UUID.class)
                .optional()
                .ifPresent(id -> {
                    pages.put("/consultations/{id}", "/consultations/" + id);
                    pages.put("/consultations/{id}/we-did", "/consultations/" + id + "/we-did");
                });
        jdbc.sql("select j.id from joy_collection j join public_site s on s.organisation_id = j.organisation_id where"
                        + " s.slug = 'kerava-demo' and j.published and j.example order by j.created_at limit 1")
                .query(UUID.class)
                .optional()
                .ifPresent(id -> pages.put("/joys/{id}", "/joys/" + id));
        return pages;
    }

    /**
     * Every public page in every language at both widths: zero axe violations, and the record the
     * accessibility statement is prefilled from agrees with this run (see {@link AxeRecord}).
     */
    @Test
    void everyPublicPagePassesAxeInEveryLanguageAtDesktopAndPhoneWidth() {
        List<String> violations = new ArrayList<>();
        AxeRecord record = new AxeRecord();
        Map<String, String> recorded = new LinkedHashMap<>();
        PAGES.forEach(p -> recorded.put(p.isEmpty() ? "/" : p.replace("/2025", "/{year}"), p));
        recorded.putAll(examplePages());
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                Page page = context.newPage();
                for (String language : List.of("fi", "sv", "en")) {
                    for (Map.Entry<String, String> entry : recorded.entrySet()) {
                        String path = entry.getValue();
                        var response = page.navigate(url("/o/kerava-demo/" + language + path));
                        assertThat(response.status()).as(language + path).isEqualTo(200);
                        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                        assertThat(page.content()).doesNotContain("??");
                        String name = "public-" + language
                                + (path.isEmpty()
                                        ? "-front"
                                        : entry.getKey().replaceAll("[{}]", "").replace('/', '-')) + "-" + width;
                        var results = Axe.analyze(page, name);
                        record.add(entry.getKey(), language, width, results);
                        violations.addAll(Axe.violations(results, name));
                        assertThat(((Number) page.evaluate(
                                                "() => document.documentElement.scrollWidth - window.innerWidth"))
                                        .intValue())
                                .as("sideways scrolling on " + name)
                                .isLessThanOrEqualTo(0);
                        // overflow-wrap stops sideways scrolling, so a word too wide for a phone is sought without it
                        // (visually hidden headings are 1 px wide and left out)
                        assertThat(width == 390 ? (List<?>) page.evaluate("""
                                        () => [...document.querySelectorAll('main h1, main h2')].filter(h => h.clientWidth > 1).filter(h => {
                                          h.style.overflowWrap = 'normal';
                                          const tooWide = h.scrollWidth > h.clientWidth;
                                          h.style.overflowWrap = '';
                                          return tooWide;
                                        }).map(h => h.textContent.trim())""") : List.of())
                                .as("headings broken inside a word on " + name)
                                .isEmpty();
                    }
                }
                page.navigate(url("/o/kerava-demo/fi/ei-ole"));
                violations.addAll(scan(page, "public-fi-not-found-" + width));
                assertThat(context.cookies())
                        .as("cookies after reading the public site")
                        .isEmpty();
            }
        }
        // Before the violations fail the test: a record with violations is as true as one without.
        record.verifyOrWrite(true);
        assertThat(violations).isEmpty();
    }

    @Test
    void thePublicSiteWorksWithoutJavaScript() {
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setJavaScriptEnabled(false).setViewportSize(390, 900))) {
            Page page = context.newPage();
            page.navigate(url("/o/kerava-demo/sv"));
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Webbplatsens meny"))
                    .getByRole(
                            AriaRole.LINK,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Välfärdsplan"))
                    .click();
            assertThat(page.url()).endsWith("/o/kerava-demo/sv/plan");
            assertThat(page.locator("h1").textContent()).isNotBlank();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English"))
                    .click();
            assertThat(page.url()).endsWith("/o/kerava-demo/en/plan");
            page.navigate(url("/o/kerava-demo/en/indicators"));
            page.locator("details summary").first().click();
            assertThat(page.locator("details table").first().isVisible()).isTrue();
            assertThat(page.locator("svg[role=img]").count()).isGreaterThanOrEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("public-en-indicators-nojs-390.png"))
                    .setFullPage(true));
            assertThat(context.cookies()).isEmpty();
        }
    }

    @Test
    void theKeyboardAloneReachesTheContentAndTheDataTables() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/o/kerava-demo/fi/indicators"));
            page.keyboard().press("Tab");
            assertThat(page.evaluate("document.activeElement.className")).isEqualTo("skip-link");
            page.keyboard().press("Enter");
            assertThat(page.evaluate("location.hash")).isEqualTo("#main");
            for (int i = 0; i < 40; i++) {
                page.keyboard().press("Tab");
                if ("SUMMARY".equals(page.evaluate("document.activeElement.tagName"))) {
                    break;
                }
            }
            assertThat(page.evaluate("document.activeElement.tagName")).isEqualTo("SUMMARY");
            page.keyboard().press("Enter");
            assertThat(page.locator("details[open] table").count()).isEqualTo(1);
        }
    }

    @Test
    void theCoordinatorsParticipationPagePassesAxeInEveryLanguage() {
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.locator("#username").fill("koordinaattori");
            page.locator("#password").fill(HyteSpringTest.DEMO_PASSWORD);
            page.locator("form button[type=submit]").click();
            page.waitForLoadState();
            for (String language : List.of("fi", "sv", "en")) {
                page.navigate(url("/participation?lang=" + language));
                assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                violations.addAll(scan(page, "participation-" + language));
            }
            page.navigate(url("/participation?lang=fi"));
            page.locator("#slug").fill("Väärä osoite");
            page.locator("form:has(#slug)")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tallenna"))
                    .click();
            // Waits for the answer to the save (a loaded machine may take a while to send it).
            page.locator(".error-summary").waitFor();
            assertThat(page.locator(".error-summary").isVisible()).isTrue();
            violations.addAll(scan(page, "participation-errors"));
        }
        assertThat(violations).isEmpty();
    }

    private List<String> scan(Page page, String name) {
        return Axe.scan(page, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
