package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Bodies;
import fi.hyte.organisation.domain.Body;
import fi.hyte.organisation.domain.BodyMember;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.People;
import fi.hyte.organisation.domain.Person;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Councils, boards, committees, groups and influence councils, with their members. */
@Controller
class BodyController {

    private final Bodies bodies;
    private final People people;
    private final Sectors sectors;
    private final OrganisationStructure structure;
    private final AuditLog audit;

    BodyController(Bodies bodies, People people, Sectors sectors, OrganisationStructure structure, AuditLog audit) {
        this.bodies = bodies;
        this.people = people;
        this.sectors = sectors;
        this.structure = structure;
        this.audit = audit;
    }

    @GetMapping("/bodies")
    String list(Tenant tenant, Model model) {
        List<Body> all = bodies.of(tenant.organisation());
        Map<UUID, Long> counts = bodies.members(tenant.organisation()).stream()
                .collect(Collectors.groupingBy(BodyMember::bodyId, Collectors.counting()));
        model.addAttribute("bodies", all);
        model.addAttribute("counts", counts);
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "organisation/bodies";
    }

    /** The wellbeing group is a body like the others; this is its short address. */
    @GetMapping("/wellbeing-group")
    String wellbeingGroup(Tenant tenant) {
        return bodies.firstOfType(tenant.organisation(), BodyType.WELLBEING_GROUP)
                .map(group -> "redirect:/bodies/" + group.id())
                .orElse(
                        tenant.can(Role.COORDINATOR)
                                ? "redirect:/bodies/new?type=WELLBEING_GROUP"
                                : "redirect:/bodies");
    }

    @GetMapping("/bodies/new")
    String newBody(Tenant tenant, @RequestParam(required = false) BodyType type, Model model) {
        tenant.require(Role.COORDINATOR);
        return formPage(model, null, BodyForm.of(type == null ? BodyType.COMMITTEE : type));
    }

    @PostMapping("/bodies/new")
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") BodyForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (errors.hasErrors()) {
            return formPage(model, null, form);
        }
        UUID id = structure.saveBody(tenant, form.toBody(null));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/bodies/" + id;
    }

    @GetMapping("/bodies/{id}")
    String show(Tenant tenant, @PathVariable UUID id, Model model) {
        Body body = find(tenant, id);
        return showPage(tenant, model, body, BodyForm.of(body), MemberForm.empty());
    }

    @PostMapping("/bodies/{id}")
    String update(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") BodyForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Body body = find(tenant, id);
        if (errors.hasErrors()) {
            return showPage(tenant, model, body, form, MemberForm.empty());
        }
        try {
            structure.saveBody(tenant, form.toBody(id));
        } catch (ConcurrentChangeException e) {
            Body now = find(tenant, id);
            Conflicts.show(model, audit, tenant, "body", id, now);
            return showPage(tenant, model, now, form.withVersion(now.version()), MemberForm.empty());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/bodies/" + id;
    }

    @PostMapping("/bodies/{id}/delete")
    String delete(Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            structure.deleteBody(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
            return "redirect:/bodies/" + id;
        }
        return "redirect:/bodies";
    }

    /** Adds a member; with htmx only the member list is re-rendered. */
    @PostMapping("/bodies/{id}/members")
    String addMember(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("memberForm") MemberForm form,
            BindingResult errors,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Body body = find(tenant, id);
        if (!errors.hasErrors()
                && people.find(tenant.organisation(), form.personId()).isEmpty()) {
            errors.rejectValue("personId", "person.unknown");
        }
        if (!errors.hasErrors()
                && structure.addMember(tenant, id, form.personId(), form.role()).isEmpty()) {
            errors.rejectValue("personId", "body.member.already");
        }
        if (errors.hasErrors() || htmx != null) {
            String page =
                    showPage(tenant, model, body, BodyForm.of(body), errors.hasErrors() ? form : MemberForm.empty());
            if (!errors.hasErrors()) {
                model.addAttribute("memberNotice", "body.member.added");
            }
            return htmx != null ? "organisation/body :: members" : page;
        }
        redirect.addFlashAttribute("notice", "body.member.added");
        return "redirect:/bodies/" + id;
    }

    @PostMapping("/bodies/{id}/members/{member}/role")
    String changeRole(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID member,
            @RequestParam MemberRole role,
            @RequestParam int version,
            RedirectAttributes redirect) {
        find(tenant, id);
        bodies.member(tenant.organisation(), member)
                .filter(m -> m.bodyId().equals(id))
                .orElseThrow(() -> new NotFoundException("bodyMember"));
        try {
            structure.changeMemberRole(tenant, member, role, version);
            redirect.addFlashAttribute("notice", "saved");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
        }
        return "redirect:/bodies/" + id;
    }

    @PostMapping("/bodies/{id}/members/{member}/remove")
    String removeMember(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID member,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        Body body = find(tenant, id);
        BodyMember seat = bodies.member(tenant.organisation(), member)
                .filter(m -> m.bodyId().equals(id))
                .orElseThrow(() -> new NotFoundException("bodyMember"));
        structure.removeMember(tenant, seat.id());
        if (htmx != null) {
            showPage(tenant, model, body, BodyForm.of(body), MemberForm.empty());
            model.addAttribute("memberNotice", "body.member.removed");
            return "organisation/body :: members";
        }
        redirect.addFlashAttribute("notice", "body.member.removed");
        return "redirect:/bodies/" + id;
    }

    private Body find(Tenant tenant, UUID id) {
        return bodies.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("body"));
    }

    private String formPage(Model model, Body body, BodyForm form) {
        model.addAttribute("body", body);
        model.addAttribute("form", form);
        model.addAttribute("types", BodyType.values());
        return "organisation/body-form";
    }

    private String showPage(Tenant tenant, Model model, Body body, BodyForm form, MemberForm memberForm) {
        if (body.type() == BodyType.WELLBEING_GROUP) {
            // The group's page lights its own menu item, not the bodies'.
            model.addAttribute("navPath", "/wellbeing-group");
        }
        List<Person> everyone = people.of(tenant.organisation());
        Map<UUID, Person> byId = everyone.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        List<BodyMember> members = bodies.membersOf(tenant.organisation(), body.id());
        Set<UUID> seated = members.stream().map(BodyMember::personId).collect(Collectors.toSet());
        model.addAttribute("body", body);
        model.addAttribute("form", form);
        model.addAttribute("memberForm", memberForm);
        model.addAttribute("members", members);
        model.addAttribute("persons", byId);
        model.addAttribute(
                "candidates",
                everyone.stream().filter(p -> !seated.contains(p.id())).toList());
        model.addAttribute(
                "sectors",
                sectors.of(tenant.organisation()).stream().collect(Collectors.toMap(s -> s.id(), Function.identity())));
        model.addAttribute("types", BodyType.values());
        model.addAttribute("roles", MemberRole.values());
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "organisation/body";
    }
}
