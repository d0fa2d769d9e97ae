package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.Imports;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.PlanFixtures;
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
 * The public pages are kept rendered by their ETag (issue 14 §9): a page read again is the same
 * page, but a publication, a settings change or an import shows at once, on a request without
 * If-None-Match too; an unchanged page is still answered 304, and no answer sets a cookie.
 */
@HyteSpringTest
class PublicPageCacheTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanFixtures plans;

    @Autowired
    Publishing publishing;

    @Autowired
    PlanEditing planEditing;

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

    @BeforeEach
    void anOnlineSite() {
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("valm" + suffix, RegionKind.MUNICIPALITY, "092");
        slug = "valm-" + suffix;
        publishing.save(org.tenant(), site("Ensimmäinen yhteenveto", 0));
    }

    private PublicSite site(String summary, int version) {
        return new PublicSite(
                org.id(),
                slug,
                true,
                false,
                new LocalizedText(summary, "Sammanfattning " + summary, null),
                LocalizedText.of("Koordinaattori", null),
                "hyte@example.fi",
                null,
                LocalizedText.of("Tietosuoja", null),
                "PARTIAL",
                LocalizedText.of(null, null),
                "saavutettavuus@example.fi",
                LocalDate.of(2026, 12, 6),
                0,
                version);
    }

    @Test
    void aNewlyPublishedPlanShowsAtOnceAndAnUnchangedPageIsStill304WithoutACookie() {
        Plan first = plans.withOneMeasure(org, "Suunnitelma A", "Linja A", "Tavoite A", "Toimenpide Alfa", null);
        publishing.publishPlan(org.tenant(), first.id(), LocalDate.of(2026, 12, 1));
        String url = "/o/" + slug + "/fi/plan";
        HttpResponse<String> rendered = get(url, Map.of());
        HttpResponse<String> kept = get(url, Map.of());
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.body()).contains("Toimenpide Alfa");
        assertThat(kept.body()).isEqualTo(rendered.body());
        assertThat(kept.headers().firstValue("ETag"))
                .isEqualTo(rendered.headers().firstValue("ETag"));
        assertThat(kept.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(kept.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(kept.headers().allValues("Set-Cookie")).isEmpty();
        // Answered from memory, but with the same security headers as the page rendered.
        for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "Vary")) {
            assertThat(kept.headers().allValues(header))
                    .as(header)
                    .isEqualTo(rendered.headers().allValues(header));
        }
        String etag = kept.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = get(url, Map.of("If-None-Match", etag));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().allValues("Set-Cookie")).isEmpty();

        Goal goal = planReading.snapshot(org.id(), first.id()).goals().get(0);
        planEditing.saveMeasure(org.tenant(), measure(goal.id(), "Toimenpide Beeta"));
        assertThat(get(url, Map.of()).body()).as("a draft change").doesNotContain("Toimenpide Beeta");
        publishing.publishPlan(org.tenant(), first.id(), LocalDate.of(2026, 12, 2));
        HttpResponse<String> changed = get(url, Map.of());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Toimenpide Beeta").contains("Toimenpide Alfa");
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(get(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);
        assertThat(changed.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void eachLanguageIsItsOwnPageAndASettingsChangeShowsAtOnce() {
        String fi = "/o/" + slug + "/fi";
        String sv = "/o/" + slug + "/sv";
        assertThat(get(fi, Map.of()).body()).contains("lang=\"fi\"").contains("Ensimmäinen yhteenveto");
        assertThat(get(sv, Map.of()).body()).contains("lang=\"sv\"").contains("Sammanfattning Ensimmäinen");
        assertThat(get(fi, Map.of()).body()).contains("lang=\"fi\"").doesNotContain("Sammanfattning");
        assertThat(get(sv, Map.of()).body()).contains("lang=\"sv\"");
        publishing.save(org.tenant(), site("Toinen yhteenveto", version()));
        assertThat(get(fi, Map.of()).body()).contains("Toinen yhteenveto").doesNotContain("Ensimmäinen yhteenveto");
        assertThat(get(sv, Map.of()).body()).contains("Sammanfattning Toinen");
    }

    @Test
    void anImportOfAKeyIndicatorsValuesShowsAtOnce() {
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
        assertThat(get(url, Map.of()).body()).contains("Oma kysely").doesNotContain("2024");
        assertThat(get(url, Map.of()).body()).doesNotContain("2024");
        assertThat(imports.importNow(coordinator, "oma.csv", csv("2024;5,5")).problems())
                .isEmpty();
        assertThat(get(url, Map.of()).body()).contains("2024");
    }

    private static Measure measure(UUID goal, String title) {
        return new Measure(
                null,
                null,
                goal,
                0,
                1,
                LocalizedText.of(title, null),
                LocalizedText.of(null, null),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                MeasureStatus.ONGOING,
                10,
                0,
                null,
                null);
    }

    private int version() {
        return jdbc.sql("select version from public_site where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
    }

    private static byte[] csv(String yearAndValue) {
        return ("tunnus;nimi;vuosi;arvo\noma-kysely;Oma kysely;" + yearAndValue + "\n")
                .getBytes(StandardCharsets.UTF_8);
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
