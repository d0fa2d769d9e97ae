package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.DecisionText;
import fi.hyte.impact.domain.Hearing;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * §4 and §6: evidence and hearings of an assessment over HTTP on PostgreSQL. A cell's indicator
 * searched in the knowledge base (plain GET and htmx) and kept with its latest value, gender gap and
 * comparison, renewed at freezing and left alone by a later import; a hearing linked to a
 * participation consultation of the same organisation only; the case's hearings (with a linked
 * consultation's results) picked as a cell's evidence, shown in the cell, the matrix, the summary and
 * the DOCX, frozen with the assessment, never another case's or organisation's, and counted by the
 * cross-check as hearing the row's group.
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

    @Autowired
    ImpactCaseMaker make;

    @Autowired
    Imports imports;

    @Autowired
    DecisionCases cases;

    @Autowired
    CaseReading reading;

    @Autowired
    DecisionText text;

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

    private void values(Tenant t, int year, String total, String women, String men) {
        String file = "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä\n"
                + "koulumatka;Koulumatka yli 5 km (oma);%;;" + year + ";yhteensä;" + total + ";\n"
                + "koulumatka;;%;;" + year + ";naiset;" + women + ";\n"
                + "koulumatka;;%;;" + year + ";miehet;" + men + ";\n";
        var result = imports.importNow(t, "koulumatka.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(result.accepted()).as(String.valueOf(result.problems())).isTrue();
    }

    @Test
    void theIndicatorsLatestValueAndGenderGapAsOfFreezingStayInTheFrozenCaseAfterALaterImport() {
        Org org = make.fixtures.organisation(
                "evid" + UUID.randomUUID().toString().substring(0, 6), RegionKind.MUNICIPALITY, "092");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        values(t, 2023, "11,0", "12,0", "10,0");
        int indicator = jdbc.sql("select id from indicator where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
        UUID id = make.readyToFreeze(org, t, "Näyttö");
        Alternative proposal = make.of(t, id, Alternative.Kind.PROPOSAL);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        coordinator.get("/impact?lang=fi");
        int seen = cases.cell(org.id(), id, proposal.id(), "children", Cell.Term.SHORT)
                .orElseThrow()
                .version();
        var saved = coordinator.post(
                "/impact/cases/" + id + "/cell",
                Map.of(
                        "alternative", proposal.id().toString(),
                        "row", "children",
                        "term", "SHORT",
                        "direction", "NEGATIVE",
                        "magnitude", "SMALL",
                        "reasoning", "Matka pitenee.",
                        "indicatorId", String.valueOf(indicator),
                        "version", String.valueOf(seen)));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(snapshot(org, id, proposal)).contains("2023").contains("11");

        values(t, 2024, "14,0", "16,0", "12,0");
        var frozen = coordinator.post(
                "/impact/cases/" + id + "/state",
                Map.of("action", "freeze", "version", String.valueOf(make.version(t, id))));
        assertThat(frozen.status()).isEqualTo(302);
        assertThat(make.get(t, id).frozenAt()).as("frozen").isNotNull();
        String atFreezing = snapshot(org, id, proposal);
        assertThat(atFreezing).contains("2024").contains("14").contains("♀/♂");

        values(t, 2025, "20,0", "21,0", "19,0");
        assertThat(snapshot(org, id, proposal)).isEqualTo(atFreezing);
        assertThat(cases.frozen(org.id(), id).get(0).content())
                .contains(atFreezing)
                .doesNotContain("2025");
        assertThat(coordinator.get("/impact/cases/" + id + "/frozen?number=1").status())
                .isEqualTo(200);
    }

    private String snapshot(Org org, UUID id, Alternative proposal) {
        return cases.cell(org.id(), id, proposal.id(), "children", Cell.Term.SHORT)
                .orElseThrow()
                .indicatorSnapshot();
    }

    @Test
    void aCaseHearingIsACellsEvidenceInTheCellMatrixSummaryAndDocxAndIsFrozenWithTheConsultationsResults()
            throws Exception {
        Org org = make.org("hev");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.readyToFreeze(org, t, "Nuorisotilan siirto");
        UUID consultation = consultation(org, "Nuorisotila nuorten silmin", 3);
        UUID hearing = preparation.addHearing(
                t,
                id,
                new Hearing(
                        null,
                        id,
                        Hearing.Heard.YOUTH_COUNCIL,
                        LocalDate.of(2026, 3, 2),
                        "Työpaja",
                        12,
                        "Nuoret toivovat tilaa keskustaan.",
                        "Tila siirretään kirjaston yhteyteen.",
                        null,
                        consultation,
                        0));
        Alternative proposal = make.of(t, id, Alternative.Kind.PROPOSAL);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        coordinator.get("/impact?lang=fi");
        String cellUrl = "/impact/cases/" + id + "/cell?alternative=" + proposal.id() + "&row=young&term=SHORT";
        assertThat(coordinator.get(cellUrl).body())
                .contains("Kuulemiset näyttönä")
                .contains("name=\"hearings\"")
                .contains("value=\"" + hearing + "\"")
                .contains("Nuorisovaltuusto, 2.3.2026");

        Map<String, String> form = cellForm(proposal, "young", version(org, id, proposal, "young"));
        form.put("hearings", hearing.toString());
        assertThat(coordinator.post("/impact/cases/" + id + "/cell", form).status())
                .isEqualTo(302);
        Cell saved = cases.cell(org.id(), id, proposal.id(), "young", Cell.Term.SHORT)
                .orElseThrow();
        assertThat(saved.hearingIds()).containsExactly(hearing);
        assertThat(saved.hearingSnapshot())
                .contains("Nuorisovaltuusto 2.3.2026: Nuoret toivovat tilaa keskustaan.")
                .contains("Mitä tehtiin: Tila siirretään kirjaston yhteyteen.")
                .contains("Kysely ”Nuorisotila nuorten silmin”: 3 vastausta");
        assertThat(saved.hasEvidence()).isTrue();
        assertThat(coordinator.get("/impact/cases/" + id + "/matrix").body())
                .contains("Kuulemiset: Nuorisovaltuusto 2.3.2026");
        assertThat(coordinator.get(cellUrl).body()).containsPattern("value=\"" + hearing + "\"[^>]*checked");
        var a = reading.of(t, id);
        assertThat(text.generate(a, reading.crossCheck(t, a), Locale.forLanguageTag("fi")))
                .contains("Nuorisovaltuusto (12) (näyttönä: Nuoret)");
        assertThat(text.generate(a, List.of(), Locale.forLanguageTag("sv")))
                .contains("Ungdomsfullmäktige (12) (underlag för: Unga)");
        assertThat(docxText(coordinator, "/impact/cases/" + id + "/export.docx?lang=fi"))
                .contains("Kuulemiset: Nuorisovaltuusto 2.3.2026");

        // Two more answers before freezing are in the frozen text; one after it is not.
        respond(org, consultation, 2);
        assertThat(coordinator
                        .post(
                                "/impact/cases/" + id + "/state",
                                Map.of("action", "freeze", "version", String.valueOf(make.version(t, id))))
                        .status())
                .isEqualTo(302);
        assertThat(make.get(t, id).frozenAt()).isNotNull();
        String atFreezing = cases.cell(org.id(), id, proposal.id(), "young", Cell.Term.SHORT)
                .orElseThrow()
                .hearingSnapshot();
        assertThat(atFreezing).contains("5 vastausta");
        respond(org, consultation, 1);
        assertThat(cases.cell(org.id(), id, proposal.id(), "young", Cell.Term.SHORT)
                        .orElseThrow()
                        .hearingSnapshot())
                .isEqualTo(atFreezing);
        assertThat(cases.frozen(org.id(), id).get(0).content())
                .contains(atFreezing)
                .contains(hearing.toString());
        assertThat(coordinator.get("/impact/cases/" + id + "/frozen?number=1").body())
                .contains("Kuulemiset: Nuorisovaltuusto 2.3.2026")
                .contains("5 vastausta");
    }

    @Test
    void anotherCasesOrAnotherOrganisationsHearingIsNeverACellsEvidence() {
        Org org = make.org("hex");
        Org other = make.org("hexo");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        Tenant o = make.tenant(other, Role.COORDINATOR);
        UUID id = make.readyToFreeze(org, t, "Oma asia");
        UUID sibling = make.readyToFreeze(org, t, "Toinen asia");
        UUID foreign = make.readyToFreeze(other, o, "Toisen kunnan asia");
        UUID siblingHearing = hearing(t, sibling, Hearing.Heard.RESIDENTS);
        UUID foreignHearing = hearing(o, foreign, Hearing.Heard.RESIDENTS);
        Alternative proposal = make.of(t, id, Alternative.Kind.PROPOSAL);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        coordinator.get("/impact?lang=fi");
        assertThat(coordinator
                        .get("/impact/cases/" + id + "/cell?alternative=" + proposal.id() + "&row=older&term=SHORT")
                        .body())
                .contains("Asiassa ei ole vielä kuulemisia")
                .doesNotContain(siblingHearing.toString());

        for (UUID wrong : List.of(siblingHearing, foreignHearing)) {
            Map<String, String> form = cellForm(proposal, "older", version(org, id, proposal, "older"));
            form.put("hearings", wrong.toString());
            WebSession.Response refused = coordinator.post("/impact/cases/" + id + "/cell", form);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).contains("Valitse vain tämän asian kuulemisia.");
        }
        Map<String, String> garbled = cellForm(proposal, "older", version(org, id, proposal, "older"));
        garbled.put("hearings", "not-a-uuid");
        assertThat(coordinator.post("/impact/cases/" + id + "/cell", garbled).status())
                .isIn(200, 302);
        coordinator.get("/impact?lang=sv");
        Map<String, String> form = cellForm(proposal, "older", version(org, id, proposal, "older"));
        form.put("hearings", siblingHearing.toString());
        assertThat(coordinator.post("/impact/cases/" + id + "/cell", form).body())
                .contains("Välj endast hörande i detta ärende.");
        assertThat(cases.cell(org.id(), id, proposal.id(), "older", Cell.Term.SHORT)
                        .orElseThrow()
                        .hearingIds())
                .isEmpty();
        assertThatThrownBy(() -> make.cellWithHearings(t, id, proposal, "older", List.of(foreignHearing)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> make.cellWithHearings(t, id, proposal, "older", List.of(siblingHearing)))
                .isInstanceOf(NotFoundException.class);
        assertThat(cases.cell(org.id(), id, proposal.id(), "older", Cell.Term.SHORT)
                        .orElseThrow()
                        .hearingIds())
                .isEmpty();
    }

    @Test
    void aHearingAttachedAsEvidenceCountsAsHearingTheGroupAndRemovingItTakesItOffTheCell() {
        Org org = make.org("heh");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.readyToFreeze(org, t, "Palvelutalon aukiolo");
        Alternative proposal = make.of(t, id, Alternative.Kind.PROPOSAL);
        // NGOs heard do not cover older people by who they are; attached to the row they do.
        UUID ngos = hearing(t, id, Hearing.Heard.NGOS);
        make.cell(
                t,
                id,
                proposal,
                "older",
                Cell.Term.SHORT,
                Cell.Direction.NEGATIVE,
                Cell.Magnitude.SMALL,
                "Tieto",
                null);
        assertThat(notHeard(t, id)).contains("older");
        make.cellWithHearings(t, id, proposal, "older", List.of(ngos));
        assertThat(notHeard(t, id)).doesNotContain("older");

        preparation.removeHearing(t, id, ngos);
        Cell after = cases.cell(org.id(), id, proposal.id(), "older", Cell.Term.SHORT)
                .orElseThrow();
        assertThat(after.hearingIds()).isEmpty();
        assertThat(after.hearingSnapshot()).isNull();
        assertThat(notHeard(t, id)).contains("older");
    }

    private List<String> notHeard(Tenant t, UUID id) {
        var a = reading.of(t, id);
        return reading.crossCheck(t, a).stream()
                .filter(f -> f.kind() == CaseReading.Finding.Kind.NEGATIVE_NOT_HEARD)
                .map(CaseReading.Finding::row)
                .toList();
    }

    private UUID hearing(Tenant t, UUID id, Hearing.Heard who) {
        return preparation.addHearing(
                t, id, new Hearing(null, id, who, LocalDate.of(2026, 2, 1), null, null, "Sanottiin", null, null, 0));
    }

    private static Map<String, String> cellForm(Alternative proposal, String row, int version) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("alternative", proposal.id().toString());
        form.put("row", row);
        form.put("term", "SHORT");
        form.put("direction", "NEGATIVE");
        form.put("magnitude", "LARGE");
        form.put("reasoning", "Matka pitenee.");
        form.put("version", String.valueOf(version));
        return form;
    }

    private int version(Org org, UUID id, Alternative proposal, String row) {
        return cases.cell(org.id(), id, proposal.id(), row, Cell.Term.SHORT)
                .map(Cell::version)
                .orElse(-1);
    }

    private void respond(Org org, UUID consultation, int n) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("insert into consultation_response (id, organisation_id, consultation_id, status, content_hash)"
                            + " values (?, ?, ?, 'PUBLISHED', ?)")
                    .params(UUID.randomUUID(), org.id().value(), consultation, "r" + UUID.randomUUID())
                    .update();
        }
    }

    /** The text of a DOCX's main part. */
    private String docxText(WebSession session, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> docx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Cookie", "SESSION=" + session.cookie("SESSION"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
                }
            }
        }
        throw new AssertionError("no word/document.xml");
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
