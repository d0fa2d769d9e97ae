package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.Assessment;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.CaseReading.Finding;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionText;
import fi.hyte.impact.domain.Hearing;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** §5 and §7: the cross-check's findings, and the generated summary that carries them, in fi and sv. */
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

    private List<Finding.Kind> kinds(Tenant t, UUID id, String row) {
        Assessment a = reading.of(t, id);
        return reading.crossCheck(t, a).stream()
                .filter(f -> f.row().equals(row))
                .map(Finding::kind)
                .toList();
    }
}
