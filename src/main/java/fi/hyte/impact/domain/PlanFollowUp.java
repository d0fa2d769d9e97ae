package fi.hyte.impact.domain;

import fi.hyte.plan.PlanContributions;
import fi.hyte.platform.Tenant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A follow-up set with the decision, added to the wellbeing plan as a measure under the goal it
 * concerns (through the plan's own rules), so that it is due among the plan's measures and reminders.
 */
@Service
@Transactional
public class PlanFollowUp {

    private final Preparation preparation;
    private final PlanContributions contributions;

    PlanFollowUp(Preparation preparation, PlanContributions contributions) {
        this.preparation = preparation;
        this.contributions = contributions;
    }

    public UUID add(Tenant tenant, UUID caseId, FollowUp followUp, boolean intoPlan) {
        DecisionCase c = preparation.get(tenant, caseId);
        FollowUp saved = followUp;
        if (intoPlan && followUp.goalId() != null) {
            PlanContributions.AddedMeasure measure = contributions.addMeasure(
                    tenant,
                    followUp.goalId(),
                    followUp.what() + " (" + c.title().fi() + ")",
                    followUp.dueOn(),
                    "impactFollowUp",
                    "/impact/cases/" + caseId);
            saved = new FollowUp(
                    null,
                    caseId,
                    followUp.what(),
                    followUp.indicatorId(),
                    followUp.expected(),
                    followUp.responsible(),
                    followUp.dueOn(),
                    followUp.goalId(),
                    measure.id(),
                    measure.ref(),
                    null,
                    0);
        }
        return preparation.addFollowUp(tenant, caseId, saved);
    }
}
