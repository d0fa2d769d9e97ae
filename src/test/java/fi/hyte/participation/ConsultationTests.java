package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consultations: a coordinator opens one under the rules (period, Swedish for a bilingual
 * organisation, extend but never shorten), and residents answer without signing in, with every
 * refusal explained in their language and nothing stored.
 */
@HyteSpringTest
class ConsultationTests {

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
    JdbcClient jdbc;

    PublicHttp web;

    Org org;
    String slug;
    UUID consultation;
    String page;

    @BeforeEach
    void anOpenConsultation() {
        web = new PublicHttp(port);
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("kuul" + suffix);
        slug = "kuul-" + suffix;
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        consultation = open("POST");
        page = "/o/" + slug + "/fi/consultations/" + consultation;
    }

    private UUID open(String moderation) {
        Instant opens = Instant.now().minusSeconds(3600);
        UUID id = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Kerro mielipiteesi puistoista", null),
                        LocalizedText.of("Johdanto", null),
                        opens,
                        opens.plusSeconds(86_400 * 7),
                        moderation,
                        false,
                        List.of(),
                        0),
                List.of(new ConsultationSetup.SectionChoice("T-1", LocalizedText.of("Puistot ja lähiliikunta", null))));
        setup.addQuestion(org.tenant(), id, "SCALE", LocalizedText.of("Puistoja on tarpeeksi", null), List.of());
        Consultation c = consultations.find(org.id(), id).orElseThrow();
        setup.update(
                org.tenant(),
                new Consultation(
                        id,
                        org.id(),
                        null,
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        moderation,
                        true,
                        List.of(),
                        c.version()));
        return id;
    }

    @Test
    void aResidentAnswersWithoutSigningInAndTheCommentShows() {
        HttpResponse<String> form = get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> sent = post(page, answer(form.body(), "Lisää penkkejä Keskuspuistoon", Map.of()));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).get().asString().contains("sent=published");
        assertThat(sent.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(get(page).body()).contains("Lisää penkkejä Keskuspuistoon").contains("Puistokävijä");
        assertThat(count("consultation_response")).isEqualTo(1);
        assertThat(jdbc.sql("select age_group || postal_area from consultation_response where consultation_id = ?")
                        .param(consultation)
                        .query(String.class)
                        .single())
                .isEqualTo("30_4404200");
    }

    @Test
    void refusedAnswersAreExplainedKeepTheTextAndStoreNothing() {
        String body = get(page).body();
        HttpResponse<String> email = post(page, answer(body, "Hyvä ajatus", Map.of("nickname", "maija@example.fi")));
        assertThat(email.statusCode()).isEqualTo(422);
        assertThat(email.body())
                .contains("Nimimerkki ei saa olla sähköpostiosoite tai puhelinnumero")
                .contains("Hyvä ajatus");
        HttpResponse<String> empty = post(page, answer(body, "", Map.of()));
        assertThat(empty.body()).contains("Vastaus on tyhjä.");
        HttpResponse<String> tooLong = post(page, answer(body, "a".repeat(5001), Map.of()));
        assertThat(tooLong.body()).contains("enintään 5 000 merkkiä");
        HttpResponse<String> token =
                post(page, answer(body, "Toinen ajatus", Map.of("token", "1.abcdefghijklmnopqrstuvwxyz")));
        assertThat(token.body()).contains("Lomake oli vanhentunut.").contains("Toinen ajatus");
        HttpResponse<String> swedish = post(
                "/o/" + slug + "/sv/consultations/" + consultation, answer(body, "Bra", Map.of("postalArea", "abc")));
        assertThat(swedish.body()).contains("Ange postnumret med fem siffror");
        HttpResponse<String> foreign =
                post(page, answer(body, "Toisaalta tullut", Map.of()), Map.of("Origin", "https://evil.example"));
        assertThat(foreign.body()).contains("Lomake oli vanhentunut.");
        assertThat(count("consultation_response")).isZero();
    }

    @Test
    void aFilledHoneypotLooksAcceptedButStoresNothing() {
        HttpResponse<String> sent =
                post(page, answer(get(page).body(), "Osta halpoja kelloja", Map.of("website", "x")));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(count("consultation_response")).isZero();
    }

    @Test
    void theSameAnswerTwiceAndASixthWithinTenMinutesAreRefused() {
        String body = get(page).body();
        assertThat(post(page, answer(body, "Ensimmäinen", Map.of())).statusCode())
                .isEqualTo(302);
        assertThat(post(page, answer(body, "Ensimmäinen", Map.of())).body()).contains("Sama vastaus on jo lähetetty.");
        for (int i = 2; i <= 5; i++) {
            assertThat(post(page, answer(body, "Vastaus " + i, Map.of())).statusCode())
                    .isEqualTo(302);
        }
        assertThat(post(page, answer(body, "Kuudes", Map.of())).body()).contains("Odota kymmenen minuuttia");
        assertThat(count("consultation_response")).isEqualTo(5);
        assertThat(jdbc.sql("select count(distinct client_hash) from consultation_response where consultation_id = ?")
                        .param(consultation)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from consultation_response where client_hash like '%127.0.0.1%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void personalDataInTheTextIsHeldForAModerator() {
        HttpResponse<String> sent =
                post(page, answer(get(page).body(), "Soita minulle 040 123 4567 niin kerron lisää", Map.of()));
        assertThat(sent.headers().firstValue("Location")).get().asString().contains("sent=held");
        assertThat(get(page).body()).doesNotContain("040 123 4567");
    }

    @Test
    void afterThePeriodAnswersAreRefusedWithAMessage() {
        String body = get(page).body();
        jdbc.sql("update consultation set opens_at = now() - interval '10 days', closes_at = now() - interval '1 day'"
                        + " where id = ?")
                .param(consultation)
                .update();
        HttpResponse<String> late = post(page, answer(body, "Myöhässä", Map.of()));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Kuuleminen on päättynyt, joten vastausta ei voi enää lähettää.");
        assertThat(count("consultation_response")).isZero();
        assertThat(get(page).body()).contains("Kuuleminen on päättynyt").doesNotContain("name=\"token\"");
    }

    @Test
    void anUnpublishedOrAnotherOrganisationsConsultationIsNotFound() {
        UUID draft = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Luonnos", null),
                        LocalizedText.of("Luonnos", null),
                        Instant.now(),
                        Instant.now().plusSeconds(3600),
                        "POST",
                        false,
                        List.of(),
                        0),
                List.of());
        assertThat(get("/o/" + slug + "/fi/consultations/" + draft).statusCode())
                .isEqualTo(404);
        Org other = fixtures.organisation("muu" + Long.toString(System.nanoTime(), 36));
        UUID foreign = setup.create(
                other.tenant(),
                new Consultation(
                        null,
                        other.id(),
                        null,
                        LocalizedText.of("Muu", null),
                        LocalizedText.of("Muu", null),
                        Instant.now(),
                        Instant.now().plusSeconds(3600),
                        "POST",
                        false,
                        List.of(),
                        0),
                List.of());
        assertThat(get("/o/" + slug + "/fi/consultations/" + foreign).statusCode())
                .isEqualTo(404);
        assertThat(post("/o/" + slug + "/fi/consultations/" + foreign, Map.of("token", "x"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aCoordinatorsConsultationFollowsTheRules() {
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response reversed = coordinator.post(
                "/participation/consultations",
                Map.of(
                        "titleFi", "Uusi",
                        "introFi", "Johdanto",
                        "opensAt", "2027-02-01T09:00",
                        "closesAt", "2027-01-01T09:00",
                        "moderation", "POST"));
        assertThat(reversed.status()).isEqualTo(200);
        assertThat(reversed.body()).contains("Päättymisen on oltava avautumisen jälkeen.");
        publishing.setBilingual(org.tenant(), true);
        Response finnishOnly = coordinator.post(
                "/participation/consultations",
                Map.of(
                        "titleFi", "Uusi",
                        "introFi", "Johdanto",
                        "opensAt", "2027-02-01T09:00",
                        "closesAt", "2027-03-01T09:00",
                        "moderation", "POST"));
        assertThat(finnishOnly.body()).contains("Kaksikielisen organisaation kuulemisella on oltava otsikko");
        long before = consultations.of(org.id()).size();
        Response both = coordinator.post(
                "/participation/consultations",
                Map.of(
                        "titleFi", "Uusi",
                        "titleSv", "Ny",
                        "introFi", "Johdanto",
                        "introSv", "Inledning",
                        "opensAt", "2027-02-01T09:00",
                        "closesAt", "2027-03-01T09:00",
                        "moderation", "PRE"));
        assertThat(both.status()).isEqualTo(302);
        assertThat(consultations.of(org.id())).hasSize((int) before + 1);
        Consultation c = consultations.find(org.id(), consultation).orElseThrow();
        Response shorter = coordinator.post(
                "/participation/consultations/" + consultation,
                Map.of(
                        "titleFi", "Kerro mielipiteesi puistoista",
                        "titleSv", "Parker",
                        "introFi", "Johdanto",
                        "introSv", "Inledning",
                        "opensAt", local(c.opensAt()),
                        "closesAt", local(c.closesAt().minusSeconds(86_400)),
                        "moderation", "POST",
                        "published", "true",
                        "version", String.valueOf(c.version())));
        assertThat(shorter.body()).contains("Avautunutta kuulemista voi vain jatkaa, ei lyhentää.");
        Response longer = coordinator.post(
                "/participation/consultations/" + consultation,
                Map.of(
                        "titleFi", "Kerro mielipiteesi puistoista",
                        "titleSv", "Parker",
                        "introFi", "Johdanto",
                        "introSv", "Inledning",
                        "opensAt", local(c.opensAt()),
                        "closesAt", local(c.closesAt().plusSeconds(86_400)),
                        "moderation", "POST",
                        "published", "true",
                        "version", String.valueOf(c.version())));
        assertThat(longer.status()).isEqualTo(302);
        assertThat(consultations.find(org.id(), consultation).orElseThrow().closesAt())
                .isAfter(c.closesAt());
        for (int i = 2; i <= 10; i++) {
            coordinator.post(
                    "/participation/consultations/" + consultation + "/questions",
                    Map.of("kind", "TEXT", "textFi", "Kysymys " + i));
        }
        assertThat(consultations.questions(org.id(), consultation)).hasSize(10);
        coordinator.post(
                "/participation/consultations/" + consultation + "/questions",
                Map.of("kind", "TEXT", "textFi", "Yhdestoista"));
        assertThat(consultations.questions(org.id(), consultation)).hasSize(10);
    }

    private static String local(Instant at) {
        return java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.of("Europe/Helsinki"))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .toString();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where consultation_id = ?")
                .param(consultation)
                .query(Long.class)
                .single();
    }

    /** The form's fields as a browser would send them, with a comment on its section. */
    private static Map<String, String> answer(String form, String comment, Map<String, String> overrides) {
        Map<String, String> withGroup = new LinkedHashMap<>(Map.of("ageGroup", "30_44", "postalArea", "04200"));
        withGroup.putAll(overrides);
        return PublicHttp.answer(form, comment, withGroup);
    }

    private HttpResponse<String> get(String path) {
        return web.get(path);
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        return web.post(path, form);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        return web.post(path, form, headers);
    }
}
