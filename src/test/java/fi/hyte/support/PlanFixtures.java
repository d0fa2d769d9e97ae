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
        Plan plan = planEditing.createPlan(
                org.tenant(), new Plan(null, LocalizedText.of(planTitle, null), 2025, 2028, null, null, false, 0));
        UUID line = planEditing.saveLine(
                org.tenant(),
                new PolicyLine(
                        null,
                        plan.id(),
                        0,
                        0,
                        LocalizedText.of(lineTitle, null),
                        LocalizedText.of(null, null),
                        null,
                        0));
        UUID goal = planEditing.saveGoal(
                org.tenant(),
                new Goal(
                        null,
                        null,
                        line,
                        0,
                        0,
                        LocalizedText.of(goalTitle, null),
                        LocalizedText.of(null, null),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        0,
                        null,
                        null));
        planEditing.saveMeasure(
                org.tenant(),
                new Measure(
                        null,
                        null,
                        goal,
                        0,
                        0,
                        LocalizedText.of(measureTitle, null),
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
                        MeasureStatus.ONGOING,
                        40,
                        0,
                        null,
                        null));
        return plan;
    }
}
