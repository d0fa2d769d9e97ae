package fi.hyte.participation.web;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.ConsultationSetup.SectionChoice;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
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

/** Consultations on the draft plan, a report draft or a topic: opening one, its questions, publishing and extending it. */
@Controller
@RequestMapping("/participation/consultations")
class ConsultationController {

    private final Consultations consultations;
    private final ConsultationSetup setup;
    private final PlanCatalog plans;
    private final OrganisationCatalog organisations;
    private final org.springframework.beans.factory.ObjectProvider<fi.hyte.participation.PublicReports> reports;
    private final ZoneId zone;

    ConsultationController(
            Consultations consultations,
            ConsultationSetup setup,
            PlanCatalog plans,
            OrganisationCatalog organisations,
            org.springframework.beans.factory.ObjectProvider<fi.hyte.participation.PublicReports> reports,
            @Value("${hyte.time-zone}") String zone) {
        this.reports = reports;
        this.consultations = consultations;
        this.setup = setup;
        this.plans = plans;
        this.organisations = organisations;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String list(Tenant tenant, Model model) {
        model.addAttribute("consultations", consultations.of(tenant.organisation()));
        model.addAttribute("canPublish", tenant.can(Role.COORDINATOR));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ConsultationForm.starting(Instant.now(), zone));
        }
        model.addAttribute("bodies", organisations.bodies(tenant.organisation()));
        model.addAttribute("sectionChoices", sectionChoices(tenant));
        return "participation/consultations";
    }

    @PostMapping
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") ConsultationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Consultation c = checked(tenant, form, errors, null);
        if (errors.hasErrors()) {
            return list(tenant, model);
        }
        Set<String> chosen = Set.copyOf(form.sections());
        List<SectionChoice> sections = sectionChoices(tenant).stream()
                .filter(s -> chosen.contains(s.ref()))
                .toList();
        UUID id = setup.create(tenant, c, sections);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/participation/consultations/" + id;
    }

    @GetMapping("/{id}")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        Consultation c = own(tenant, id);
        if (consultations.outside(tenant.organisation(), id).isPresent()) {
            return "redirect:/participation/consultations/" + id + "/outside";
        }
        model.addAttribute("consultation", c);
        model.addAttribute("sectionsFrozen", c.sectionsFrozen(Instant.now()));
        model.addAttribute("maxOwnSections", Consultation.MAX_OWN_SECTIONS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ConsultationForm.of(c, zone));
        }
        model.addAttribute("canPublish", tenant.can(Role.COORDINATOR));
        model.addAttribute("bodies", organisations.bodies(tenant.organisation()));
        model.addAttribute("sections", consultations.sections(tenant.organisation(), id));
        model.addAttribute("questions", consultations.questions(tenant.organisation(), id));
        model.addAttribute("maxQuestions", Consultation.MAX_QUESTIONS);
        return "participation/consultation";
    }

    @PostMapping("/{id}")
    String save(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ConsultationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Consultation before = own(tenant, id);
        if (consultations.outside(tenant.organisation(), id).isPresent()) {
            return "redirect:/participation/consultations/" + id + "/outside";
        }
        Consultation c = checked(tenant, form, errors, before);
        if (errors.hasErrors()) {
            return edit(tenant, id, model);
        }
        try {
            setup.update(tenant, c);
        } catch (ConcurrentChangeException e) {
            model.addAttribute("conflictShown", true);
            return edit(tenant, id, model);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/participation/consultations/" + id;
    }

    @PostMapping("/{id}/questions")
    String addQuestion(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String textFi,
            @RequestParam(required = false) String textSv,
            @RequestParam(required = false) String textEn,
            @RequestParam(required = false) String choicesFi,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        String problem = null;
        List<LocalizedText> choices = new ArrayList<>();
        if (kind == null || !List.of("CHOICE", "SCALE", "TEXT").contains(kind)) {
            problem = "participation.question.problem.kind";
        } else if (textFi == null || textFi.isBlank() || textFi.length() > 500) {
            problem = "participation.question.problem.text";
        } else if (kind.equals("CHOICE")) {
            Arrays.stream(choicesFi == null ? new String[0] : choicesFi.split("\\R"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(s -> choices.add(new LocalizedText(s, null, null)));
            if (choices.size() < 2 || choices.size() > 10) {
                problem = "participation.question.problem.choices";
            }
        }
        if (problem == null
                && !setup.addQuestion(
                        tenant, id, kind, new LocalizedText(textFi, textSv, textEn), List.copyOf(choices))) {
            problem = "participation.question.problem.tooMany";
        }
        redirect.addFlashAttribute(problem == null ? "notice" : "problem", problem == null ? "saved" : problem);
        return "redirect:/participation/consultations/" + id;
    }

    /**
     * A topic consultation's own section: saved (new when no {@code section} is given), removed or
     * moved up or down; refused with a message once the consultation is published and open.
     */
    @PostMapping("/{id}/sections")
    String ownSection(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String headingFi,
            @RequestParam(required = false) String headingSv,
            @RequestParam(required = false) String headingEn,
            @RequestParam(required = false) String textFi,
            @RequestParam(required = false) String textSv,
            @RequestParam(required = false) String textEn,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        String act = action == null ? "SAVE" : action;
        UUID sectionId = null;
        if (section != null && !section.isBlank()) {
            try {
                sectionId = UUID.fromString(section.strip());
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("Section");
            }
        }
        List<String> problems;
        if (!List.of("SAVE", "REMOVE", "UP", "DOWN").contains(act) || (!act.equals("SAVE") && sectionId == null)) {
            problems = List.of("participation.section.problem.action");
        } else {
            problems = setup.ownSection(
                    tenant,
                    id,
                    new ConsultationSetup.SectionChange(
                            sectionId,
                            act,
                            new LocalizedText(headingFi, headingSv, headingEn),
                            new LocalizedText(textFi, textSv, textEn)),
                    Instant.now());
        }
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("notice", "saved");
        } else {
            redirect.addFlashAttribute("problem", problems.get(0));
            if (act.equals("SAVE")) {
                redirect.addFlashAttribute(
                        "sectionTyped",
                        java.util.Map.of(
                                "section", sectionId == null ? "" : sectionId.toString(),
                                "headingFi", String.valueOf(headingFi == null ? "" : headingFi),
                                "headingSv", String.valueOf(headingSv == null ? "" : headingSv),
                                "headingEn", String.valueOf(headingEn == null ? "" : headingEn),
                                "textFi", String.valueOf(textFi == null ? "" : textFi),
                                "textSv", String.valueOf(textSv == null ? "" : textSv),
                                "textEn", String.valueOf(textEn == null ? "" : textEn)));
            }
        }
        return "redirect:/participation/consultations/" + id + "#sections-title";
    }

    private Consultation checked(Tenant tenant, ConsultationForm form, BindingResult errors, Consultation before) {
        Instant opens = sameMinute(ConsultationForm.at(form.opensAt(), zone), before == null ? null : before.opensAt());
        Instant closes =
                sameMinute(ConsultationForm.at(form.closesAt(), zone), before == null ? null : before.closesAt());
        if (opens == null && !errors.hasFieldErrors("opensAt")) {
            errors.rejectValue("opensAt", "participation.consultation.problem.dateTime");
        }
        if (closes == null && !errors.hasFieldErrors("closesAt")) {
            errors.rejectValue("closesAt", "participation.consultation.problem.dateTime");
        }
        Set<UUID> own = organisations.bodies(tenant.organisation()).stream()
                .map(OrganisationCatalog.BodySummary::id)
                .collect(Collectors.toSet());
        List<UUID> bodies = form.bodyIds().stream().filter(own::contains).toList();
        if (opens == null || closes == null || errors.hasErrors()) {
            return null;
        }
        UUID plan = before != null
                ? before.planId()
                : plans.planFor(tenant.organisation(), LocalDate.now(zone).getYear())
                        .map(PlanCatalog.PlanInfo::id)
                        .orElse(null);
        Consultation given =
                form.toConsultation(before == null ? null : before.id(), tenant.organisation(), plan, zone, bodies);
        Consultation c = new Consultation(
                given.id(),
                given.organisation(),
                given.planId(),
                given.title(),
                given.intro(),
                opens,
                closes,
                given.moderation(),
                given.published(),
                given.invitedBodies(),
                given.version());
        for (String problem : setup.problems(tenant, c, before, Instant.now())) {
            switch (problem) {
                case "participation.consultation.problem.swedish" -> errors.rejectValue("titleSv", problem);
                case "participation.consultation.problem.sectionsSwedish" -> errors.rejectValue("published", problem);
                case "participation.consultation.problem.period", "participation.consultation.problem.shorten" ->
                    errors.rejectValue("closesAt", problem);
                default -> errors.rejectValue("opensAt", problem);
            }
        }
        return c;
    }

    /** The form shows minutes: a time left as it was keeps its stored seconds. */
    private static Instant sameMinute(Instant given, Instant stored) {
        if (given != null
                && stored != null
                && given.equals(stored.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            return stored;
        }
        return given;
    }

    /**
     * What residents may comment on: the current plan's goals, then the chapters of the reports in
     * preparation (a report draft opened to residents), each with its title as it is now.
     */
    private List<SectionChoice> sectionChoices(Tenant tenant) {
        List<SectionChoice> choices = new java.util.ArrayList<>(plans.planFor(
                        tenant.organisation(), LocalDate.now(zone).getYear())
                .flatMap(p -> plans.content(tenant.organisation(), p.id()))
                .map(content -> content.lines().stream()
                        .flatMap(l -> l.goals().stream())
                        .map(g -> new SectionChoice(g.ref(), g.title()))
                        .toList())
                .orElse(List.of()));
        reports.ifAvailable(r -> r.draftChapters(tenant.organisation())
                .forEach(chapter -> choices.add(new SectionChoice(chapter.ref(), chapter.title()))));
        return choices;
    }

    private Consultation own(Tenant tenant, UUID id) {
        return consultations.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Consultation"));
    }
}
