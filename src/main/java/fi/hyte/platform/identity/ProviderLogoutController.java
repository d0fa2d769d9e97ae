package fi.hyte.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page that sends a signed-out browser on to its provider's end-session endpoint. It is only
 * reached by a forward from the logout, which puts the address there; a direct visit goes to the
 * sign-in page, so it can never send anyone to an address of their choosing.
 */
@Controller
class ProviderLogoutController {

    static final String PATH = "/logout/provider";

    @RequestMapping(PATH)
    String page(HttpServletRequest request, Model model) {
        if (!(request.getAttribute(OidcSignInHandlers.END_SESSION) instanceof String endSession)) {
            return "redirect:/login?logout";
        }
        model.addAttribute("endSession", endSession);
        return "platform/provider-logout";
    }
}
