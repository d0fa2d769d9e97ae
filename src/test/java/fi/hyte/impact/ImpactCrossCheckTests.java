package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.Assessment;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.CaseReading.Finding;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.DecisionText;
import fi.hyte.impact.domain.Hearing;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * §5 and §7: the cross-check's findings, and the generated summary that carries them, in fi and sv;
 * the case page's findings kept by the organisation's revision yet never stale.
 */
@HyteSpringTest
class ImpactCrossCheckTests {

    static final Locale FI = Locale.forLanguageTag("fi");
    static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    ImpactCaseMaker make;

    @Autowired
    Preparation preparation;

    @Autowired
    CaseReading reading;

    @Autowired
    DecisionText text;

    @Autowired
    DecisionCases cases;

    @LocalServerPort
    int port;

    private UUID assessing(Org org, Tenant t, String title) {
        UUID id = make.create(org, t, title, LocalDate.now().plusMonths(1));
        preparation.startAssessing(t, id, 0);
        make.screen(t, id, Set.of("group"), List.of("older"), List.of());
        return id;
    }

    @Test
    void aGroupHitFromSeveralPerspectivesIsFoundAndNotAGroupHitOnce() {
        Org org = make.org("several");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = assessing(org, t, "Monta");
        Alternative p = make.of(t, id, Alternative.Kind.PROPOSAL);
        make.cell(t, id, p, "older", Cell.Term.SHORT, Cell.Direction.NEGATIVE, Cell.Magnitude.SMALL, "Tieto", null);
        assertThat(kinds(t, id, "older")).doesNotContain(Finding.Kind.SEVERAL_PERSPECTIVES);
        make.cell(t, id, p, "older", Cell.Term.LONG, Cell.Direction.NEGATIVE, Cell.Magnitude.SMALL, "Tieto", null);
        assertThat(kinds(t, id, "older")).contains(Finding.Kind.SEVERAL_PERSPECTIVES);
    }

    @Test
    void largeWithoutEvidenceIsFoundAndEvidenceClearsIt() {
        Org org = make.org("large");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = assessing(org, t, "Suuri");
        Alternative p = make.of(t, id, Alternative.Kind.PROPOSAL);
        make.cell(t, id, p, "economy", Cell.Term.SHORT, Cell.Direction.POSITIVE, Cell.Magnitude.LARGE, null, null);
        assertThat(kinds(t, id, "economy")).containsExactly(Finding.Kind.LARGE_WITHOUT_EVIDENCE);
        make.cell(
                t,
                id,
                p,
                "economy",
                Cell.Term.SHORT,
                Cell.Direction.POSITIVE,
                Cell.Magnitude.LARGE,
                "Talousarvio 2027",
                null);
        assertThat(kinds(t, id, "economy")).isEmpty();
    }

    @Test
    void aNegativeImpactOnAGroupNeverHeardIsFoundUntilTheGroupIsHeard() {
        Org org = make.org("heard");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = assessing(org, t, "Kuulematta");
        Alternative p = make.of(t, id, Alternative.Kind.PROPOSAL);
        make.cell(t, id, p, "older", Cell.Term.SHORT, Cell.Direction.NEGATIVE, Cell.Magnitude.SMALL, "Tieto", null);
        assertThat(kinds(t, id, "older")).containsExactly(Finding.Kind.NEGATIVE_NOT_HEARD);
        preparation.addHearing(
                t,
                id,
                new Hearing(
                        null,
                        id,
                        Hearing.Heard.OLDER_COUNCIL,
                        LocalDate.now(),
                        "Kokous",
                        9,
                        "Sanottiin",
                        "Tehtiin",
                        null,
                        0));
        assertThat(kinds(t, id, "older")).isEmpty();
    }

    @Test
    void theFindingsGoIntoTheGeneratedSummaryWithTheChildAndGenderPartsAndHearingsInFinnishAndSwedish() {
        Org org = make.org("summary");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = assessing(org, t, "Tiivistelmä");
        make.needs(t, id, ImpactCaseMaker.needsFull());
        Alternative p = make.of(t, id, Alternative.Kind.PROPOSAL);
        make.cell(t, id, p, "older", Cell.Term.SHORT, Cell.Direction.NEGATIVE, Cell.Magnitude.SMALL, "Tieto", null);
        make.cell(t, id, p, "older", Cell.Term.LONG, Cell.Direction.NEGATIVE, Cell.Magnitude.SMALL, "Tieto", null);
        make.cell(t, id, p, "economy", Cell.Term.SHORT, Cell.Direction.POSITIVE, Cell.Magnitude.LARGE, null, null);
        Assessment a = reading.of(t, id);
        List<Finding> findings = reading.crossCheck(t, a);
        assertThat(findings)
                .extracting(Finding::kind)
                .contains(
                        Finding.Kind.SEVERAL_PERSPECTIVES,
                        Finding.Kind.LARGE_WITHOUT_EVIDENCE,
                        Finding.Kind.NEGATIVE_NOT_HEARD);
        String fi = text.generate(a, findings, FI);
        assertThat(fi)
                .contains("kielteisiä vaikutuksia useasta näkökulmasta")
                .contains("suuri vaikutus ilman tietopohjaa")
                .contains("ryhmää ei ole kuultu")
                .contains("Lapset kuultiin kyselyllä.")
                .contains("Lapsen etu toteutuu.")
                .contains("Resurssit jakautuvat tasan.");
        String sv = text.generate(a, findings, SV);
        assertThat(sv).isNotEqualTo(fi).contains("Lapset kuultiin kyselyllä.").contains("Resurssit jakautuvat tasan.");
        assertThat(fi.length()).isLessThanOrEqualTo(DecisionText.MAX);

        preparation.addHearing(
                t,
                id,
                new Hearing(
                        null,
                        id,
                        Hearing.Heard.CHILDREN,
                        LocalDate.now(),
                        "Kysely",
                        23,
                        "Sanottiin",
                        "Tehtiin",
                        null,
                        0));
        Assessment heard = reading.of(t, id);
        assertThat(text.generate(heard, reading.crossCheck(t, heard), FI))
                .contains("Kuultiin:")
                .contains("23");
        assertThat(text.generate(heard, reading.crossCheck(t, heard), SV)).contains("23");
    }

    @Test
    void theCasePagesFindingsFollowACellSaveAndAnotherCasesNegativeImpactAtOnce() {
        Org org = make.org("fresh");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = assessing(org, t, "Tuore");
        UUID other = assessing(org, t, "Kirjastoautoreitin muutos");
        Alternative p = make.of(t, id, Alternative.Kind.PROPOSAL);
        make.cell(t, id, p, "older", Cell.Term.SHORT, Cell.Direction.NEGATIVE, Cell.Magnitude.SMALL, "Tieto", null);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        coordinator.get("/impact?lang=fi");
        String page = "/impact/cases/" + id;
        assertThat(coordinator.get(page).body())
                .contains("Ikääntyneet: kielteinen vaikutus, mutta ryhmää ei ole kuultu.")
                .doesNotContain("suuri vaikutus ilman tietopohjaa")
                .doesNotContain("Kirjastoautoreitin muutos.");
        // The same view again is kept (nothing changed in between) and still right.
        assertThat(coordinator.get(page).body()).doesNotContain("suuri vaikutus ilman tietopohjaa");

        long before = cases.revision(org.id());
        int seen = cases.cell(org.id(), id, p.id(), "economy", Cell.Term.SHORT)
                .map(Cell::version)
                .orElse(-1);
        assertThat(coordinator
                        .post(
                                "/impact/cases/" + id + "/cell",
                                java.util.Map.of(
                                        "alternative", p.id().toString(),
                                        "row", "economy",
                                        "term", "SHORT",
                                        "direction", "POSITIVE",
                                        "magnitude", "LARGE",
                                        "version", String.valueOf(seen)))
                        .status())
                .isEqualTo(302);
        assertThat(cases.revision(org.id())).isGreaterThan(before);
        assertThat(coordinator.get(page).body()).contains("Talous: suuri vaikutus ilman tietopohjaa.");

        // Another case of the organisation hits the same group: the accumulation shows on the next view.
        make.cell(
                t,
                other,
                make.of(t, other, Alternative.Kind.PROPOSAL),
                "older",
                Cell.Term.SHORT,
                Cell.Direction.NEGATIVE,
                Cell.Magnitude.SMALL,
                "Tieto",
                null);
        assertThat(coordinator.get(page).body())
                .contains("Ikääntyneet: myös nämä päätökset vaikuttavat kielteisesti: Kirjastoautoreitin muutos.");

        // A hearing added is counted at once too.
        preparation.addHearing(
                t,
                id,
                new Hearing(
                        null,
                        id,
                        Hearing.Heard.OLDER_COUNCIL,
                        LocalDate.now(),
                        "Kokous",
                        9,
                        "Sanottiin",
                        null,
                        null,
                        0));
        assertThat(coordinator.get(page).body()).doesNotContain("ryhmää ei ole kuultu");
        // Another organisation's changes leave this one's revision alone.
        long now = cases.revision(org.id());
        Org other2 = make.org("fresho");
        Tenant o = make.tenant(other2, Role.COORDINATOR);
        assessing(other2, o, "Muualla");
        assertThat(cases.revision(org.id())).isEqualTo(now);
    }

    private List<Finding.Kind> kinds(Tenant t, UUID id, String row) {
        Assessment a = reading.of(t, id);
        return reading.crossCheck(t, a).stream()
                .filter(f -> f.row().equals(row))
                .map(Finding::kind)
                .toList();
    }
}
