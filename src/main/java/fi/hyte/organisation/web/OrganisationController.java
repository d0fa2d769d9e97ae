package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Bodies;
import fi.hyte.organisation.domain.Organisation;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.OrganisationType;
import fi.hyte.organisation.domain.Organisations;
import fi.hyte.organisation.domain.People;
import fi.hyte.organisation.domain.Region;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.organisation.domain.Regions;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's own details and its official region. */
@Controller
@RequestMapping("/organisation")
class OrganisationController {

    private static final String VIEW = "organisation/profile";

    private final Organisations organisations;
    private final Regions regions;
    private final OrganisationStructure structure;
    private final AuditLog audit;
    private final Sectors sectors;
    private final People people;
    private final Bodies bodies;

    OrganisationController(
            Organisations organisations,
            Regions regions,
            OrganisationStructure structure,
            AuditLog audit,
            Sectors sectors,
            People people,
            Bodies bodies) {
        this.sectors = sectors;
        this.people = people;
        this.bodies = bodies;
        this.organisations = organisations;
        this.regions = regions;
        this.structure = structure;
        this.audit = audit;
    }

    @GetMapping
    String show(Tenant tenant, Model model) {
        Organisation organisation = current(tenant);
        return page(tenant, model, OrganisationForm.of(organisation), organisation);
    }

    @PostMapping("/data-settings")
    String saveDataSettings(
            Tenant tenant,
            @Valid @ModelAttribute("settings") DataSettingsForm settings,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Organisation organisation = current(tenant);
        if (errors.hasErrors()) {
            model.addAttribute("settings", settings);
            return page(tenant, model, OrganisationForm.of(organisation), organisation);
        }
        try {
            structure.updateStaleAfterYears(tenant, settings.staleAfterYears(), settings.version());
        } catch (ConcurrentChangeException e) {
            Organisation now = current(tenant);
            Conflicts.show(model, audit, tenant, "organisation", tenant.organisation(), now);
            model.addAttribute(
                    "settings",
                    new DataSettingsForm(
                            organisations.staleAfterYears(tenant.organisation()).orElse(3), now.version()));
            return page(tenant, model, OrganisationForm.of(now), now);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/organisation";
    }

    @PostMapping
    String save(
            Tenant tenant,
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.ADMIN);
        Organisation organisation = current(tenant);
        Optional<Region> region = RegionChoice.resolve(form.region(), regions, errors);
        // The type and the official region decide whose shared data the organisation sees (e.g. its
        // county's agreed maturity levels), so only a system operator changes them.
        if (!tenant.operator() && !errors.hasErrors()) {
            if (form.type() != organisation.type()) {
                errors.rejectValue("type", "organisation.operatorOnly");
            }
            if (!Objects.equals(region.map(Region::kind).orElse(null), organisation.regionKind())
                    || !Objects.equals(region.map(Region::code).orElse(null), organisation.regionCode())) {
                errors.rejectValue("region", "organisation.operatorOnly");
            }
        }
        if (errors.hasErrors()) {
            return page(tenant, model, form, organisation);
        }
        try {
            structure.updateOrganisation(
                    tenant,
                    new Organisation(
                            tenant.organisation(),
                            form.type(),
                            LocalizedText.of(form.nameFi(), form.nameSv()),
                            region.map(Region::kind).orElse(null),
                            region.map(Region::code).orElse(null),
                            form.version()));
        } catch (ConcurrentChangeException e) {
            Organisation now = current(tenant);
            Conflicts.show(model, audit, tenant, "organisation", tenant.organisation(), now);
            return page(tenant, model, form.withVersion(now.version()), now);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/organisation";
    }

    private Organisation current(Tenant tenant) {
        return organisations.find(tenant.organisation()).orElseThrow(() -> new NotFoundException("organisation"));
    }

    private String page(Tenant tenant, Model model, OrganisationForm form, Organisation organisation) {
        model.addAttribute("form", form);
        model.addAttribute("organisation", organisation);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("municipalities", regions.all(RegionKind.MUNICIPALITY));
        model.addAttribute("counties", regions.all(RegionKind.WELLBEING_COUNTY));
        model.addAttribute("regions", regions.all(RegionKind.REGION));
        model.addAttribute(
                "officialRegion",
                organisation.regionKind() == null
                        ? null
                        : regions.find(organisation.regionKind(), organisation.regionCode())
                                .orElse(null));
        model.addAttribute("canEdit", tenant.can(Role.ADMIN));
        model.addAttribute("canSettle", tenant.can(Role.COORDINATOR));
        model.addAttribute("operator", tenant.operator());
        if (!model.containsAttribute("settings")) {
            model.addAttribute(
                    "settings",
                    new DataSettingsForm(
                            organisations.staleAfterYears(tenant.organisation()).orElse(3), organisation.version()));
        }
        var org = tenant.organisation();
        model.addAttribute("sectorCount", sectors.of(org).size());
        model.addAttribute("peopleCount", people.of(org).size());
        model.addAttribute("bodyCount", bodies.of(org).size());
        model.addAttribute(
                "group",
                bodies.firstOfType(org, fi.hyte.organisation.domain.BodyType.WELLBEING_GROUP)
                        .orElse(null));
        return VIEW;
    }
}
