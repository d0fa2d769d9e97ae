package fi.hyte.plan.web;

import fi.hyte.plan.domain.PlanReading;
import fi.hyte.platform.LandingPage;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where the plan's readers land after signing in: an editor on their own responsibilities (overdue
 * evaluations first), a viewer such as a council member on the plan's progress. A coordinator lands
 * on the leadership overview, which is not the plan's.
 */
@Component
class PlanLanding implements LandingPage {

    private final PlanReading reading;
    private final PlanPages pages;

    PlanLanding(PlanReading reading, PlanPages pages) {
        this.reading = reading;
        this.pages = pages;
    }

    @Override
    public Optional<String> pathFor(Tenant tenant) {
        if (tenant.can(Role.COORDINATOR)) {
            return Optional.empty();
        }
        String page = tenant.can(Role.EDITOR) ? "/mine" : "/progress";
        return reading.current(tenant.organisation(), pages.today()).map(plan -> "/plan/" + plan.id() + page);
    }
}
