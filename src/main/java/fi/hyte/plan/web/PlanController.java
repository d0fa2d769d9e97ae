package fi.hyte.plan.web;

import fi.hyte.plan.domain.Dimension;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanFilter;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
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

/** The plans of the organisation, the plan as a filterable tree, its policy lines and dimensions. */
@Controller
@RequestMapping("/plan")
class PlanController {

    private final PlanReading reading;
    private final PlanEditing editing;
    private final PlanPages pages;

    PlanController(PlanReading reading, PlanEditing editing, PlanPages pages) {
        this.reading = reading;
        this.editing = editing;
        this.pages = pages;
    }

    /** The plan of the current council term; the list of plans (and how to start one) when there is none. */
    @GetMapping
    String current(Tenant tenant) {
        if (tenant.can(Role.COORDINATOR) && previousPlan(tenant).isPresent()) {
            // No plan covers today: a coordinator is shown how to start the new term's plan.
            return "redirect:/plan/plans";
        }
        return reading.current(tenant.organisation(), pages.today())
                .map(p -> "redirect:/plan/" + p.id())
                .orElse("redirect:/plan/plans");
    }

    @GetMapping("/plans")
    String plans(Tenant tenant, Model model) {
        model.addAttribute("plans", reading.plans(tenant.organisation()));
        model.addAttribute("canCoordinate", tenant.can(Role.COORDINATOR));
        model.addAttribute(
                "currentPlan",
                reading.current(tenant.organisation(), pages.today()).orElse(null));
        model.addAttribute("previousPlan", previousPlan(tenant).orElse(null));
        return "plan/plans";
    }

    @GetMapping("/new")
    String newPlan(Tenant tenant, Model model) {
        tenant.require(Role.COORDINATOR);
        model.addAttribute("previousPlan", previousPlan(tenant).orElse(null));
        return planForm(model, null, PlanForm.startingIn(pages.today().getYear()));
    }

    /** The plan a new term's plan may start from: the latest one, once no plan covers today. */
    private Optional<Plan> previousPlan(Tenant tenant) {
        int year = pages.today().getYear();
        List<Plan> plans = reading.plans(tenant.organisation());
        if (plans.stream().anyMatch(p -> p.covers(year))) {
            return Optional.empty();
        }
        return plans.stream().filter(p -> p.lastYear() < year).findFirst();
    }

    @PostMapping("/new")
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        checkPeriod(tenant, form, errors, null);
        if (errors.hasErrors()) {
            return planForm(model, null, form);
        }
        Plan created = editing.createPlan(tenant, form.toPlan(null, false));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/" + created.id();
    }

    /** A new term's plan that starts from an earlier plan: the new plan's details and what to take over. */
    @GetMapping("/{plan}/copy")
    String copyForm(Tenant tenant, @PathVariable UUID plan, Model model) {
        tenant.require(Role.COORDINATOR);
        Plan source = ownPlan(tenant, plan);
        int first = Math.max(pages.today().getYear(), source.lastYear() + 1);
        return copyForm(model, source, PlanForm.startingIn(first), false, false);
    }

    /** One action, one transaction: a second submit finds the period taken and makes no second plan. */
    @PostMapping("/{plan}/copy")
    String copy(
            Tenant tenant,
            @PathVariable UUID plan,
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            @RequestParam(required = false) String keepTargetValues,
            @RequestParam(required = false) String copyMeasures,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Plan source = ownPlan(tenant, plan);
        boolean keep = "true".equals(keepTargetValues);
        boolean measures = "true".equals(copyMeasures);
        Optional<Plan> taken = form.firstYear() == null
                ? Optional.empty()
                : reading.plans(tenant.organisation()).stream()
                        .filter(p -> p.firstYear() == form.firstYear())
                        .findFirst();
        if (!form.periodValid()) {
            errors.rejectValue("lastYear", "plan.validation.period");
        }
        if (taken.isPresent()) {
            errors.rejectValue(
                    "firstYear",
                    "plan.copy.exists",
                    new Object[] {
                        String.valueOf(form.firstYear()), taken.get().title().fi()
                    },
                    null);
        } else if (form.firstYear() != null && form.firstYear() <= source.lastYear()) {
            errors.rejectValue(
                    "firstYear", "plan.copy.notEarlier", new Object[] {String.valueOf(source.lastYear())}, null);
        }
        if (errors.hasErrors()) {
            return copyForm(model, source, form, keep, measures);
        }
        Plan created;
        try {
            created = editing.copyPlan(
                    tenant, form.toPlan(null, false), source.id(), new PlanEditing.CopyChoices(keep, measures));
        } catch (DuplicateKeyException e) {
            errors.rejectValue("firstYear", "plan.validation.periodTaken");
            return copyForm(model, source, form, keep, measures);
        }
        redirect.addFlashAttribute("notice", "plan.copy.done");
        return "redirect:/plan/" + created.id();
    }

    private Plan ownPlan(Tenant tenant, UUID id) {
        return reading.plans(tenant.organisation()).stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("plan"));
    }

    private String copyForm(Model model, Plan source, PlanForm form, boolean keepTargetValues, boolean copyMeasures) {
        model.addAttribute("source", source);
        model.addAttribute("form", form);
        model.addAttribute("keepTargetValues", keepTargetValues);
        model.addAttribute("copyMeasures", copyMeasures);
        return "plan/copy-form";
    }

    @GetMapping("/{plan}/edit")
    String editPlan(Tenant tenant, @PathVariable UUID plan, Model model) {
        tenant.require(Role.COORDINATOR);
        Plan found = pages.snapshot(tenant, plan).plan();
        return planForm(model, found, PlanForm.of(found));
    }

    @PostMapping("/{plan}/edit")
    String updatePlan(
            Tenant tenant,
            @PathVariable UUID plan,
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Plan found = pages.snapshot(tenant, plan).plan();
        checkPeriod(tenant, form, errors, plan);
        if (errors.hasErrors()) {
            return planForm(model, found, form);
        }
        try {
            editing.updatePlan(tenant, form.toPlan(plan, found.example()));
        } catch (ConcurrentChangeException e) {
            Plan now = pages.snapshot(tenant, plan).plan();
            pages.conflict(tenant, model, plan, now);
            return planForm(model, now, PlanForm.of(now));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/" + plan;
    }

    /** One URL, two renderings: the whole tree page, or only the tree for the htmx filter. */
    @GetMapping("/{plan}")
    String tree(
            Tenant tenant,
            @PathVariable UUID plan,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String status,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        PlanSnapshot snapshot = pages.prepare(tenant, plan, model);
        PlanFilter filter = new PlanFilter(
                parse(sector),
                parse(dimension),
                parseEnum(TargetGroup.class, group),
                parseEnum(MeasureStatus.class, status));
        model.addAttribute("filter", filter);
        var lines = reading.tree(snapshot, filter);
        model.addAttribute("lines", lines);
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute(
                "shownMeasures",
                lines.stream()
                        .flatMap(l -> l.goals().stream())
                        .mapToInt(g -> g.measures().size())
                        .sum());
        return htmx != null ? "plan/tree :: tree" : "plan/tree";
    }

    @GetMapping("/{plan}/lines/new")
    String newLine(Tenant tenant, @PathVariable UUID plan, Model model) {
        tenant.require(Role.COORDINATOR);
        pages.prepare(tenant, plan, model);
        return lineForm(model, null, LineForm.empty());
    }

    @PostMapping("/{plan}/lines/new")
    String createLine(
            Tenant tenant,
            @PathVariable UUID plan,
            @Valid @ModelAttribute("form") LineForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        pages.prepare(tenant, plan, model);
        if (errors.hasErrors()) {
            return lineForm(model, null, form);
        }
        editing.saveLine(tenant, form.toLine(null, plan, 0));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/" + plan;
    }

    @GetMapping("/lines/{id}/edit")
    String editLine(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.COORDINATOR);
        PolicyLine line = line(tenant, id, model);
        return lineForm(model, line, LineForm.of(line));
    }

    @PostMapping("/lines/{id}/edit")
    String updateLine(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") LineForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        PolicyLine line = line(tenant, id, model);
        if (errors.hasErrors()) {
            return lineForm(model, line, form);
        }
        try {
            editing.saveLine(tenant, form.toLine(id, line.planId(), line.ref()));
        } catch (ConcurrentChangeException e) {
            PolicyLine now = line(tenant, id, model);
            pages.conflict(tenant, model, id, now);
            return lineForm(model, now, LineForm.of(now));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/" + line.planId();
    }

    @PostMapping("/lines/{id}/delete")
    String deleteLine(Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        UUID plan = pagesLine(tenant, id).planId();
        try {
            editing.deleteLine(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
        }
        return "redirect:/plan/" + plan;
    }

    @GetMapping("/dimensions")
    String dimensions(Tenant tenant, Model model) {
        model.addAttribute("dimensions", reading.dimensions(tenant.organisation()));
        model.addAttribute("canCoordinate", tenant.can(Role.COORDINATOR));
        return "plan/dimensions";
    }

    @PostMapping("/dimensions")
    String addDimension(
            Tenant tenant,
            @RequestParam String nameFi,
            @RequestParam(required = false) String nameSv,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (!validName(nameFi) || (nameSv != null && nameSv.length() > 200)) {
            redirect.addFlashAttribute("problem", "plan.dimension.nameRequired");
            return "redirect:/plan/dimensions";
        }
        int position = reading.dimensions(tenant.organisation()).size() + 1;
        editing.saveDimension(tenant, new Dimension(null, LocalizedText.of(nameFi, nameSv), position, 0));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/plan/dimensions";
    }

    @PostMapping("/dimensions/{id}")
    String renameDimension(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam String nameFi,
            @RequestParam(required = false) String nameSv,
            @RequestParam int version,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Dimension found = reading.dimensions(tenant.organisation()).stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("dimension"));
        if (!validName(nameFi) || (nameSv != null && nameSv.length() > 200)) {
            redirect.addFlashAttribute("problem", "plan.dimension.nameRequired");
            return "redirect:/plan/dimensions";
        }
        try {
            editing.saveDimension(
                    tenant, new Dimension(id, LocalizedText.of(nameFi, nameSv), found.position(), version));
            redirect.addFlashAttribute("notice", "saved");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
        }
        return "redirect:/plan/dimensions";
    }

    @PostMapping("/dimensions/{id}/delete")
    String deleteDimension(
            Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        try {
            editing.deleteDimension(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
        }
        return "redirect:/plan/dimensions";
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= 200;
    }

    private void checkPeriod(Tenant tenant, PlanForm form, BindingResult errors, UUID self) {
        if (!form.periodValid()) {
            errors.rejectValue("lastYear", "plan.validation.period");
        }
        if (form.firstYear() != null
                && reading.plans(tenant.organisation()).stream()
                        .anyMatch(p -> p.firstYear() == form.firstYear() && !p.id().equals(self))) {
            errors.rejectValue("firstYear", "plan.validation.periodTaken");
        }
    }

    private PolicyLine pagesLine(Tenant tenant, UUID id) {
        return reading.line(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("policyLine"));
    }

    private PolicyLine line(Tenant tenant, UUID id, Model model) {
        PolicyLine line = pagesLine(tenant, id);
        pages.prepare(tenant, line.planId(), model);
        return line;
    }

    private String planForm(Model model, Plan plan, PlanForm form) {
        model.addAttribute("editedPlan", plan);
        model.addAttribute("form", form);
        return "plan/plan-form";
    }

    private String lineForm(Model model, PolicyLine line, LineForm form) {
        model.addAttribute("line", line);
        model.addAttribute("form", form);
        return "plan/line-form";
    }

    static UUID parse(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        return Optional.ofNullable(value)
                .filter(v -> !v.isBlank())
                .flatMap(v -> {
                    try {
                        return Optional.of(Enum.valueOf(type, v));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                })
                .orElse(null);
    }
}
