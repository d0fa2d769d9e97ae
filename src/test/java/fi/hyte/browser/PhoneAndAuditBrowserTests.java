package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import fi.hyte.support.HyteSpringTest;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 §5 and §6 in a real browser: no staff page a coordinator reaches from the navigation is
 * wider than a 390 px phone (the newer modules' pages included), and the audit log's filters work
 * (by kind, person, days and text, a page at a time); axe finds nothing on the audit log, the
 * search and the import pages in Finnish, Swedish and English at 390 and 1280 px.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneAndAuditBrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** Links not to follow: leaving, files, the public site, actions. */
    private static final Pattern SKIPPED = Pattern.compile(
            ".*(logout|sign-out|/o/|\\.(csv|xlsx|pdf|docx|json|png|svg)(\\?.*)?$|/api/|/export|/download|/template|/lang=|\\?lang=|/actuator|/swagger|/v3/).*");

    private static final int MAX_PAGES = 120;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
    void noStaffPageReachableFromTheNavigationIsWiderThanAPhone() {
        List<String> problems = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        try (BrowserContext context = size(390, 844)) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori");
            crawl(page, List.of("/", "/search?q=liikunta"), visited, problems);
        }
        try (BrowserContext context = size(390, 844)) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "admin");
            for (String path : List.of("/admin/audit", "/admin/mail", "/admin/users", "/participation")) {
                check(page, path, problems);
                visited.add(path);
            }
        }
        assertThat(visited)
                .as("the newer modules' pages are among those visited")
                .anyMatch(p -> p.startsWith("/reports/"))
                .anyMatch(p -> p.startsWith("/impact/"))
                .contains("/participation", "/admin/mail", "/search?q=liikunta");
        assertThat(visited.size()).isGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    @Test
    void auditLogFiltersByKindPersonDaysAndTextAndPages() {
        try (BrowserContext context = size(1280, 900)) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "admin");
            page.navigate(url("/admin/audit"));
            String all = page.locator("#audit-results [role=status]").textContent();
            assertThat(page.locator("nav.pagination a[rel=next]").count()).isEqualTo(1);

            page.selectOption(
                    "#audit-kind", new com.microsoft.playwright.options.SelectOption().setLabel("Toimenpide"));
            page.waitForURL(u -> u.contains("kind=measure"));
            page.waitForFunction("() => document.querySelectorAll('.audit-table tbody tr').length > 0"
                    + " && [...document.querySelectorAll('.audit-table tbody tr td:nth-child(3)')]"
                    + ".every(td => td.textContent.includes('Toimenpide'))");
            assertThat(page.locator("#audit-results [role=status]").textContent())
                    .isNotEqualTo(all)
                    .contains("Suodatukseen sopii");
            assertThat(page.locator(".audit-table tbody tr td:nth-child(3) strong")
                            .first()
                            .textContent())
                    .as("the measure's number and title")
                    .matches("TP-\\d+ .+");

            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("audit-log.png")));
            page.locator("#audit-q").fill("liikunta");
            page.waitForURL(u -> u.contains("q=liikunta"));
            page.waitForFunction("() => [...document.querySelectorAll('.audit-table tbody tr')]"
                    + ".every(tr => tr.textContent.toLowerCase().includes('liikunta'))");

            page.navigate(url("/admin/audit?from=1.1.2000&to=2.1.2000"));
            assertThat(page.locator(".audit-table").count()).isZero();
            assertThat(page.locator("#audit-results .empty").textContent())
                    .isEqualTo("Suodatukseen ei sovi yhtään merkintää.");

            page.navigate(url("/admin/audit?from=31.2.2026"));
            assertThat(page.locator("#audit-results [role=alert]").textContent())
                    .contains("Alkaen")
                    .contains("ei kelpaa");

            page.navigate(url("/admin/audit"));
            page.selectOption("#audit-person", new com.microsoft.playwright.options.SelectOption().setIndex(1));
            String person = page.locator("#audit-person option").nth(1).textContent();
            page.waitForURL(u -> u.contains("person="));
            page.waitForFunction(
                    "name => [...document.querySelectorAll('.audit-table tbody tr td:nth-child(2)')]"
                            + ".every(td => td.textContent.trim() === name)",
                    person);

            page.navigate(url("/admin/audit?page=2"));
            assertThat(page.locator("nav.pagination").textContent()).contains("Sivu 2 /");
            assertThat(page.locator("nav.pagination a[rel=prev]").count()).isEqualTo(1);
        }
    }

    @Test
    void auditLogSearchAndImportsPassAxeInEveryLanguageAtBothWidths() {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(390, 1280)) {
            for (String language : List.of("fi", "sv", "en")) {
                try (BrowserContext context = size(width, 900)) {
                    Page page = context.newPage();
                    page.navigate(url("/login?lang=" + language));
                    signIn(page, "admin");
                    for (String path : List.of(
                            "/admin/audit",
                            "/admin/audit?kind=measure&q=liikunta",
                            "/search?q=hyvinvointi",
                            "/indicators/imports")) {
                        assertThat(page.navigate(url(path)).status()).as(path).isEqualTo(200);
                        assertThat(page.content()).doesNotContain("??");
                        String name = language + "-" + width + "-"
                                + path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
                        problems.addAll(Axe.scan(page, name));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void importResultLinksTheIndicatorsAndAddsThemToTheSetInOneClick() throws java.io.IOException {
        java.nio.file.Path file =
                java.nio.file.Files.createTempDirectory("tuonti").resolve("turvallisuuskysely.csv");
        java.nio.file.Files.writeString(
                file,
                "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä\n"
                        + "selain-kysely;Koettu turvallisuus kotikadulla, % (oma kysely);%;;2024;yhteensä;81,5;\n"
                        + "selain-kysely;;;;2025;yhteensä;83,0;\n");
        try (BrowserContext context = size(1280, 900)) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori");
            page.navigate(url("/indicators/imports"));
            page.setInputFiles("#file", file);
            page.locator("form[enctype] button[type=submit]").click();
            page.locator("button:has-text('Vahvista ja tallenna')").click();
            // The import runs in the background; on a loaded machine it can take longer than 30 s.
            page.locator("#imported").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
            assertThat(page.locator("#imported a").first().textContent())
                    .isEqualTo("Koettu turvallisuus kotikadulla, % (oma kysely)");
            assertThat(Axe.scan(page, "import-result")).isEmpty();
            page.selectOption("#add-theme", "SAFETY");
            page.locator("#imported button[type=submit]").click();
            page.waitForURL(u -> u.endsWith("/indicators/set"));
            assertThat(page.locator(".notice").first().textContent())
                    .contains("Tuodut indikaattorit lisättiin indikaattorijoukkoon.");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Koettu turvallisuus kotikadulla"))
                            .textContent())
                    .contains("Turvallisuus")
                    .contains("Koko väestö");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(file.getParent());
            // The demo's set as the other tests know it.
            jdbc.sql("delete from indicator_set_item where indicator_id in (select id from indicator where code ="
                            + " 'selain-kysely')")
                    .update();
        }
    }

    private void crawl(Page page, List<String> starts, Set<String> visited, List<String> problems) {
        Deque<String> queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
            String path = queue.removeFirst();
            if (!visited.add(path)) {
                continue;
            }
            if (!check(page, path, problems)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) page.evaluate("() => [...document.querySelectorAll('a[href]')]"
                    + ".map(a => new URL(a.href, location.href))"
                    + ".filter(u => u.origin === location.origin)"
                    + ".map(u => u.pathname + u.search)");
            for (String link : links) {
                // One of each kind of page: ids and years are collapsed when deciding what is new.
                if (!SKIPPED.matcher(link).matches()
                        && !visited.contains(link)
                        && queue.stream().noneMatch(q -> shape(q).equals(shape(link)))
                        && visited.stream().noneMatch(v -> shape(v).equals(shape(link)))) {
                    queue.addLast(link);
                }
            }
        }
    }

    /** A page's kind: its path with ids and numbers made alike, its query left out. */
    private static String shape(String path) {
        return path.replaceAll("\\?.*", "")
                .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
                .replaceAll("/\\d+", "/{n}");
    }

    /** Whether the page opened; a page wider than the phone is a problem, with what sticks out. */
    private boolean check(Page page, String path, List<String> problems) {
        Response response = page.navigate(url(path));
        if (response == null || response.status() != 200 || !page.url().startsWith(url(""))) {
            return false;
        }
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int viewport = ((Number) page.evaluate("window.innerWidth")).intValue();
        if (scrollWidth > viewport) {
            // What sticks out: elements past the right edge that no scrolling box holds.
            Object wide = page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => {"
                    + " if (e.getBoundingClientRect().right <= innerWidth + 0.5) return false;"
                    + " for (let p = e.parentElement; p; p = p.parentElement) {"
                    + "  const o = getComputedStyle(p).overflowX;"
                    + "  if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return false; }"
                    + " return true; }).slice(0, 4).map(e => e.tagName + '.' + (e.getAttribute('class') || '')"
                    + " + ' ' + Math.round(e.getBoundingClientRect().right)).concat((() => {"
                    + " const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); const out = [];"
                    + " while (w.nextNode() && out.length < 3) { const r = document.createRange();"
                    + "  r.selectNodeContents(w.currentNode); const b = r.getBoundingClientRect();"
                    + "  if (b.right > innerWidth + 0.5 && b.width > 0) out.push('text \\u201c'"
                    + "   + w.currentNode.textContent.trim().slice(0, 40) + '\\u201d in '"
                    + "   + w.currentNode.parentElement.tagName + '.' + (w.currentNode.parentElement.getAttribute('class') || '')"
                    + "   + ' ' + Math.round(b.right)); } return out; })())");
            problems.add(path + ": " + scrollWidth + " px on a " + viewport + " px phone " + wide);
        }
        return true;
    }

    private BrowserContext size(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
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
