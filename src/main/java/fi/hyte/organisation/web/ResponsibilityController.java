package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Bodies;
import fi.hyte.organisation.domain.Body;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.People;
import fi.hyte.organisation.domain.Person;
import fi.hyte.organisation.domain.Responsibilities;
import fi.hyte.organisation.domain.Responsibility;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Named responsibilities: who answers for what in the wellbeing work. */
@Controller
@RequestMapping("/responsibilities")
class ResponsibilityController {

    private final Responsibilities responsibilities;
    private final People people;
    private final Bodies bodies;
    private final OrganisationStructure structure;
    private final AuditLog audit;

    ResponsibilityController(
            Responsibilities responsibilities,
            People people,
            Bodies bodies,
            OrganisationStructure structure,
            AuditLog audit) {
        this.responsibilities = responsibilities;
        this.people = people;
        this.bodies = bodies;
        this.structure = structure;
        this.audit = audit;
    }

    @GetMapping
    String list(Tenant tenant, Model model) {
        model.addAttribute("responsibilities", responsibilities.of(tenant.organisation()));
        addChoices(tenant, model);
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "organisation/responsibilities";
    }

    @GetMapping("/new")
    String newResponsibility(Tenant tenant, @RequestParam(required = false) ResponsibilityKind kind, Model model) {
        tenant.require(Role.COORDINATOR);
        return formPage(tenant, model, null, ResponsibilityForm.of(kind == null ? ResponsibilityKind.OTHER : kind));
    }

    @PostMapping("/new")
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") ResponsibilityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        checkHolders(tenant, form, errors);
        if (errors.hasErrors()) {
            return formPage(tenant, model, null, form);
        }
        structure.saveResponsibility(tenant, form.toResponsibility(null));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/responsibilities";
    }

    @GetMapping("/{id}")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.COORDINATOR);
        Responsibility r = find(tenant, id);
        return formPage(tenant, model, r, ResponsibilityForm.of(r));
    }

    @PostMapping("/{id}")
    String update(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ResponsibilityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Responsibility r = find(tenant, id);
        checkHolders(tenant, form, errors);
        if (errors.hasErrors()) {
            return formPage(tenant, model, r, form);
        }
        try {
            structure.saveResponsibility(tenant, form.toResponsibility(id));
        } catch (ConcurrentChangeException e) {
            Responsibility now = find(tenant, id);
            Conflicts.show(model, audit, tenant, "responsibility", id, now);
            return formPage(tenant, model, now, form.withVersion(now.version()));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/responsibilities";
    }

    @PostMapping("/{id}/delete")
    String delete(Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            structure.deleteResponsibility(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
        }
        return "redirect:/responsibilities";
    }

    private void checkHolders(Tenant tenant, ResponsibilityForm form, BindingResult errors) {
        if (!form.hasHolder()) {
            errors.rejectValue("personId", "responsibility.holderRequired");
        }
        if (form.personId() != null
                && people.find(tenant.organisation(), form.personId()).isEmpty()) {
            errors.rejectValue("personId", "person.unknown");
        }
        if (form.bodyId() != null
                && bodies.find(tenant.organisation(), form.bodyId()).isEmpty()) {
            errors.rejectValue("bodyId", "body.unknown");
        }
    }

    private Responsibility find(Tenant tenant, UUID id) {
        return responsibilities
                .find(tenant.organisation(), id)
                .orElseThrow(() -> new NotFoundException("responsibility"));
    }

    private void addChoices(Tenant tenant, Model model) {
        model.addAttribute(
                "persons",
                people.of(tenant.organisation()).stream().collect(Collectors.toMap(Person::id, Function.identity())));
        model.addAttribute(
                "bodiesById",
                bodies.of(tenant.organisation()).stream().collect(Collectors.toMap(Body::id, Function.identity())));
    }

    private String formPage(Tenant tenant, Model model, Responsibility r, ResponsibilityForm form) {
        model.addAttribute("responsibility", r);
        model.addAttribute("form", form);
        model.addAttribute("kinds", ResponsibilityKind.values());
        model.addAttribute("people", people.of(tenant.organisation()));
        model.addAttribute("bodies", bodies.of(tenant.organisation()));
        return "organisation/responsibility";
    }
}
