package fi.hyte.platform.security;

import fi.hyte.platform.OrganisationId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and switching between one's organisations. */
@Controller
class SignInController {

    private final Tenancy tenancy;

    SignInController(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/login")
    String login() {
        return Tenancy.signedIn().isPresent() ? "redirect:/" : "platform/login";
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
