package fi.hyte.platform.identity;

import fi.hyte.platform.ActorDetails;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationDirectory.OrganisationEntry;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system operator's sign-in settings: organisations' OpenID Connect providers and password sign-in. */
@Controller
@RequestMapping("/operator/sign-in")
class SignInProviderController {

    private static final String LIST = "platform/sign-in-providers";
    private static final String FORM = "platform/sign-in-provider";

    private final SignInProviders providers;
    private final SignInSettings settings;
    private final ProviderRegistrations registrations;
    private final OrganisationDirectory organisations;

    SignInProviderController(
            SignInProviders providers,
            SignInSettings settings,
            ProviderRegistrations registrations,
            OrganisationDirectory organisations) {
        this.providers = providers;
        this.settings = settings;
        this.registrations = registrations;
        this.organisations = organisations;
    }

    @GetMapping
    String list(Model model, Locale locale) {
        List<OrganisationEntry> all = organisations.all();
        Map<OrganisationId, LocalizedText> names =
                organisations.namesOf(all.stream().map(OrganisationEntry::id).toList());
        model.addAttribute(
                "providers",
                providers.all().stream()
                        .map(p -> new Row(
                                p.id(),
                                Optional.ofNullable(names.get(p.organisation()))
                                        .map(n -> n.in(locale))
                                        .orElse("–"),
                                p.name(),
                                p.issuer(),
                                p.enabled(),
                                p.managesRoles(),
                                p.newUserRole()))
                        .toList());
        model.addAttribute(
                "policies",
                all.stream()
                        .map(o -> new Policy(o.id().value(), o.name().in(locale), providers.formLoginAllowed(o.id())))
                        .toList());
        model.addAttribute("canSeal", settings.canSealSecrets());
        return LIST;
    }

    @GetMapping("/new")
    String newProvider(Model model) {
        return form(model, ProviderForm.empty(), null);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") ProviderForm form,
            BindingResult errors,
            @AuthenticationPrincipal ActorDetails operator,
            Model model,
            RedirectAttributes redirect) {
        Optional<OrganisationId> organisation = parse(form.organisation())
                .map(OrganisationId::new)
                .filter(id -> organisations.find(id).isPresent());
        if (organisation.isEmpty()) {
            errors.rejectValue("organisation", "identity.organisation.required");
        }
        if (form.clientSecret() == null || form.clientSecret().isBlank()) {
            errors.rejectValue("clientSecret", "identity.clientSecret.required");
        }
        check(form, errors);
        if (errors.hasErrors()) {
            return form(model, form, null);
        }
        settings.add(organisation.get(), form, operator.actorId(), operator.actorName());
        redirect.addFlashAttribute("notice", "identity.saved");
        return "redirect:/operator/sign-in";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        SignInProvider provider = providers.find(id).orElseThrow(() -> new NotFoundException("sign-in provider"));
        return form(model, ProviderForm.of(provider), provider);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ProviderForm form,
            BindingResult errors,
            @AuthenticationPrincipal ActorDetails operator,
            Model model,
            RedirectAttributes redirect) {
        SignInProvider provider = providers.find(id).orElseThrow(() -> new NotFoundException("sign-in provider"));
        check(form, errors);
        if (!errors.hasErrors()) {
            try {
                settings.update(id, form, operator.actorId(), operator.actorName());
                redirect.addFlashAttribute("notice", "identity.saved");
                return "redirect:/operator/sign-in";
            } catch (ConcurrentChangeException e) {
                errors.reject("identity.conflict");
            }
        }
        return form(model, form, provider);
    }

    /** Fetches the provider's discovery document now and tells whether sign-in with it can work. */
    @PostMapping("/{id}/check")
    String check(@PathVariable UUID id, RedirectAttributes redirect) {
        SignInProvider provider = providers.find(id).orElseThrow(() -> new NotFoundException("sign-in provider"));
        Optional<String> problem = registrations.problem(provider);
        if (problem.isPresent()) {
            redirect.addFlashAttribute("problem", "identity.check.failed");
            redirect.addFlashAttribute("checkDetail", problem.get());
        } else {
            redirect.addFlashAttribute("notice", "identity.check.ok");
        }
        return "redirect:/operator/sign-in/" + id;
    }

    @PostMapping("/policy")
    String policy(
            @RequestParam(required = false) String organisation,
            @RequestParam(defaultValue = "true") boolean formLogin,
            @AuthenticationPrincipal ActorDetails operator,
            RedirectAttributes redirect) {
        Optional<OrganisationId> target = parse(organisation)
                .map(OrganisationId::new)
                .filter(o -> organisations.find(o).isPresent());
        if (target.isEmpty()) {
            redirect.addFlashAttribute("problem", "identity.organisation.required");
        } else {
            settings.setFormLogin(target.get(), formLogin, operator.actorId(), operator.actorName());
            redirect.addFlashAttribute("notice", "identity.policy.saved");
        }
        return "redirect:/operator/sign-in";
    }

    private void check(ProviderForm form, BindingResult errors) {
        if (!settings.canSealSecrets()) {
            errors.reject("identity.noKey");
        }
        if (!errors.hasFieldErrors("issuer") && !validIssuer(form.issuer())) {
            errors.rejectValue("issuer", "identity.issuer.invalid");
        }
        if (!errors.hasFieldErrors("groupRoles")
                && SignInProvider.parseMapping(form.groupRoles()).isEmpty()) {
            errors.rejectValue("groupRoles", "identity.groupRoles.invalid");
        }
    }

    /** An issuer is an https URL; plain http only on this machine (a test or development provider). */
    static boolean validIssuer(String issuer) {
        try {
            URI uri = URI.create(issuer.strip());
            if (uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                return false;
            }
            boolean local = uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1");
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String form(Model model, ProviderForm form, SignInProvider provider) {
        model.addAttribute("form", form);
        model.addAttribute("provider", provider);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("canSeal", settings.canSealSecrets());
        return FORM;
    }

    private static Optional<UUID> parse(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A provider as listed to the operator. */
    record Row(
            UUID id,
            String organisation,
            String name,
            String issuer,
            boolean enabled,
            boolean managesRoles,
            Role newUserRole) {}

    /** Whether an organisation's people may sign in with a password. */
    record Policy(UUID organisation, String name, boolean formLogin) {}
}
