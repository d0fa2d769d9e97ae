package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.OrganisationSetup;
import fi.hyte.organisation.domain.OrganisationType;
import fi.hyte.organisation.domain.Organisations;
import fi.hyte.organisation.domain.Region;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.organisation.domain.Regions;
import fi.hyte.platform.ActorDetails;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserAccounts;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system operator's console: every organisation in this installation, and adding one. */
@Controller
@RequestMapping("/operator/organisations")
class OperatorController {

    private final Organisations organisations;
    private final Regions regions;
    private final OrganisationSetup setup;
    private final UserAccounts accounts;

    OperatorController(Organisations organisations, Regions regions, OrganisationSetup setup, UserAccounts accounts) {
        this.organisations = organisations;
        this.regions = regions;
        this.setup = setup;
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        return page(model, NewOrganisationForm.empty());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") NewOrganisationForm form,
            BindingResult errors,
            @AuthenticationPrincipal ActorDetails operator,
            Model model,
            RedirectAttributes redirect) {
        Optional<Region> region = RegionChoice.resolve(form.region(), regions, errors);
        if (!errors.hasFieldErrors("adminUsername")
                && accounts.exists(form.adminUsername().strip())) {
            errors.rejectValue("adminUsername", "users.username.taken");
        }
        if (errors.hasErrors()) {
            return page(model, form);
        }
        String temporary = accounts.temporaryPassword();
        setup.createWithAdministrator(
                form.type(),
                LocalizedText.of(form.nameFi(), form.nameSv()),
                region.map(Region::kind).orElse(null),
                region.map(Region::code).orElse(null),
                form.adminUsername().strip(),
                form.adminName().strip(),
                form.adminEmail() == null || form.adminEmail().isBlank()
                        ? null
                        : form.adminEmail().strip(),
                temporary,
                operator.actorId(),
                operator.actorName());
        redirect.addFlashAttribute("notice", "operator.created");
        redirect.addFlashAttribute("temporaryPassword", temporary);
        redirect.addFlashAttribute("temporaryFor", form.adminUsername().strip());
        return "redirect:/operator/organisations";
    }

    /** Links an existing account to one more organisation with a role. */
    @PostMapping("/memberships")
    String link(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String role,
            @AuthenticationPrincipal ActorDetails operator,
            RedirectAttributes redirect) {
        Optional<OrganisationId> target = parseOrganisation(organisation)
                .filter(id -> organisations.find(id).isPresent());
        Optional<Role> chosen =
                Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst();
        if (username.isBlank() || username.length() > 60 || target.isEmpty() || chosen.isEmpty()) {
            redirect.addFlashAttribute("problem", "operator.link.invalid");
        } else if (!accounts.link(username, target.get(), chosen.get(), operator.actorId(), operator.actorName())) {
            redirect.addFlashAttribute("problem", "operator.link.unknownUser");
        } else {
            redirect.addFlashAttribute("notice", "operator.link.done");
        }
        return "redirect:/operator/organisations";
    }

    private static Optional<OrganisationId> parseOrganisation(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(OrganisationId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String page(Model model, NewOrganisationForm form) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("form", form);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("municipalities", regions.all(RegionKind.MUNICIPALITY));
        model.addAttribute("counties", regions.all(RegionKind.WELLBEING_COUNTY));
        model.addAttribute("regions", regions.all(RegionKind.REGION));
        return "organisation/operator";
    }
}
