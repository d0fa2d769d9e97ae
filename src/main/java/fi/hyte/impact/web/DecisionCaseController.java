package fi.hyte.impact.web;

import fi.hyte.impact.ImpactCatalog;
import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.Assessment;
import fi.hyte.impact.domain.AssessmentDocument;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.DecisionText;
import fi.hyte.impact.domain.FollowUp;
import fi.hyte.impact.domain.Hearing;
import fi.hyte.impact.domain.HearingEvidence;
import fi.hyte.impact.domain.IndicatorEvidence;
import fi.hyte.impact.domain.NeedsTests;
import fi.hyte.impact.domain.PlanFollowUp;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Preparation.DuplicateDiaryNumberException;
import fi.hyte.impact.domain.Preparation.RefusedException;
import fi.hyte.impact.domain.Screening;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.ParticipationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.document.DocumentRenderer;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decision cases and their assessment: the list, a case's page, the matrix cell by cell, exports, templates. */
@Controller
@RequestMapping("/impact")
class DecisionCaseController {

    private final Preparation preparation;
    private final CaseReading assessments;
    private final DecisionCases cases;
    private final Templates templates;
    private final DecisionText text;
    private final AssessmentDocument document;
    private final DocumentRenderer renderer;
    private final PlanFollowUp followUps;
    private final OrganisationCatalog organisations;
    private final PlanCatalog plans;
    private final IndicatorCatalog indicators;
    private final UserAccounts accounts;
    private final ImpactCatalog catalog;
    private final AuditLog audit;
    private final JsonMapper json;
    private final CaseChecks checks;
    private final ParticipationCatalog participation;
    private final IndicatorEvidence evidence;
    private final ZoneId zone;

    DecisionCaseController(
            Preparation preparation,
            CaseReading assessments,
            DecisionCases cases,
            Templates templates,
            DecisionText text,
            AssessmentDocument document,
            DocumentRenderer renderer,
            PlanFollowUp followUps,
            OrganisationCatalog organisations,
            PlanCatalog plans,
            IndicatorCatalog indicators,
            UserAccounts accounts,
            ImpactCatalog catalog,
            AuditLog audit,
            JsonMapper json,
            CaseChecks checks,
            ParticipationCatalog participation,
            IndicatorEvidence evidence,
            @Value("${hyte.time-zone}") String zone) {
        this.preparation = preparation;
        this.assessments = assessments;
        this.cases = cases;
        this.templates = templates;
        this.text = text;
        this.document = document;
        this.renderer = renderer;
        this.followUps = followUps;
        this.organisations = organisations;
        this.plans = plans;
        this.indicators = indicators;
        this.accounts = accounts;
        this.catalog = catalog;
        this.audit = audit;
        this.json = json;
        this.checks = checks;
        this.participation = participation;
        this.evidence = evidence;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String index(Tenant tenant, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(zone).getYear() : year;
        model.addAttribute("cases", cases.of(tenant.organisation()));
        model.addAttribute(
                "bodies",
                names(organisations.bodies(tenant.organisation()).stream()
                        .collect(LinkedHashMap::new, (m, b) -> m.put(b.id(), b.name()), Map::putAll)));
        model.addAttribute("share", catalog.shareAssessed(tenant.organisation(), shown));
        model.addAttribute("year", shown);
        model.addAttribute("canCreate", tenant.can(Role.EDITOR));
        model.addAttribute("canTemplate", tenant.can(Role.COORDINATOR));
        return "impact/index";
    }

    private static Map<UUID, LocalizedText> names(Map<UUID, LocalizedText> map) {
        return map;
    }

    // Creating and editing a case

    @GetMapping("/cases/new")
    String newCase(Tenant tenant, Model model) {
        tenant.require(Role.EDITOR);
        return caseForm(
                tenant,
                model,
                CaseForm.empty(tenant.user() == null ? null : tenant.user().value()),
                null);
    }

    @PostMapping("/cases/new")
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") CaseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.EDITOR);
        checks.validate(tenant, form, errors);
        if (errors.hasErrors()) {
            return caseForm(tenant, model, form, null);
        }
        try {
            UUID id = preparation.create(tenant, details(null, form), false);
            redirect.addFlashAttribute("notice", "impact.case.created");
            return "redirect:/impact/cases/" + id;
        } catch (DuplicateDiaryNumberException e) {
            errors.rejectValue("diaryNumber", "impact.validation.diaryTaken");
            model.addAttribute("existing", e.existing());
            return caseForm(tenant, model, form, null);
        }
    }

    @GetMapping("/cases/{id}/edit")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        DecisionCase c = preparation.get(tenant, id);
        requireEdit(tenant, c);
        return caseForm(tenant, model, CaseForm.of(c), c);
    }

    @PostMapping("/cases/{id}/edit")
    String update(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CaseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        DecisionCase c = preparation.get(tenant, id);
        requireEdit(tenant, c);
        if (!c.status().assessmentOpen()) {
            errors.reject("impact.refused.frozen");
            return caseForm(tenant, model, form, c);
        }
        checks.validate(tenant, form, errors);
        if (errors.hasErrors()) {
            return caseForm(tenant, model, form, c);
        }
        try {
            preparation.updateDetails(tenant, details(id, form), form.version());
        } catch (DuplicateDiaryNumberException e) {
            errors.rejectValue("diaryNumber", "impact.validation.diaryTaken");
            model.addAttribute("existing", e.existing());
            return caseForm(tenant, model, form, c);
        } catch (ConcurrentChangeException e) {
            model.addAttribute("conflictShown", true);
            model.addAttribute(
                    "conflict",
                    audit.lastChange(tenant.organisation(), "decisionCase", id).orElse(null));
            return caseForm(
                    tenant,
                    model,
                    new CaseForm(
                            form.titleFi(),
                            form.titleSv(),
                            form.descriptionFi(),
                            form.descriptionSv(),
                            form.bodyId(),
                            form.sectorId(),
                            form.preparers(),
                            form.diaryNumber(),
                            form.caseUrl(),
                            form.startsOn(),
                            form.assessmentDue(),
                            form.meetingOn(),
                            preparation.get(tenant, id).version()),
                    preparation.get(tenant, id));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/impact/cases/" + id;
    }

    static DecisionCase details(UUID id, CaseForm form) {
        return new DecisionCase(
                id,
                new LocalizedText(form.titleFi(), form.titleSv(), null),
                new LocalizedText(form.descriptionFi(), form.descriptionSv(), null),
                form.bodyId(),
                form.sectorId(),
                form.preparers(),
                blank(form.diaryNumber()),
                blank(form.caseUrl()),
                form.startsOn(),
                form.assessmentDue(),
                form.meetingOn(),
                CaseStatus.DRAFT,
                null,
                null,
                0,
                Screening.none(),
                NeedsTests.none(),
                DecisionCase.Decision.none(),
                null,
                null,
                null,
                false,
                null,
                form.version());
    }

    private String caseForm(Tenant tenant, Model model, CaseForm form, DecisionCase existingCase) {
        model.addAttribute("form", form);
        model.addAttribute("decisionCase", existingCase);
        model.addAttribute("bodies", organisations.bodies(tenant.organisation()));
        model.addAttribute("sectors", organisations.sectors(tenant.organisation()));
        model.addAttribute("members", accounts.members(tenant.organisation()));
        return "impact/case-form";
    }

    // The case page

    @GetMapping("/cases/{id}")
    String show(Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        Assessment a = assessments.of(tenant, id);
        casePage(tenant, a, locale, model);
        return "impact/case";
    }

    private void casePage(Tenant tenant, Assessment a, Locale locale, Model model) {
        DecisionCase c = a.decisionCase();
        List<CaseReading.Finding> findings = assessments.crossCheck(tenant, a);
        boolean canEdit = Preparation.mayEdit(tenant, c);
        model.addAttribute("a", a);
        model.addAttribute("c", c);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("open", canEdit && c.status().assessmentOpen());
        model.addAttribute(
                "findings",
                findings.stream().map(f -> document.finding(f, a, locale)).toList());
        model.addAttribute("bodies", organisations.bodies(tenant.organisation()));
        model.addAttribute("bodyNames", bodyNames(tenant));
        model.addAttribute("sectorNames", sectorNames(tenant));
        Map<UUID, String> members = new LinkedHashMap<>();
        accounts.members(tenant.organisation()).forEach(m -> members.put(m.id().value(), m.name()));
        model.addAttribute("memberNames", members);
        model.addAttribute("missing", c.status().assessmentOpen() ? preparation.missingForFreeze(a) : List.of());
        Templates.TemplateVersion latest = templates.latest(tenant.organisation());
        if (latest.version() > c.templateVersion() && c.status().assessmentOpen()) {
            model.addAttribute("newerTemplate", latest);
            model.addAttribute("templateDifferences", Templates.differences(a.template(), latest.content()));
        }
        Locale fi = Locale.forLanguageTag("fi");
        Locale sv = Locale.forLanguageTag("sv");
        // Each language's summary is generated once: the current text is the edited one or that.
        String generatedFi = text.generate(a, findings, fi);
        String generatedSv = text.generate(a, findings, sv);
        model.addAttribute("generatedFi", generatedFi);
        model.addAttribute("generatedSv", generatedSv);
        model.addAttribute("summaryFi", c.summaryFi() != null ? c.summaryFi() : generatedFi);
        model.addAttribute("summarySv", c.summarySv() != null ? c.summarySv() : generatedSv);
        model.addAttribute("summaryMax", DecisionText.MAX);
        model.addAttribute("frozen", cases.frozen(tenant.organisation(), c.id()));
        if (!model.containsAttribute("hearingForm")) {
            model.addAttribute("hearingForm", HearingForm.empty());
        }
        // Hearings that were consultations of the participation module: their period and answers now.
        Map<UUID, ParticipationCatalog.ConsultationLink> linked = new HashMap<>();
        a.hearings().stream()
                .map(Hearing::consultationId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(k ->
                        participation.consultation(tenant.organisation(), k).ifPresent(link -> linked.put(k, link)));
        model.addAttribute("linkedConsultations", linked);
        model.addAttribute(
                "consultationChoices",
                c.status().assessmentOpen() && canEdit
                        ? participation.consultationChoices(tenant.organisation())
                        : List.of());
        if (!model.containsAttribute("alternativeForm")) {
            model.addAttribute("alternativeForm", AlternativeForm.empty());
        }
        if (!model.containsAttribute("followUpForm")) {
            model.addAttribute("followUpForm", FollowUpForm.empty());
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute(
                    "decisionForm",
                    new DecisionForm(
                            c.bodyId(),
                            c.meetingOn(),
                            "",
                            a.proposal().map(Alternative::id).orElse(null),
                            "",
                            c.version()));
        }
        model.addAttribute("goals", goals(tenant, locale));
        model.addAttribute(
                "exclusionLabel",
                a.screening() == null || a.screening().exclusion() == null
                        ? null
                        : a.template().exclusions().stream()
                                .filter(x -> x.key().equals(a.screening().exclusion()))
                                .map(x -> x.label().in(locale))
                                .findFirst()
                                .orElse(null));
        model.addAttribute("heard", Hearing.Heard.values());
        model.addAttribute("expected", FollowUp.Expected.values());
        model.addAttribute("outcomes", FollowUp.Outcome.values());
    }

    private Map<UUID, LocalizedText> bodyNames(Tenant tenant) {
        Map<UUID, LocalizedText> names = new LinkedHashMap<>();
        organisations.bodies(tenant.organisation()).forEach(b -> names.put(b.id(), b.name()));
        return names;
    }

    private Map<UUID, LocalizedText> sectorNames(Tenant tenant) {
        Map<UUID, LocalizedText> names = new LinkedHashMap<>();
        organisations.sectors(tenant.organisation()).forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    /** The goals of the plan covering this year, as "T-3 Title", for tying a follow-up to one. */
    private List<GoalChoice> goals(Tenant tenant, Locale locale) {
        List<GoalChoice> goals = new ArrayList<>();
        plans.planFor(tenant.organisation(), LocalDate.now(zone).getYear())
                .flatMap(p -> plans.content(tenant.organisation(), p.id()))
                .ifPresent(content -> content.lines()
                        .forEach(line -> line.goals()
                                .forEach(g -> goals.add(new GoalChoice(
                                        g.id(), g.ref() + " " + g.title().in(locale))))));
        return goals;
    }

    public record GoalChoice(UUID id, String label) {}

    @PostMapping("/cases/{id}/screening")
    String screening(
            Tenant tenant,
            @PathVariable UUID id,
            @ModelAttribute ScreeningForm form,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        DecisionCase c = preparation.get(tenant, id);
        requireEdit(tenant, c);
        List<String> problems = new ArrayList<>();
        BigDecimal share = null;
        BigDecimal euros = null;
        try {
            share = Numbers.parse(form.sharePercent());
            if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0)) {
                problems.add("impact.validation.share");
            }
        } catch (NumberFormatException e) {
            problems.add("impact.validation.share");
        }
        try {
            euros = Numbers.parse(form.euros());
            if (euros != null && euros.signum() < 0) {
                problems.add("impact.validation.negativeEuros");
            }
        } catch (NumberFormatException e) {
            problems.add("impact.validation.euros");
        }
        TemplateContent template = preparation.template(tenant, c);
        if (form.exclusion() != null
                && !form.exclusion().isBlank()
                && template.exclusions().stream().noneMatch(x -> x.key().equals(form.exclusion()))) {
            problems.add("impact.validation.choice");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("screeningProblems", problems);
            return "redirect:/impact/cases/" + id + "#screening";
        }
        List<String> groups = form.groups().stream()
                .filter(g -> template.row(g).map(TemplateContent.Row::group).orElse(false))
                .toList();
        Screening s = new Screening(
                true, share, euros, new java.util.HashSet<>(form.yes()), form.exclusion(), groups, form.areas());
        return saved(redirect, id, "#screening", () -> preparation.saveScreening(tenant, id, s, form.version()));
    }

    @PostMapping("/cases/{id}/needs")
    String needs(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute NeedsForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "validation.tooLong");
            return "redirect:/impact/cases/" + id + "#needs";
        }
        return saved(redirect, id, "#needs", () -> preparation.saveNeeds(tenant, id, form.needs(), form.version()));
    }

    @PostMapping("/cases/{id}/template")
    String adoptTemplate(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int templateVersion,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        return saved(redirect, id, "", () -> preparation.adoptTemplate(tenant, id, templateVersion, version));
    }

    @PostMapping("/cases/{id}/alternatives")
    String addAlternative(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("alternativeForm") AlternativeForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        BigDecimal cost = cost(form.cost(), errors);
        if (errors.hasErrors()) {
            Assessment a = assessments.of(tenant, id);
            casePage(tenant, a, locale, model);
            return "impact/case";
        }
        return saved(
                redirect,
                id,
                "#alternatives",
                () -> preparation.addAlternative(
                        tenant, id, new LocalizedText(form.nameFi(), form.nameSv(), null), cost));
    }

    @PostMapping("/cases/{id}/alternatives/update")
    String updateAlternative(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID alternative,
            @RequestParam(required = false) String nameFi,
            @RequestParam(required = false) String nameSv,
            @RequestParam(required = false) String cost,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        if (alternative == null) {
            throw new NotFoundException("alternative");
        }
        Alternative before = preparation.alternative(tenant, id, alternative);
        BigDecimal euros;
        try {
            euros = Numbers.parse(cost);
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("problem", "impact.validation.euros");
            return "redirect:/impact/cases/" + id + "#alternatives";
        }
        if (euros != null && euros.signum() < 0) {
            redirect.addFlashAttribute("problem", "impact.validation.negativeEuros");
            return "redirect:/impact/cases/" + id + "#alternatives";
        }
        if (nameFi == null || nameFi.isBlank()) {
            redirect.addFlashAttribute("problem", "impact.validation.alternativeName");
            return "redirect:/impact/cases/" + id + "#alternatives";
        }
        Alternative changed = new Alternative(
                alternative,
                id,
                before.position(),
                before.kind(),
                new LocalizedText(nameFi, nameSv, null),
                euros,
                version);
        return saved(redirect, id, "#alternatives", () -> preparation.updateAlternative(tenant, id, changed));
    }

    @PostMapping("/cases/{id}/alternatives/remove")
    String removeAlternative(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID alternative,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        if (alternative == null) {
            throw new NotFoundException("alternative");
        }
        return saved(
                redirect, id, "#alternatives", () -> preparation.removeAlternative(tenant, id, alternative, version));
    }

    private static BigDecimal cost(String text, BindingResult errors) {
        try {
            BigDecimal value = Numbers.parse(text);
            if (value != null && value.signum() < 0) {
                errors.rejectValue("cost", "impact.validation.negativeEuros");
            }
            return value;
        } catch (NumberFormatException e) {
            errors.rejectValue("cost", "impact.validation.euros");
            return null;
        }
    }

    @PostMapping("/cases/{id}/hearings")
    String addHearing(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("hearingForm") HearingForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Integer participants = null;
        try {
            BigDecimal n = Numbers.parse(form.participants());
            if (n != null && (n.signum() < 0 || n.stripTrailingZeros().scale() > 0)) {
                errors.rejectValue("participants", "impact.validation.participants");
            } else if (n != null) {
                participants = n.intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            errors.rejectValue("participants", "impact.validation.participants");
        }
        if (!Numbers.isWebLink(form.url())) {
            errors.rejectValue("url", "impact.validation.link");
        }
        if (form.consultation() != null
                && participation
                        .consultation(tenant.organisation(), form.consultation())
                        .isEmpty()) {
            errors.rejectValue("consultation", "impact.validation.choice");
        }
        if (errors.hasErrors()) {
            casePage(tenant, assessments.of(tenant, id), locale, model);
            return "impact/case";
        }
        Hearing h = new Hearing(
                null,
                id,
                form.who(),
                form.heldOn(),
                blank(form.method()),
                participants,
                blank(form.said()),
                blank(form.done()),
                blank(form.url()),
                form.consultation(),
                0);
        return saved(redirect, id, "#hearings", () -> preparation.addHearing(tenant, id, h));
    }

    @PostMapping("/cases/{id}/hearings/remove")
    String removeHearing(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID hearing,
            RedirectAttributes redirect) {
        if (hearing == null) {
            throw new NotFoundException("hearing");
        }
        return saved(redirect, id, "#hearings", () -> preparation.removeHearing(tenant, id, hearing));
    }

    /** Moves the case on: start, freeze, skip (with a reason), reopen (with a reason), follow-up, close. */
    @PostMapping("/cases/{id}/state")
    String state(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        preparation.get(tenant, id);
        Runnable change = switch (action) {
            case "start" -> () -> preparation.startAssessing(tenant, id, version);
            case "freeze" -> () -> preparation.freeze(tenant, id, version);
            case "skip" -> () -> preparation.skip(tenant, id, reason, version);
            case "reopen" -> () -> preparation.reopen(tenant, id, reason, version);
            case "followUp" -> () -> preparation.startFollowUp(tenant, id, version);
            case "close" -> () -> preparation.close(tenant, id, version);
            default -> null;
        };
        if (change == null) {
            redirect.addFlashAttribute("problem", "impact.validation.choice");
            return "redirect:/impact/cases/" + id;
        }
        return saved(redirect, id, "", change);
    }

    @PostMapping("/cases/{id}/decision")
    String decide(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        if (form.bodyId() != null && !bodyNames(tenant).containsKey(form.bodyId())) {
            errors.rejectValue("bodyId", "impact.validation.body");
        }
        if (!Numbers.isWebLink(form.minutesUrl())) {
            errors.rejectValue("minutesUrl", "impact.validation.link");
        }
        if (errors.hasErrors()) {
            casePage(tenant, assessments.of(tenant, id), locale, model);
            return "impact/case";
        }
        DecisionCase.Decision d = new DecisionCase.Decision(
                form.bodyId(), form.decidedOn(), blank(form.paragraph()), form.alternative(), blank(form.minutesUrl()));
        return saved(redirect, id, "#decision", () -> preparation.decide(tenant, id, d, form.version()));
    }

    @PostMapping("/cases/{id}/summary")
    String summary(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String summaryFi,
            @RequestParam(required = false) String summarySv,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "save") String action,
            RedirectAttributes redirect) {
        if ("generate".equals(action)) {
            return saved(redirect, id, "#summary", () -> preparation.saveSummary(tenant, id, null, null, version));
        }
        if ((summaryFi != null && summaryFi.strip().length() > DecisionText.MAX)
                || (summarySv != null && summarySv.strip().length() > DecisionText.MAX)) {
            redirect.addFlashAttribute("problem", "impact.validation.summaryLength");
            return "redirect:/impact/cases/" + id + "#summary";
        }
        return saved(
                redirect, id, "#summary", () -> preparation.saveSummary(tenant, id, summaryFi, summarySv, version));
    }

    @PostMapping("/cases/{id}/follow-up")
    String addFollowUp(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("followUpForm") FollowUpForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        if (form.goalId() != null && goals(tenant, locale).stream().noneMatch(g -> g.id().equals(form.goalId()))) {
            errors.rejectValue("goalId", "impact.validation.goal");
        }
        if (form.indicatorId() != null
                && indicators.find(tenant.organisation(), form.indicatorId()).isEmpty()) {
            errors.rejectValue("indicatorId", "impact.validation.indicator");
        }
        if (errors.hasErrors()) {
            casePage(tenant, assessments.of(tenant, id), locale, model);
            return "impact/case";
        }
        FollowUp f = new FollowUp(
                null,
                id,
                form.what().strip(),
                form.indicatorId(),
                form.expected(),
                blank(form.responsible()),
                form.dueOn(),
                form.goalId(),
                null,
                null,
                null,
                0);
        try {
            return saved(redirect, id, "#follow-up", () -> followUps.add(tenant, id, f, form.intoPlan()));
        } catch (org.springframework.security.access.AccessDeniedException e) {
            // The plan's own rule: an editor adds measures of their own sector only. Nothing was saved.
            if (!Preparation.mayEdit(tenant, preparation.get(tenant, id))) {
                throw e;
            }
            redirect.addFlashAttribute("problem", "impact.followUp.planRefused");
            return "redirect:/impact/cases/" + id + "#follow-up";
        }
    }

    @PostMapping("/cases/{id}/follow-up/outcome")
    String outcome(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID followUp,
            @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        if (followUp == null) {
            throw new NotFoundException("follow-up");
        }
        FollowUp.Outcome chosen;
        try {
            chosen = FollowUp.Outcome.valueOf(outcome == null ? "" : outcome);
        } catch (IllegalArgumentException e) {
            preparation.get(tenant, id);
            redirect.addFlashAttribute("problem", "impact.validation.choice");
            return "redirect:/impact/cases/" + id + "#follow-up";
        }
        return saved(
                redirect, id, "#follow-up", () -> preparation.recordOutcome(tenant, id, followUp, chosen, version));
    }

    /** Runs a change and answers with the case page: saved, refused with what is missing, or stale. */
    private String saved(RedirectAttributes redirect, UUID id, String anchor, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", "saved");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refused", e.missing());
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
        }
        return "redirect:/impact/cases/" + id + anchor;
    }

    private static void requireEdit(Tenant tenant, DecisionCase c) {
        if (!Preparation.mayEdit(tenant, c)) {
            throw new org.springframework.security.access.AccessDeniedException("not a preparer");
        }
    }

    // The matrix

    @GetMapping("/cases/{id}/matrix")
    String matrix(Tenant tenant, @PathVariable UUID id, @RequestParam(defaultValue = "all") String rows, Model model) {
        Assessment a = assessments.of(tenant, id);
        matrixModel(tenant, a, rows, model);
        return "impact/matrix";
    }

    private void matrixModel(Tenant tenant, Assessment a, String rows, Model model) {
        model.addAttribute("a", a);
        model.addAttribute("c", a.decisionCase());
        model.addAttribute("cells", a.cellsByKey());
        model.addAttribute("onlyImpacts", "impacts".equals(rows));
        model.addAttribute(
                "open",
                Preparation.mayEdit(tenant, a.decisionCase())
                        && a.decisionCase().status().assessmentOpen());
        model.addAttribute("terms", Cell.Term.values());
    }

    @GetMapping("/cases/{id}/cell")
    String cell(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID alternative,
            @RequestParam(required = false) String row,
            @RequestParam(required = false) Cell.Term term,
            @RequestParam(required = false) String q,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        Assessment a = assessments.of(tenant, id);
        CellRef ref = cellRef(a, alternative, row, term);
        if (q != null) {
            // The knowledge base's indicators by words of their name (any language) or by number.
            String words = q.strip();
            model.addAttribute("indicatorQuery", words);
            model.addAttribute(
                    "indicatorResults",
                    words.isEmpty() || words.length() > 200
                            ? List.of()
                            : indicators.search(tenant.organisation(), words, 20));
        }
        Optional<Cell> stored = a.cell(alternative, row, term);
        model.addAttribute("a", a);
        model.addAttribute("c", a.decisionCase());
        model.addAttribute("ref", ref);
        model.addAttribute(
                "open",
                Preparation.mayEdit(tenant, a.decisionCase())
                        && a.decisionCase().status().assessmentOpen());
        model.addAttribute("cellForm", stored.map(CellForm::of).orElse(CellForm.empty(alternative, row, term)));
        model.addAttribute("stored", stored.orElse(null));
        model.addAttribute("hearingChoices", a.hearings());
        if (htmx != null && q != null) {
            return "impact/matrix :: indicatorResults";
        }
        return htmx != null ? "impact/matrix :: cellForm" : "impact/cell";
    }

    /** An alternative, row and term that exist in the case; anything else is 404. */
    public record CellRef(Alternative alternative, TemplateContent.Row row, Cell.Term term) {
        public String anchor() {
            return "cell-" + alternative.id() + "-" + row.key() + "-" + term;
        }
    }

    private static CellRef cellRef(Assessment a, UUID alternative, String row, Cell.Term term) {
        if (alternative == null || row == null || term == null) {
            throw new NotFoundException("cell");
        }
        Alternative alt = a.alternatives().stream()
                .filter(x -> x.id().equals(alternative))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("alternative"));
        TemplateContent.Row r = a.template().row(row).orElseThrow(() -> new NotFoundException("row"));
        return new CellRef(alt, r, term);
    }

    @PostMapping("/cases/{id}/cell")
    String saveCell(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("cellForm") CellForm form,
            BindingResult errors,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Assessment a = assessments.withoutCells(tenant, id);
        requireEdit(tenant, a.decisionCase());
        CellRef ref = cellRef(a, form.alternative(), form.row(), form.term());
        String snapshot = null;
        if (form.indicatorId() != null) {
            Optional<String> found = evidence.of(tenant.organisation(), form.indicatorId(), locale);
            if (found.isEmpty()) {
                errors.rejectValue("indicatorId", "impact.validation.indicator");
            } else {
                snapshot = found.get();
            }
        }
        // Only the case's own hearings can be a cell's evidence: another case's or organisation's is
        // a field message here (and 404 in Preparation.saveCell if it got past).
        List<Hearing> hearings = cases.hearings(tenant.organisation(), id);
        if (!HearingEvidence.picked(hearings, form.hearings()).stream()
                .map(Hearing::id)
                .toList()
                .containsAll(form.hearings())) {
            errors.rejectValue("hearings", "impact.validation.hearingEvidence");
        }
        model.addAttribute("hearingChoices", hearings);
        model.addAttribute("a", a);
        model.addAttribute("c", a.decisionCase());
        model.addAttribute("ref", ref);
        model.addAttribute("open", a.decisionCase().status().assessmentOpen());
        if (!a.decisionCase().status().assessmentOpen()) {
            errors.reject("impact.refused.frozen");
        }
        if (errors.hasErrors()) {
            model.addAttribute(
                    "stored",
                    cases.cell(tenant.organisation(), id, form.alternative(), form.row(), form.term())
                            .orElse(null));
            return htmx != null ? "impact/matrix :: cellForm" : "impact/cell";
        }
        Cell cell = new Cell(
                null,
                form.alternative(),
                form.row(),
                form.term(),
                form.direction(),
                form.direction() == Cell.Direction.NONE ? null : form.magnitude(),
                blank(form.reasoning()),
                blank(form.evidence()),
                form.indicatorId(),
                snapshot,
                blank(form.mitigation()),
                tenant.userName(),
                0,
                form.hearings(),
                null);
        try {
            preparation.saveCell(tenant, id, cell, form.version());
        } catch (ConcurrentChangeException e) {
            Cell other = cases.cell(tenant.organisation(), id, form.alternative(), form.row(), form.term())
                    .orElse(null);
            model.addAttribute("stored", other);
            model.addAttribute("conflictShown", true);
            model.addAttribute(
                    "conflict",
                    other == null
                            ? null
                            : audit.lastChange(tenant.organisation(), "impactCell", other.id())
                                    .orElse(null));
            model.addAttribute(
                    "cellForm",
                    new CellForm(
                            form.alternative(),
                            form.row(),
                            form.term(),
                            form.direction(),
                            form.magnitude(),
                            form.reasoning(),
                            form.evidence(),
                            form.indicatorId(),
                            form.mitigation(),
                            other == null ? -1 : other.version(),
                            null,
                            form.hearings()));
            return htmx != null ? "impact/matrix :: cellForm" : "impact/cell";
        }
        if (htmx != null) {
            // The answer is the one saved cell's view: read that cell, not the whole assessment again.
            Map<String, Cell> saved = new HashMap<>();
            cases.cell(tenant.organisation(), id, form.alternative(), form.row(), form.term())
                    .ifPresent(x -> saved.put(x.alternativeId() + "|" + x.rowKey() + "|" + x.term(), x));
            model.addAttribute("cells", saved);
            model.addAttribute("open", true);
            model.addAttribute("alt", ref.alternative());
            model.addAttribute("row", ref.row());
            model.addAttribute("term", ref.term());
            return "impact/matrix :: cellView";
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/impact/cases/" + id + "/matrix#" + ref.anchor();
    }

    // Frozen versions and exports

    @GetMapping("/cases/{id}/frozen")
    String frozen(Tenant tenant, @PathVariable UUID id, @RequestParam(defaultValue = "0") int number, Model model) {
        DecisionCase c = preparation.get(tenant, id);
        DecisionCases.Frozen f = cases.frozen(tenant.organisation(), id).stream()
                .filter(x -> x.number() == number)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("frozen version"));
        JsonNode content = json.readTree(f.content());
        DecisionCase then = json.treeToValue(content.get("case"), DecisionCase.class);
        List<Alternative> alternatives = List.of(json.treeToValue(content.get("alternatives"), Alternative[].class));
        List<Cell> cells = List.of(json.treeToValue(content.get("cells"), Cell[].class));
        List<Hearing> hearings = List.of(json.treeToValue(content.get("hearings"), Hearing[].class));
        TemplateContent template = templates
                .find(tenant.organisation(), then.templateVersion())
                .orElseThrow()
                .content();
        Assessment a = new Assessment(
                then,
                template,
                alternatives,
                cells,
                hearings,
                List.of(),
                then.screening().evaluate(template));
        matrixModel(tenant, a, "all", model);
        model.addAttribute("open", false);
        model.addAttribute("current", c);
        model.addAttribute("frozenVersion", f);
        return "impact/frozen";
    }

    @GetMapping("/cases/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(Tenant tenant, @PathVariable UUID id, @RequestParam(defaultValue = "fi") String lang) {
        Locale language = language(lang);
        Assessment a = assessments.of(tenant, id);
        byte[] body = renderer.pdf(
                document.of(a, assessments.crossCheck(tenant, a), organisationName(tenant, language), language));
        return file(body, MediaType.APPLICATION_PDF, "vaikutusten-arviointi.pdf");
    }

    @GetMapping("/cases/{id}/export.docx")
    ResponseEntity<byte[]> docx(Tenant tenant, @PathVariable UUID id, @RequestParam(defaultValue = "fi") String lang) {
        Locale language = language(lang);
        Assessment a = assessments.of(tenant, id);
        byte[] body = renderer.docx(
                document.of(a, assessments.crossCheck(tenant, a), organisationName(tenant, language), language));
        return file(
                body,
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                "vaikutusten-arviointi.docx");
    }

    private String organisationName(Tenant tenant, Locale language) {
        return organisations
                .summary(tenant.organisation())
                .map(s -> s.name().in(language))
                .orElse(null);
    }

    static Locale language(String lang) {
        return switch (lang) {
            case "sv" -> Locale.forLanguageTag("sv");
            case "en" -> Locale.forLanguageTag("en");
            default -> Locale.forLanguageTag("fi");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    // Templates

    @GetMapping("/templates")
    String templates(Tenant tenant, Model model) {
        List<Templates.TemplateVersion> versions = templates.versions(tenant.organisation());
        model.addAttribute("versions", versions);
        model.addAttribute("latest", versions.get(0));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        model.addAttribute("needs", fi.hyte.impact.domain.Need.values());
        return "impact/templates";
    }

    @PostMapping("/templates")
    String saveTemplate(
            Tenant tenant,
            @Valid @ModelAttribute TemplateForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        TemplateContent latest = templates.latest(tenant.organisation()).content();
        BigDecimal share;
        BigDecimal euros;
        int months;
        try {
            share = Numbers.parse(form.shareThreshold());
            euros = Numbers.parse(form.eurosThreshold());
            BigDecimal m = Numbers.parse(form.accumulationMonths());
            months = m == null ? latest.accumulationMonths() : m.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            redirect.addFlashAttribute("problem", "impact.validation.templateNumbers");
            return "redirect:/impact/templates";
        }
        if (errors.hasErrors()
                || (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0))) {
            redirect.addFlashAttribute(
                    "problem", errors.hasErrors() ? "validation.tooLong" : "impact.validation.share");
            return "redirect:/impact/templates";
        }
        if ((euros != null && euros.signum() < 0) || months < 1 || months > 120) {
            redirect.addFlashAttribute("problem", "impact.validation.templateNumbers");
            return "redirect:/impact/templates";
        }
        Map<String, fi.hyte.impact.domain.Need> outcomes = new LinkedHashMap<>();
        for (String choice : form.outcomes()) {
            String[] parts = choice.split(":", 2);
            try {
                if (parts.length == 2 && latest.rule(parts[0]).isPresent()) {
                    outcomes.put(parts[0], fi.hyte.impact.domain.Need.valueOf(parts[1]));
                }
            } catch (IllegalArgumentException ignored) {
                redirect.addFlashAttribute("problem", "impact.validation.choice");
                return "redirect:/impact/templates";
            }
        }
        List<LocalizedText> areas = form.areas() == null
                ? List.of()
                : form.areas()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .distinct()
                        .map(l -> new LocalizedText(l, null, null))
                        .toList();
        String pattern = form.diaryPattern() == null ? latest.diaryPattern() : blank(form.diaryPattern());
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                redirect.addFlashAttribute("problem", "impact.validation.diaryPattern");
                return "redirect:/impact/templates";
            }
        }
        TemplateContent changed =
                latest.withThresholds(share, euros, months, areas, pattern).withOutcomes(outcomes);
        try {
            int version = templates.saveNew(tenant, form.basedOn(), changed, blank(form.note()));
            redirect.addFlashAttribute("notice", "impact.template.saved");
            redirect.addFlashAttribute("savedVersion", version);
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
        }
        return "redirect:/impact/templates";
    }

    @PostMapping("/templates/delete")
    String deleteTemplate(Tenant tenant, @RequestParam(defaultValue = "0") int version, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        boolean deleted = templates.deleteLatest(tenant, version);
        redirect.addFlashAttribute(
                deleted ? "notice" : "problem", deleted ? "impact.template.deleted" : "impact.template.inUse");
        return "redirect:/impact/templates";
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
