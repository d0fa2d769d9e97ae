package fi.hyte.plan.web;

import fi.hyte.organisation.DataFreshness;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.Tenant;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every plan page that shows a target's latest value says how old it is and marks old data by the
 * organisation's own threshold.
 */
@ControllerAdvice(basePackageClasses = PlanFreshness.class)
class PlanFreshness {

    private final OrganisationCatalog organisations;

    PlanFreshness(OrganisationCatalog organisations) {
        this.organisations = organisations;
    }

    @ModelAttribute("freshness")
    DataFreshness freshness(Tenant tenant) {
        return organisations.freshness(tenant.organisation());
    }
}
