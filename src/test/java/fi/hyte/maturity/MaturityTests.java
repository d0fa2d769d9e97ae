package fi.hyte.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.Assessments.Invitee;
import fi.hyte.maturity.domain.CountyComparison;
import fi.hyte.maturity.domain.MaturityModel;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.MaturityRound;
import fi.hyte.maturity.domain.Participant;
import fi.hyte.maturity.domain.Results;
import fi.hyte.maturity.domain.RoundResults;
import fi.hyte.maturity.domain.RoundResults.CriterionResult;
import fi.hyte.maturity.domain.RoundStatus;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserAccounts;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The maturity self-assessment from opening a round to the agreed matrix, over real HTTP. */
@HyteSpringTest
class MaturityTests {

    static final List<String> CRITERIA = List.of("strategy", "collaboration", "goals", "concept", "inequality");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MaturityModels models;

    @Autowired
    Rounds rounds;

    @Autowired
    Results results;

    @Autowired
    Assessments assessments;

    @Autowired
    UserAccounts accounts;

    @Autowired
    CountyComparison comparison;

    @Test
    void promeqModelIsLoadedAsDataInThreeLanguages() {
        MaturityModel model = models.get(MaturityModels.PROMEQ, 1);
        assertThat(model.source()).isEqualTo("Promeq 2019");
        assertThat(model.criteria()).extracting(MaturityModel.Criterion::key).containsExactlyElementsOf(CRITERIA);
        assertThat(model.levels())
                .extracting(l -> l.name().fi())
                .containsExactly("Alkava", "Kehittyvä", "Hyvä", "Optimaalinen");
        assertThat(model.criterion("strategy").cell(1).keywords(Locale.forLanguageTag("fi")))
                .containsExactly("Määrittelemätön", "Erittäin suppea", "Ei koordinoitu");
        assertThat(model.criterion("inequality").cell(4).keywords(Locale.forLanguageTag("en")))
                .contains("Systematic");
        model.criteria()
                .forEach(c -> c.cells().forEach(cell -> {
                    assertThat(cell.description().fi()).isNotBlank();
                    assertThat(cell.description().sv()).isNotBlank();
                    assertThat(cell.description().en()).isNotBlank();
                }));
    }

    @Test
    void roundGoesFromAnswersToAnAgreedMatrixAndThenNeverChanges() {
        Org org = fixtures.organisation("kypsyys" + Long.toString(System.nanoTime(), 36));
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        UUID editor = accounts.find(org.user(Role.EDITOR)).orElseThrow().value();
        UUID viewer = accounts.find(org.user(Role.VIEWER)).orElseThrow().value();

        Response opened = coordinator.post(
                "/maturity/rounds/new",
                Map.of(
                        "title", "Arvio 2026",
                        "assessedOn", "2026-11-22",
                        "deadline", "2026-12-15",
                        "users", editor.toString(),
                        "otherNames", "Järjestön Jaana"));
        assertThat(opened.status()).isEqualTo(302);
        UUID roundId = UUID.fromString(opened.location().replaceAll(".*/rounds/", ""));
        assertThat(coordinator.get("/maturity/rounds/" + roundId).body()).contains("Arviointikierros avattu.");
        List<Participant> participants = rounds.participants(org.id(), roundId);
        assertThat(participants)
                .extracting(Participant::name)
                .containsExactlyInAnyOrder(org.prefix() + " EDITOR", "Järjestön Jaana");

        WebSession respondent = WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD);
        UUID mine =
                rounds.participantFor(org.id(), roundId, editor).orElseThrow().id();
        String answerUrl = "/maturity/rounds/" + roundId + "/answers/" + mine;
        Response invited = respondent.get("/maturity");
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.body())
                .contains("Sinua pyydetään vastaamaan arvioon: Arvio 2026")
                .contains(answerUrl);
        Response incomplete =
                respondent.post(answerUrl, Map.of("level-strategy", "3", "action", "submit", "version", "0"));
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.body())
                .contains("Valitse taso jokaiselle kysymykselle")
                .contains("Yhteistyökäytännöt");
        assertThat(rounds.participant(org.id(), mine).orElseThrow().submitted()).isFalse();

        Response draft = respondent.post(answerUrl, Map.of("level-strategy", "3", "action", "draft", "version", "0"));
        assertThat(draft.status()).isEqualTo(302);
        assertThat(rounds.answers(org.id(), mine)).anyMatch(a -> a.criterion().equals("strategy") && a.level() == 3);

        Map<String, String> complete = new HashMap<>(Map.of("action", "submit"));
        CRITERIA.forEach(c -> complete.put("level-" + c, "3"));
        complete.put("level-goals", "1");
        complete.put("justification-goals", "Tavoitteita on paljon mutta ne eivät ohjaa.");
        Map<String, String> stale = new HashMap<>(complete);
        stale.put("version", "0");
        Response refused = respondent.post(answerUrl, stale);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Joku muu tallensi nämä vastaukset sillä välin");
        assertThat(rounds.participant(org.id(), mine).orElseThrow().submitted()).isFalse();
        complete.put("version", "1");
        assertThat(respondent.post(answerUrl, complete).status()).isEqualTo(302);

        String jaana = participants.stream()
                .filter(p -> p.userId() == null)
                .findFirst()
                .orElseThrow()
                .id()
                .toString();
        Map<String, String> recorded = new HashMap<>(Map.of("action", "submit"));
        CRITERIA.forEach(c -> recorded.put("level-" + c, "4"));
        recorded.put("version", "0");
        assertThat(coordinator
                        .post("/maturity/rounds/" + roundId + "/answers/" + jaana, recorded)
                        .status())
                .isEqualTo(302);
        assertThat(coordinator.get("/maturity/rounds/" + roundId).body()).contains("Vastaus lähetetty.");

        WebSession outsider = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(outsider.get(answerUrl).status()).isEqualTo(404);
        assertThat(outsider.get("/maturity/rounds/" + roundId).body())
                .contains("Vastausten jakauma näytetään, kun vastaaminen päättyy.");
        assertThat(viewer).isNotNull();

        coordinator.post("/maturity/rounds/" + roundId + "/end", Map.of());
        assertThat(coordinator.get("/maturity/rounds/" + roundId).body()).contains("Vastaaminen päätetty.");
        assertThat(rounds.find(org.id(), roundId).orElseThrow().status()).isEqualTo(RoundStatus.REVIEW);
        Response late = respondent.post(answerUrl, complete);
        assertThat(late.status()).isEqualTo(302);
        assertThat(rounds.answers(org.id(), mine)).noneMatch(a -> a.level() != null && a.level() == 4);

        RoundResults before = results.of(org.id(), roundId);
        CriterionResult goals = before.criteria().get(2);
        assertThat(goals.distribution()).containsEntry(1, 1L).containsEntry(4, 1L);
        assertThat(goals.median()).isEqualTo(2.5);
        assertThat(goals.disagreement()).isTrue();
        assertThat(before.criteria().get(0).disagreement()).isFalse();

        for (String criterion : CRITERIA) {
            Response agreed = coordinator.post(
                    "/maturity/rounds/" + roundId + "/consensus",
                    Map.of("criterion", criterion, "level", "3", "rationale", "Työpajassa sovittu"));
            assertThat(coordinator
                            .get(agreed.location().replaceAll("^https?://[^/]+", ""))
                            .body())
                    .contains("Sovittu taso tallennettu.");
        }
        Response staleConsensus = coordinator.post(
                "/maturity/rounds/" + roundId + "/consensus",
                Map.of("criterion", "strategy", "level", "1", "rationale", "Vanhalla lomakkeella", "version", "-1"));
        assertThat(staleConsensus.status()).isEqualTo(302);
        assertThat(coordinator.get("/maturity/rounds/" + roundId).body())
                .contains("Tallennusta ei tehty, koska joku muu muutti tietoa sillä välin.");
        assertThat(rounds.consensus(org.id(), roundId)).allMatch(c -> c.level() == 3 && c.version() == 0);
        coordinator.post("/maturity/rounds/" + roundId + "/close", Map.of());
        MaturityRound closed = rounds.find(org.id(), roundId).orElseThrow();
        assertThat(closed.status()).isEqualTo(RoundStatus.CLOSED);

        Response afterClose = coordinator.post(
                "/maturity/rounds/" + roundId + "/consensus", Map.of("criterion", "goals", "level", "1"));
        assertThat(afterClose.status()).isEqualTo(302);
        assertThat(rounds.consensus(org.id(), roundId)).allMatch(c -> c.level() == 3);

        String page = outsider.get("/maturity/rounds/" + roundId).body();
        assertThat(page).contains("<svg").contains("✓ Sovittu taso").contains("Mediaani 2,5");
        assertThat(outsider.get("/maturity").body()).contains("Viimeisin sovittu tilanne: Arvio 2026");
    }

    @Test
    void demoShowsTwoRoundsAndTheChangeBetweenThem() {
        List<MaturityRound> demo = rounds.of(OrganisationCatalog.DEMO_MUNICIPALITY).stream()
                .filter(MaturityRound::closed)
                .toList();
        assertThat(demo)
                .extracting(MaturityRound::title)
                .containsExactly("Hyte-kypsyysarvio 2025", "Hyte-kypsyysarvio 2021");
        RoundResults latest =
                results.of(OrganisationCatalog.DEMO_MUNICIPALITY, demo.get(0).id());
        assertThat(latest.submitted()).isEqualTo(7);
        assertThat(latest.criteria()).extracting(CriterionResult::movement).containsExactly(1, 1, 0, 1, 1);
        assertThat(latest.criteria().get(0).evidence().suggestedLevel()).isEqualTo(2);
        assertThat(latest.criteria().get(1).evidence().suggestedLevel()).isNotNull();
        assertThat(latest.criteria().get(2).disagreement()).isTrue();
    }

    @Test
    void countyComparisonShowsOnlySharingPeersAndHidesNamesUnlessAllowed() {
        Org vantaa = fixtures.organisation(
                "vertailu" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "092");
        WebSession coordinator = WebSession.signedIn(port, vantaa.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String before = coordinator.get("/maturity").body();
        assertThat(before).contains("Organisaatiosi ei jaa tasojaan").doesNotContain("Kerava (demo)");

        assertThat(coordinator
                        .post("/maturity/sharing", Map.of("shares", "true", "version", "-1"))
                        .status())
                .isEqualTo(302);
        String after = coordinator.get("/maturity").body();
        assertThat(after).contains("Kerava (demo)").doesNotContain("Vantaan ja Keravan hyvinvointialue (demo)");
        assertThat(after).containsPattern("Organisaatio [A-Z]");
        assertThat(comparison.peers(vantaa.id()))
                .anySatisfy(peer -> {
                    assertThat(peer.name()).isNull();
                    assertThat(peer.levels()).containsEntry("collaboration", 2).containsEntry("strategy", 3);
                })
                .anySatisfy(peer ->
                        assertThat(peer.name()).extracting(LocalizedText::fi).isEqualTo("Kerava (demo)"));

        Org elsewhere =
                fixtures.organisation("muualla" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "091");
        comparison.choose(elsewhere.tenant(), true, true, -1);
        assertThat(comparison.peers(elsewhere.id()))
                .noneMatch(peer -> peer.name() != null && peer.name().fi().equals("Kerava (demo)"));
        assertThat(comparison.peers(OrganisationCatalog.DEMO_MUNICIPALITY))
                .noneMatch(peer -> peer.name() != null && peer.name().fi().startsWith("muualla"));
    }

    @Test
    void viewerCannotOpenOrAgree() {
        Org org = fixtures.organisation("kk" + Long.toString(System.nanoTime(), 36));
        UUID round = assessments.open(
                org.tenant(),
                MaturityModels.PROMEQ,
                "Arvio",
                LocalDate.now(),
                null,
                true,
                List.of(new Invitee("X", null)));
        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(viewer.get("/maturity/rounds/new").status()).isEqualTo(403);
        assertThat(viewer.post("/maturity/rounds/" + round + "/end", Map.of()).status())
                .isEqualTo(403);
        assertThat(rounds.find(org.id(), round).orElseThrow().status()).isEqualTo(RoundStatus.OPEN);
    }
}
