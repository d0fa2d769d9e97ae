package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Composer;
import fi.hyte.report.domain.Outlines;
import fi.hyte.report.domain.Readiness;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportProblem;
import fi.hyte.report.domain.ReportStatus;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.PlanFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The readiness check (§ 4): each kind of gap is listed by itself and keeps the report from
 * review, and a report without gaps goes to review.
 */
@HyteSpringTest
class ReadinessTests {

    static final java.util.Locale FI = java.util.Locale.forLanguageTag("fi");

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanFixtures plans;

    @Autowired
    PlanEditing planEditing;

    @Autowired
    ReportWork work;

    @Autowired
    ReportSteps steps;

    @Autowired
    Reports reports;

    @Autowired
    Readiness readiness;

    @Autowired
    Composer composer;

    @Autowired
    Outlines outlines;

    Org org;
    Tenant tenant;
    UUID id;

    @BeforeEach
    void aReadyReport() {
        org = fixtures.organisation("valmis" + Long.toString(System.nanoTime(), 36));
        tenant = org.tenant();
        id = steps.ready(tenant, ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025);
    }

    List<Readiness.Gap> gaps() {
        Report r = work.find(tenant, id);
        return readiness.check(
                org.id(),
                r,
                composer.compose(org.id(), r, FI, ReportSteps.TODAY).content());
    }

    void refusedWith(String key) {
        assertThat(gaps()).extracting(Readiness.Gap::key).containsExactly(key);
        assertThatThrownBy(() -> work.toReview(tenant, id, ReportSteps.TODAY))
                .isInstanceOf(ReportProblem.class)
                .hasMessage("report.problem.notReady");
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.DRAFT);
    }

    Section second() {
        return reports.sections(org.id(), id).get(1);
    }

    void settings(boolean swedish, LocalizedText summary, String reason) {
        Report r = work.find(tenant, id);
        work.saveSettings(
                tenant,
                id,
                new ReportWork.Settings(r.title(), r.planId(), swedish, r.changeThreshold(), summary, reason),
                r.version());
    }

    @Test
    void aReportWithoutGapsGoesToReview() {
        assertThat(gaps()).isEmpty();
        work.toReview(tenant, id, ReportSteps.TODAY);
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.REVIEW);
    }

    @Test
    void anEmptySectionIsListedByItsHeading() {
        Section s = second();
        work.saveSection(
                tenant,
                id,
                s.id(),
                new ReportWork.SectionText(s.title(), LocalizedText.of(null, null), null, null, null),
                s.version());

        refusedWith("report.ready.emptySection");
        assertThat(gaps().get(0).subject()).isEqualTo(s.title().fi());
        assertThat(gaps().get(0).sectionId()).isEqualTo(s.id());
    }

    @Test
    void aBlockWithoutDataIsListed() {
        work.addBlock(
                tenant,
                id,
                second().id(),
                new ReportWork.NewBlock(BlockKind.JOYS_WORRIES, null, null, null, null, false),
                i -> true);

        refusedWith("report.ready.blockNoData");
        assertThat(gaps().get(0).subject()).startsWith(second().title().fi() + ": ");
    }

    @Test
    void aDeletedGoalShowsAsRemovedAndBlocksReview() {
        UUID goal = plans.goalInNewPlan(org, "Suunnitelma", 2025, 2028, "Linjaus", "Liikkuva kunta");
        work.addBlock(
                tenant,
                id,
                second().id(),
                new ReportWork.NewBlock(BlockKind.GOAL_PROGRESS, null, null, goal, null, false),
                i -> true);
        assertThat(gaps()).isEmpty();

        planEditing.deleteGoal(tenant, goal, 0);

        refusedWith("report.ready.blockGone");
        ReportContent.BlockContent shown = composer.compose(org.id(), work.find(tenant, id), FI, ReportSteps.TODAY)
                .content()
                .sections()
                .get(1)
                .blocks()
                .get(0);
        assertThat(shown.empty()).isEqualTo("Tavoite on poistettu suunnitelmasta.");
    }

    @Test
    void aMinimumDataItemWithNeitherPlaceNorReasonIsListed() {
        Outlines.MinimumItem item = outlines.minimumList().items().get(0);
        work.place(tenant, id, item.key(), null, null);

        refusedWith("report.ready.minimumUndecided");
        assertThat(gaps().get(0).subject()).isEqualTo("1");

        work.place(tenant, id, item.key(), null, "Tietoa ei ole saatavilla kunnan tasolla.");
        assertThat(gaps()).isEmpty();
    }

    @Test
    void missingSwedishIsListedInABilingualOrganisation() {
        Report r = work.find(tenant, id);
        // Title and summary in Swedish too, so that only the sections' missing Swedish is left.
        work.saveSettings(
                tenant,
                id,
                new ReportWork.Settings(
                        LocalizedText.of("Vuosiraportti 2025", "Årsrapport 2025"),
                        r.planId(),
                        true,
                        r.changeThreshold(),
                        LocalizedText.of("Hyvinvointi on hyvällä tasolla.", "Välfärden är god."),
                        null),
                r.version());

        List<Readiness.Gap> gaps = gaps();
        assertThat(gaps).isNotEmpty().allSatisfy(g -> assertThat(g.key()).isEqualTo("report.ready.noSwedish"));
        assertThat(gaps)
                .extracting(Readiness.Gap::sectionId)
                .containsExactlyElementsOf(
                        reports.sections(org.id(), id).stream().map(Section::id).toList());
        assertThatThrownBy(() -> work.toReview(tenant, id, ReportSteps.TODAY)).hasMessage("report.problem.notReady");

        for (Section s : reports.sections(org.id(), id)) {
            work.saveSection(
                    tenant,
                    id,
                    s.id(),
                    new ReportWork.SectionText(
                            s.title(), LocalizedText.of(s.body().fi(), "Text på svenska."), null, null, null),
                    s.version());
        }
        assertThat(gaps()).isEmpty();
    }

    @Test
    void aMissingPlainLanguageSummaryWithoutAReasonIsListed() {
        settings(false, LocalizedText.of(null, null), null);
        refusedWith("report.ready.noSummary");

        settings(false, LocalizedText.of(null, null), "Selkokielinen tiivistelmä tehdään valtuustokäsittelyn jälkeen.");
        assertThat(gaps()).isEmpty();
    }

    @Test
    void aFigureWithoutATextAlternativeIsListed() {
        Report r = work.find(tenant, id);
        ReportContent composed =
                composer.compose(org.id(), r, FI, ReportSteps.TODAY).content();
        // A figure whose text alternative is blank, in the composed content the check reads.
        List<ReportContent.SectionContent> sections = new ArrayList<>(composed.sections());
        ReportContent.SectionContent s = sections.get(1);
        ReportContent.BlockContent figure = new ReportContent.BlockContent(
                UUID.randomUUID(),
                "INDICATOR",
                "Kuvio",
                null,
                List.of(),
                new ReportContent.FigureContent("<svg/>", " ", "Kuvio"),
                null,
                null,
                List.of(),
                null,
                "x");
        sections.set(1, new ReportContent.SectionContent(s.id(), s.heading(), s.markdown(), List.of(figure)));
        ReportContent withFigure = new ReportContent(
                composed.language(),
                composed.title(),
                composed.titleLanguage(),
                composed.subtitle(),
                composed.organisation(),
                composed.composedOn(),
                composed.example(),
                composed.summary(),
                sections);

        assertThat(readiness.check(org.id(), r, withFigure))
                .extracting(Readiness.Gap::key)
                .containsExactly("report.ready.noAlt");
        assertThat(readiness.check(org.id(), r, composed)).isEmpty();
    }
}
