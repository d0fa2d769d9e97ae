package fi.hyte.plan;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The decisions that touched a plan goal, shown on the goal's page. The plan does not depend on
 * the module that records decisions (the impact assessment depends on the plan, so the other way
 * would be a cycle): that module implements this interface as a bean, and without one the goal
 * page shows nothing ({@link #NONE}).
 */
public interface GoalDecisions {

    /** No decisions known: what the goal page uses when no module provides them. */
    GoalDecisions NONE = (organisation, goal) -> List.of();

    /** The organisation's decisions that touched the goal, latest first. */
    List<Decision> touching(OrganisationId organisation, UUID goal);

    /** Where every decision touching the goal is listed with filters, or null. */
    default String listPath(UUID goal) {
        return null;
    }

    /**
     * A decision that touched the goal.
     *
     * @param path the decision's page in Hyte
     * @param direction the expected direction and, once recorded, the outcome, in the user's words
     */
    record Decision(LocalizedText title, String path, LocalDate decidedOn, LocalizedText direction) {}
}
