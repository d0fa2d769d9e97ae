package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.LeadershipReview;
import fi.hyte.organisation.domain.Organisations;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Tenant;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The leadership overview: the first page after signing in. */
@Controller
class LeadershipController {

    private final LeadershipReview review;
    private final Organisations organisations;

    LeadershipController(LeadershipReview review, Organisations organisations) {
        this.review = review;
        this.organisations = organisations;
    }

    @GetMapping("/")
    String overview(Tenant tenant, Locale locale, Model model) {
        model.addAttribute(
                "organisation",
                organisations.find(tenant.organisation()).orElseThrow(() -> new NotFoundException("organisation")));
        model.addAttribute("overview", review.review(tenant.organisation(), locale));
        model.addAttribute("kinds", ResponsibilityKind.values());
        model.addAttribute("canEdit", tenant.can(fi.hyte.platform.Role.COORDINATOR));
        return "organisation/overview";
    }
}
