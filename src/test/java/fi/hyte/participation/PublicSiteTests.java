package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.Imports;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public site as residents and coordinators meet it: only what was published shows, no cookie
 * is ever set, pages are cached by their ETag, texts fall back to Finnish, and bad input changes
 * nothing.
 */
@HyteSpringTest
class PublicSiteTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Publishing publishing;

    @Autowired
    PlanEditing planEditing;

    @Autowired
    fi.hyte.support.PlanFixtures plans;

    @Autowired
    PlanReading planReading;

    @Autowired
    Imports imports;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    Org org;
    String slug;
    Plan plan;
    Goal goal;

    @BeforeEach
    void anOrganisationWithAPlan() {
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("julk" + suffix, RegionKind.MUNICIPALITY, "092");
        slug = "julk-" + suffix;
        plan = plans.plan(org, "Suunnitelma " + suffix, 2025, 2028);
        UUID line = planEditing.saveLine(
                org.tenant(),
                new PolicyLine(
                        null,
                        plan.id(),
                        0,
                        0,
                        new LocalizedText("Lapset voivat hyvin", "Barnen mår bra", null),
                        LocalizedText.of(null, null),
                        null,
                        0));
        UUID goalId = plans.goal(org, line, "Julkaistu tavoite");
        UUID measure = plans.measure(org, goalId, "Liikuntakerhot kouluihin", null, MeasureStatus.ONGOING, 40);
        planEditing.saveEvaluation(
                org.tenant(),
                new Evaluation(
                        null,
                        null,
                        measure,
                        2025,
                        Realisation.PARTLY,
                        "Kerhoja oli kuudessa koulussa.",
                        null,
                        null,
                        -1,
                        null,
                        null));
        goal = planReading.snapshot(org.id(), plan.id()).goals().get(0);
        publishing.save(org.tenant(), site(slug, true, 0));
    }

    private PublicSite site(String address, boolean online, int version) {
        return new PublicSite(
                org.id(),
                address,
                online,
                false,
                new LocalizedText("Yhteenveto suomeksi", "Sammanfattning på svenska", "Summary in English"),
                new LocalizedText("Koordinaattori Maija Meikäläinen", null, null),
                "hyte@example.fi",
                null,
                new LocalizedText("Tietosuoja suomeksi", null, null),
                "PARTIAL",
                new LocalizedText("Puute suomeksi", null, null),
                "saavutettavuus@example.fi",
                LocalDate.of(2026, 12, 6),
                0,
                version);
    }

    @Test
    void publicPagesSetNoCookieAndMayBeCachedForFiveMinutes() {
        publishing.publishPlan(org.tenant(), plan.id(), LocalDate.of(2026, 12, 1));
        long sessions = sessions();
        for (String lang : List.of("fi", "sv", "en")) {
            for (String page : List.of("", "/plan", "/contact", "/privacy", "/accessibility")) {
                HttpResponse<String> response = get("/o/" + slug + "/" + lang + page, Map.of());
                assertThat(response.statusCode()).as(page).isEqualTo(200);
                assertThat(response.headers().allValues("Set-Cookie")).as(page).isEmpty();
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
                assertThat(response.headers().firstValue("ETag")).isPresent();
                assertThat(response.body()).contains("lang=\"" + lang + "\"").doesNotContain("<script");
            }
        }
        assertThat(sessions()).as("sessions after public reads").isEqualTo(sessions);
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    @Test
    void anUnchangedPageIsAnswered304AndAPublicationChangesItsETag() {
        String url = "/o/" + slug + "/fi";
        String etag = get(url, Map.of()).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(url, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
        publishing.publishPlan(org.tenant(), plan.id(), LocalDate.of(2026, 12, 1));
        HttpResponse<String> changed = get(url, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void anImportOfAKeyIndicatorsValuesChangesTheETag() {
        Tenant coordinator = new Tenant(
                org.id(), users.idOf(org.user(Role.COORDINATOR)).orElseThrow(), "koordinaattori", Role.COORDINATOR);
        assertThat(imports.importNow(coordinator, "oma.csv", csv("2023;4,5")).problems())
                .isEmpty();
        int indicator = jdbc.sql("select id from indicator where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
        assertThat(publishing.addIndicator(org.tenant(), indicator)).isTrue();
        String url = "/o/" + slug + "/fi/indicators";
        HttpResponse<String> first = get(url, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Oma kysely").contains("<svg");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(imports.importNow(coordinator, "oma.csv", csv("2024;5,5")).problems())
                .isEmpty();
        assertThat(get(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);
    }

    private static byte[] csv(String yearAndValue) {
        return ("tunnus;nimi;vuosi;arvo\noma-kysely;Oma kysely;" + yearAndValue + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnpublishedPlanAndItsEvaluationsAreNotFound() {
        assertNotFound("/o/" + slug + "/fi/plan");
        assertNotFound("/o/" + slug + "/fi/evaluations/2025");
        assertThat(get("/o/" + slug + "/fi", Map.of()).body()).doesNotContain("Julkaistu tavoite");
        publishing.publishPlan(org.tenant(), plan.id(), LocalDate.of(2026, 12, 1));
        assertThat(get("/o/" + slug + "/fi/plan", Map.of()).body())
                .contains("Julkaistu tavoite")
                .contains("Liikuntakerhot kouluihin")
                .doesNotContain("Kerhoja oli kuudessa koulussa.");
        assertNotFound("/o/" + slug + "/fi/evaluations/2025");
        assertThat(publishing.publishEvaluations(org.tenant(), plan.id(), 2025)).isTrue();
        assertThat(get("/o/" + slug + "/fi/evaluations/2025", Map.of()).body())
                .contains("Kerhoja oli kuudessa koulussa.");
        assertThat(get("/o/" + slug + "/fi/plan", Map.of()).body()).contains("Kerhoja oli kuudessa koulussa.");
        publishing.withdrawPlan(org.tenant(), plan.id());
        assertNotFound("/o/" + slug + "/fi/plan");
        assertNotFound("/o/" + slug + "/fi/evaluations/2025");
    }

    @Test
    void aDraftChangeAfterPublicationStaysOffThePublicSite() {
        publishing.publishPlan(org.tenant(), plan.id(), LocalDate.of(2026, 12, 1));
        planEditing.saveGoal(
                org.tenant(),
                new Goal(
                        goal.id(),
                        goal.planId(),
                        goal.lineId(),
                        goal.ref(),
                        goal.position(),
                        LocalizedText.of("Luonnos: salainen muutos", null),
                        goal.description(),
                        goal.dimensionIds(),
                        goal.targetGroups(),
                        goal.inequalityFocus(),
                        goal.ownerPersonId(),
                        goal.ownerBodyId(),
                        goal.version(),
                        null,
                        null));
        assertThat(get("/o/" + slug + "/fi/plan", Map.of()).body())
                .contains("Julkaistu tavoite")
                .doesNotContain("salainen muutos");
    }

    @Test
    void aSiteNotOnlineUnknownLanguagesAndAddressesAnswer404WithoutACookie() {
        publishing.publishPlan(org.tenant(), plan.id(), LocalDate.of(2026, 12, 1));
        assertNotFound("/o/" + slug + "/de");
        assertNotFound("/o/" + slug + "/fi/evaluations/vuosi");
        assertNotFound("/o/" + slug + "/fi/evaluations/2031");
        assertNotFound("/o/" + slug + "/fi/no-such-page/deeper");
        assertNotFound("/o/ei-ole-olemassa/fi");
        assertNotFound("/o/" + slug.toUpperCase() + "/fi");
        assertNotFound("/o");
        int version = jdbc.sql("select version from public_site where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
        publishing.save(org.tenant(), site(slug, false, version));
        assertNotFound("/o/" + slug + "/fi");
        assertNotFound("/o/" + slug + "/fi/plan");
        assertNotFound("/o/" + slug);
    }

    @Test
    void aMissingSwedishOrEnglishTextFallsBackToFinnishMarkedAsFinnish() {
        String sv = get("/o/" + slug + "/sv/contact", Map.of()).body();
        assertThat(sv)
                .contains("<html lang=\"sv\"")
                .containsPattern("<div class=\"public-prose\" lang=\"fi\">\\s*<p>Koordinaattori Maija Meikäläinen");
        String fi = get("/o/" + slug + "/fi/contact", Map.of()).body();
        assertThat(fi).contains(">Koordinaattori Maija Meikäläinen").doesNotContain("public-prose\" lang=");
        assertThat(get("/o/" + slug + "/en", Map.of()).body()).contains("Summary in English");
    }

    @Test
    void theLanguageComesFromTheAddressNeverFromACookieOrParameter() {
        HttpResponse<String> response = get("/o/" + slug + "/fi?lang=sv", Map.of("Cookie", "hyte-lang=en"));
        assertThat(response.body()).contains("<html lang=\"fi\"").contains("Etusivu");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aCoordinatorPublishesThePlanFromTheParticipationPage() {
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(coordinator.get("/participation").body())
                .contains("Suunnitelma")
                .contains(slug);
        Response published = coordinator.post("/participation/plans/" + plan.id() + "/publish", Map.of());
        assertThat(published.status()).isEqualTo(302);
        assertThat(get("/o/" + slug + "/fi/plan", Map.of()).statusCode()).isEqualTo(200);
        coordinator.post("/participation/plans/" + plan.id() + "/evaluations/2025/publish", Map.of());
        assertThat(get("/o/" + slug + "/fi/evaluations/2025", Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type in"
                                + " ('publicPlan', 'publicEvaluations')")
                        .param(org.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aViewerCannotPublish() {
        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(viewer.post("/participation/plans/" + plan.id() + "/publish", Map.of())
                        .status())
                .isEqualTo(403);
        assertNotFound("/o/" + slug + "/fi/plan");
    }

    @Test
    void badSettingsAreExplainedInTheUsersLanguageAndChangeNothing() {
        publishing.save(org.tenant(), site(slug, true, 0));
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String before = state();
        Response bad = coordinator.post(
                "/participation/site",
                Map.of(
                        "slug", "Ääkkösiä ja välejä!",
                        "online", "true",
                        "accessibilityStatus", "KINDA",
                        "accessibilityFeedback", "javascript:alert(1)",
                        "accessibilityCheckedOn", "eilen",
                        "contactEmail", "ei-osoite",
                        "version", "1"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body())
                .contains("Käytä vain pieniä kirjaimia a–z")
                .contains("Anna sähköpostiosoite tai https://-alkuinen osoite.")
                .contains("Anna päivämäärä muodossa vvvv-kk-pp.")
                .contains("Valitse vaatimustenmukaisuuden tila.")
                .contains("value=\"&Auml;&auml;kk&ouml;si&auml; ja v&auml;lej&auml;!\"");
        Org other = fixtures.organisation("toinen" + Long.toString(System.nanoTime(), 36));
        WebSession otherCoordinator = WebSession.signedIn(port, other.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response taken = otherCoordinator.post(
                "/participation/site", Map.of("slug", slug, "accessibilityStatus", "PARTIAL", "version", "-1"));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("Tämä osoite on jo toisen organisaation käytössä.");
        Response stale = coordinator.post(
                "/participation/site",
                Map.of(
                        "slug",
                        slug,
                        "summaryFi",
                        "Vanha lomake",
                        "accessibilityStatus",
                        "PARTIAL",
                        "version",
                        "0",
                        "online",
                        "true",
                        "accessibilityFeedback",
                        "a@example.fi"));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("conflict");
        assertThat(state()).isEqualTo(before);
        Response swedish = coordinator.post(
                "/participation/site?lang=sv", Map.of("slug", "-", "accessibilityStatus", "PARTIAL", "version", "1"));
        assertThat(swedish.body()).contains("Använd bara små bokstäver a–z");
    }

    private String state() {
        return jdbc.sql("select slug || ':' || version || ':' || coalesce(summary_fi, '') from public_site"
                        + " where organisation_id = ?")
                .param(org.id().value())
                .query(String.class)
                .single();
    }

    private void assertNotFound(String path) {
        HttpResponse<String> response = get(path, Map.of());
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        assertThat(response.body()).as(path).doesNotContain("Julkaistu tavoite").doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
