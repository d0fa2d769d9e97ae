package fi.hyte.platform.security;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own API tokens: listed, created for the current organisation, revoked. */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

    private static final String VIEW = "platform/tokens";

    private final ApiTokens tokens;
    private final OrganisationDirectory directory;

    ApiTokenController(ApiTokens tokens, OrganisationDirectory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    @GetMapping
    String list(Tenant tenant, Model model, Locale locale) {
        return page(tenant, model, TokenForm.empty(), locale);
    }

    @PostMapping
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") TokenForm form,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            return page(tenant, model, form, locale);
        }
        ApiTokens.Issued issued = tokens.issue(
                tenant.user(),
                tenant.userName(),
                tenant.organisation(),
                form.name().strip());
        // Shown once, in this answer only: a flash attribute would keep it in the session table until read.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("newToken", issued.token());
        model.addAttribute("newTokenName", issued.name());
        return page(tenant, model, TokenForm.empty(), locale);
    }

    @PostMapping("/{id}/revoke")
    String revoke(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        if (!tokens.revoke(tenant.user(), tenant.userName(), id)) {
            throw new NotFoundException("API token");
        }
        redirect.addFlashAttribute("notice", "account.tokens.revoked");
        return "redirect:/account/tokens";
    }

    private String page(Tenant tenant, Model model, TokenForm form, Locale locale) {
        List<ApiTokens.Listed> own = tokens.of(tenant.user());
        Set<OrganisationId> organisations = new HashSet<>();
        organisations.add(tenant.organisation());
        own.forEach(t -> organisations.add(t.organisation()));
        Map<OrganisationId, LocalizedText> names = directory.namesOf(organisations);
        model.addAttribute(
                "tokens",
                own.stream()
                        .map(t -> new Row(
                                t.id(),
                                t.name(),
                                nameOf(names.get(t.organisation()), locale),
                                t.createdAt(),
                                t.lastUsedAt(),
                                t.revokedAt()))
                        .toList());
        model.addAttribute("organisationName", nameOf(names.get(tenant.organisation()), locale));
        model.addAttribute("form", form);
        return VIEW;
    }

    private static String nameOf(LocalizedText name, Locale locale) {
        return name == null ? "" : name.in(locale);
    }

    /** A token as listed to its owner. */
    record Row(
            UUID id,
            String name,
            String organisation,
            OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {

        public boolean valid() {
            return revokedAt == null;
        }
    }
}
