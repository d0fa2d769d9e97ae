package fi.hyte.support;

import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.platform.LocalizedText;
import fi.hyte.support.Fixtures.Org;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds small wellbeing plans for tests through the plan's own services. */
@Component
public class PlanFixtures {

    private final PlanEditing planEditing;

    public PlanFixtures(PlanEditing planEditing) {
        this.planEditing = planEditing;
    }

    /**
     * A plan for 2025–2028 with one policy line, one goal and one ongoing measure (40 % done) of the
     * given sector (or none), all in Finnish only.
     */
    public Plan withOneMeasure(
            Org org, String planTitle, String lineTitle, String goalTitle, String measureTitle, UUID sector) {
        Plan plan = plan(org, planTitle, 2025, 2028);
        UUID goal = goal(org, line(org, plan, lineTitle), goalTitle);
        measure(org, goal, measureTitle, sector, MeasureStatus.ONGOING, 40);
        return plan;
    }

    /** A plan's one goal under one policy line, in a new plan for the given years; the goal's id. */
    public UUID goalInNewPlan(Org org, String planTitle, int from, int to, String lineTitle, String goalTitle) {
        return goal(org, line(org, plan(org, planTitle, from, to), lineTitle), goalTitle);
    }

    /** A new plan for the given years, with a Finnish title only. */
    public Plan plan(Org org, String title, int from, int to) {
        return planEditing.createPlan(
                org.tenant(), new Plan(null, LocalizedText.of(title, null), from, to, null, null, false, 0));
    }

    /** A policy line at the end of the plan, with a Finnish title only. */
    public UUID line(Org org, Plan plan, String title) {
        return planEditing.saveLine(
                org.tenant(),
                new PolicyLine(
                        null, plan.id(), 0, 0, LocalizedText.of(title, null), LocalizedText.of(null, null), null, 0));
    }

    /** A goal under the line, with a Finnish title only and nothing else. */
    public UUID goal(Org org, UUID line, String title) {
        return planEditing.saveGoal(
                org.tenant(),
                new Goal(
                        null,
                        null,
                        line,
                        0,
                        0,
                        LocalizedText.of(title, null),
                        LocalizedText.of(null, null),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        0,
                        null,
                        null));
    }

    /** A measure of the goal with the given sector (or none), status and per cent done. */
    public UUID measure(Org org, UUID goal, String title, UUID sector, MeasureStatus status, int percentDone) {
        return planEditing.saveMeasure(
                org.tenant(),
                new Measure(
                        null,
                        null,
                        goal,
                        0,
                        0,
                        LocalizedText.of(title, null),
                        LocalizedText.of(null, null),
                        sector,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        status,
                        percentDone,
                        0,
                        null,
                        null));
    }
}
