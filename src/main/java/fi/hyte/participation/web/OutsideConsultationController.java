package fi.hyte.participation.web;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.PublicSites;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A consultation run outside Hyte (otakantaa.fi, a kuntalaisaloite.fi initiative or another
 * service), recorded by a coordinator so that what was said there reaches "you said, we did".
 */
@Controller
class OutsideConsultationController {

    private final Consultations consultations;
    private final ConsultationSetup setup;
    private final PublicSites sites;
    private final PlanCatalog plans;
    private final ZoneId zone;

    OutsideConsultationController(
            Consultations consultations,
            ConsultationSetup setup,
            PublicSites sites,
            PlanCatalog plans,
            @Value("${hyte.time-zone}") String zone) {
        this.consultations = consultations;
        this.setup = setup;
        this.sites = sites;
        this.plans = plans;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/participation/consultations/outside")
    String start(Tenant tenant, Model model) {
        tenant.require(Role.COORDINATOR);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", OutsideForm.empty());
        }
        return page(tenant, null, model);
    }

    @PostMapping("/participation/consultations/outside")
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") OutsideForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        UUID plan = plans.planFor(tenant.organisation(), LocalDate.now(zone).getYear())
                .map(PlanCatalog.PlanInfo::id)
                .orElse(null);
        Consultation c = checked(tenant, form, errors, null, plan);
        if (errors.hasErrors()) {
            return page(tenant, null, model);
        }
        UUID id = setup.recordOutside(tenant, c, outside(form));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/participation/consultations/" + id + "/outside";
    }

    @GetMapping("/participation/consultations/{id}/outside")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        Consultation c = own(tenant, id);
        Consultation.Outside o = outsideOf(tenant, id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", OutsideForm.of(c, o, zone));
        }
        model.addAttribute("outside", o);
        return page(tenant, c, model);
    }

    @PostMapping("/participation/consultations/{id}/outside")
    String save(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") OutsideForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Consultation before = own(tenant, id);
        outsideOf(tenant, id);
        Consultation c = checked(tenant, form, errors, before, before.planId());
        if (errors.hasErrors()) {
            return edit(tenant, id, model);
        }
        try {
            setup.recordOutside(tenant, c, outside(form));
        } catch (ConcurrentChangeException e) {
            model.addAttribute("conflictShown", true);
            return edit(tenant, id, model);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/participation/consultations/" + id + "/outside";
    }

    private String page(Tenant tenant, Consultation c, Model model) {
        model.addAttribute("consultation", c);
        model.addAttribute("services", Consultation.Outside.SERVICES);
        model.addAttribute("canPublish", tenant.can(Role.COORDINATOR));
        model.addAttribute("bilingual", sites.bilingual(tenant.organisation()));
        return "participation/outside";
    }

    /** The consultation the form describes, or null with the broken rules on the fields. */
    private Consultation checked(
            Tenant tenant, OutsideForm form, BindingResult errors, Consultation before, UUID plan) {
        if (!errors.hasFieldErrors("url") && !OutsideForm.webAddress(form.url())) {
            errors.rejectValue("url", "participation.outside.problem.url");
        }
        LocalDate opens = OutsideForm.day(form.opensOn());
        LocalDate closes = OutsideForm.day(form.closesOn());
        if (opens == null && !errors.hasFieldErrors("opensOn")) {
            errors.rejectValue("opensOn", "participation.outside.problem.date");
        }
        if (closes == null && !errors.hasFieldErrors("closesOn")) {
            errors.rejectValue("closesOn", "participation.outside.problem.date");
        }
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.rejectValue("closesOn", "participation.outside.problem.period");
        }
        if (sites.bilingual(tenant.organisation())) {
            if (OutsideForm.blank(form.titleSv()) == null) {
                errors.rejectValue("titleSv", "participation.consultation.problem.swedish");
            }
            if (OutsideForm.blank(form.summarySv()) == null) {
                errors.rejectValue("summarySv", "participation.outside.problem.swedish");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new Consultation(
                before == null ? null : before.id(),
                tenant.organisation(),
                plan,
                new LocalizedText(form.titleFi(), form.titleSv(), form.titleEn()),
                new LocalizedText(form.summaryFi(), form.summarySv(), form.summaryEn()),
                OutsideForm.start(opens, zone),
                OutsideForm.end(closes, zone),
                "POST",
                Boolean.TRUE.equals(form.published()),
                List.of(),
                form.version());
    }

    private static Consultation.Outside outside(OutsideForm form) {
        return new Consultation.Outside(form.service(), form.url().strip(), form.participantCount());
    }

    private Consultation own(Tenant tenant, UUID id) {
        return consultations.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Consultation"));
    }

    private Consultation.Outside outsideOf(Tenant tenant, UUID id) {
        return consultations
                .outside(tenant.organisation(), id)
                .orElseThrow(() -> new NotFoundException("Consultation"));
    }
}
