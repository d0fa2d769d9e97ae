package fi.hyte.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.Evidence;
import fi.hyte.maturity.domain.MaturityEvidence;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.PlanCounts;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maturity evidence of criteria 2–5 derived from today's wellbeing plan through PlanCatalog,
 * and a development action turned into a measure of that plan, over real HTTP and PostgreSQL.
 */
@HyteSpringTest
class PlanEvidenceTests {

    static final List<String> CRITERIA = List.of("strategy", "collaboration", "goals", "concept", "inequality");
    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Europe/Helsinki")).getYear();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MaturityEvidence evidence;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    PlanEditing editing;

    @Autowired
    PlanReading reading;

    @Autowired
    Assessments assessments;

    @Autowired
    JdbcClient jdbc;

    Org org;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation("evidenssi" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "245");
    }

    @Test
    void withoutAPlanForTodayThePlanCriteriaSuggestNothing() {
        Map<String, Evidence> found = evidence.of(org.id(), CRITERIA);
        assertThat(found.get("strategy").suggestedLevel()).isNotNull();
        for (String criterion : MaturityEvidence.FROM_PLAN_CRITERIA) {
            assertThat(found.get(criterion).suggestedLevel()).as(criterion).isNull();
            assertThat(found.get(criterion).noDataKey()).isEqualTo("evidence.noPlan");
        }
    }

    @Test
    void anEmptyPlanPutsEveryPlanCriterionAtTheFirstLevel() {
        plan();
        Map<String, Evidence> found = evidence.of(org.id(), CRITERIA);
        assertThat(found.get("collaboration").suggestedLevel()).isEqualTo(1);
        assertThat(found.get("collaboration").observations().get(0).key()).isEqualTo("evidence.noMeasures");
        assertThat(found.get("goals").suggestedLevel()).isEqualTo(1);
        assertThat(found.get("goals").observations().get(0).key()).isEqualTo("evidence.noGoals");
        assertThat(found.get("concept").suggestedLevel()).isEqualTo(1);
        assertThat(found.get("inequality").suggestedLevel()).isEqualTo(1);
    }

    @Test
    void oneBareGoalIsAGoalWithoutMeasures() {
        UUID line = line(plan());
        goal(line, List.of(), null);
        Map<String, Evidence> found = evidence.of(org.id(), CRITERIA);
        assertThat(found.get("goals").suggestedLevel()).isEqualTo(2);
        assertThat(found.get("concept").suggestedLevel()).isEqualTo(1);
        assertThat(found.get("inequality").suggestedLevel()).isEqualTo(1);
        assertThat(found.get("collaboration").suggestedLevel()).isEqualTo(1);
    }

    @Test
    void oneGoalWithEverythingAPlanCanHaveReachesTheTopLevel() {
        Plan plan = plan();
        UUID line = line(plan);
        List<UUID> allDimensions =
                reading.dimensions(org.id()).stream().map(d -> d.id()).toList();
        UUID goal = goal(line, allDimensions, "Tyttöjen ja poikien ero liikkumisessa");
        editing.saveGoalIndicator(
                org.tenant(),
                new GoalIndicator(
                        null,
                        goal,
                        683,
                        "female",
                        2023,
                        new BigDecimal("7.9"),
                        new BigDecimal("6.5"),
                        2029,
                        TargetDirection.DECREASE,
                        0),
                reading.goal(org.id(), goal).orElseThrow().version());
        UUID school = fixtures.sector(org, "Kasvatus ja oppiminen");
        UUID sport = fixtures.sector(org, "Liikunta");
        editing.saveMeasure(org.tenant(), measure(goal, school, List.of(sport)));
        PlanCounts counts = catalog.counts(org.id(), LocalDate.now(ZoneId.of("Europe/Helsinki")))
                .orElseThrow();
        if (counts.evaluationYear() != null) {
            editing.saveEvaluation(
                    org.tenant(),
                    new Evaluation(
                            null,
                            goal,
                            null,
                            counts.evaluationYear(),
                            Realisation.PARTLY,
                            "Liikkuminen lisääntyi kouluissa.",
                            null,
                            null,
                            0,
                            null,
                            null));
        }
        Map<String, Evidence> found = evidence.of(org.id(), CRITERIA);
        assertThat(found.get("collaboration").suggestedLevel()).isEqualTo(4);
        assertThat(found.get("collaboration").observations().get(0).arguments()).containsExactly(1, 1, 100);
        assertThat(found.get("goals").suggestedLevel()).isEqualTo(4);
        assertThat(found.get("concept").suggestedLevel()).isEqualTo(4);
        assertThat(found.get("concept").observations().get(0).arguments()).containsExactly(4, 4);
        assertThat(found.get("inequality").suggestedLevel()).isEqualTo(4);
    }

    @Test
    void theDemoPlansCountsAreWhatItsTablesHold() {
        PlanCounts counts = catalog.counts(
                        OrganisationCatalog.DEMO_MUNICIPALITY, LocalDate.now(ZoneId.of("Europe/Helsinki")))
                .orElseThrow();
        UUID plan = counts.plan().id();
        assertThat(counts.goals()).isEqualTo(count("select count(*) from goal where plan_id = ?", plan));
        assertThat(counts.measures()).isEqualTo(count("select count(*) from measure where plan_id = ?", plan));
        assertThat(counts.sharedMeasures())
                .isEqualTo(count(
                        "select count(*) from measure where plan_id = ? and (cardinality(partner_sector_ids) > 0"
                                + " or coalesce(trim(partners), '') <> '')",
                        plan));
        assertThat(counts.goalsWithMeasures())
                .isEqualTo(count(
                        "select count(*) from goal g where plan_id = ? and exists"
                                + " (select 1 from measure m where m.goal_id = g.id)",
                        plan));
        assertThat(counts.inequalityGoals())
                .isEqualTo(count(
                        "select count(*) from goal where plan_id = ? and coalesce(trim(inequality_focus), '') <> ''",
                        plan));
        Map<String, Evidence> found = evidence.of(OrganisationCatalog.DEMO_MUNICIPALITY, CRITERIA);
        for (String criterion : MaturityEvidence.FROM_PLAN_CRITERIA) {
            assertThat(found.get(criterion).suggestedLevel()).as(criterion).isBetween(1, 4);
            assertThat(found.get(criterion).observations()).as(criterion).isNotEmpty();
        }
    }

    @Test
    void aDevelopmentActionBecomesAMeasureOfTodaysPlanOnceLinkedBothWays() {
        UUID goal = goal(line(plan()), List.of(), null);
        UUID round = assessments.open(
                org.tenant(),
                MaturityModels.PROMEQ,
                "Arvio " + THIS_YEAR,
                LocalDate.now(),
                null,
                false,
                List.of(new Assessments.Invitee("Nimetön vastaaja", null)));
        UUID action = assessments.addAction(
                org.tenant(), round, "collaboration", "Yhteinen vuosikello järjestöjen kanssa", "Koordinaattori", null);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String url = "/maturity/rounds/" + round + "/actions/" + action + "/measure";

        Response none = coordinator.post(url, Map.of());
        assertThat(none.status()).isEqualTo(302);
        assertThat(coordinator.get("/maturity/rounds/" + round).body())
                .contains("Valitse tämän kauden suunnitelman tavoite");
        Org other = fixtures.organisation("toinen" + Long.toString(System.nanoTime(), 36));
        UUID othersGoal = goal(other, line(other, plan(other)), List.of(), null);
        coordinator.post(url, Map.of("goal", othersGoal.toString()));
        assertThat(coordinator.get("/maturity/rounds/" + round).body())
                .contains("Valitse tämän kauden suunnitelman tavoite");
        assertThat(count(
                        "select count(*) from measure where organisation_id = ?",
                        org.id().value()))
                .isZero();

        Response moved = coordinator.post(url, Map.of("goal", goal.toString()));
        assertThat(moved.status()).isEqualTo(302);
        Map<String, Object> measure = jdbc.sql("select m.id, m.ref, m.status, m.title_fi, o.path from measure m"
                        + " join measure_origin o on o.measure_id = m.id where m.organisation_id = ?")
                .param(org.id().value())
                .query()
                .singleRow();
        assertThat(measure.get("title_fi")).isEqualTo("Yhteinen vuosikello järjestöjen kanssa");
        assertThat(measure.get("status")).isEqualTo(MeasureStatus.PLANNED.name());
        assertThat(measure.get("path")).isEqualTo("/maturity/rounds/" + round + "#actions");
        String ref = "TP-" + measure.get("ref");
        assertThat(coordinator.get("/maturity/rounds/" + round).body())
                .contains("Kehittämistoimenpide on nyt suunnitelman toimenpide.")
                .contains("Toimenpide " + ref)
                .contains("/plan/measures/" + measure.get("id"));
        assertThat(coordinator.get("/plan/measures/" + measure.get("id")).body())
                .contains("Kypsyysarvioinnin kehittämistoimenpide: Yhteinen vuosikello järjestöjen kanssa")
                .contains("/maturity/rounds/" + round + "#actions");
        assertThat(count(
                        "select count(*) from audit_event where entity_type = 'maturityAction' and entity_id = ?"
                                + " and after_state::text like '%measureRef%'",
                        action.toString()))
                .isEqualTo(1);

        coordinator.post(url, Map.of("goal", goal.toString()));
        assertThat(coordinator.get("/maturity/rounds/" + round).body()).contains("on jo viety suunnitelmaan");
        assertThat(count(
                        "select count(*) from measure where organisation_id = ?",
                        org.id().value()))
                .isEqualTo(1);

        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(viewer.post(url, Map.of("goal", goal.toString())).status()).isEqualTo(403);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private Plan plan() {
        return plan(org);
    }

    private Plan plan(Org in) {
        return editing.createPlan(
                in.tenant(),
                new Plan(
                        null,
                        LocalizedText.of("Hyvinvointisuunnitelma " + (THIS_YEAR - 1) + "–" + (THIS_YEAR + 3), null),
                        THIS_YEAR - 1,
                        THIS_YEAR + 3,
                        null,
                        null,
                        false,
                        0));
    }

    private UUID line(Plan plan) {
        return line(org, plan);
    }

    private UUID line(Org in, Plan plan) {
        return editing.saveLine(
                in.tenant(),
                new PolicyLine(null, plan.id(), 0, 0, LocalizedText.of("Liikkuva kunta", null), null, null, 0));
    }

    private UUID goal(UUID line, List<UUID> dimensions, String inequality) {
        return goal(org, line, dimensions, inequality);
    }

    private UUID goal(Org in, UUID line, List<UUID> dimensions, String inequality) {
        return editing.saveGoal(
                in.tenant(),
                new Goal(
                        null,
                        null,
                        line,
                        0,
                        0,
                        LocalizedText.of("Nuoret liikkuvat enemmän", null),
                        null,
                        dimensions,
                        List.of(TargetGroup.YOUNG),
                        inequality,
                        null,
                        null,
                        0,
                        null,
                        null));
    }

    private static Measure measure(UUID goal, UUID sector, List<UUID> partners) {
        return new Measure(
                null,
                null,
                goal,
                0,
                0,
                LocalizedText.of("Liikkuva koulu", null),
                null,
                sector,
                null,
                partners,
                null,
                LocalDate.of(THIS_YEAR - 1, 8, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                MeasureStatus.ONGOING,
                20,
                0,
                null,
                null);
    }
}
