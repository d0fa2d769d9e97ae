package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.participation.domain.JoysAndWorries;
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
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Joys and worries: residents tell them on the public site without signing in (refusals explained,
 * nothing stored), staff add a workshop's results with their source, the coordinator groups them
 * into themes linked to indicators, and the year's themes reach the root API for the report.
 */
@HyteSpringTest
class JoysAndWorriesTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Publishing publishing;

    @Autowired
    JoysAndWorries joys;

    @Autowired
    IndicatorCatalog indicators;

    @Autowired
    ParticipationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    PublicHttp web;

    Org org;
    String slug;
    UUID collection;
    String page;

    @BeforeEach
    void aPublishedStandingCollection() {
        web = new PublicHttp(port);
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("ilo" + suffix);
        slug = "ilo-" + suffix;
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        collection = joys.create(
                        org.tenant(),
                        new LocalizedText("Mikä täällä on hyvää?", "Vad är bra här?", null),
                        LocalizedText.of("Kerro", null),
                        Instant.now().minusSeconds(60),
                        null,
                        false)
                .id();
        joys.publish(org.tenant(), collection, true, 0);
        page = "/o/" + slug + "/fi/joys/" + collection;
    }

    @Test
    void aResidentTellsAJoyWithoutSigningInAndItShows() {
        HttpResponse<String> form = get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(get("/o/" + slug + "/fi").body()).contains("/o/" + slug + "/fi/joys/" + collection);
        HttpResponse<String> sent = post(page, fields(form.body(), "JOY", "Uimahalli on ihana."));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).get().asString().contains("sent=published");
        assertThat(get(page).body()).contains("Uimahalli on ihana.");
        assertThat(get("/o/" + slug + "/sv/joys/" + collection).body()).contains("Vad är bra här?");
        HttpResponse<String> held = post(page, fields(form.body(), "WORRY", "Soita 040 765 4321 niin kerron"));
        assertThat(held.headers().firstValue("Location")).get().asString().contains("sent=held");
        assertThat(get(page).body()).doesNotContain("040 765 4321");
        assertThat(joys.items(org.id(), collection, false)).hasSize(2);
    }

    @Test
    void refusalsAreExplainedKeepTheTextAndStoreNothing() {
        String body = get(page).body();
        HttpResponse<String> empty = post(page, fields(body, "JOY", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Vastaus on tyhjä.");
        HttpResponse<String> kind = post(page, fields(body, "MAYBE", "Jotain"));
        assertThat(kind.body())
                .contains("Valitse, onko kyse ilosta vai huolesta.")
                .contains("Jotain");
        HttpResponse<String> area =
                post("/o/" + slug + "/sv/joys/" + collection, with(fields(body, "JOY", "Bra"), "postalArea", "abc"));
        assertThat(area.body()).contains("Ange postnumret med fem siffror");
        HttpResponse<String> foreign =
                post(page, fields(body, "JOY", "Muualta"), Map.of("Origin", "https://evil.example"));
        assertThat(foreign.body()).contains("Lomake oli vanhentunut.");
        assertThat(joys.items(org.id(), collection, false)).isEmpty();
        for (int i = 1; i <= 5; i++) {
            assertThat(post(page, fields(body, "JOY", "Ilo " + i)).statusCode()).isEqualTo(302);
        }
        assertThat(post(page, fields(body, "JOY", "Ilo 1")).body()).contains("Odota kymmenen minuuttia");
        assertThat(joys.items(org.id(), collection, false)).hasSize(5);
        jdbc.sql("update joy_collection set closes_at = now() - interval '1 minute' where id = ?")
                .param(collection)
                .update();
        HttpResponse<String> closed = post(page, fields(body, "JOY", "Myöhässä"));
        assertThat(closed.statusCode()).isEqualTo(409);
    }

    @Test
    void workshopResultsNeedTheirSourceAndThemesWithIndicatorsReachTheRootApi() {
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response noSource = coordinator.post(
                "/participation/joys/" + collection + "/items", Map.of("kind", "WORRY", "text", "Yksinäisyys"));
        assertThat(noSource.status()).isEqualTo(302);
        assertThat(coordinator.get("/participation/joys/" + collection).body())
                .contains("Kerro työpajan tai tilaisuuden nimi ja päivä");
        assertThat(joys.items(org.id(), collection, false)).isEmpty();
        coordinator.post(
                "/participation/joys/" + collection + "/items",
                Map.of(
                        "kind",
                        "WORRY",
                        "text",
                        "Yksinäisyys välitunneilla",
                        "source",
                        "Nuorisovaltuuston työpaja",
                        "ageGroup",
                        "UNDER_18"));
        coordinator.post(
                "/participation/joys/" + collection + "/items",
                Map.of("kind", "WORRY", "text", "Illat ovat pitkiä", "source", "Nuorisovaltuuston työpaja"));
        assertThat(joys.items(org.id(), collection, false))
                .extracting(JoysAndWorries.Item::source)
                .containsOnly("Nuorisovaltuuston työpaja");

        coordinator.post(
                "/participation/joys/" + collection + "/themes",
                Map.of("kind", "WORRY", "titleFi", "Nuorten yksinäisyys", "indicatorIds", "987654321"));
        assertThat(joys.themes(org.id(), collection)).isEmpty();
        int indicator = 683;
        assertThat(indicators.find(org.id(), indicator)).isPresent();
        coordinator.post(
                "/participation/joys/" + collection + "/themes",
                Map.of("kind", "WORRY", "titleFi", "Nuorten yksinäisyys", "indicatorIds", Integer.toString(indicator)));
        JoysAndWorries.Theme theme = joys.themes(org.id(), collection).get(0);
        assertThat(theme.indicatorIds()).containsExactly(indicator);
        StringBuilder query = new StringBuilder();
        joys.items(org.id(), collection, false)
                .forEach(i -> query.append(query.isEmpty() ? "?" : "&")
                        .append("item=")
                        .append(i.id()));
        coordinator.post(
                "/participation/joys/" + collection + "/group" + query,
                Map.of("theme", theme.id().toString()));

        int year = LocalDate.now(ZoneId.of("Europe/Helsinki")).getYear();
        List<ParticipationCatalog.JoyWorryTheme> themes = catalog.joysAndWorries(org.id(), year);
        assertThat(themes).hasSize(1);
        assertThat(themes.get(0).kind()).isEqualTo("WORRY");
        assertThat(themes.get(0).title().fi()).isEqualTo("Nuorten yksinäisyys");
        assertThat(themes.get(0).items()).isEqualTo(2);
        assertThat(themes.get(0).indicatorIds()).containsExactly(indicator);
        assertThat(themes.get(0).sources()).containsExactly("Nuorisovaltuuston työpaja");
        assertThat(catalog.joysAndWorries(org.id(), year - 1)).isEmpty();
        assertThat(get(page).body()).contains("Nuorten yksinäisyys").contains("Illat ovat pitkiä");
    }

    private static Map<String, String> fields(String form, String kind, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", PublicHttp.token(form));
        fields.put("website", "");
        fields.put("kind", kind);
        fields.put("text", text);
        fields.put("dimension", "");
        fields.put("ageGroup", "30_44");
        fields.put("postalArea", "04200");
        return fields;
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(key, value);
        return changed;
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
