package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Media;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.support.HyteSpringTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a coordinator, a council member and a county coordinator tripped over (issue 16), in a real
 * browser: old data marked, the county's own comparisons, the phone's menu and filters that fold
 * (also without JavaScript), charts legible on a phone, the maturity comparison that scrolls with
 * its first column in view, and the progress page's print layout; axe finds nothing on these pages
 * at 390 px in Finnish, Swedish and English.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TripUpsBrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    PlanReading planReading;

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
    void touchedPagesPassAxeOnAPhoneInEveryLanguageAndNothingIsWiderThanThePage() {
        String plan = planPath();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("indicators", "/indicators");
        pages.put("indicator", "/indicators/683");
        pages.put("indicator-gap", "/indicators/3076");
        pages.put("organisation", "/organisation");
        pages.put("plan", plan);
        pages.put("plan-progress", plan + "/progress");
        pages.put("plan-goal", "/plan/goals/" + firstGoal());
        pages.put("maturity", "/maturity");
        pages.put("audit", "/admin/audit");
        pages.put("indicator-set", "/indicators/set");
        List<String> problems = new ArrayList<>();
        for (String language : List.of("fi", "sv", "en")) {
            try (BrowserContext context = phone()) {
                Page page = context.newPage();
                page.navigate(url("/login?lang=" + language));
                problems.addAll(scan(page, language, "phone-login"));
                signIn(page, "admin");
                for (Map.Entry<String, String> entry : pages.entrySet()) {
                    assertThat(page.navigate(url(entry.getValue())).status())
                            .as(entry.getValue())
                            .isEqualTo(200);
                    assertThat(page.content()).doesNotContain("??");
                    int overflow = ((Number) page.evaluate(
                                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                            .intValue();
                    if (overflow > 0) {
                        problems.add(language + " " + entry.getKey() + ": " + overflow + " px wider than the page");
                    }
                    problems.addAll(scan(page, language, "phone-" + entry.getKey()));
                }
                page.locator(".site-menu__button").click();
                problems.addAll(scan(page, language, "phone-menu-open"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void councilMemberSeesHowOldEachLatestValueIsAndTheOldOnesMarked() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "katselija");
            page.navigate(url("/indicators"));
            assertThat(page.locator(".notice--warning").first().textContent())
                    .contains("vuotta vanha (vanhin vuodelta 2011)");
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("Työttömät, % työvoimasta"));
            assertThat(row.locator(".data-age").textContent())
                    .contains("2011")
                    .contains((LocalDate.now().getYear() - 2011) + " vuotta vanha")
                    .contains("vanha tieto");
            assertThat(row.textContent()).contains("Uusimaa (maakunta)");
            assertThat(page.locator("thead th", new Page.LocatorOptions().setHasText("hyvinvointialue tai maakunta"))
                            .count())
                    .isPositive();
            Locator diabetes = page.locator("tr", new Page.LocatorOptions().setHasText("Erityiskorvattaviin"));
            assertThat(diabetes.locator(".tag--stale").count())
                    .as("2023 is not old data")
                    .isZero();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("readme-indicators.png"))
                    .setFullPage(false));

            page.navigate(url(planPath() + "/progress"));
            assertThat(page.locator(".progress-table .data-age").first().textContent())
                    .contains("uusin arvo");
            // A viewer has no working tabs of the plan.
            assertThat(page.locator(".subnav a").allTextContents())
                    .contains("Edistyminen")
                    .doesNotContain("Puutteet", "Vienti ja tuonti", "Muistutukset");
        }
    }

    @Test
    void countyComparesItselfWithItsMunicipalitiesNotWithACountyAbove() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "hva-koordinaattori");
            page.navigate(url("/indicators"));
            assertThat(page.locator("thead th").allTextContents())
                    .contains("Omat kunnat")
                    .noneMatch(t -> t.contains("hyvinvointialue"));
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Työttömät, % työvoimasta"))
                            .textContent())
                    .contains("Paras: Kerava")
                    .contains("Heikoin: Vantaa");
            assertThat(page.locator("#own-data-title").textContent()).contains("ei ole tietoa omalta alueelta");
            for (String language : List.of("fi", "sv", "en")) {
                page.navigate(url("/indicators?lang=" + language));
                problems.addAll(scan(page, language, "county-indicators"));
            }
            page.navigate(url("/indicators?lang=fi"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void phoneMenuAndPlanFiltersFoldAndOpenWithoutJavaScript() {
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(390, 844).setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori");
            page.navigate(url(planPath()));
            Locator nav = page.locator("nav.site-nav");
            assertThat(nav.isVisible()).isFalse();
            assertThat(page.locator("#filter-status").isVisible()).isFalse();
            // The plan's content starts on the first screen.
            assertThat(page.locator(".plan-line").first().boundingBox().y).isLessThan(844);
            page.locator(".site-menu__button").click();
            assertThat(nav.isVisible()).isTrue();
            assertThat(nav.getByText("Indikaattorit").isVisible()).isTrue();
            page.locator(".fold__button").click();
            assertThat(page.locator("#filter-status").isVisible()).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("phone-menu-open.png")));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori");
            page.navigate(url(planPath()));
            assertThat(page.locator(".site-menu__button").isVisible()).isFalse();
            assertThat(page.locator("nav.site-nav").isVisible()).isTrue();
            assertThat(page.locator("#filter-status").isVisible()).isTrue();
        }
    }

    @Test
    void chartOnAPhoneKeepsItsTextAtTwelvePixelsAndTheMaturityTableKeepsItsFirstColumn() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori");
            page.navigate(url("/indicators/683"));
            Locator narrow = page.locator(".chart__svg--narrow svg").first();
            assertThat(page.locator(".chart__svg--wide svg").first().isVisible())
                    .isFalse();
            assertThat(narrow.isVisible()).isTrue();
            double rendered = narrow.boundingBox().width;
            double drawn = Double.parseDouble(narrow.getAttribute("width"));
            double fontSize = Double.parseDouble(narrow.getAttribute("font-size"));
            assertThat(fontSize * rendered / drawn).isGreaterThanOrEqualTo(12);
            assertThat(narrow.textContent())
                    .contains("Vantaan ja Keravan hyvinvointialue")
                    .doesNotContain("…");
            narrow.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("phone-chart.png")));

            page.navigate(url("/maturity"));
            Locator table = page.locator("table.sticky-first");
            Locator first = table.locator("tbody th[scope=row]").first();
            assertThat(first.textContent()).contains("(oma)");
            BoundingBox before = first.boundingBox();
            page.evaluate("document.querySelector('table.sticky-first').closest('.table-wrap').scrollLeft = 400");
            assertThat(first.boundingBox().x).isEqualTo(before.x);
        }
    }

    @Test
    void progressPagePrintsWithoutNavigationAndWithAPrintButtonOnScreen() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "katselija");
            page.navigate(url(planPath() + "/progress"));
            Locator print = page.locator("button[data-print]");
            assertThat(print.isVisible()).isTrue();
            assertThat(print.textContent()).isEqualTo("Tulosta");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            page.setViewportSize(680, 1000);
            assertThat(page.locator("nav.site-nav").isVisible()).isFalse();
            assertThat(page.locator(".subnav").isVisible()).isFalse();
            assertThat(print.isVisible()).isFalse();
            int overflow = ((Number) page.evaluate(
                            "document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .intValue();
            assertThat(overflow).isLessThanOrEqualTo(0);
            page.pdf(new Page.PdfOptions()
                    .setPath(SCREENSHOTS.resolve("print-progress.pdf"))
                    .setFormat("A4"));
        }
    }

    private BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
    }

    private String planPath() {
        var org = fi.hyte.organisation.demo.DemoLeadership.MUNICIPALITY;
        return "/plan/"
                + planReading.current(org, LocalDate.now()).orElseThrow().id();
    }

    private java.util.UUID firstGoal() {
        var org = fi.hyte.organisation.demo.DemoLeadership.MUNICIPALITY;
        var plan = planReading.current(org, LocalDate.now()).orElseThrow();
        return planReading.snapshot(org, plan.id()).goals().get(0).id();
    }

    private List<String> scan(Page page, String language, String name) {
        return Axe.scan(page, language + "-" + name);
    }

    private void signIn(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(HyteSpringTest.DEMO_PASSWORD);
        // Enter submits as a keyboard user does; a click waits for the button to stand still, which
        // on a heavily loaded machine it may not do within the timeout.
        page.locator("#password").press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
