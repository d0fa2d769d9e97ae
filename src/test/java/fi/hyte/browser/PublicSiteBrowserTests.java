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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo municipality's public site in a real browser: every page in Finnish, Swedish and English
 * at desktop (1280 px) and phone (390 px) width has zero axe-core WCAG 2.1 A/AA violations, works
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

    @Test
    void everyPublicPagePassesAxeInEveryLanguageAtDesktopAndPhoneWidth() {
        List<String> violations = new ArrayList<>();
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                Page page = context.newPage();
                for (String language : List.of("fi", "sv", "en")) {
                    for (String path : PAGES) {
                        var response = page.navigate(url("/o/kerava-demo/" + language + path));
                        assertThat(response.status()).as(language + path).isEqualTo(200);
                        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                        assertThat(page.content()).doesNotContain("??");
                        String name = "public-" + language + (path.isEmpty() ? "-front" : path.replace('/', '-')) + "-"
                                + width;
                        violations.addAll(scan(page, name));
                        assertThat(((Number) page.evaluate(
                                                "() => document.documentElement.scrollWidth - window.innerWidth"))
                                        .intValue())
                                .as("sideways scrolling on " + name)
                                .isLessThanOrEqualTo(0);
                    }
                }
                page.navigate(url("/o/kerava-demo/fi/ei-ole"));
                violations.addAll(scan(page, "public-fi-not-found-" + width));
                assertThat(context.cookies())
                        .as("cookies after reading the public site")
                        .isEmpty();
            }
        }
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
