package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.domain.Plan;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.time.Instant;
import java.time.LocalDate;
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
 * Moderation, councils' statements and feedback in a real browser: the public consultation page
 * with a removed comment, flag buttons and statements, the private withdrawal link and page, the
 * feedback form, and the staff's moderation queue, councils, workshop code and feedback pages have
 * zero axe-core WCAG 2.1 A/AA violations in Finnish, Swedish and English at 1280 and 390 px; a
 * resident answers and withdraws with the keyboard alone.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationBrowserTests {

    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Publishing publishing;

    @Autowired
    ConsultationSetup setup;

    @Autowired
    Consultations consultations;

    @Autowired
    CouncilStatements statements;

    @Autowired
    fi.hyte.support.PlanFixtures planFixtures;

    @Autowired
    JdbcClient jdbc;

    Playwright playwright;
    Browser browser;
    Org org;
    String slug;
    UUID consultation;
    String measureRef;

    @BeforeAll
    void startBrowserAndSetUp() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("modb" + suffix);
        slug = "modb-" + suffix;
        UUID sector = fixtures.sector(org, "Liikuntapalvelut");
        UUID youth = fixtures.body(org, BodyType.YOUTH_COUNCIL, "Nuorisovaltuusto");
        UUID older = fixtures.body(org, BodyType.OLDER_PEOPLE_COUNCIL, "Vanhusneuvosto");
        Plan plan = planFixtures.withOneMeasure(
                org, "Suunnitelma", "Linja", "Lapset liikkuvat", "Liikuntakerhot kouluihin", sector);
        publishing.save(
                org.tenant(),
                new PublicSite(
                        org.id(),
                        slug,
                        true,
                        false,
                        LocalizedText.of("Yhteenveto", null),
                        LocalizedText.of("Yhteystiedot", null),
                        null,
                        null,
                        LocalizedText.of("Tietosuojaseloste", null),
                        "PARTIAL",
                        LocalizedText.of(null, null),
                        "a@example.fi",
                        LocalDate.now(),
                        0,
                        -1));
        publishing.publishPlan(org.tenant(), plan.id(), LocalDate.now());
        measureRef = firstMeasureRef();
        Instant opens = Instant.now().minusSeconds(3600);
        consultation = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Puistojen kuuleminen", null),
                        LocalizedText.of("Kerro mielipiteesi.", null),
                        opens,
                        opens.plusSeconds(86_400 * 14),
                        "POST",
                        false,
                        List.of(youth, older),
                        0),
                List.of(new ConsultationSetup.SectionChoice("T-1", LocalizedText.of("Puistot", null))));
        Consultation c = consultations.find(org.id(), consultation).orElseThrow();
        setup.update(
                org.tenant(),
                new Consultation(
                        c.id(),
                        org.id(),
                        null,
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        "POST",
                        true,
                        c.invitedBodies(),
                        c.version()));
        UUID section = consultations.sections(org.id(), consultation).get(0).id();
        comment(section, "Lisää penkkejä puistoon", "PUBLISHED", null);
        comment(section, "Poistettu solvaus", "REMOVED", "HARASSMENT");
        comment(section, "Soita 040 123 4567", "HELD", null);
        statements.enter(
                org.tenant(),
                consultation,
                youth,
                true,
                LocalDate.of(2026, 12, 1),
                "§ 7",
                "Nuoret toivovat lisää.",
                null,
                0);
        statements.setDeadline(
                org.tenant(), consultation, older, LocalDate.now().minusDays(1), 0);
        jdbc.sql("insert into measure_feedback (id, organisation_id, plan_id, measure_ref, measure_title, sector_id,"
                        + " text, may_publish, status, content_hash, answer_fi, answered_by, answered_at) values (?, ?, ?,"
                        + " ?, 'Liikuntakerhot kouluihin', ?, 'Kerhoja myös iltaisin', true, 'PUBLISHED', 'h',"
                        + " 'Iltakerhot alkavat.', 'Toimiala', now())")
                .params(UUID.randomUUID(), org.id().value(), plan.id(), measureRef, sector)
                .update();
    }

    private String firstMeasureRef() {
        return jdbc.sql("select content #>> '{lines,0,goals,0,measures,0,ref}' from public_plan where organisation_id"
                        + " = ?")
                .param(org.id().value())
                .query(String.class)
                .single();
    }

    private void comment(UUID section, String text, String status, String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into consultation_response (id, organisation_id, consultation_id, status, removed_reason,"
                        + " content_hash, nickname) values (?, ?, ?, ?, ?, ?, 'Asukas')")
                .params(id, org.id().value(), consultation, status, reason, id.toString())
                .update();
        jdbc.sql("insert into consultation_answer (response_id, organisation_id, section_id, text) values (?, ?, ?, ?)")
                .params(id, org.id().value(), section, text)
                .update();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void thePublicPagesPassAxeInEveryLanguageAtDesktopAndPhoneWidth() {
        List<String> violations = new ArrayList<>();
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                Page page = context.newPage();
                for (String lang : List.of("fi", "sv", "en")) {
                    String base = "/o/" + slug + "/" + lang;
                    for (String path :
                            List.of("/consultations/" + consultation, "/plan", "/plan/feedback/" + measureRef)) {
                        var response = page.navigate(url(base + path));
                        assertThat(response.status()).as(path).isEqualTo(200);
                        assertThat(page.content()).doesNotContain("??");
                        violations.addAll(scan(page, "modr-public-" + lang + path.replace('/', '-') + "-" + width));
                        assertThat(((Number) page.evaluate(
                                                "() => document.documentElement.scrollWidth - window.innerWidth"))
                                        .intValue())
                                .as("sideways scrolling on " + lang + path + " at " + width)
                                .isLessThanOrEqualTo(0);
                    }
                    page.navigate(url(base + "/consultations/" + consultation));
                    assertThat(page.content())
                            .contains("Lisää penkkejä puistoon")
                            .doesNotContain("Poistettu solvaus")
                            .doesNotContain("040 123 4567")
                            .contains("Nuoret toivovat lisää.");
                    page.navigate(url(base + "/withdraw/done?done=1"));
                    violations.addAll(scan(page, "modr-public-" + lang + "-withdrawn-" + width));
                }
                assertThat(context.cookies()).isEmpty();
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aResidentAnswersAndWithdrawsWithTheKeyboardAlone() {
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 900))) {
            Page page = context.newPage();
            page.navigate(url("/o/" + slug + "/fi/consultations/" + consultation));
            page.locator("textarea[name^=section-]").focus();
            page.keyboard().type("Näppäimistöllä kirjoitettu kommentti");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Lähetä vastaus"))
                    .focus();
            page.waitForNavigation(() -> page.keyboard().press("Enter"));
            assertThat(page.url()).as(page.locator("main").textContent()).contains("sent=published");
            violations.addAll(scan(page, "modr-public-fi-sent-390"));
            page.locator("a[href*='/withdraw/']").focus();
            page.waitForNavigation(() -> page.keyboard().press("Enter"));
            assertThat(page.content()).contains("Näppäimistöllä kirjoitettu kommentti");
            violations.addAll(scan(page, "modr-public-fi-withdraw-390"));
            page.locator("main form button[type=submit]").focus();
            page.waitForNavigation(() -> page.keyboard().press("Enter"));
            assertThat(page.content()).contains("Vastauksesi on peruttu ja poistettu.");
            page.navigate(url("/o/" + slug + "/fi/consultations/" + consultation));
            assertThat(page.content()).doesNotContain("Näppäimistöllä kirjoitettu kommentti");
            assertThat(context.cookies()).isEmpty();
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
                page.locator("#username").fill(org.user(Role.COORDINATOR));
                page.locator("#password").fill(Fixtures.PASSWORD);
                page.locator("form button[type=submit]").click();
                page.waitForLoadState();
                for (String lang : List.of("fi", "sv", "en")) {
                    for (String path : List.of(
                            "/participation/moderation",
                            "/participation/moderation?consultation=" + consultation,
                            "/participation/consultations/" + consultation + "/councils",
                            "/participation/consultations/" + consultation + "/workshop",
                            "/participation/feedback")) {
                        page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
                        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang);
                        assertThat(page.content()).doesNotContain("??");
                        violations.addAll(scan(
                                page,
                                "modr-staff-" + lang
                                        + path.replaceAll("[/?=]", "-").replace(consultation.toString(), "c") + "-"
                                        + width));
                    }
                }
                page.navigate(url("/participation/consultations/" + consultation + "/councils?lang=fi"));
                assertThat(page.content()).contains("Muistutus: lausunnon määräaika");
                page.navigate(url("/participation/moderation?lang=fi"));
                assertThat(page.content()).contains("Soita 040 123 4567");
                page.locator("button[value=hide]").first().click();
                page.waitForLoadState();
                assertThat(page.locator(".error-summary").isVisible()).isTrue();
                violations.addAll(scan(page, "modr-staff-fi-moderation-error-" + width));
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
