package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.People;
import fi.hyte.organisation.domain.Person;
import fi.hyte.organisation.domain.Sector;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People who take part in the work; the list filters in place with htmx. */
@Controller
@RequestMapping("/people")
class PersonController {

    private final People people;
    private final Sectors sectors;
    private final OrganisationStructure structure;
    private final AuditLog audit;
    private final UserAccounts accounts;

    PersonController(
            People people, Sectors sectors, OrganisationStructure structure, AuditLog audit, UserAccounts accounts) {
        this.accounts = accounts;
        this.people = people;
        this.sectors = sectors;
        this.structure = structure;
        this.audit = audit;
    }

    /** One URL, two renderings: the whole page, or only the table rows for htmx. */
    @GetMapping
    String list(
            Tenant tenant,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String sector,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        UUID sectorId = parseOrNull(sector);
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        model.addAttribute("people", people.search(tenant.organisation(), query, sectorId));
        model.addAttribute("q", query);
        model.addAttribute("sector", sectorId);
        model.addAttribute("sectors", sectorsById(tenant));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return htmx != null ? "organisation/people :: rows" : "organisation/people";
    }

    @GetMapping("/new")
    String newPerson(Tenant tenant, Model model) {
        tenant.require(Role.COORDINATOR);
        return formPage(tenant, model, null, PersonForm.empty());
    }

    @PostMapping("/new")
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        checkSector(tenant, form, errors, null);
        if (errors.hasErrors()) {
            return formPage(tenant, model, null, form);
        }
        structure.savePerson(tenant, form.toPerson(null));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/people";
    }

    @GetMapping("/{id}")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.COORDINATOR);
        Person person = find(tenant, id);
        return formPage(tenant, model, person, PersonForm.of(person));
    }

    @PostMapping("/{id}")
    String update(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Person person = find(tenant, id);
        checkSector(tenant, form, errors, id);
        if (errors.hasErrors()) {
            return formPage(tenant, model, person, form);
        }
        try {
            structure.savePerson(tenant, form.toPerson(id));
        } catch (ConcurrentChangeException e) {
            Person now = find(tenant, id);
            Conflicts.show(model, audit, tenant, "person", id, now);
            return formPage(tenant, model, now, form.withVersion(now.version()));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/people";
    }

    @PostMapping("/{id}/delete")
    String delete(Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            structure.deletePerson(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
        }
        return "redirect:/people";
    }

    private void checkSector(Tenant tenant, PersonForm form, BindingResult errors, UUID id) {
        if (form.userId() != null
                && accounts.members(tenant.organisation()).stream()
                        .noneMatch(m -> m.id().value().equals(form.userId()))) {
            errors.rejectValue("userId", "person.account.unknown");
        }
        if (form.userId() != null
                && people.of(tenant.organisation()).stream()
                        .anyMatch(p -> form.userId().equals(p.userId()) && !p.id().equals(id))) {
            errors.rejectValue("userId", "person.account.taken");
        }
        if (form.sectorId() != null
                && sectors.find(tenant.organisation(), form.sectorId()).isEmpty()) {
            errors.rejectValue("sectorId", "person.sector.unknown");
        }
    }

    private Person find(Tenant tenant, UUID id) {
        return people.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("person"));
    }

    private Map<UUID, Sector> sectorsById(Tenant tenant) {
        return sectors.of(tenant.organisation()).stream()
                .collect(Collectors.toMap(Sector::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private String formPage(Tenant tenant, Model model, Person person, PersonForm form) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("sectors", sectors.of(tenant.organisation()));
        model.addAttribute("affiliations", Affiliation.values());
        model.addAttribute("accounts", accounts.members(tenant.organisation()));
        return "organisation/person";
    }

    private static UUID parseOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
