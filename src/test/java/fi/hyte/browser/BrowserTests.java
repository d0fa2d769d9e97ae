package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.demo.DemoLeadership;
import fi.hyte.organisation.domain.Bodies;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.People;
import fi.hyte.organisation.domain.Responsibilities;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import java.nio.file.Path;
import java.time.LocalDate;
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

/**
 * Hyte in a real browser: every page in Finnish, Swedish and English has zero axe-core WCAG 2.1 A/AA
 * violations, the main flows work with mouse and keyboard, and screenshots of the key pages are
 * written to target/screenshots for review.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final List<String> WCAG = Axe.WCAG;

    @LocalServerPort
    int port;

    @Autowired
    Sectors sectors;

    @Autowired
    People people;

    @Autowired
    Bodies bodies;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Fixtures fixtures;

    @Autowired
    fi.hyte.indicator.domain.Imports imports;

    @Autowired
    Rounds rounds;

    @Autowired
    Assessments assessments;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PlanReading planReading;

    @Autowired
    fi.hyte.report.domain.Reports reports;

    @Autowired
    fi.hyte.support.PlanFixtures plans;

    @Autowired
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
    void everyPagePassesAxeInEveryLanguage() {
        Map<String, String> pages = new LinkedHashMap<>();
        var org = DemoLeadership.MUNICIPALITY;
        pages.put("overview", "/");
        pages.put("organisation", "/organisation");
        pages.put("sectors", "/sectors");
        pages.put("sector", "/sectors/" + sectors.of(org).get(0).id());
        pages.put("people", "/people");
        pages.put("person-new", "/people/new");
        pages.put("person", "/people/" + people.of(org).get(0).id());
        pages.put("bodies", "/bodies");
        pages.put("body-new", "/bodies/new");
        pages.put(
                "group",
                "/bodies/"
                        + bodies.firstOfType(org, BodyType.WELLBEING_GROUP)
                                .orElseThrow()
                                .id());
        pages.put("responsibilities", "/responsibilities");
        pages.put("responsibility-new", "/responsibilities/new");
        pages.put(
                "responsibility",
                "/responsibilities/" + responsibilities.of(org).get(0).id());
        pages.put("users", "/admin/users");
        pages.put("audit", "/admin/audit");
        pages.put("password", "/account/password");
        pages.put("operator", "/operator/organisations");
        pages.put("not-found", "/people/00000000-0000-0000-0000-000000000000");
        pages.put("maturity", "/maturity");
        pages.put("maturity-model", "/maturity/model");
        pages.put("maturity-new", "/maturity/rounds/new");
        pages.put("maturity-round", "/maturity/rounds/" + rounds.of(org).get(0).id());
        UUID admin = accounts.find("admin").orElseThrow().value();
        UUID open = assessments.open(
                new Tenant(org, new UserId(admin), "admin", Role.ADMIN),
                MaturityModels.PROMEQ,
                "Selaintesti " + System.nanoTime(),
                LocalDate.now(),
                null,
                true,
                List.of(new Assessments.Invitee("Aino Ylläpitäjä", admin)));
        UUID me = rounds.participantFor(org, open, admin).orElseThrow().id();
        pages.put("maturity-open", "/maturity/rounds/" + open);
        pages.put("maturity-answer", "/maturity/rounds/" + open + "/answers/" + me);
        pages.put("tokens", "/account/tokens");
        pages.put("mail-admin", "/admin/mail");
        pages.put("mail-account", "/account/mail");
        jdbc.sql("select id, unsubscribe_url from mail_outbox where organisation_id = ? order by created_at limit 1")
                .param(org.value())
                .query((rs, i) -> {
                    pages.put("mail-message", "/admin/mail/messages/" + rs.getString(1));
                    pages.put(
                            "mail-unsubscribe",
                            rs.getString(2).replaceFirst("^https?://[^/]+", "").replaceFirst("&lang=[a-z]+$", ""));
                    return null;
                })
                .list();
        pages.put("indicators", "/indicators");
        pages.put("indicator", "/indicators/683");
        pages.put("indicator-population", "/indicators/127");
        pages.put("indicator-search", "/indicators/search?q=diabetes");
        pages.put("indicator-set", "/indicators/set");
        pages.put("indicator-comparisons", "/indicators/comparisons");
        pages.put("indicator-imports", "/indicators/imports");
        Tenant adminTenant = new Tenant(org, new UserId(admin), "admin", Role.ADMIN, true);
        UUID rejected = imports.upload(
                adminTenant,
                "kysely.csv",
                "tunnus;nimi;vuosi;arvo\nselain;Selaintesti;2024;x\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        pages.put("indicator-upload", "/indicators/imports/" + rejected);
        PlanSnapshot plan = planReading.snapshot(
                org, planReading.current(org, LocalDate.now()).orElseThrow().id());
        UUID goal = plan.goals().get(0).id();
        UUID measure = plan.measures().get(0).id();
        String planPath = "/plan/" + plan.plan().id();
        pages.put("plan", planPath);
        pages.put("plan-progress", planPath + "/progress");
        pages.put("plan-gaps", planPath + "/gaps");
        pages.put("plan-reminders", planPath + "/reminders");
        pages.put("plan-sectors", planPath + "/sectors");
        pages.put("plan-sector", planPath + "/sectors/" + plan.measures().get(0).sectorId());
        pages.put("plan-mine", planPath + "/mine");
        pages.put("plan-plans", "/plan/plans");
        pages.put("plan-new", "/plan/new");
        pages.put("plan-edit", planPath + "/edit");
        pages.put("plan-dimensions", "/plan/dimensions");
        pages.put("plan-line-new", planPath + "/lines/new");
        pages.put("plan-goal", "/plan/goals/" + goal);
        pages.put("plan-goal-edit", "/plan/goals/" + goal + "/edit");
        pages.put("plan-target-new", "/plan/goals/" + goal + "/targets/new");
        pages.put(
                "plan-goal-evaluation",
                "/plan/goals/" + goal + "/evaluations/" + plan.plan().firstYear());
        pages.put("plan-goal-history", "/plan/goals/" + goal + "/history");
        pages.put("plan-measure", "/plan/measures/" + measure);
        pages.put("plan-measure-edit", "/plan/measures/" + measure + "/edit");
        pages.put("plan-measure-new", "/plan/goals/" + goal + "/measures/new");
        pages.put(
                "plan-measure-evaluation",
                "/plan/measures/" + measure + "/evaluations/" + plan.plan().firstYear());

        List<fi.hyte.report.domain.Report> demoReports = reports.of(org);
        fi.hyte.report.domain.Report inReview = demoReports.stream()
                .filter(r -> r.status() == fi.hyte.report.domain.ReportStatus.REVIEW)
                .findFirst()
                .orElseThrow();
        fi.hyte.report.domain.Report published = demoReports.stream()
                .filter(r -> r.status() == fi.hyte.report.domain.ReportStatus.PUBLISHED)
                .findFirst()
                .orElseThrow();
        String reportPath = "/reports/" + inReview.id();
        pages.put("reports", "/reports");
        pages.put("report-new", "/reports/new");
        pages.put("report", reportPath);
        pages.put("report-preview", reportPath + "/preview");
        pages.put("report-material", reportPath + "/material");
        pages.put("report-settings", reportPath + "/settings");
        pages.put(
                "report-section",
                reportPath + "/sections/"
                        + reports.sections(org, inReview.id()).get(1).id());
        pages.put("report-published", "/reports/" + published.id());
        pages.put("report-version", "/reports/" + published.id() + "/versions/1");
        pages.put("report-public", "/public/reports/" + published.id() + "/{lang}");

        List<String> violations = new ArrayList<>();
        for (String language : List.of("fi", "sv", "en")) {
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                Page page = context.newPage();
                page.navigate(url("/login?lang=" + language));
                violations.addAll(scan(page, language, "login"));
                signIn(page, "admin", HyteSpringTest.DEMO_PASSWORD);
                for (Map.Entry<String, String> entry : pages.entrySet()) {
                    com.microsoft.playwright.Response response =
                            page.navigate(url(entry.getValue().replace("{lang}", language)));
                    assertThat(response.status())
                            .as("%s %s", language, entry.getValue())
                            .isEqualTo(entry.getKey().equals("not-found") ? 404 : 200);
                    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                    assertThat(page.content()).doesNotContain("??");
                    violations.addAll(scan(page, language, entry.getKey()));
                    if (language.equals("fi") && entry.getKey().equals("overview")) {
                        page.screenshot(
                                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readme-overview.png")));
                    }
                }
                page.navigate(url("/people/new"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(saveLabel(language)))
                        .click();
                assertThat(page.locator(".error-summary").isVisible()).isTrue();
                violations.addAll(scan(page, language, "person-errors"));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void coordinatorUploadsAFileSeesThePreviewWithoutReloadingAndConfirms() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("kysely", ".csv");
        java.nio.file.Files.writeString(
                file,
                "tunnus;nimi;yksikkö;vuosi;sukupuoli;arvo\nselain-liikunta;Liikkuu päivittäin;%;2025;naiset;44,0\n");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori", HyteSpringTest.DEMO_PASSWORD);
            page.navigate(url("/indicators/imports"));
            page.setInputFiles("#file", file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tarkista tiedosto"))
                    .click();
            try {
                page.getByText("Vahvista ja tallenna")
                        .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("The check did not finish: " + jobsAndSessions(), e);
            }
            assertThat(page.locator("#status").textContent())
                    .contains("Uusia arvoja tulee")
                    .contains("selain-liikunta");
            // The preview arrives by polling; a poll answered just before the click can re-render the
            // button under it, so a click that sends no confirmation is made again.
            for (int attempt = 0; ; attempt++) {
                try {
                    page.waitForRequest(
                            request -> request.url().endsWith("/confirm"),
                            new Page.WaitForRequestOptions().setTimeout(10_000),
                            () -> page.getByRole(
                                            AriaRole.BUTTON,
                                            new Page.GetByRoleOptions().setName("Vahvista ja tallenna"))
                                    .click());
                    break;
                } catch (com.microsoft.playwright.TimeoutError e) {
                    if (attempt == 2) {
                        throw e;
                    }
                }
            }
            try {
                // The load runs in the background, after whatever jobs other tests left in the queue.
                page.getByText("Tiedot tallennettiin")
                        .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError(
                        "The import did not finish: " + page.locator("main").textContent() + jobsAndSessions(), e);
            }
            assertThat(page.locator("#status").textContent()).contains("Uusia arvoja");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void indicatorPageDescribesItsChartAndGivesTheSameDataAsATable() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "katselija", HyteSpringTest.DEMO_PASSWORD);
            page.navigate(url("/indicators/683"));
            var chart = page.locator("figure.chart svg[role=img]").first();
            assertThat(chart.locator("title").first().textContent()).startsWith("Erityiskorvattaviin");
            assertThat(chart.locator("desc").first().textContent()).contains("Kerava 2023: 11,8");
            assertThat(page.locator("table.data-table tr.data-table__own").textContent())
                    .contains("11,8");
            assertThat(page.getByText("Lähde: THL, Sotkanet.fi, CC BY 4.0")
                            .first()
                            .isVisible())
                    .isTrue();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("readme-indicator.png"))
                    .setFullPage(true));
        }
    }

    /** The scan itself is checked: a page with a known fault must not pass. */
    @Test
    void axeFindsAViolationWhenOneIsThere() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend',"
                    + " '<img src=\"/img/favicon.svg\"><button></button>')");
            List<String> found = scan(page, "fi", "deliberately-broken");
            assertThat(found).anyMatch(v -> v.contains("image-alt")).anyMatch(v -> v.contains("button-name"));
        }
    }

    @Test
    void phoneLayoutShowsTheOverviewWithoutSidewaysScrolling() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori", HyteSpringTest.DEMO_PASSWORD);
            page.navigate(url("/"));
            Object overflow =
                    page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("phone-overview.png"))
                    .setFullPage(true));
            assertThat(scan(page, "fi", "phone-overview")).isEmpty();
        }
    }

    @Test
    void coordinatorBuildsTheGroupAndTheOverviewFollows() {
        var org = fixtures.organisation("selain" + Long.toString(System.nanoTime(), 36));
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
            assertThat(page.locator("h1").textContent()).isEqualTo("Hyvinvointijohtamisen yleiskuva");
            assertThat(page.locator(".check--gap").count()).isGreaterThanOrEqualTo(5);

            page.navigate(url("/sectors"));
            page.getByLabel("Nimi suomeksi").fill("Sivistystoimi");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lisää toimiala"))
                    .click();
            assertThat(page.locator(".notice").textContent()).contains("Tallennettu");

            page.navigate(url("/people/new"));
            page.getByLabel("Nimi", new Page.GetByLabelOptions().setExact(true)).fill("Sanna Sivistys");
            page.getByLabel("Tehtävänimike").fill("sivistysjohtaja");
            page.getByLabel("Toimiala")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sivistystoimi"));
            page.getByLabel("Istuu myös johtoryhmässä").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tallenna"))
                    .click();
            assertThat(page.locator("tbody").textContent()).contains("Sanna Sivistys");

            page.navigate(url("/wellbeing-group"));
            page.getByLabel("Nimi suomeksi").fill("Hyvinvointiryhmä");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tallenna"))
                    .click();
            page.evaluate("window.hyteMarker = 'no reload'");
            page.getByLabel("Henkilö")
                    .selectOption(new com.microsoft.playwright.options.SelectOption()
                            .setLabel("Sanna Sivistys, sivistysjohtaja"));
            page.locator("#members").getByLabel("Rooli").selectOption("CHAIR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lisää jäsen"))
                    .click();
            page.locator("#members .notice").waitFor();
            assertThat(page.locator("#members table").textContent())
                    .contains("Sanna Sivistys")
                    .contains("Puheenjohtaja");
            assertThat(page.evaluate("window.hyteMarker")).isEqualTo("no reload");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("flow-group.png"))
                    .setFullPage(true));

            page.navigate(url("/"));
            String checklist = page.locator(".checklist").textContent();
            assertThat(checklist)
                    .contains("Organisaatiolla on monialainen hyvinvointiryhmä.")
                    .contains("Hyvinvointiryhmällä on puheenjohtaja.")
                    .contains("Jokaisella toimialalla on edustaja hyvinvointiryhmässä.");
        }
    }

    @Test
    void keyboardUserCanSkipToContentAndFindsFocus() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "koordinaattori", HyteSpringTest.DEMO_PASSWORD);
            page.navigate(url("/people"));
            page.keyboard().press("Tab");
            assertThat(page.evaluate("document.activeElement.className")).isEqualTo("skip-link");
            assertThat(page.locator(".skip-link").boundingBox().y).isGreaterThanOrEqualTo(0);
            page.keyboard().press("Enter");
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("main");
            page.keyboard().press("Tab");
            Object outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
            assertThat(outline).isNotEqualTo("none");
        }
    }

    @Test
    void planTreeOpensGoalsInPlaceFiltersWithoutReloadingAndPicksAnIndicator() {
        // An organisation of its own: the demo plan stays as other tests expect it.
        var org = fixtures.organisation("selainplan" + Long.toString(System.nanoTime(), 36));
        UUID sector = fixtures.sector(org, "Vapaa-aika");
        UUID goal =
                plans.goalInNewPlan(org, "Selaimen suunnitelma", 2025, 2029, "Lapset ja nuoret", "Nuoret liikkuvat");
        for (MeasureStatus status : List.of(MeasureStatus.ONGOING, MeasureStatus.LATE, MeasureStatus.DONE)) {
            plans.measure(org, goal, "Toimi " + status, sector, status, 10);
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
            page.navigate(url("/plan"));
            page.evaluate("window.hyteMarker = 'same page'");
            Locator firstGoal = page.locator(".plan-goal > details").first();
            firstGoal.locator("summary").click();
            firstGoal.locator(".plan-detail").waitFor();
            assertThat(firstGoal.locator(".plan-detail").textContent()).contains("Mittarit ja tavoitetasot");
            int all = page.locator(".plan-measures > li").count();
            page.getByLabel("Toimenpiteen tila").selectOption("LATE");
            page.waitForCondition(() -> page.locator(".plan-measures > li").count() < all);
            assertThat(page.locator(".plan-measures .tag").allTextContents()).allMatch(t -> t.equals("Myöhässä"));
            assertThat(page.evaluate("window.hyteMarker")).isEqualTo("same page");
            assertThat(page.url()).contains("status=LATE");

            String goalId = firstGoal.getAttribute("hx-get").replace("/plan/goals/", "");
            page.navigate(url("/plan/goals/" + goalId + "/targets/new"));
            page.getByLabel("Hae mittaria").fill("diabetes");
            page.waitForCondition(
                    () -> page.locator("#indicatorId option[value='683']").count() == 1);
            page.locator("#indicatorId").selectOption("683");
            page.getByLabel("Sukupuoli").selectOption("total");
            page.getByLabel("Lähtövuosi").fill("2021");
            page.getByLabel("Tavoitevuosi").fill("2029");
            page.getByLabel("Tavoitearvo").fill("8,5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tallenna"))
                    .click();
            page.waitForURL(u -> u.endsWith("/plan/goals/" + goalId));
            assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Mittarit ja tavoitetasot"))
                            .textContent())
                    .contains("8,5")
                    .contains("2021");
        }
    }

    @Test
    void peopleSearchFiltersInPlace() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, "katselija", HyteSpringTest.DEMO_PASSWORD);
            page.navigate(url("/people"));
            assertThat(page.locator("#people-rows tr").count()).isGreaterThan(5);
            page.evaluate("window.hyteMarker = 'same page'");
            page.getByLabel("Hae nimellä tai tehtävänimikkeellä").fill("Nieminen");
            page.waitForCondition(() -> page.locator("#people-rows tr").count() == 1);
            assertThat(page.locator("#people-rows").textContent()).contains("Laura Nieminen");
            assertThat(page.evaluate("window.hyteMarker")).isEqualTo("same page");
            assertThat(page.locator("a", new Page.LocatorOptions().setHasText("Muokkaa"))
                            .count())
                    .isZero();
        }
    }

    @Test
    void newTermsPlanStartsFromThePreviousOneByKeyboardAndItsFormPassesAxe() {
        var org = fixtures.organisation("selainkopio" + Long.toString(System.nanoTime(), 36));
        var previous = plans.plan(org, "Edellinen suunnitelma", 2021, 2024);
        plans.goal(org, plans.line(org, previous, "Osallisuus kasvaa"), "Nuoret vaikuttavat");
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signIn(page, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
            page.navigate(url("/plan"));
            violations.addAll(scan(page, "fi", "plan-copy-offer"));
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Aloita edellisen kauden suunnitelman pohjalta"))
                    .click();
            page.waitForLoadState();
            for (String language : List.of("sv", "en", "fi")) {
                page.navigate(url("/plan/" + previous.id() + "/copy?lang=" + language));
                violations.addAll(scan(page, language, "plan-copy"));
            }
            page.locator("#firstYear").fill("2023");
            page.locator("#titleFi").fill("Uusi suunnitelma");
            page.getByLabel("Säilytä tavoitearvot").check();
            page.locator("form.stack button[type=submit]").click();
            page.waitForLoadState();
            assertThat(page.locator(".error-summary").textContent()).contains("Pohjaksi käy vain aiemman kauden");
            assertThat(page.getByLabel("Säilytä tavoitearvot").isChecked()).isTrue();
            violations.addAll(scan(page, "fi", "plan-copy-refused"));
            page.locator("#firstYear").fill("2025");
            page.locator("#lastYear").fill("2028");
            page.locator("#lastYear").press("Enter");
            page.waitForLoadState();
            assertThat(page.locator(".notice[role=status]").textContent()).contains("edellisen kauden pohjalta");
            assertThat(page.locator("h1").textContent()).contains("Uusi suunnitelma");
            assertThat(page.content()).contains("Nuoret vaikuttavat");
        }
        assertThat(violations).isEmpty();
        assertThat(planReading.plans(org.id())).hasSize(2);
    }

    @Test
    void failedSignInSaysSoInTheChosenLanguage() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=sv"));
            signIn(page, "koordinaattori", "fel-lösenord");
            assertThat(page.locator("[role=alert]").textContent()).contains("Användarnamnet eller lösenordet");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("sv");
        }
    }

    private List<String> scan(Page page, String language, String name) {
        return Axe.scan(page, language + "-" + name);
    }

    private void signIn(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForLoadState();
    }

    private static String saveLabel(String language) {
        return switch (language) {
            case "sv" -> "Spara";
            case "en" -> "Save";
            default -> "Tallenna";
        };
    }

    /** What the background jobs and the database sessions were doing, for a failure message. */
    private String jobsAndSessions() {
        return "\nJobs: "
                + jdbc.sql("select string_agg(kind || ' ' || status || ' ' || coalesce(message, ''), ' | ')"
                                + " from background_job")
                        .query(String.class)
                        .single()
                + "\nSessions: "
                + jdbc.sql("select string_agg(coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ':'"
                                + " || coalesce(wait_event, '') || ' ' || left(query, 160), ' | ')"
                                + " from pg_stat_activity where datname = current_database()")
                        .query(String.class)
                        .single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
