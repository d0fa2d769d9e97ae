package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.Plans;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new council term's plan started from the previous term's plan in one action: lines and goals come
 * over with new numbers and a link back, indicators with a fresh baseline, and nothing of the earlier
 * term's evaluations, statuses or progress.
 */
@HyteSpringTest
class PlanCopyTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanEditing editing;

    @Autowired
    PlanReading reading;

    @Autowired
    Plans plans;

    @Autowired
    JdbcClient jdbc;

    Org org;
    UUID education;
    UUID ella;
    Plan previous;
    UUID goal;
    UUID otherGoal;
    UUID measure;

    @BeforeEach
    void previousTermsPlan() {
        org = fixtures.organisation("kopio" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "245");
        education = fixtures.sector(org, "Kasvatus ja oppiminen");
        UUID leisure = fixtures.sector(org, "Vapaa-aika");
        ella = fixtures.person(org, "Ella Esimerkki", education);
        previous = editing.createPlan(
                org.tenant(),
                new Plan(null, LocalizedText.of("Suunnitelma 2021–2024", null), 2021, 2024, null, null, false, 0));
        UUID line = editing.saveLine(
                org.tenant(),
                new PolicyLine(
                        null,
                        previous.id(),
                        0,
                        0,
                        LocalizedText.of("Lapset ja nuoret voivat hyvin", "Barn och unga mår bra"),
                        LocalizedText.of("Linjauksen kuvaus", null),
                        "Strategian päämäärä 1",
                        0));
        // A goal deleted in the earlier term: its number is not reused there, and the copy numbers anew.
        UUID deleted = goal(line, "Poistettu tavoite", List.of(), null);
        editing.deleteGoal(
                org.tenant(),
                deleted,
                reading.goal(org.id(), deleted).orElseThrow().version());
        UUID physical = reading.dimensions(org.id()).get(0).id();
        goal = goal(line, "Nuoret liikkuvat enemmän", List.of(physical), ella);
        otherGoal = goal(line, "Yksinäisyys vähenee", List.of(), null);
        editing.saveGoalIndicator(
                org.tenant(),
                new GoalIndicator(
                        null,
                        goal,
                        683,
                        "total",
                        2019,
                        new BigDecimal("5.0"),
                        new BigDecimal("4.5"),
                        2024,
                        TargetDirection.DECREASE,
                        0),
                reading.goal(org.id(), goal).orElseThrow().version());
        measure = editing.saveMeasure(
                org.tenant(),
                new Measure(
                        null,
                        null,
                        goal,
                        0,
                        0,
                        LocalizedText.of("Liikkuva koulu", null),
                        LocalizedText.of("Välitunnit liikkeelle.", null),
                        education,
                        ella,
                        List.of(leisure),
                        "Liikuntaseurat",
                        LocalDate.of(2021, 8, 1),
                        LocalDate.of(2024, 6, 30),
                        new BigDecimal("0.5"),
                        new BigDecimal("12000"),
                        "Avustus",
                        new BigDecimal("5000"),
                        "Koulujen salit",
                        "TA 2022",
                        true,
                        MeasureStatus.ONGOING,
                        60,
                        0,
                        null,
                        null));
        editing.saveEvaluation(
                org.tenant(),
                new Evaluation(
                        null, goal, null, 2022, Realisation.PARTLY, "Eteni osin.", "Kysely", null, 0, null, null));
        editing.saveEvaluation(
                org.tenant(),
                new Evaluation(
                        null, null, measure, 2022, Realisation.YES, "Toteutui.", "Raportti", null, 0, null, null));
    }

    private UUID goal(UUID line, String title, List<UUID> dimensions, UUID owner) {
        return editing.saveGoal(
                org.tenant(),
                new Goal(
                        null,
                        null,
                        line,
                        0,
                        0,
                        LocalizedText.of(title, title + " (sv)"),
                        LocalizedText.of("Kuvaus: " + title, null),
                        dimensions,
                        List.of(TargetGroup.YOUNG, TargetGroup.LOW_INCOME),
                        "Ero: " + title,
                        owner,
                        null,
                        0,
                        null,
                        null));
    }

    private WebSession as(Role role) {
        return WebSession.signedIn(port, org.user(role), Fixtures.PASSWORD);
    }

    private static Map<String, String> form(String titleFi, String firstYear, String lastYear) {
        Map<String, String> form = new HashMap<>();
        form.put("titleFi", titleFi);
        form.put("titleSv", "");
        form.put("firstYear", firstYear);
        form.put("lastYear", lastYear);
        form.put("strategyTitle", "Kuntastrategia 2025–2028");
        form.put("strategyUrl", "");
        form.put("version", "0");
        return form;
    }

    private List<Plan> plansOf(Org o) {
        return reading.plans(o.id());
    }

    private Plan copied(Response response) {
        assertThat(response.status()).isEqualTo(302);
        String id = response.location().substring(response.location().lastIndexOf('/') + 1);
        return reading.plans(org.id()).stream()
                .filter(p -> p.id().toString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void coordinatorIsOfferedTheCopyWhenTodaysTermHasNoPlan() {
        WebSession coordinator = as(Role.COORDINATOR);
        Response current = coordinator.get("/plan");
        assertThat(current.location()).endsWith("/plan/plans");
        assertThat(coordinator.get("/plan/plans").body())
                .contains("Aloita edellisen kauden suunnitelman pohjalta")
                .contains("/plan/" + previous.id() + "/copy");
        assertThat(coordinator.get("/plan/new").body()).contains("/plan/" + previous.id() + "/copy");
        Response page = coordinator.get("/plan/" + previous.id() + "/copy");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Suunnitelma 2021–2024 (2021–2024)")
                .contains("Säilytä tavoitearvot")
                .contains("Kopioi myös toimenpiteet suunnitelluiksi")
                .doesNotContain("checked=\"checked\"");

        // A viewer still opens the earlier plan, and is offered nothing.
        WebSession viewer = as(Role.VIEWER);
        assertThat(viewer.get("/plan").location()).endsWith("/plan/" + previous.id());
        assertThat(viewer.get("/plan/plans").body()).doesNotContain("/copy");
    }

    @Test
    void copyTakesLinesAndGoalsWithNewNumbersAndAFreshBaselineButNoMeasuresOrEvaluations() throws IOException {
        Response response = as(Role.COORDINATOR)
                .post("/plan/" + previous.id() + "/copy", form("Suunnitelma 2025–2028", "2025", "2028"));
        Plan plan = copied(response);
        assertThat(plan.firstYear()).isEqualTo(2025);
        assertThat(plan.lastYear()).isEqualTo(2028);
        assertThat(plan.strategyTitle()).isEqualTo("Kuntastrategia 2025–2028");
        PlanSnapshot copy = reading.snapshot(org.id(), plan.id());
        PlanSnapshot before = reading.snapshot(org.id(), previous.id());

        assertThat(copy.lines()).singleElement().satisfies(line -> {
            assertThat(line.ref()).isEqualTo(1);
            assertThat(line.title())
                    .isEqualTo(LocalizedText.of("Lapset ja nuoret voivat hyvin", "Barn och unga mår bra"));
            assertThat(line.description().fi()).isEqualTo("Linjauksen kuvaus");
            assertThat(line.strategyRef()).isEqualTo("Strategian päämäärä 1");
        });
        assertThat(copy.goals())
                .extracting(g -> g.ref() + " " + g.title().fi())
                .containsExactly("1 Nuoret liikkuvat enemmän", "2 Yksinäisyys vähenee");
        assertThat(before.goals()).extracting(Goal::ref).containsExactly(2, 3);
        Goal source = reading.goal(org.id(), goal).orElseThrow();
        Goal moved = copy.goals().get(0);
        assertThat(moved.id()).isNotEqualTo(source.id());
        assertThat(as(Role.VIEWER).get("/plan/goals/" + moved.id()).body())
                .contains("Jatkaa tavoitetta")
                .contains("/plan/goals/" + source.id());
        assertThat(moved.title()).isEqualTo(source.title());
        assertThat(moved.description()).isEqualTo(source.description());
        assertThat(moved.dimensionIds()).isEqualTo(source.dimensionIds()).isNotEmpty();
        assertThat(moved.targetGroups()).containsExactly(TargetGroup.YOUNG, TargetGroup.LOW_INCOME);
        assertThat(moved.inequalityFocus()).isEqualTo("Ero: Nuoret liikkuvat enemmän");
        assertThat(moved.ownerPersonId()).isEqualTo(ella);
        assertThat(plans.copiedFrom(org.id(), moved.id())).contains(goal);
        assertThat(plans.copiedFrom(org.id(), copy.goals().get(1).id())).contains(otherGoal);
        assertThat(plans.copiedFrom(org.id(), goal)).isEmpty();

        BigDecimal latestBefore2025 = keravaValuesOf683().get(2023);
        assertThat(copy.goalIndicators()).singleElement().satisfies(target -> {
            assertThat(target.goalId()).isEqualTo(moved.id());
            assertThat(target.indicatorId()).isEqualTo(683);
            assertThat(target.gender()).isEqualTo("total");
            assertThat(target.direction()).isEqualTo(TargetDirection.DECREASE);
            assertThat(target.baselineYear()).isEqualTo(2023);
            assertThat(target.baselineValue()).isEqualByComparingTo(latestBefore2025);
            assertThat(target.targetValue()).isNull();
            assertThat(target.targetYear()).isEqualTo(2028);
        });
        assertThat(copy.measures()).isEmpty();
        assertThat(copy.evaluations()).isEmpty();

        // The earlier plan is untouched.
        assertThat(before.measures()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MeasureStatus.ONGOING);
            assertThat(m.progress()).isEqualTo(60);
        });
        assertThat(before.evaluations()).hasSize(2);
        assertThat(before.goalIndicators())
                .singleElement()
                .satisfies(t -> assertThat(t.baselineYear()).isEqualTo(2019));

        // Audited in the same transaction: the plan, its parts and the copy with each goal's new number.
        String audit = jdbc.sql("select after_state::text from audit_event where organisation_id = ? and entity_id = ?"
                        + " and action = 'UPDATE' and entity_type = 'plan'")
                .params(org.id().value(), plan.id().toString())
                .query(String.class)
                .single();
        assertThat(audit).contains(previous.id().toString()).contains("\"T-2\"").contains("\"T-1\"");
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type = 'goal'"
                                + " and action = 'CREATE' and entity_id = any(?)")
                        .params(
                                org.id().value(),
                                copy.goals().stream()
                                        .map(g -> g.id().toString())
                                        .toArray(String[]::new))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void targetValuesAndMeasuresComeOverOnlyWhenChosenAndMeasuresStartAsPlanned() {
        Map<String, String> form = form("Suunnitelma 2025–2028", "2025", "2028");
        form.put("keepTargetValues", "true");
        form.put("copyMeasures", "true");
        PlanSnapshot copy = reading.snapshot(
                org.id(),
                copied(as(Role.COORDINATOR).post("/plan/" + previous.id() + "/copy", form))
                        .id());

        assertThat(copy.goalIndicators()).singleElement().satisfies(t -> {
            assertThat(t.targetValue()).isEqualByComparingTo("4.5");
            assertThat(t.targetYear()).isEqualTo(2028);
            assertThat(t.baselineYear()).isEqualTo(2023);
        });
        assertThat(copy.measures()).singleElement().satisfies(m -> {
            assertThat(m.goalId()).isEqualTo(copy.goals().get(0).id());
            assertThat(m.ref()).isEqualTo(1);
            assertThat(m.title().fi()).isEqualTo("Liikkuva koulu");
            assertThat(m.description().fi()).isEqualTo("Välitunnit liikkeelle.");
            assertThat(m.sectorId()).isEqualTo(education);
            assertThat(m.ownerPersonId()).isEqualTo(ella);
            assertThat(m.partnerSectorIds()).hasSize(1);
            assertThat(m.partners()).isEqualTo("Liikuntaseurat");
            assertThat(m.status()).isEqualTo(MeasureStatus.PLANNED);
            assertThat(m.progress()).isZero();
            assertThat(m.startsOn()).isNull();
            assertThat(m.endsOn()).isNull();
            assertThat(m.hasResources()).isFalse();
            assertThat(m.budgetRef()).isNull();
            assertThat(m.budgetBinding()).isFalse();
        });
        assertThat(copy.evaluations()).isEmpty();
    }

    @Test
    void aSecondSubmitIsRefusedWithAMessageAndMakesNoSecondPlan() {
        WebSession coordinator = as(Role.COORDINATOR);
        Map<String, String> form = form("Suunnitelma 2025–2028", "2025", "2028");
        assertThat(coordinator.post("/plan/" + previous.id() + "/copy", form).status())
                .isEqualTo(302);
        Response again = coordinator.post("/plan/" + previous.id() + "/copy", form);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body())
                .contains("Kaudelle, joka alkaa vuonna 2025, on jo suunnitelma (Suunnitelma 2025–2028)."
                        + " Toista suunnitelmaa ei tehty.");
        assertThat(plansOf(org)).hasSize(2);
        assertThat(jdbc.sql("select count(*) from goal where organisation_id = ?")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsMade() {
        WebSession coordinator = as(Role.COORDINATOR);
        String url = "/plan/" + previous.id() + "/copy";
        Response noTitle = coordinator.post(url, form("", "2025", "2028"));
        assertThat(noTitle.status()).isEqualTo(200);
        assertThat(noTitle.body()).contains("error-summary").contains("Säilytä tavoitearvot");

        Response overlapping = coordinator.post(url, form("Päällekkäinen", "2023", "2026"));
        assertThat(overlapping.status()).isEqualTo(200);
        assertThat(overlapping.body())
                .contains("Pohjaksi käy vain aiemman kauden suunnitelma: uuden suunnitelman on alettava vuoden 2024"
                        + " jälkeen.");

        Map<String, String> keep = form("Huono vuosi", "ensi vuonna", "2028");
        keep.put("keepTargetValues", "true");
        Response unreadable = coordinator.post(url, keep);
        assertThat(unreadable.status()).isEqualTo(200);
        assertThat(unreadable.body()).contains("error-summary").contains("keepTargetValues-hint\" checked=\"checked\"");

        assertThat(coordinator.post(url, form("Liian pitkä", "2025", "2040")).status())
                .isEqualTo(200);
        assertThat(coordinator
                        .post("/plan/" + UUID.randomUUID() + "/copy", form("Ei pohjaa", "2025", "2028"))
                        .status())
                .isEqualTo(404);
        assertThat(coordinator.get("/plan/not-a-plan/copy").status()).isIn(400, 404);
        assertThat(plansOf(org)).extracting(Plan::id).containsExactly(previous.id());
    }

    @Test
    void onlyCoordinatorsCopy() {
        for (Role role : List.of(Role.VIEWER, Role.EDITOR)) {
            WebSession session = as(role);
            assertThat(session.get("/plan/" + previous.id() + "/copy").status())
                    .as("%s", role)
                    .isEqualTo(403);
            assertThat(session.post("/plan/" + previous.id() + "/copy", form("Luvaton", "2025", "2028"))
                            .status())
                    .as("%s", role)
                    .isEqualTo(403);
        }
        assertThat(plansOf(org)).hasSize(1);
    }

    @Test
    void anotherOrganisationsPlanCannotBeCopied() {
        Org other = fixtures.organisation("vieras" + Long.toString(System.nanoTime(), 36));
        WebSession stranger = WebSession.signedIn(port, other.user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(stranger.get("/plan/" + previous.id() + "/copy").status()).isEqualTo(404);
        Response post = stranger.post("/plan/" + previous.id() + "/copy", form("Kaapattu", "2025", "2028"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).doesNotContain("Suunnitelma 2021–2024");
        assertThat(plansOf(other)).isEmpty();
        assertThat(plansOf(org)).hasSize(1);
    }

    private Map<Integer, BigDecimal> keravaValuesOf683() throws IOException {
        int kerava = jdbc.sql("select sotkanet_id from region where kind = 'MUNICIPALITY' and code = '245'")
                .query(Integer.class)
                .single();
        Map<Integer, BigDecimal> values = new HashMap<>();
        Path file = Path.of("../shared/data/sotkanet_values/sotkanet_683_diabetes_2015_2023_all_regions.csv");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                if (row.get("region").equals(String.valueOf(kerava))
                        && row.get("gender").equals("total")) {
                    values.put(Integer.parseInt(row.get("year")), new BigDecimal(row.get("primary value")));
                }
            }
        }
        return values;
    }
}
