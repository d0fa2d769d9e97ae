package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Preparation;
import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence and hearings of an assessment over HTTP on PostgreSQL: a cell's indicator searched in the
 * knowledge base (plain GET and htmx) and frozen with its latest value, gender gap and comparison;
 * a hearing linked to a participation consultation of the same organisation only, shown with its
 * period, answer counts and links to its summary and "you said, we did".
 */
@HyteSpringTest
class ImpactEvidenceTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Preparation preparation;

    @Autowired
    IndicatorCatalog indicators;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCellsIndicatorIsSearchedByNameAndSavedWithItsLatestValueGenderGapAndComparison() {
        Org org = fixtures.organisation("evid" + suffix(), RegionKind.MUNICIPALITY, "245");
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        UUID id = create(org, "Terveysaseman aukiolo", body);
        UUID proposal = proposal(id);
        WebSession editor = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        IndicatorCatalog.IndicatorInfo diabetes = indicators.find(org.id(), 683).orElseThrow();
        String word = longestWord(diabetes.title().fi());
        String cell = "/impact/cases/" + id + "/cell?alternative=" + proposal + "&row=older&term=SHORT";

        String page = editor.get(cell + "&q=" + encode(word)).body();
        assertThat(page)
                .contains("<html")
                .contains("name=\"indicatorPick\"")
                .contains("value=\"683\"")
                .contains(diabetes.title().fi() + " (683)");
        WebSession.Response fragment = editor.getHtmx(cell + "&q=" + encode(word));
        assertThat(fragment.body()).doesNotContain("<html").contains("value=\"683\"");
        assertThat(editor.get(cell + "&q=zzqxv").body()).contains("Haulla ”zzqxv” ei löytynyt indikaattoria.");
        assertThat(editor.get(cell + "&q=683").body()).contains("value=\"683\"");

        WebSession.Response refused = editor.post(
                "/impact/cases/" + id + "/cell",
                Map.of(
                        "alternative",
                        proposal.toString(),
                        "row",
                        "older",
                        "term",
                        "SHORT",
                        "direction",
                        "NEGATIVE",
                        "indicatorPick",
                        "99999999",
                        "version",
                        "-1"));
        assertThat(refused.body()).contains("Indikaattoria ei löydy tietopankista.");
        assertThat(snapshot(id)).isEmpty();

        WebSession.Response saved = editor.post(
                "/impact/cases/" + id + "/cell",
                Map.of(
                        "alternative",
                        proposal.toString(),
                        "row",
                        "older",
                        "term",
                        "SHORT",
                        "direction",
                        "NEGATIVE",
                        "magnitude",
                        "SMALL",
                        "indicatorId",
                        "",
                        "indicatorPick",
                        "683",
                        "version",
                        "-1"));
        assertThat(saved.status()).isEqualTo(302);
        IndicatorCatalog.Series series =
                indicators.series(org.id(), 683, Optional.empty()).orElseThrow();
        String frozen = snapshot(id).orElseThrow();
        assertThat(frozen).startsWith(diabetes.title().fi() + " " + series.own().year() + ": ");
        series.regions().stream()
                .filter(r -> r.role().equals("country") && r.latest() != null)
                .findFirst()
                .ifPresent(country -> assertThat(frozen)
                        .containsPattern("(parempi|heikompi|sama|korkeampi|matalampi)" + " kuin koko maassa"));
        assertThat(frozen.split("; ").length).isGreaterThanOrEqualTo(2);
        assertThat(editor.get("/impact/cases/" + id + "/matrix").body()).contains(frozen.substring(0, 20));
    }

    @Test
    void aHearingLinksAConsultationOfTheSameOrganisationOnlyAndShowsItsPeriodAnswersAndSummary() {
        Org org = fixtures.organisation("hear" + suffix());
        Org other = fixtures.organisation("hearo" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        UUID id = create(org, "Kirjastojen yhdistäminen", body);
        UUID ours = consultation(org, "Kirjastoverkko kuntalaisten silmin", 3);
        UUID theirs = consultation(other, "Toisen kunnan kysely", 1);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);

        String casePage = coordinator.get("/impact/cases/" + id).body();
        assertThat(casePage).contains("Kirjastoverkko kuntalaisten silmin").doesNotContain("Toisen kunnan kysely");

        WebSession.Response refused = coordinator.post(
                "/impact/cases/" + id + "/hearings",
                Map.of("who", "RESIDENTS", "consultation", theirs.toString(), "said", "Muualta"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Valinta ei ole luettelossa.");
        assertThat(hearings(org, id)).isZero();

        WebSession.Response saved = coordinator.post(
                "/impact/cases/" + id + "/hearings",
                Map.of("who", "RESIDENTS", "consultation", ours.toString(), "said", "Lähikirjasto on tärkeä."));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(hearings(org, id)).isEqualTo(1);
        String shown = coordinator.get("/impact/cases/" + id).body();
        assertThat(shown)
                .contains("Kysely: Kirjastoverkko kuntalaisten silmin")
                .contains("Vastauksia 3; kommenteista ja teemoista vastattu 0/")
                .contains("/participation/consultations/" + ours + "/summary")
                .contains("/participation/consultations/" + ours + "/answers")
                .contains("Sanoitte, teimme");
        coordinator.get("/impact?lang=sv");
        assertThat(coordinator.get("/impact/cases/" + id).body())
                .contains("Enkät: ")
                .contains("Svar 3;");
        assertThat(coordinator
                        .get("/participation/consultations/" + ours + "/summary")
                        .status())
                .isEqualTo(200);
    }

    private UUID consultation(Org org, String title, int responses) {
        UUID id = UUID.randomUUID();
        Instant opens = Instant.now().minus(20, ChronoUnit.DAYS);
        jdbc.sql("insert into consultation (id, organisation_id, title_fi, intro_fi, opens_at, closes_at, moderation)"
                        + " values (?, ?, ?, 'Kerro mielipiteesi.', ?, ?, 'POST')")
                .params(
                        id,
                        org.id().value(),
                        title,
                        java.sql.Timestamp.from(opens),
                        java.sql.Timestamp.from(opens.plus(14, ChronoUnit.DAYS)))
                .update();
        for (int i = 0; i < responses; i++) {
            jdbc.sql("insert into consultation_response (id, organisation_id, consultation_id, status, content_hash)"
                            + " values (?, ?, ?, 'PUBLISHED', ?)")
                    .params(UUID.randomUUID(), org.id().value(), id, "h" + i)
                    .update();
        }
        return id;
    }

    private int hearings(Org org, UUID id) {
        return jdbc.sql("select count(*) from impact_hearing where organisation_id = ? and case_id = ?")
                .params(org.id().value(), id)
                .query(Integer.class)
                .single();
    }

    private Optional<String> snapshot(UUID id) {
        return jdbc.sql("select indicator_snapshot from impact_cell where case_id = ? and row_key = 'older'")
                .param(id)
                .query(String.class)
                .optional();
    }

    private UUID proposal(UUID id) {
        return jdbc.sql("select id from impact_alternative where case_id = ? and kind = 'PROPOSAL'")
                .param(id)
                .query(UUID.class)
                .single();
    }

    private static String longestWord(String title) {
        String best = "";
        for (String w : title.split("[^\\p{L}]+")) {
            if (w.length() > best.length()) {
                best = w;
            }
        }
        return best;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private UUID create(Org org, String title, UUID body) {
        return DraftCases.draft(preparation, org.tenant(), title, body, null);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
