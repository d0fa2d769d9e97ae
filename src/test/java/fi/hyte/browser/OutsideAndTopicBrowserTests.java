package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fi.hyte.participation.TestSites;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 §1–§2 in a real browser: the public page of a consultation run on otakantaa.fi and of a
 * topic consultation with its own sections, and the coordinator's pages that record and write them,
 * pass axe in Finnish, Swedish and English at 1280 and 390 px without sideways scrolling.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsideAndTopicBrowserTests {

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

    Playwright playwright;
    Browser browser;
    Fixtures.Org org;
    String slug;
    UUID outside;
    UUID topic;

    @BeforeAll
    void startBrowserWithTwoConsultations() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("ulk" + suffix);
        slug = "ulk-" + suffix;
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        outside = setup.recordOutside(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Nuorten tilat keskustan alueella", "Ungdomslokaler i centrum"),
                        LocalizedText.of(
                                "Nuoret toivoivat iltaisin avoinna olevaa tilaa ja enemmän ohjattua toimintaa.",
                                "De unga önskade en lokal som är öppen på kvällarna."),
                        now.minus(40, ChronoUnit.DAYS),
                        now.minus(10, ChronoUnit.DAYS),
                        "POST",
                        true,
                        List.of(),
                        0),
                new Consultation.Outside(
                        "OTAKANTAA", "https://www.otakantaa.fi/fi-FI/projects/nuorten-tilat-keskustassa", 312));
        topic = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Koulukuljetusten muutos", "Ändrade skolskjutsar"),
                        LocalizedText.of("Päätös on arvioitavana.", "Beslutet bedöms."),
                        now.minus(1, ChronoUnit.HOURS),
                        now.plus(14, ChronoUnit.DAYS),
                        "POST",
                        false,
                        List.of(),
                        0),
                List.of());
        for (String[] s : List.of(
                new String[] {"Reitit", "Rutter", "Uudet reitit kulkevat koulun kautta, ja pysäkkejä on kolme."},
                new String[] {"Aikataulut", "Tidtabeller", "Ensimmäinen vuoro lähtee seitsemältä."})) {
            assertThat(setup.ownSection(
                            org.tenant(),
                            topic,
                            new ConsultationSetup.SectionChange(
                                    null, "SAVE", LocalizedText.of(s[0], s[1]), LocalizedText.of(s[2], s[2])),
                            now))
                    .isEmpty();
        }
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void theNewPublicAndStaffPagesPassAxeAtDesktopAndPhoneWidth() {
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
                for (String language : List.of("fi", "sv", "en")) {
                    page.navigate(url("/participation/consultations/" + topic + "?lang=" + language));
                    violations.addAll(checked(page, "topic-sections-" + language + "-" + width));
                    page.navigate(url("/participation/consultations/outside?lang=" + language));
                    violations.addAll(checked(page, "outside-new-" + language + "-" + width));
                }
                page.navigate(url("/participation/consultations/outside?lang=fi"));
                page.locator("#url").fill("javascript:alert(1)");
                page.locator("form:has(#url) button[type=submit]").click();
                assertThat(page.locator(".error-summary").textContent())
                        .contains("Anna osoite, joka alkaa https:// tai http://.");
                violations.addAll(checked(page, "outside-errors-fi-" + width));
                page.navigate(url("/participation/consultations/" + outside + "/outside?lang=fi"));
                violations.addAll(checked(page, "outside-edit-fi-" + width));
            }
        }
        // Publish the topic consultation: residents then see its own sections.
        Consultation c = consultations.find(org.id(), topic).orElseThrow();
        setup.update(
                org.tenant(),
                new Consultation(
                        c.id(),
                        c.organisation(),
                        c.planId(),
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        c.moderation(),
                        true,
                        c.invitedBodies(),
                        c.version()));
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                Page page = context.newPage();
                for (String language : List.of("fi", "sv", "en")) {
                    page.navigate(url("/o/" + slug + "/" + language + "/consultations/" + outside));
                    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
                    violations.addAll(checked(page, "public-outside-" + language + "-" + width));
                    page.navigate(url("/o/" + slug + "/" + language + "/consultations/" + topic));
                    violations.addAll(checked(page, "public-topic-" + language + "-" + width));
                }
                page.navigate(url("/o/" + slug + "/fi/consultations/" + outside));
                assertThat(page.locator("h2#outside-title").textContent())
                        .isEqualTo("Keskustelu käytiin palvelussa otakantaa.fi");
                assertThat(page.locator("a[href^='https://www.otakantaa.fi/fi-FI/projects/']")
                                .count())
                        .isEqualTo(1);
                page.navigate(url("/o/" + slug + "/fi/consultations/" + topic));
                page.locator("textarea[name^=section-]").first().focus();
                assertThat(page.locator("textarea[name^=section-]").count()).isEqualTo(2);
            }
        }
        assertThat(violations).isEmpty();
    }

    private List<String> checked(Page page, String name) {
        assertThat(page.content()).as(name).doesNotContain("??");
        assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                        .intValue())
                .as("sideways scrolling on " + name)
                .isLessThanOrEqualTo(0);
        return Axe.scan(page, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
