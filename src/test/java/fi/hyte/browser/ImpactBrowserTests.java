package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.support.HyteSpringTest;
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
 * The impact assessment pages in real Chromium: zero axe-core WCAG 2.1 A/AA violations in fi, sv and
 * en at 1280 px and 390 px, and a cell of the matrix edited in place (htmx) without leaving the page.
 * Screenshots go to target/screenshots/impact-*.png.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactBrowserTests {

    /** The elements outside a scrolling table that reach past a phone's width, for the failure message. */
    static final String WIDE = "Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > 392)"
            + ".slice(0, 6).map(e => e.tagName + '.' + e.className + '#' + e.id + ':'"
            + " + Math.round(e.getBoundingClientRect().right)).join(' ')";

    @LocalServerPort
    int port;

    @Autowired
    DecisionCases cases;

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

    private DecisionCase demoCase(CaseStatus status) {
        return cases.of(OrganisationCatalog.DEMO_MUNICIPALITY).stream()
                .filter(c -> c.example() && c.status() == status)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void impactPagesPassAxeInEveryLanguageOnWideAndNarrowScreens() {
        DecisionCase school = demoCase(CaseStatus.FOLLOW_UP);
        DecisionCase library = cases.of(OrganisationCatalog.DEMO_MUNICIPALITY).stream()
                .filter(c -> c.title().fi().startsWith("Kirjaston"))
                .findFirst()
                .orElseThrow();
        String alternative = cases.alternatives(OrganisationCatalog.DEMO_MUNICIPALITY, library.id())
                .get(0)
                .id()
                .toString();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("list", "/impact");
        pages.put("new", "/impact/cases/new");
        pages.put("decided", "/impact/cases/" + school.id());
        pages.put("decided-matrix", "/impact/cases/" + school.id() + "/matrix");
        pages.put("frozen", "/impact/cases/" + school.id() + "/frozen?number=1");
        pages.put("assessing", "/impact/cases/" + library.id());
        pages.put("assessing-matrix", "/impact/cases/" + library.id() + "/matrix?rows=impacts");
        pages.put(
                "cell",
                "/impact/cases/" + library.id() + "/cell?alternative=" + alternative + "&row=children&term=LONG");
        pages.put("templates", "/impact/templates");
        pages.put("template-content", "/impact/templates/content");
        pages.put(
                "cell-search",
                "/impact/cases/" + library.id() + "/cell?alternative=" + alternative + "&row=children&term=LONG&q=683");
        pages.put("decisions", "/impact/decisions?group=children");
        pages.put("share", "/impact/share?year=" + school.decision().decidedOn().getYear());
        cases.followUps(OrganisationCatalog.DEMO_MUNICIPALITY, school.id()).stream()
                .map(f -> f.goalId())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresent(goal -> {
                    pages.put("decisions-goal", "/impact/decisions?goal=" + goal);
                    pages.put("plan-goal", "/plan/goals/" + goal);
                });
        List<String> violations = new ArrayList<>();
        for (int width : List.of(1280, 390)) {
            for (String language : List.of("fi", "sv", "en")) {
                if (width == 390 && !language.equals("fi")) {
                    continue;
                }
                try (BrowserContext context =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                    Page page = context.newPage();
                    page.navigate(url("/login?lang=" + language));
                    signIn(page, "koordinaattori");
                    for (Map.Entry<String, String> entry : pages.entrySet()) {
                        var response = page.navigate(url(entry.getValue()));
                        assertThat(response.status()).as(entry.getValue()).isEqualTo(200);
                        assertThat(page.content()).doesNotContain("??");
                        if (width == 390) {
                            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                                    .as("no sideways scrolling on a phone: %s %s", entry.getKey(), page.evaluate(WIDE))
                                    .isLessThanOrEqualTo(390);
                        }
                        violations.addAll(Axe.scan(page, "impact-" + width + "-" + language + "-" + entry.getKey()));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void coordinatorAssessesACellInPlaceAndTheMatrixShowsItWithoutReloading() {
        DecisionCase pool = cases.of(OrganisationCatalog.DEMO_MUNICIPALITY).stream()
                .filter(c -> c.title().fi().startsWith("Uimahallin"))
                .findFirst()
                .orElseThrow();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=fi"));
            signIn(page, "koordinaattori");
            page.navigate(url("/impact/cases/" + pool.id()));
            assertThat(page.locator("h1").textContent()).contains("Uimahallin maksujen korotus");
            page.locator("a", new Page.LocatorOptions().setHasText("Avaa vaikutustaulukko"))
                    .click();
            page.waitForLoadState();
            String matrixUrl = page.url();
            page.evaluate("window.__marker = 'same page'");
            Locator cell = page.locator("[aria-label^='Arvioi: Päätösehdotus, Ikääntyneet, Lyhyt']");
            cell.click();
            page.locator("form[hx-post] textarea[name=reasoning]").waitFor();
            page.locator("form[hx-post] label", new Page.LocatorOptions().setHasText("Myönteinen"))
                    .first()
                    .click();
            page.locator("form[hx-post] textarea[name=reasoning]").fill("Eläkeläisten aamuvuorot säilyvät ennallaan.");
            page.locator("form[hx-post] select[name=magnitude]").selectOption("SMALL");
            page.locator("form[hx-post] button[type=submit]").click();
            page.locator("text=Eläkeläisten aamuvuorot säilyvät ennallaan.").waitFor();
            assertThat(page.url()).isEqualTo(matrixUrl);
            assertThat(page.evaluate("window.__marker")).isEqualTo("same page");
            assertThat(Axe.scan(page, "impact-cell-saved")).isEmpty();
        }
        assertThat(cases.cells(OrganisationCatalog.DEMO_MUNICIPALITY, pool.id()))
                .anyMatch(c -> "Eläkeläisten aamuvuorot säilyvät ennallaan.".equals(c.reasoning()));
    }

    @Test
    void coordinatorSearchesAnIndicatorInACellInPlaceAndTheTemplateEditorNamesAnEmptyRow() {
        DecisionCase pool = cases.of(OrganisationCatalog.DEMO_MUNICIPALITY).stream()
                .filter(c -> c.title().fi().startsWith("Uimahallin"))
                .findFirst()
                .orElseThrow();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=fi"));
            signIn(page, "koordinaattori");
            page.navigate(url("/impact/cases/" + pool.id() + "/matrix"));
            String matrixUrl = page.url();
            page.evaluate("window.__marker = 'same page'");
            page.locator("[aria-label^='Arvioi: Päätösehdotus, Pienituloiset, Pitkä']")
                    .click();
            page.locator("form[role=search] input[name=q]").waitFor();
            page.locator("form[role=search] input[name=q]").fill("683");
            page.locator("form[role=search] button[type=submit]").click();
            page.locator("input[name=indicatorPick][value='683']").waitFor();
            assertThat(page.evaluate("window.__marker")).isEqualTo("same page");
            assertThat(Axe.scan(page, "impact-cell-search")).isEmpty();
            page.locator("input[name=indicatorPick][value='683']").check();
            page.locator("form[hx-post] label", new Page.LocatorOptions().setHasText("Kielteinen"))
                    .first()
                    .click();
            page.locator("form[hx-post] textarea[name=reasoning]").fill("Maksu painaa pienituloisia diabeetikoita.");
            page.locator("form[hx-post] button[type=submit]").click();
            page.locator("text=Maksu painaa pienituloisia diabeetikoita.").waitFor();
            assertThat(page.url()).isEqualTo(matrixUrl);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Axe.SCREENSHOTS.resolve("impact-cell-indicator.png"))
                    .setFullPage(true));

            page.navigate(url("/impact/templates/content"));
            // Every row and rule is folded to its summary line: the page is a list, not 11,700 px of fields.
            assertThat(((Number) page.evaluate("document.documentElement.scrollHeight")).intValue())
                    .isLessThan(6000);
            page.locator("#row-0 > summary").click();
            page.locator("input[id='rows[0].fi']").fill("");
            page.locator("form[action$='/impact/templates/content'] button[type=submit]")
                    .click();
            page.waitForLoadState();
            assertThat(page.locator(".error-summary").textContent()).contains("Anna rivin nimi suomeksi.");
            assertThat(page.locator("input[id='rows[0].fi']").getAttribute("value"))
                    .isEmpty();
            assertThat(Axe.scan(page, "impact-template-content-refused")).isEmpty();
            assertThat(page.locator("#row-0").getAttribute("open")).isNotNull();
        }
        assertThat(cases.cells(OrganisationCatalog.DEMO_MUNICIPALITY, pool.id()))
                .anyMatch(c -> Integer.valueOf(683).equals(c.indicatorId())
                        && "Maksu painaa pienituloisia diabeetikoita.".equals(c.reasoning())
                        && c.indicatorSnapshot() != null);
    }

    private void signIn(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(HyteSpringTest.DEMO_PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForLoadState();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
