package fi.hyte;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.Figure;
import fi.hyte.maturity.MaturityCatalog;
import fi.hyte.maturity.MaturityCatalog.CriterionStanding;
import fi.hyte.maturity.MaturityCatalog.Standing;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.GoalInfo;
import fi.hyte.plan.PlanCatalog.PlanContent;
import fi.hyte.plan.PlanCatalog.PlanInfo;
import fi.hyte.plan.PlanCatalog.PlanStanding;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The read APIs the report, impact assessment and participation modules stand on: what they answer is
 * what the module's own pages show, and another organisation's records are never in it.
 */
@HyteSpringTest
class ReadApiTests {

    static final Locale FI = Locale.forLanguageTag("fi");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanCatalog plans;

    @Autowired
    IndicatorCatalog indicators;

    @Autowired
    MaturityCatalog maturity;

    @Test
    void planCatalogGivesTheDemoPlansTreeWithStableNumbers() {
        PlanInfo plan =
                plans.planFor(OrganisationCatalog.DEMO_MUNICIPALITY, 2026).orElseThrow();
        assertThat(plan.firstYear()).isEqualTo(2025);
        assertThat(plan.example()).isTrue();
        PlanContent content =
                plans.content(OrganisationCatalog.DEMO_MUNICIPALITY, plan.id()).orElseThrow();
        assertThat(content.lines()).hasSize(4);
        List<GoalInfo> goals =
                content.lines().stream().flatMap(l -> l.goals().stream()).toList();
        assertThat(goals).hasSize(12);
        assertThat(goals.stream().mapToLong(g -> g.measures().size()).sum()).isEqualTo(45);
        assertThat(content.lines().get(0).ref()).isEqualTo("L-1");
        assertThat(goals).allSatisfy(g -> assertThat(g.ref()).matches("T-\\d+"));
        assertThat(goals.stream().flatMap(g -> g.measures().stream()))
                .allSatisfy(m -> assertThat(m.ref()).matches("TP-\\d+"));
    }

    @Test
    void planCatalogJudgesProgressAsTheProgressPageDoes() {
        PlanInfo plan =
                plans.planFor(OrganisationCatalog.DEMO_MUNICIPALITY, 2026).orElseThrow();
        PlanStanding standing = plans.progress(
                        OrganisationCatalog.DEMO_MUNICIPALITY, plan.id(), LocalDate.of(2026, 3, 1))
                .orElseThrow();
        // The demo's goals land in every state the progress page knows (README, "Demo").
        assertThat(standing.goalsByStatus().keySet())
                .containsExactly("REACHED", "ON_TRACK", "BEHIND", "OFF_TRACK", "NO_DATA", "NO_TARGET");
        assertThat(standing.goalsByStatus().values())
                .allSatisfy(n -> assertThat(n).isPositive());
        assertThat(standing.goals()).hasSize(12);
        assertThat(standing.evaluationYear()).isEqualTo(2025);
        assertThat(standing.evaluated()).isPositive().isLessThan(standing.evaluationsDue());
        assertThat(plans.evaluations(OrganisationCatalog.DEMO_MUNICIPALITY, plan.id(), 2025))
                .hasSize(standing.evaluated());
    }

    @Test
    void catalogsAnswerNothingOfAnotherOrganisation() {
        Org other = fixtures.organisation("luku" + Long.toString(System.nanoTime(), 36));
        PlanInfo demoPlan =
                plans.planFor(OrganisationCatalog.DEMO_MUNICIPALITY, 2026).orElseThrow();
        assertThat(plans.content(other.id(), demoPlan.id())).isEmpty();
        assertThat(plans.progress(other.id(), demoPlan.id(), LocalDate.now())).isEmpty();
        assertThat(plans.evaluations(other.id(), demoPlan.id(), 2025)).isEmpty();
        assertThat(plans.sectorShares(other.id(), demoPlan.id(), List.of())).isEmpty();
        assertThat(plans.plans(other.id())).isEmpty();
        assertThat(maturity.latest(other.id())).isEmpty();
        Standing demo = maturity.latest(OrganisationCatalog.DEMO_MUNICIPALITY).orElseThrow();
        assertThat(maturity.round(other.id(), demo.roundId())).isEmpty();
        assertThat(maturity.matrix(other.id(), demo.roundId(), FI)).isEmpty();
        int local = indicators
                .findLocal(OrganisationCatalog.DEMO_MUNICIPALITY, "harrastus-8-9")
                .orElseThrow()
                .id();
        assertThat(indicators.figure(OrganisationCatalog.DEMO_MUNICIPALITY, local, Optional.empty(), FI))
                .isPresent();
        assertThat(indicators.figure(other.id(), local, Optional.empty(), FI)).isEmpty();
        assertThat(indicators.series(other.id(), local, Optional.empty())).isEmpty();
    }

    @Test
    void indicatorFigureIsTheChartTheIndicatorPageShows() {
        Org kerava =
                fixtures.organisation("kuva" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "245");
        Figure figure =
                indicators.figure(kerava.id(), 683, Optional.empty(), FI).orElseThrow();
        assertThat(figure.chart()).startsWith("<svg").contains("<title id=\"chart-regions-title\">");
        assertThat(figure.years()).contains(2015, 2023);
        assertThat(figure.table()).anySatisfy(row -> {
            assertThat(row.role()).isEqualTo("own");
            assertThat(row.region().fi()).isEqualTo("Kerava");
            assertThat(row.cells()).hasSize(figure.years().size());
        });
        assertThat(figure.description()).contains("Kerava 2023");
        assertThat(figure.source().fi()).contains("Kela");
        WebSession viewer = WebSession.signedIn(port, kerava.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(viewer.get("/indicators/683").body()).contains(figure.chart());
        assertThat(indicators
                        .series(kerava.id(), 683, Optional.of("female"))
                        .orElseThrow()
                        .gender())
                .isEqualTo("female");
    }

    @Test
    void maturityCatalogGivesTheAgreedLevelsTheirMovementAndTheMatrix() {
        Standing latest = maturity.latest(OrganisationCatalog.DEMO_MUNICIPALITY).orElseThrow();
        assertThat(latest.roundTitle()).isEqualTo("Hyte-kypsyysarvio 2025");
        assertThat(latest.criteria()).extracting(CriterionStanding::movement).containsExactly(1, 1, 0, 1, 1);
        assertThat(latest.criteria()).allSatisfy(c -> {
            assertThat(c.level()).isBetween(1, 4);
            assertThat(c.levelName().fi()).isNotBlank();
        });
        MaturityCatalog.MatrixFigure matrix = maturity.matrix(
                        OrganisationCatalog.DEMO_MUNICIPALITY, latest.roundId(), FI)
                .orElseThrow();
        assertThat(matrix.svg()).contains("✓ Sovittu taso").contains(matrix.title());
        CriterionStanding first = latest.criteria().get(0);
        assertThat(matrix.agreedLevels())
                .contains(first.title().fi() + ": " + first.levelName().fi());
    }
}
