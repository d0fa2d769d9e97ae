package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.support.HyteSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "You said, we did", the summary and joys and worries in a real browser, on the demo's example
 * content: the public pages and the staff pages have zero axe-core WCAG 2.1 A/AA violations in
 * Finnish, Swedish and English at 1280 and 390 px, and the public ones set no cookie.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopBrowserTests {

    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Playwright playwright;
    Browser browser;
    UUID consultation;
    UUID collection;

    @BeforeAll
    void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        consultation = jdbc.sql("select id from consultation where organisation_id = ? and concluded_at is not null")
                .param(OrganisationCatalog.DEMO_MUNICIPALITY.value())
                .query(UUID.class)
                .single();
        collection = jdbc.sql("select id from joy_collection where organisation_id = ? and published")
                .param(OrganisationCatalog.DEMO_MUNICIPALITY.value())
                .query(UUID.class)
                .single();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void thePublicWeDidAndJoysPagesPassAxeInEveryLanguageAndSetNoCookie() {
        List<String> violations = new ArrayList<>();
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                Page page = context.newPage();
                for (String language : List.of("fi", "sv", "en")) {
                    for (String path : List.of(
                            "/consultations/" + consultation + "/we-did",
                            "/consultations/" + consultation,
                            "/joys/" + collection)) {
                        var response = page.navigate(url("/o/kerava-demo/" + language + path));
                        assertThat(response.status()).as(language + path).isEqualTo(200);
                        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                        assertThat(page.content()).doesNotContain("??");
                        String name = "loop-public-" + language + "-" + path.split("/")[1]
                                + (path.endsWith("we-did") ? "-we-did" : "") + "-" + width;
                        violations.addAll(scan(page, name));
                    }
                }
                page.navigate(url("/o/kerava-demo/fi/consultations/" + consultation + "/we-did"));
                assertThat(page.content()).contains("Kuulimme – teimme").contains("kuntalaisaloite.fi");
                page.navigate(url("/o/kerava-demo/fi/joys/" + collection));
                page.locator("#text").fill(" ");
                page.locator("form.public-form button[type=submit]").click();
                assertThat(page.locator(".error-summary").isVisible()).isTrue();
                violations.addAll(scan(page, "loop-public-fi-joys-errors-" + width));
                assertThat(context.cookies())
                        .as("cookies after the public pages")
                        .isEmpty();
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theStaffPagesPassAxeInEveryLanguageAtDesktopAndPhoneWidth() {
        List<String> violations = new ArrayList<>();
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                Page page = context.newPage();
                page.navigate(url("/login"));
                page.locator("#username").fill("koordinaattori");
                page.locator("#password").fill(HyteSpringTest.DEMO_PASSWORD);
                page.locator("form button[type=submit]").click();
                page.waitForLoadState();
                for (String language : List.of("fi", "sv", "en")) {
                    for (String path : List.of(
                            "/participation/consultations/" + consultation + "/answers",
                            "/participation/consultations/" + consultation + "/summary",
                            "/participation/joys",
                            "/participation/joys/" + collection)) {
                        var response = page.navigate(url(path + "?lang=" + language));
                        assertThat(response.status()).as(path).isEqualTo(200);
                        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                        assertThat(page.content()).doesNotContain("??");
                        String name = "loop-staff-" + language
                                + path.replace("/participation", "")
                                        .replace("/" + consultation, "")
                                        .replace("/" + collection, "-one")
                                        .replace('/', '-')
                                + "-" + width;
                        violations.addAll(scan(page, name));
                    }
                }
                page.navigate(url("/participation/consultations/" + consultation + "/summary?lang=en"));
                assertThat(page.content()).contains("No answers from people over 75");
            }
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
