package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.DecisionText;
import fi.hyte.impact.domain.NeedsTests;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Preparation.RefusedException;
import fi.hyte.platform.LocalizedText;
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
import org.springframework.security.access.AccessDeniedException;

/** §1, §3, §10: states, who may edit, skipping with a reason, and freezing refused with what is missing. */
@HyteSpringTest
class ImpactLifecycleTests {

    @Autowired
    ImpactCaseMaker make;

    @Autowired
    Preparation preparation;

    @Autowired
    DecisionCases cases;

    @Autowired
    CaseReading reading;

    @Autowired
    DecisionText text;

    @Autowired
    ImpactCatalog catalog;

    @Test
    void skippingARequiredAssessmentNeedsAReasonWhichTheDecisionTextAndTheShareReportShow() {
        Org org = make.org("skip");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        LocalDate meeting = LocalDate.of(2026, 10, 1);
        UUID id = make.create(org, t, "Avustussääntö", meeting);
        make.screen(t, id, Set.of("strategy"), List.of(), List.of());
        int version = make.version(t, id);
        for (String reason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> preparation.skip(t, id, reason, version))
                    .isInstanceOf(RefusedException.class)
                    .satisfies(e ->
                            assertThat(((RefusedException) e).missing()).containsExactly("impact.skip.reasonRequired"));
        }
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(make.version(t, id)).isEqualTo(version);

        preparation.skip(t, id, "Aikataulu ei sallinut arviointia.", version);
        DecisionCase skipped = make.get(t, id);
        assertThat(skipped.status()).isEqualTo(CaseStatus.NOT_ASSESSED);
        assertThat(skipped.notAssessedReason()).isEqualTo("Aikataulu ei sallinut arviointia.");
        var a = reading.of(t, id);
        assertThat(text.generate(a, reading.crossCheck(t, a), Locale.forLanguageTag("fi")))
                .contains("Vaikutuksia ei arvioitu ennakkoon")
                .contains("Aikataulu ei sallinut arviointia.");
        assertThat(text.generate(a, reading.crossCheck(t, a), Locale.forLanguageTag("sv")))
                .contains("Aikataulu ei sallinut arviointia.");
        assertThat(catalog.shareReport(org.id(), 2026).total().skipped())
                .extracting(ImpactCatalog.Skipped::caseId, ImpactCatalog.Skipped::reason)
                .containsExactly(tuple(id, "Aikataulu ei sallinut arviointia."));
    }

    @Test
    void freezingIsRefusedWhenTheZeroAlternativeHasUnassessedRows() {
        Org org = make.org("zero");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.create(org, t, "Nolla", LocalDate.now().plusMonths(1));
        preparation.startAssessing(t, id, 0);
        make.screen(t, id, Set.of("strategy"), List.of(), List.of());
        make.needs(t, id, ImpactCaseMaker.needsNo());
        make.fillNone(t, id, Alternative.Kind.PROPOSAL);
        assertThat(refusal(t, id)).containsExactly("impact.missing.zeroRows");
        make.fillNone(t, id, Alternative.Kind.ZERO);
        preparation.freeze(t, id, make.version(t, id));
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.READY);
    }

    @Test
    void freezingIsRefusedWhenTheGenderPartIsEmptyAfterASuvaYes() {
        Org org = make.org("suva");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.readyToFreeze(org, t, "Sukupuoli");
        make.needs(t, id, new NeedsTests(true, false, false, null, " ", null, null, null, null));
        assertThat(refusal(t, id)).containsExactly("impact.missing.genderPart");
        make.needs(t, id, new NeedsTests(false, true, false, null, null, null, null, null, null));
        assertThat(refusal(t, id)).containsExactly("impact.missing.genderPart");
        make.needs(t, id, new NeedsTests(true, true, false, null, null, "Resurssit tasan.", null, null, null));
        preparation.freeze(t, id, make.version(t, id));
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.READY);
    }

    @Test
    void freezingIsRefusedWhenTheChildPartIsEmptyAfterALavaYes() {
        Org org = make.org("lava");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.readyToFreeze(org, t, "Lapset");
        make.needs(t, id, new NeedsTests(false, false, true, null, null, null, null, null, null));
        assertThat(refusal(t, id)).containsExactly("impact.missing.childPart");
        make.needs(t, id, new NeedsTests(false, false, true, null, null, null, null, "Kysely kouluissa.", null));
        assertThat(refusal(t, id)).containsExactly("impact.missing.childPart");
        make.needs(
                t,
                id,
                new NeedsTests(
                        false, false, true, null, null, null, null, "Kysely kouluissa.", "Lapsen etu arvioitu."));
        preparation.freeze(t, id, make.version(t, id));
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.READY);
    }

    private List<String> refusal(Tenant t, UUID id) {
        int version = make.version(t, id);
        try {
            preparation.freeze(t, id, version);
        } catch (RefusedException e) {
            assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.ASSESSING);
            assertThat(make.version(t, id)).isEqualTo(version);
            return e.missing();
        }
        throw new AssertionError("freezing was not refused");
    }

    @Test
    void frozenAndDecidedCasesAreReadOnlyUntilReopenedWithAReasonAndTheFrozenVersionStaysReadable() {
        Org org = make.org("state");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.readyToFreeze(org, t, "Tila");
        preparation.freeze(t, id, make.version(t, id));
        assertReadOnly(t, id);
        Alternative proposal = make.of(t, id, Alternative.Kind.PROPOSAL);
        preparation.decide(
                t,
                id,
                new DecisionCase.Decision(make.get(t, id).bodyId(), LocalDate.now(), "§ 5", proposal.id(), null),
                make.version(t, id));
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.DECIDED);
        assertReadOnly(t, id);

        int version = make.version(t, id);
        assertThatThrownBy(() -> preparation.reopen(t, id, " ", version))
                .isInstanceOf(RefusedException.class)
                .satisfies(e ->
                        assertThat(((RefusedException) e).missing()).containsExactly("impact.reopen.reasonRequired"));
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.DECIDED);
        preparation.reopen(t, id, "Valtuusto palautti asian.", version);
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.ASSESSING);
        List<DecisionCases.Frozen> frozen = cases.frozen(org.id(), id);
        assertThat(frozen).hasSize(1);
        assertThat(frozen.get(0).reopenReason()).isEqualTo("Valtuusto palautti asian.");
        assertThat(frozen.get(0).content()).contains("Tila");
        preparation.addAlternative(t, id, LocalizedText.of("Kolmas", null), null);
        assertThat(make.alternatives(t, id)).hasSize(3);
    }

    private void assertReadOnly(Tenant t, UUID id) {
        DecisionCase before = make.get(t, id);
        assertThatThrownBy(() -> preparation.addAlternative(t, id, LocalizedText.of("Uusi", null), null))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> make.screen(t, id, Set.of("group"), List.of(), List.of()))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> make.needs(t, id, ImpactCaseMaker.needsFull())).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> preparation.saveSummary(t, id, "Muutettu", null, before.version()))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> preparation.updateDetails(
                        t,
                        new DecisionCase(
                                before.id(),
                                LocalizedText.of("Muutettu otsikko", null),
                                before.description(),
                                before.bodyId(),
                                before.sectorId(),
                                before.preparers(),
                                before.diaryNumber(),
                                before.caseUrl(),
                                before.startsOn(),
                                before.assessmentDue(),
                                before.meetingOn(),
                                before.status(),
                                before.notAssessedReason(),
                                before.need(),
                                before.templateVersion(),
                                before.screening(),
                                before.needs(),
                                before.decision(),
                                before.summaryFi(),
                                before.summarySv(),
                                before.frozenAt(),
                                before.example(),
                                before.createdAt(),
                                before.version()),
                        before.version()))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> make.cell(
                        t,
                        id,
                        make.of(t, id, Alternative.Kind.PROPOSAL),
                        "children",
                        fi.hyte.impact.domain.Cell.Term.SHORT,
                        fi.hyte.impact.domain.Cell.Direction.NEGATIVE,
                        fi.hyte.impact.domain.Cell.Magnitude.SMALL,
                        null,
                        null))
                .isInstanceOf(RefusedException.class);
        DecisionCase after = make.get(t, id);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(make.alternatives(t, id)).hasSize(2);
    }

    @Test
    void aClosedCaseIsTheEndAfterTheDecisionAndIsReadOnly() {
        Org org = make.org("close");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.readyToFreeze(org, t, "Sulje");
        assertThatThrownBy(() -> preparation.close(t, id, make.version(t, id))).isInstanceOf(RefusedException.class);
        preparation.freeze(t, id, make.version(t, id));
        preparation.decide(
                t,
                id,
                new DecisionCase.Decision(make.get(t, id).bodyId(), LocalDate.now(), "§ 6", null, null),
                make.version(t, id));
        preparation.startFollowUp(t, id, make.version(t, id));
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.FOLLOW_UP);
        preparation.close(t, id, make.version(t, id));
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> preparation.startFollowUp(t, id, make.version(t, id)))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> preparation.addAlternative(t, id, LocalizedText.of("Uusi", null), null))
                .isInstanceOf(RefusedException.class);
        assertThat(make.get(t, id).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void anEditorWhoIsNotAPreparerIsRefusedACoordinatorEditsEveryCaseAndAViewerReads() {
        Org org = make.org("role");
        Tenant coordinator = make.tenant(org, Role.COORDINATOR);
        Tenant editor = make.tenant(org, Role.EDITOR);
        Tenant viewer = make.tenant(org, Role.VIEWER);
        UUID othersCase =
                make.create(org, coordinator, "Muiden", LocalDate.now().plusMonths(1));
        assertThatThrownBy(() -> preparation.startAssessing(editor, othersCase, 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> preparation.addAlternative(editor, othersCase, LocalizedText.of("X", null), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> preparation.skip(viewer, othersCase, "Syy", 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(make.get(coordinator, othersCase).status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(make.alternatives(coordinator, othersCase)).hasSize(2);
        assertThat(preparation.get(viewer, othersCase).title().fi()).isEqualTo("Muiden");
        assertThat(Preparation.mayEdit(viewer, make.get(viewer, othersCase))).isFalse();

        UUID editorsCase = make.create(org, editor, "Oma", LocalDate.now().plusMonths(1));
        preparation.startAssessing(editor, editorsCase, 0);
        preparation.startAssessing(coordinator, othersCase, 0);
        preparation.addAlternative(coordinator, editorsCase, LocalizedText.of("Koordinaattorin", null), null);
        assertThat(make.get(editor, editorsCase).status()).isEqualTo(CaseStatus.ASSESSING);
        assertThat(make.alternatives(editor, editorsCase)).hasSize(3);
    }
}
