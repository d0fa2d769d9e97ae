package fi.hyte.platform.security;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.identity.SignInChoices;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and switching between one's organisations. */
@Controller
class SignInController {

    /** The username of the last failed sign-in, shown again in the form. */
    static final String LAST_USERNAME = "hyte.lastUsername";

    private final Tenancy tenancy;
    private final SignInChoices providers;

    SignInController(Tenancy tenancy, SignInChoices providers) {
        this.tenancy = tenancy;
        this.providers = providers;
    }

    @GetMapping("/login")
    String login(Model model, Locale locale, HttpServletRequest request) {
        if (Tenancy.signedIn().isPresent()) {
            return "redirect:/";
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(LAST_USERNAME) instanceof String username) {
            model.addAttribute("username", username);
        }
        model.addAttribute("providers", providers.offered(locale));
        return "platform/login";
    }

    @PostMapping("/organisation/switch")
    String switchOrganisation(@RequestParam String organisation, HttpServletRequest request) {
        UUID id;
        try {
            id = UUID.fromString(organisation);
        } catch (IllegalArgumentException e) {
            return "redirect:/";
        }
        tenancy.switchTo(request, new OrganisationId(id));
        return "redirect:/";
    }
}
