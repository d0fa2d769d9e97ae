package fi.hyte.plan.web;

import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
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

/**
 * One measure: its page (or the part the tree opens in place), its form, evaluations and history.
 * Editors work on their own sector's measures; coordinators on all.
 */
@Controller
@RequestMapping("/plan")
class MeasureController {

    private final PlanReading reading;
    private final PlanEditing editing;
    private final PlanPages pages;

    MeasureController(PlanReading reading, PlanEditing editing, PlanPages pages) {
        this.reading = reading;
        this.editing = editing;
        this.pages = pages;
    }

    @GetMapping("/measures/{id}")
    String measure(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        Measure measure = find(tenant, id);
        PlanSnapshot snapshot = pages.prepare(tenant, measure.planId(), model);
        model.addAttribute("measure", measure);
        model.addAttribute("goal", snapshot.goal(measure.goalId()).orElseThrow());
        model.addAttribute("evaluations", snapshot.evaluationsOf(id));
        model.addAttribute("origin", reading.origin(tenant.organisation(), id).orElse(null));
        model.addAttribute("mayEdit", editing.mayEdit(tenant, measure));
        return htmx != null ? "plan/measure :: detail" : "plan/measure";
    }

    @GetMapping("/goals/{goal}/measures/new")
    String newMeasure(Tenant tenant, @PathVariable UUID goal, Model model) {
        tenant.require(Role.EDITOR);
        Goal found = goal(tenant, goal);
        pages.prepare(tenant, found.planId(), model);
        UUID sector =
                tenant.can(Role.COORDINATOR) ? null : editing.ownSector(tenant).orElse(null);
        if (!tenant.can(Role.COORDINATOR) && sector == null) {
            throw new AccessDeniedException("Editor without a sector");
        }
        return form(tenant, model, null, MeasureForm.under(goal, sector));
    }

    @PostMapping("/goals/{goal}/measures/new")
    String create(
            Tenant tenant,
            @PathVariable UUID goal,
            @Valid @ModelAttribute("form") MeasureForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.EDITOR);
        Goal found = goal(tenant, goal);
        PlanSnapshot snapshot = pages.prepare(tenant, found.planId(), model);
        Amounts amounts = check(tenant, snapshot, form, errors, model);
        if (errors.hasErrors()) {
            return form(tenant, model, null, form);
        }
        UUID id = editing.saveMeasure(tenant, form.toMeasure(null, amounts.work, amounts.euros, amounts.grants));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/measures/" + id;
    }

    @GetMapping("/measures/{id}/edit")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.EDITOR);
        Measure measure = find(tenant, id);
        requireEditable(tenant, measure);
        pages.prepare(tenant, measure.planId(), model);
        return form(tenant, model, measure, MeasureForm.of(measure));
    }

    @PostMapping("/measures/{id}/edit")
    String update(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") MeasureForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.EDITOR);
        Measure measure = find(tenant, id);
        requireEditable(tenant, measure);
        PlanSnapshot snapshot = pages.prepare(tenant, measure.planId(), model);
        Amounts amounts = check(tenant, snapshot, form, errors, model);
        if (errors.hasErrors()) {
            return form(tenant, model, measure, form);
        }
        try {
            editing.saveMeasure(tenant, form.toMeasure(id, amounts.work, amounts.euros, amounts.grants));
        } catch (ConcurrentChangeException e) {
            Measure now = find(tenant, id);
            pages.conflict(tenant, model, id, now);
            return form(tenant, model, now, form.withVersion(now.version()));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/measures/" + id;
    }

    @PostMapping("/measures/{id}/delete")
    String delete(Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Measure measure = find(tenant, id);
        try {
            editing.deleteMeasure(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
            return "redirect:/plan/goals/" + measure.goalId();
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
            return "redirect:/plan/measures/" + id;
        }
    }

    @GetMapping("/measures/{id}/evaluations/{year}")
    String evaluation(Tenant tenant, @PathVariable UUID id, @PathVariable int year, Model model) {
        tenant.require(Role.EDITOR);
        Measure measure = find(tenant, id);
        requireEditable(tenant, measure);
        PlanSnapshot snapshot = pages.prepare(tenant, measure.planId(), model);
        PlanPages.checkYear(snapshot, year);
        return evaluationForm(
                model,
                measure,
                year,
                snapshot.evaluation(id, year).map(EvaluationForm::of).orElse(EvaluationForm.empty()));
    }

    @PostMapping("/measures/{id}/evaluations/{year}")
    String saveEvaluation(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable int year,
            @Valid @ModelAttribute("form") EvaluationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.EDITOR);
        Measure measure = find(tenant, id);
        requireEditable(tenant, measure);
        PlanSnapshot snapshot = pages.prepare(tenant, measure.planId(), model);
        PlanPages.checkYear(snapshot, year);
        if (errors.hasErrors()) {
            return evaluationForm(model, measure, year, form);
        }
        Optional<EvaluationForm> refused = pages.saveEvaluation(
                tenant, model, measure.planId(), id, year, form, form.toEvaluation(null, id, year));
        if (refused.isPresent()) {
            return evaluationForm(model, measure, year, refused.get());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/measures/" + id;
    }

    @GetMapping("/measures/{id}/history")
    String history(Tenant tenant, @PathVariable UUID id, Model model) {
        Measure measure = find(tenant, id);
        pages.prepare(tenant, measure.planId(), model);
        model.addAttribute("subjectMeasure", measure);
        return pages.history(tenant, id, model);
    }

    private record Amounts(BigDecimal work, BigDecimal euros, BigDecimal grants) {}

    private Amounts check(Tenant tenant, PlanSnapshot snapshot, MeasureForm form, BindingResult errors, Model model) {
        if (form.goalId() != null && snapshot.goal(form.goalId()).isEmpty()) {
            errors.rejectValue("goalId", "plan.validation.choice");
        }
        // A typed date that is no date (31.2.2025) is an error to show, not an empty date to save.
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                        org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
                .getRequest();
        Map<String, java.time.LocalDate> dates = new java.util.HashMap<>();
        dates.put("startsOn", form.startsOn());
        dates.put("endsOn", form.endsOn());
        dates.forEach((field, parsed) -> {
            String typed = request.getParameter(field);
            if (typed != null && !typed.isBlank() && parsed == null) {
                errors.rejectValue(field, "form.dateInvalid");
            }
        });
        @SuppressWarnings("unchecked")
        Map<UUID, ?> sectors = (Map<UUID, ?>) model.getAttribute("sectorsById");
        @SuppressWarnings("unchecked")
        Map<UUID, ?> people = (Map<UUID, ?>) model.getAttribute("peopleById");
        if (form.sectorId() != null && !sectors.containsKey(form.sectorId())) {
            errors.rejectValue("sectorId", "plan.validation.choice");
        } else if (!editing.mayEditSector(tenant, form.sectorId())) {
            errors.rejectValue("sectorId", "plan.validation.ownSector");
        }
        if (!sectors.keySet().containsAll(form.partnerSectorIds())) {
            errors.rejectValue("partnerSectorIds", "plan.validation.choice");
        }
        if (form.ownerPersonId() != null && !people.containsKey(form.ownerPersonId())) {
            errors.rejectValue("ownerPersonId", "plan.validation.choice");
        }
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            errors.rejectValue("endsOn", "plan.validation.endsBeforeStart");
        }
        BigDecimal work = nonNegative(Forms.decimal(form.workYears(), "workYears", errors), "workYears", errors);
        BigDecimal euros = nonNegative(Forms.decimal(form.euros(), "euros", errors), "euros", errors);
        BigDecimal grants = nonNegative(Forms.decimal(form.grantEuros(), "grantEuros", errors), "grantEuros", errors);
        return new Amounts(work, euros, grants);
    }

    private static BigDecimal nonNegative(BigDecimal value, String field, BindingResult errors) {
        if (value != null && (value.signum() < 0 || value.compareTo(new BigDecimal("999999999999")) > 0)) {
            errors.rejectValue(field, "plan.validation.amount");
            return null;
        }
        return value;
    }

    private void requireEditable(Tenant tenant, Measure measure) {
        if (!editing.mayEdit(tenant, measure)) {
            throw new AccessDeniedException("Measure of another sector");
        }
    }

    private Measure find(Tenant tenant, UUID id) {
        return reading.measure(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("measure"));
    }

    private Goal goal(Tenant tenant, UUID id) {
        return reading.goal(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("goal"));
    }

    private String form(Tenant tenant, Model model, Measure measure, MeasureForm form) {
        model.addAttribute("measure", measure);
        model.addAttribute("form", form);
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("editableSectors", tenant.can(Role.COORDINATOR));
        if (model.getAttribute("snapshot") instanceof fi.hyte.plan.domain.PlanSnapshot snapshot) {
            // Goals in their number order (T-1, T-2, …), as the plan lists them.
            model.addAttribute(
                    "goalsInOrder",
                    snapshot.goals().stream()
                            .sorted(java.util.Comparator.comparingInt(fi.hyte.plan.domain.Goal::ref))
                            .toList());
        }
        return "plan/measure-form";
    }

    private String evaluationForm(Model model, Measure measure, int year, EvaluationForm form) {
        model.addAttribute("subjectMeasure", measure);
        model.addAttribute("year", year);
        model.addAttribute("form", form);
        model.addAttribute("realisations", Realisation.values());
        return "plan/evaluation-form";
    }
}
