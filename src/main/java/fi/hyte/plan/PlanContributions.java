package fi.hyte.plan;

import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureOrigins;
import fi.hyte.plan.domain.MeasureOrigins.Origin;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanRef;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may add to the wellbeing plan: a measure they propose (e.g. a development action
 * of the maturity self-assessment), under a goal of the plan the user chose, with where it came from.
 * The plan's own rules apply (roles, numbering, audit); the plan keeps the origin's words and address
 * only, so it depends on no module that contributes.
 */
@Service
@Transactional
public class PlanContributions {

    private final PlanEditing editing;
    private final PlanReading reading;
    private final MeasureOrigins origins;

    PlanContributions(PlanEditing editing, PlanReading reading, MeasureOrigins origins) {
        this.editing = editing;
        this.reading = reading;
        this.origins = origins;
    }

    /** A measure added from elsewhere: its id, number (TP-12) and goal. */
    public record AddedMeasure(UUID id, String ref, UUID goalId) {}

    /**
     * Adds a planned measure under the goal, in the user's organisation, marked with its origin.
     *
     * @param kind what proposes it (e.g. maturityAction), shown with the plan's words for it
     * @param path the origin's address in Hyte, from the root
     * @throws NotFoundException when the goal is not the organisation's
     */
    public AddedMeasure addMeasure(Tenant tenant, UUID goal, String title, LocalDate endsOn, String kind, String path) {
        reading.goal(tenant.organisation(), goal).orElseThrow(() -> new NotFoundException("goal"));
        Measure proposed = new Measure(
                null,
                null,
                goal,
                0,
                0,
                new LocalizedText(title, null, null),
                null,
                null,
                null,
                List.of(),
                null,
                null,
                endsOn,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                MeasureStatus.PLANNED,
                0,
                0,
                null,
                tenant.userName());
        UUID id = editing.saveMeasure(tenant, proposed);
        origins.insert(tenant.organisation(), id, new Origin(kind, title, path));
        Measure saved = reading.measure(tenant.organisation(), id).orElseThrow();
        return new AddedMeasure(id, PlanRef.measure(saved.ref()), goal);
    }
}
