package fi.hyte.impact;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.NeedsTests;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Screening;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds decision cases through {@link Preparation} (the real path) for the impact tests. */
@Component
class ImpactCaseMaker {

    final Fixtures fixtures;
    final Preparation preparation;
    final DecisionCases cases;
    final UserAccounts accounts;

    ImpactCaseMaker(Fixtures fixtures, Preparation preparation, DecisionCases cases, UserAccounts accounts) {
        this.fixtures = fixtures;
        this.preparation = preparation;
        this.cases = cases;
        this.accounts = accounts;
    }

    Org org(String prefix) {
        return fixtures.organisation(prefix + UUID.randomUUID().toString().substring(0, 6));
    }

    Tenant tenant(Org org, Role role) {
        UserId user = accounts.find(org.user(role)).orElseThrow();
        return new Tenant(org.id(), user, org.user(role), role);
    }

    /** A draft case prepared by {@code preparer}'s user. */
    UUID create(Org org, Tenant preparer, String title, LocalDate meeting) {
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto " + title);
        return preparation.create(
                tenant(org, Role.COORDINATOR),
                new DecisionCase(
                        null,
                        LocalizedText.of(title, title + " (sv)"),
                        LocalizedText.of(null, null),
                        body,
                        null,
                        List.of(preparer.user().value()),
                        null,
                        null,
                        meeting.minusMonths(2),
                        null,
                        meeting,
                        CaseStatus.DRAFT,
                        null,
                        null,
                        0,
                        Screening.none(),
                        NeedsTests.none(),
                        DecisionCase.Decision.none(),
                        null,
                        null,
                        null,
                        false,
                        null,
                        0),
                false);
    }

    DecisionCase get(Tenant t, UUID id) {
        return preparation.get(t, id);
    }

    int version(Tenant t, UUID id) {
        return get(t, id).version();
    }

    void screen(Tenant t, UUID id, Set<String> yes, List<String> groups, List<String> areas) {
        preparation.saveScreening(
                t,
                id,
                new Screening(true, BigDecimal.valueOf(20), BigDecimal.valueOf(200_000), yes, null, groups, areas),
                version(t, id));
    }

    void needs(Tenant t, UUID id, NeedsTests needs) {
        preparation.saveNeeds(t, id, needs, version(t, id));
    }

    static NeedsTests needsNo() {
        return new NeedsTests(false, false, false, null, null, null, null, null, null);
    }

    static NeedsTests needsFull() {
        return new NeedsTests(
                true,
                true,
                true,
                "Edustus tasainen.",
                "Mahdollisuudet samat.",
                "Resurssit jakautuvat tasan.",
                "Riskejä ei ole.",
                "Lapset kuultiin kyselyllä.",
                "Lapsen etu toteutuu.");
    }

    List<Alternative> alternatives(Tenant t, UUID id) {
        return cases.alternatives(t.organisation(), id);
    }

    Alternative of(Tenant t, UUID id, Alternative.Kind kind) {
        return alternatives(t, id).stream()
                .filter(a -> a.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    /** Every row and term of one alternative as "none". */
    void fillNone(Tenant t, UUID id, Alternative.Kind kind) {
        Alternative alternative = of(t, id, kind);
        TemplateContent template = preparation.template(t, get(t, id));
        for (TemplateContent.Row row : template.rows()) {
            for (Cell.Term term : Cell.Term.values()) {
                cell(t, id, alternative, row.key(), term, Cell.Direction.NONE, null, null, null);
            }
        }
    }

    void cell(
            Tenant t,
            UUID id,
            Alternative alternative,
            String row,
            Cell.Term term,
            Cell.Direction direction,
            Cell.Magnitude magnitude,
            String evidence,
            Integer indicator) {
        int seen = cases.cell(t.organisation(), id, alternative.id(), row, term)
                .map(Cell::version)
                .orElse(-1);
        preparation.saveCell(
                t,
                id,
                new Cell(
                        null,
                        alternative.id(),
                        row,
                        term,
                        direction,
                        magnitude,
                        direction == Cell.Direction.NONE ? null : "Perustelu " + row,
                        evidence,
                        indicator,
                        null,
                        null,
                        t.userName(),
                        0),
                seen);
    }

    /** The cell (short term) as negative and small with the given hearings as its evidence. */
    void cellWithHearings(Tenant t, UUID id, Alternative alternative, String row, List<UUID> hearings) {
        int seen = cases.cell(t.organisation(), id, alternative.id(), row, Cell.Term.SHORT)
                .map(Cell::version)
                .orElse(-1);
        preparation.saveCell(
                t,
                id,
                new Cell(
                        null,
                        alternative.id(),
                        row,
                        Cell.Term.SHORT,
                        Cell.Direction.NEGATIVE,
                        Cell.Magnitude.SMALL,
                        "Perustelu " + row,
                        null,
                        null,
                        null,
                        null,
                        t.userName(),
                        0,
                        hearings,
                        null),
                seen);
    }

    /** A case ready to freeze: screened (no hearing rule), both alternatives filled, needs answered "no". */
    UUID readyToFreeze(Org org, Tenant t, String title) {
        UUID id = create(org, t, title, LocalDate.now().plusMonths(1));
        preparation.startAssessing(t, id, version(t, id));
        screen(t, id, Set.of("strategy"), List.of(), List.of());
        needs(t, id, needsNo());
        fillNone(t, id, Alternative.Kind.PROPOSAL);
        fillNone(t, id, Alternative.Kind.ZERO);
        return id;
    }
}
