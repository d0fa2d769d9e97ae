package fi.hyte.plan.web;

import fi.hyte.organisation.DataFreshness;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every plan page knows of its reader: how old a target's latest value is by the organisation's
 * own threshold for old data, and whether the reader works on the plan (an editor or more) and so
 * sees the plan's working tabs (my responsibilities, reminders, gaps, export and import).
 */
@ControllerAdvice(basePackageClasses = PlanPageFrame.class)
class PlanPageFrame {

    private final OrganisationCatalog organisations;

    PlanPageFrame(OrganisationCatalog organisations) {
        this.organisations = organisations;
    }

    @ModelAttribute("freshness")
    DataFreshness freshness(Tenant tenant) {
        return organisations.freshness(tenant.organisation());
    }

    @ModelAttribute("worksOnPlan")
    boolean worksOnPlan(Tenant tenant) {
        return tenant.can(Role.EDITOR);
    }
}
