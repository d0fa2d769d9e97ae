package fi.hyte.maturity.web;

import fi.hyte.maturity.domain.Answer;
import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.Assessments.IncompleteAnswersException;
import fi.hyte.maturity.domain.Assessments.Invitee;
import fi.hyte.maturity.domain.Assessments.RoundNotOpenException;
import fi.hyte.maturity.domain.CountyComparison;
import fi.hyte.maturity.domain.MaturityFigures;
import fi.hyte.maturity.domain.MaturityModel;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.MaturityRound;
import fi.hyte.maturity.domain.Participant;
import fi.hyte.maturity.domain.Results;
import fi.hyte.maturity.domain.RoundResults;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

/** The maturity self-assessment: rounds, answering, results with the matrix, and development actions. */
@Controller
@RequestMapping("/maturity")
class MaturityController {

    private final Rounds rounds;
    private final MaturityModels models;
    private final Assessments assessments;
    private final Results results;
    private final UserAccounts accounts;
    private final MaturityFigures figures;
    private final CountyComparison comparison;
    private final AuditLog audit;
    private final PlanCatalog plans;
    private final ZoneId zone;
    private final OrganisationCatalog organisations;

    MaturityController(
            Rounds rounds,
            MaturityModels models,
            Assessments assessments,
            Results results,
            UserAccounts accounts,
            MaturityFigures figures,
            CountyComparison comparison,
            AuditLog audit,
            PlanCatalog plans,
            OrganisationCatalog organisations,
            @Value("${hyte.time-zone}") String zone) {
        this.organisations = organisations;
        this.plans = plans;
        this.zone = ZoneId.of(zone);
        this.rounds = rounds;
        this.models = models;
        this.assessments = assessments;
        this.results = results;
        this.accounts = accounts;
        this.figures = figures;
        this.comparison = comparison;
        this.audit = audit;
    }

    @GetMapping
    String index(Tenant tenant, Locale locale, Model model) {
        List<MaturityRound> all = rounds.of(tenant.organisation());
        model.addAttribute("rounds", all);
        List<Invitation> mine = new ArrayList<>();
        for (MaturityRound round : all) {
            if (round.open() && tenant.user() != null) {
                rounds.participantFor(
                                tenant.organisation(), round.id(), tenant.user().value())
                        .ifPresent(p -> mine.add(new Invitation(round, p)));
            }
        }
        model.addAttribute("mine", mine);
        Optional<MaturityRound> latest =
                all.stream().filter(MaturityRound::closed).findFirst();
        latest.ifPresent(round -> {
            RoundResults latestResults = results.of(tenant.organisation(), round.id());
            model.addAttribute("latest", latestResults);
            model.addAttribute("matrix", matrix(latestResults, locale));
            // The own agreed levels, shown first beside the others in the comparison.
            java.util.Map<String, Integer> own = new java.util.LinkedHashMap<>();
            latestResults.criteria().stream()
                    .filter(r -> r.consensus() != null)
                    .forEach(r -> own.put(r.criterion().key(), r.consensus().level()));
            model.addAttribute("ownLevels", own);
            model.addAttribute("ownAssessedOn", round.assessedOn());
        });
        model.addAttribute("sharing", comparison.sharing(tenant.organisation()));
        model.addAttribute("peers", comparison.peers(tenant.organisation()));
        model.addAttribute("promeq", models.latest(MaturityModels.PROMEQ));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "maturity/index";
    }

    @PostMapping("/sharing")
    String share(
            Tenant tenant,
            @RequestParam(defaultValue = "false") boolean shares,
            @RequestParam(defaultValue = "false") boolean showsName,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        try {
            comparison.choose(tenant, shares, showsName, version);
            redirect.addFlashAttribute("notice", "saved");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
        }
        return "redirect:/maturity#comparison";
    }

    @GetMapping("/model")
    String model(Model model) {
        model.addAttribute("model", models.latest(MaturityModels.PROMEQ));
        return "maturity/model";
    }

    @GetMapping("/rounds/new")
    String newRound(Tenant tenant, Model model) {
        tenant.require(Role.COORDINATOR);
        return newRoundPage(tenant, model, RoundForm.empty());
    }

    @PostMapping("/rounds/new")
    String open(
            Tenant tenant,
            @Valid @ModelAttribute("form") RoundForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Map<UUID, String> members = accounts.members(tenant.organisation()).stream()
                .collect(Collectors.toMap(m -> m.id().value(), UserAccounts.Member::name));
        if (!members.keySet().containsAll(form.users())) {
            errors.rejectValue("users", "maturity.round.unknownUser");
        }
        Map<UUID, OrganisationCatalog.PersonSummary> people = organisations.people(tenant.organisation()).stream()
                .collect(Collectors.toMap(OrganisationCatalog.PersonSummary::id, p -> p, (a, b) -> a));
        if (!people.keySet().containsAll(form.people())) {
            errors.rejectValue("users", "maturity.round.unknownUser");
        }
        if (form.users().isEmpty() && form.names().isEmpty() && form.people().isEmpty()) {
            errors.rejectValue("users", "maturity.round.noRespondents");
        }
        if (form.deadline() != null
                && form.assessedOn() != null
                && form.deadline().isBefore(form.assessedOn())) {
            errors.rejectValue("deadline", "maturity.round.deadlineBefore");
        }
        if (errors.hasErrors()) {
            return newRoundPage(tenant, model, form);
        }
        List<Invitee> invitees = new ArrayList<>();
        java.util.Set<UUID> invitedUsers = new java.util.HashSet<>();
        for (UUID chosen : form.people()) {
            // A person with an account answers themselves; without one, the coordinator records the answer.
            OrganisationCatalog.PersonSummary person = people.get(chosen);
            UUID user = person.userId() != null && members.containsKey(person.userId()) ? person.userId() : null;
            if (user == null || invitedUsers.add(user)) {
                invitees.add(new Invitee(person.name(), user));
            }
        }
        form.users().stream()
                .filter(invitedUsers::add)
                .forEach(user -> invitees.add(new Invitee(members.get(user), user)));
        form.names().forEach(name -> invitees.add(new Invitee(name, null)));
        UUID id = assessments.open(
                tenant,
                MaturityModels.PROMEQ,
                form.title(),
                form.assessedOn(),
                form.deadline(),
                !form.answersVisible(),
                invitees);
        redirect.addFlashAttribute("notice", "maturity.round.opened");
        return "redirect:/maturity/rounds/" + id;
    }

    @GetMapping("/rounds/{id}")
    String round(Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        MaturityRound round = find(tenant, id);
        RoundResults roundResults = results.of(tenant.organisation(), id);
        boolean coordinator = tenant.can(Role.COORDINATOR);
        boolean resultsVisible = !round.open() || !round.answersHidden();
        model.addAttribute("round", round);
        model.addAttribute("results", roundResults);
        model.addAttribute("resultsVisible", resultsVisible);
        model.addAttribute("participants", rounds.participants(tenant.organisation(), id));
        model.addAttribute(
                "me",
                tenant.user() == null
                        ? null
                        : rounds.participantFor(
                                        tenant.organisation(), id, tenant.user().value())
                                .orElse(null));
        model.addAttribute("actions", rounds.actions(tenant.organisation(), id));
        model.addAttribute("actionForm", ActionForm.empty());
        model.addAttribute("measureLinks", rounds.measureLinks(tenant.organisation(), id));
        model.addAttribute("planGoals", coordinator ? planGoals(tenant, locale) : List.of());
        model.addAttribute("matrix", matrix(roundResults, locale));
        model.addAttribute("canEdit", coordinator);
        return "maturity/round";
    }

    @GetMapping("/rounds/{id}/answers/{participant}")
    String answerForm(Tenant tenant, @PathVariable UUID id, @PathVariable UUID participant, Model model) {
        MaturityRound round = find(tenant, id);
        Participant respondent = participant(tenant, id, participant);
        Map<String, Answer> answers = rounds.answers(tenant.organisation(), participant).stream()
                .collect(Collectors.toMap(Answer::criterion, a -> a));
        return answerPage(model, round, respondent, answers, List.of());
    }

    @PostMapping("/rounds/{id}/answers/{participant}")
    String answer(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID participant,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        MaturityRound round = find(tenant, id);
        Participant respondent = participant(tenant, id, participant);
        MaturityModel maturityModel = models.get(round.modelId(), round.modelVersion());
        List<Answer> answers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (MaturityModel.Criterion criterion : maturityModel.criteria()) {
            String key = criterion.key();
            Integer level = parseLevel(form.get("level-" + key), maturityModel.highestLevel());
            String justification = limit(form.get("justification-" + key), 4000, problems);
            String evidence = limit(form.get("evidence-" + key), 2000, problems);
            answers.add(new Answer(participant, key, level, justification, evidence));
        }
        boolean submit = "submit".equals(form.get("action"));
        Map<String, Answer> byCriterion = answers.stream().collect(Collectors.toMap(Answer::criterion, a -> a));
        if (!problems.isEmpty()) {
            return answerPage(model, round, respondent, byCriterion, List.of("validation.tooLong"));
        }
        try {
            assessments.answer(tenant, id, participant, answers, submit, parseVersion(form.get("version")));
        } catch (ConcurrentChangeException e) {
            Participant now = participant(tenant, id, participant);
            model.addAttribute(
                    "conflict",
                    audit.lastChange(tenant.organisation(), "maturityAnswer", participant)
                            .orElse(null));
            model.addAttribute("conflictShown", true);
            model.addAttribute(
                    "savedAnswers",
                    rounds.answers(tenant.organisation(), participant).stream()
                            .collect(Collectors.toMap(Answer::criterion, a -> a)));
            return answerPage(model, round, now, byCriterion, List.of("maturity.answer.conflict"));
        } catch (IncompleteAnswersException e) {
            model.addAttribute("missing", e.missing());
            return answerPage(model, round, respondent, byCriterion, List.of("maturity.answer.incomplete"));
        } catch (RoundNotOpenException e) {
            redirect.addFlashAttribute("problem", "maturity.round.notOpen");
            return "redirect:/maturity/rounds/" + id;
        }
        redirect.addFlashAttribute("notice", submit ? "maturity.answer.submitted" : "maturity.answer.draftSaved");
        return "redirect:/maturity/rounds/" + id;
    }

    @PostMapping("/rounds/{id}/end")
    String endAnswering(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        find(tenant, id);
        return moved(() -> assessments.endAnswering(tenant, id), id, "maturity.round.answeringEnded", redirect);
    }

    @PostMapping("/rounds/{id}/close")
    String close(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        find(tenant, id);
        return moved(() -> assessments.close(tenant, id), id, "maturity.round.closed", redirect);
    }

    @PostMapping("/rounds/{id}/consensus")
    String agree(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam String criterion,
            @RequestParam(required = false) String level,
            @RequestParam(defaultValue = "") String rationale,
            @RequestParam(defaultValue = "-1") String version,
            RedirectAttributes redirect) {
        MaturityRound round = find(tenant, id);
        Integer parsed = parseLevel(
                level, models.get(round.modelId(), round.modelVersion()).highestLevel());
        if (parsed == null || rationale.length() > 4000) {
            redirect.addFlashAttribute("problem", "maturity.consensus.invalid");
            return "redirect:/maturity/rounds/" + id;
        }
        return moved(
                () -> assessments.agree(tenant, id, criterion, parsed, rationale.strip(), parseVersion(version)),
                id,
                "maturity.consensus.saved",
                redirect);
    }

    @PostMapping("/rounds/{id}/actions")
    String addAction(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("actionForm") ActionForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        find(tenant, id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "maturity.action.invalid");
            return "redirect:/maturity/rounds/" + id + "#actions";
        }
        return moved(
                () -> assessments.addAction(tenant, id, form.criterion(), form.title(), form.owner(), form.dueOn()),
                id,
                "maturity.action.added",
                redirect);
    }

    @PostMapping("/rounds/{id}/actions/{action}/done")
    String actionDone(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID action,
            @RequestParam boolean done,
            @RequestParam int version,
            RedirectAttributes redirect) {
        find(tenant, id);
        rounds.action(tenant.organisation(), action)
                .filter(a -> a.roundId().equals(id))
                .orElseThrow(() -> new NotFoundException("action"));
        try {
            assessments.setActionDone(tenant, action, done, version);
            redirect.addFlashAttribute("notice", "saved");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
        }
        return "redirect:/maturity/rounds/" + id + "#actions";
    }

    /** Turns a development action into a measure of today's plan, under the goal the user chose. */
    @PostMapping("/rounds/{id}/actions/{action}/measure")
    String actionToMeasure(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID action,
            @RequestParam(required = false) UUID goal,
            RedirectAttributes redirect) {
        find(tenant, id);
        rounds.action(tenant.organisation(), action)
                .filter(a -> a.roundId().equals(id))
                .orElseThrow(() -> new NotFoundException("action"));
        tenant.require(Role.COORDINATOR);
        boolean goalOfTodaysPlan =
                goal != null && planGoals(tenant, Locale.ROOT).stream().anyMatch(g -> g.id().equals(goal));
        if (!goalOfTodaysPlan) {
            redirect.addFlashAttribute("problem", "maturity.action.chooseGoal");
            return "redirect:/maturity/rounds/" + id + "#actions";
        }
        try {
            assessments.toMeasure(tenant, action, goal);
            redirect.addFlashAttribute("notice", "maturity.action.inPlan");
        } catch (Assessments.ActionAlreadyInPlanException e) {
            redirect.addFlashAttribute("problem", "maturity.action.alreadyInPlan");
        }
        return "redirect:/maturity/rounds/" + id + "#actions";
    }

    /** A goal of today's plan to choose from: its id and "T-3 Title". */
    record GoalChoice(UUID id, String label) {}

    private List<GoalChoice> planGoals(Tenant tenant, Locale locale) {
        return plans.planFor(tenant.organisation(), LocalDate.now(zone).getYear())
                .flatMap(p -> plans.content(tenant.organisation(), p.id()))
                .map(content -> content.lines().stream()
                        .flatMap(l -> l.goals().stream())
                        .map(g ->
                                new GoalChoice(g.id(), g.ref() + " " + g.title().in(locale)))
                        .toList())
                .orElse(List.of());
    }

    private String moved(Runnable change, UUID id, String notice, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (RoundNotOpenException e) {
            redirect.addFlashAttribute("problem", "maturity.round.notOpen");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "maturity.consensus.invalid");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
        }
        return "redirect:/maturity/rounds/" + id;
    }

    private String matrix(RoundResults roundResults, Locale locale) {
        return figures.matrix(roundResults, locale).svg();
    }

    private String newRoundPage(Tenant tenant, Model model, RoundForm form) {
        model.addAttribute("form", form);
        List<OrganisationCatalog.PersonSummary> everyone = organisations.people(tenant.organisation());
        List<OrganisationCatalog.PersonSummary> group = organisations.groupMembers(tenant.organisation());
        java.util.Set<UUID> linked = everyone.stream()
                .map(OrganisationCatalog.PersonSummary::userId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        model.addAttribute("groupPeople", group);
        model.addAttribute(
                "otherPeople", everyone.stream().filter(p -> !group.contains(p)).toList());
        // Accounts that are no person of the organisation, never the system operator's.
        model.addAttribute(
                "members",
                accounts.colleagues(tenant.organisation()).stream()
                        .filter(m -> !linked.contains(m.id().value()))
                        .toList());
        return "maturity/round-new";
    }

    private String answerPage(
            Model model,
            MaturityRound round,
            Participant respondent,
            Map<String, Answer> answers,
            List<String> problems) {
        model.addAttribute("round", round);
        model.addAttribute("respondent", respondent);
        model.addAttribute("model", models.get(round.modelId(), round.modelVersion()));
        model.addAttribute("answers", answers);
        model.addAttribute("problems", problems);
        return "maturity/answer";
    }

    private MaturityRound find(Tenant tenant, UUID id) {
        return rounds.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("round"));
    }

    private Participant participant(Tenant tenant, UUID round, UUID id) {
        Participant participant = rounds.participant(tenant.organisation(), id)
                .filter(p -> p.roundId().equals(round))
                .orElseThrow(() -> new NotFoundException("participant"));
        if (!Assessments.mayAnswerFor(tenant, participant)) {
            throw new NotFoundException("participant");
        }
        return participant;
    }

    /** An open round the signed-in user is asked to answer. */
    record Invitation(MaturityRound round, Participant participant) {}

    /** The version the user's form was based on; a missing or mangled one matches nothing. */
    private static int parseVersion(String value) {
        try {
            return value == null ? Integer.MIN_VALUE : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static Integer parseLevel(String value, int highest) {
        try {
            int level = Integer.parseInt(value == null ? "" : value.strip());
            return level >= 1 && level <= highest ? level : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String limit(String value, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            problems.add(value);
        }
        return value.strip();
    }
}
