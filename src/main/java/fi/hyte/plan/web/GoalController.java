package fi.hyte.plan.web;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.plan.GoalDecisions;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.plan.domain.TargetRules;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
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

/** One goal: its page (or the part the tree opens in place), its form, targets, evaluations and history. */
@Controller
@RequestMapping("/plan")
class GoalController {

    private final PlanReading reading;
    private final PlanEditing editing;
    private final PlanPages pages;
    private final IndicatorCatalog indicators;
    private final TargetRules targetRules;
    private final GoalDecisions decisions;

    GoalController(
            PlanReading reading,
            PlanEditing editing,
            PlanPages pages,
            IndicatorCatalog indicators,
            TargetRules targetRules,
            ObjectProvider<GoalDecisions> decisions) {
        this.decisions = decisions.getIfUnique(() -> GoalDecisions.NONE);
        this.targetRules = targetRules;
        this.reading = reading;
        this.editing = editing;
        this.pages = pages;
        this.indicators = indicators;
    }

    @GetMapping("/goals/{id}")
    String goal(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        Goal goal = find(tenant, id);
        PlanSnapshot snapshot = pages.prepare(tenant, goal.planId(), model);
        model.addAttribute("goal", goal);
        model.addAttribute("line", snapshot.line(goal.lineId()).orElseThrow());
        model.addAttribute(
                "progress",
                reading.progress(tenant.organisation(), snapshot, pages.today()).of(id));
        model.addAttribute("indicatorsById", reading.indicatorsOf(tenant.organisation(), snapshot));
        model.addAttribute("measures", snapshot.measuresOf(id));
        model.addAttribute("evaluations", snapshot.evaluationsOf(id));
        model.addAttribute(
                "earlier", reading.earlierGoal(tenant.organisation(), id).orElse(null));
        model.addAttribute("decisions", decisions.touching(tenant.organisation(), id));
        model.addAttribute("decisionsPath", decisions.listPath(id));
        return htmx != null ? "plan/goal :: detail" : "plan/goal";
    }

    @GetMapping("/lines/{line}/goals/new")
    String newGoal(Tenant tenant, @PathVariable UUID line, Model model) {
        tenant.require(Role.COORDINATOR);
        PolicyLine found = reading.line(tenant.organisation(), line).orElseThrow(() -> new NotFoundException("line"));
        pages.prepare(tenant, found.planId(), model);
        return form(model, null, GoalForm.under(line));
    }

    @PostMapping("/lines/{line}/goals/new")
    String create(
            Tenant tenant,
            @PathVariable UUID line,
            @Valid @ModelAttribute("form") GoalForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        PolicyLine found = reading.line(tenant.organisation(), line).orElseThrow(() -> new NotFoundException("line"));
        PlanSnapshot snapshot = pages.prepare(tenant, found.planId(), model);
        checkChoices(snapshot, form, errors, model);
        if (errors.hasErrors()) {
            return form(model, null, form);
        }
        UUID id = editing.saveGoal(tenant, form.toGoal(null));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/goals/" + id;
    }

    @GetMapping("/goals/{id}/edit")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        pages.prepare(tenant, goal.planId(), model);
        return form(model, goal, GoalForm.of(goal));
    }

    @PostMapping("/goals/{id}/edit")
    String update(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") GoalForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        PlanSnapshot snapshot = pages.prepare(tenant, goal.planId(), model);
        checkChoices(snapshot, form, errors, model);
        if (errors.hasErrors()) {
            return form(model, goal, form);
        }
        try {
            editing.saveGoal(tenant, form.toGoal(id));
        } catch (ConcurrentChangeException e) {
            Goal now = find(tenant, id);
            pages.conflict(tenant, model, id, now);
            return form(model, now, form.withVersion(now.version()));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/goals/" + id;
    }

    @PostMapping("/goals/{id}/delete")
    String delete(Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        try {
            editing.deleteGoal(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
            return "redirect:/plan/" + goal.planId();
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
            return "redirect:/plan/goals/" + id;
        }
    }

    /** The indicator picker: the knowledge base's indicators matching the words, as options. */
    @GetMapping("/indicator-search")
    String searchIndicators(Tenant tenant, @RequestParam(defaultValue = "") String q, Model model) {
        String words = q.length() > 100 ? q.substring(0, 100) : q;
        model.addAttribute("found", words.isBlank() ? List.of() : indicators.search(tenant.organisation(), words, 30));
        model.addAttribute("q", words);
        return "plan/target-form :: options";
    }

    @GetMapping("/goals/{id}/targets/new")
    String newTarget(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        pages.prepare(tenant, goal.planId(), model);
        return targetForm(
                tenant, model, goal, null, new TargetForm(null, "total", null, "", "", null, null, goal.version(), -1));
    }

    @GetMapping("/goals/{id}/targets/{target}")
    String editTarget(Tenant tenant, @PathVariable UUID id, @PathVariable UUID target, Model model) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        PlanSnapshot snapshot = pages.prepare(tenant, goal.planId(), model);
        GoalIndicator found = target(snapshot, id, target);
        return targetForm(tenant, model, goal, found, TargetForm.of(found, goal.version()));
    }

    @PostMapping({"/goals/{id}/targets/new", "/goals/{id}/targets/{target}"})
    String saveTarget(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable(required = false) UUID target,
            @Valid @ModelAttribute("form") TargetForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        PlanSnapshot snapshot = pages.prepare(tenant, goal.planId(), model);
        GoalIndicator existing = target == null ? null : target(snapshot, id, target);
        BigDecimal baseline = Forms.decimal(form.baselineValue(), "baselineValue", errors);
        BigDecimal targetValue = Forms.decimal(form.targetValue(), "targetValue", errors);
        TargetRules.Checked checked = targetRules.check(
                tenant.organisation(),
                snapshot,
                id,
                existing,
                new TargetRules.Draft(
                        form.indicatorId(),
                        form.gender(),
                        form.baselineYear(),
                        baseline,
                        targetValue,
                        form.targetYear(),
                        form.direction()),
                form.version());
        checked.problems().forEach((field, key) -> {
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, key);
            }
        });
        if (errors.hasErrors()) {
            return targetForm(tenant, model, goal, existing, form);
        }
        GoalIndicator saved = checked.target();
        try {
            editing.saveGoalIndicator(tenant, saved, form.goalVersion());
        } catch (ConcurrentChangeException e) {
            Goal now = find(tenant, id);
            pages.conflict(tenant, model, id, now);
            return targetForm(
                    tenant,
                    model,
                    now,
                    existing,
                    new TargetForm(
                            form.indicatorId(),
                            form.gender(),
                            form.baselineYear(),
                            form.baselineValue(),
                            form.targetValue(),
                            form.targetYear(),
                            form.direction(),
                            now.version(),
                            existing == null
                                    ? -1
                                    : reading.snapshot(tenant.organisation(), goal.planId()).indicatorsOf(id).stream()
                                            .filter(t -> t.id().equals(existing.id()))
                                            .findFirst()
                                            .map(GoalIndicator::version)
                                            .orElse(-1)));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/goals/" + id;
    }

    @PostMapping("/goals/{id}/targets/{target}/delete")
    String deleteTarget(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID target,
            @RequestParam int version,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        find(tenant, id);
        try {
            editing.removeGoalIndicator(tenant, id, target, version);
            redirect.addFlashAttribute("notice", "deleted");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
        }
        return "redirect:/plan/goals/" + id;
    }

    @GetMapping("/goals/{id}/evaluations/{year}")
    String evaluation(Tenant tenant, @PathVariable UUID id, @PathVariable int year, Model model) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        PlanSnapshot snapshot = pages.prepare(tenant, goal.planId(), model);
        PlanPages.checkYear(snapshot, year);
        return evaluationForm(
                tenant,
                model,
                snapshot,
                goal,
                year,
                snapshot.evaluation(id, year).map(EvaluationForm::of).orElse(EvaluationForm.empty()));
    }

    @PostMapping("/goals/{id}/evaluations/{year}")
    String saveEvaluation(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable int year,
            @Valid @ModelAttribute("form") EvaluationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Goal goal = find(tenant, id);
        PlanSnapshot snapshot = pages.prepare(tenant, goal.planId(), model);
        PlanPages.checkYear(snapshot, year);
        if (errors.hasErrors()) {
            return evaluationForm(tenant, model, snapshot, goal, year, form);
        }
        Optional<EvaluationForm> refused =
                pages.saveEvaluation(tenant, model, goal.planId(), id, year, form, form.toEvaluation(id, null, year));
        if (refused.isPresent()) {
            return evaluationForm(tenant, model, snapshot, goal, year, refused.get());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/goals/" + id;
    }

    @GetMapping("/goals/{id}/history")
    String history(Tenant tenant, @PathVariable UUID id, Model model) {
        Goal goal = find(tenant, id);
        pages.prepare(tenant, goal.planId(), model);
        model.addAttribute("subjectGoal", goal);
        return pages.history(tenant, id, model);
    }

    private void checkChoices(PlanSnapshot snapshot, GoalForm form, BindingResult errors, Model model) {
        if (form.lineId() != null && snapshot.line(form.lineId()).isEmpty()) {
            errors.rejectValue("lineId", "plan.validation.choice");
        }
        if (!snapshot.dimensions().stream().map(d -> d.id()).toList().containsAll(form.dimensionIds())) {
            errors.rejectValue("dimensionIds", "plan.validation.choice");
        }
        @SuppressWarnings("unchecked")
        var people = (java.util.Map<UUID, ?>) model.getAttribute("peopleById");
        @SuppressWarnings("unchecked")
        var bodies = (java.util.Map<UUID, ?>) model.getAttribute("bodiesById");
        if (form.ownerPersonId() != null && !people.containsKey(form.ownerPersonId())) {
            errors.rejectValue("ownerPersonId", "plan.validation.choice");
        }
        if (form.ownerBodyId() != null && !bodies.containsKey(form.ownerBodyId())) {
            errors.rejectValue("ownerBodyId", "plan.validation.choice");
        }
    }

    private Goal find(Tenant tenant, UUID id) {
        return reading.goal(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("goal"));
    }

    private static GoalIndicator target(PlanSnapshot snapshot, UUID goal, UUID target) {
        return snapshot.indicatorsOf(goal).stream()
                .filter(t -> t.id().equals(target))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("target"));
    }

    private String form(Model model, Goal goal, GoalForm form) {
        model.addAttribute("goal", goal);
        model.addAttribute("form", form);
        model.addAttribute("groups", TargetGroup.values());
        return "plan/goal-form";
    }

    private String targetForm(Tenant tenant, Model model, Goal goal, GoalIndicator target, TargetForm form) {
        model.addAttribute("goal", goal);
        model.addAttribute("target", target);
        model.addAttribute("form", form);
        model.addAttribute("directions", TargetDirection.values());
        Integer chosen = target != null ? Integer.valueOf(target.indicatorId()) : form.indicatorId();
        model.addAttribute(
                "chosenIndicator",
                chosen == null
                        ? null
                        : indicators.find(tenant.organisation(), chosen).orElse(null));
        return "plan/target-form";
    }

    private String evaluationForm(
            Tenant tenant, Model model, PlanSnapshot snapshot, Goal goal, int year, EvaluationForm form) {
        model.addAttribute("subjectGoal", goal);
        model.addAttribute("year", year);
        model.addAttribute("form", form);
        model.addAttribute("realisations", Realisation.values());
        model.addAttribute(
                "progress",
                reading.progress(tenant.organisation(), snapshot, pages.today()).of(goal.id()));
        model.addAttribute("indicatorsById", reading.indicatorsOf(tenant.organisation(), snapshot));
        return "plan/evaluation-form";
    }
}
