package fi.hyte.plan.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a plan. Coordinators change everything in their organisation; editors change the
 * measures of their own sector (the sector of the person their account is linked to) and those
 * measures' evaluations; viewers read. A save carries the version the user saw: if someone saved in
 * between, it is refused with {@link ConcurrentChangeException}. Each change is audited in the same
 * transaction; a goal's indicators and evaluations and a measure's evaluations are recorded under
 * the goal's or measure's id, so that its history shows them.
 */
@Service
@Transactional
public class PlanEditing {

    /** The dimensions a new organisation starts with; it may rename, add and remove them. */
    private static final List<LocalizedText> DEFAULT_DIMENSIONS = List.of(
            LocalizedText.of("Fyysinen hyvinvointi", "Fysiskt välbefinnande"),
            LocalizedText.of("Psyykkinen hyvinvointi", "Psykiskt välbefinnande"),
            LocalizedText.of("Sosiaalinen hyvinvointi", "Socialt välbefinnande"),
            LocalizedText.of("Ympäristön hyvinvointi", "Miljöns välbefinnande"));

    private final Plans plans;
    private final Goals goals;
    private final Measures measures;
    private final Evaluations evaluations;
    private final OrganisationCatalog organisations;
    private final IndicatorCatalog indicators;
    private final AuditLog audit;
    private final PlanMail mail;

    PlanEditing(
            Plans plans,
            Goals goals,
            Measures measures,
            Evaluations evaluations,
            OrganisationCatalog organisations,
            IndicatorCatalog indicators,
            AuditLog audit,
            PlanMail mail) {
        this.mail = mail;
        this.plans = plans;
        this.goals = goals;
        this.measures = measures;
        this.evaluations = evaluations;
        this.organisations = organisations;
        this.indicators = indicators;
        this.audit = audit;
    }

    /** The sector whose measures this user may edit as an editor: their linked person's sector. */
    @Transactional(readOnly = true)
    public Optional<UUID> ownSector(Tenant tenant) {
        if (tenant.user() == null) {
            return Optional.empty();
        }
        return organisations
                .personOf(tenant.organisation(), tenant.user())
                .map(OrganisationCatalog.PersonSummary::sectorId);
    }

    /** Whether this user may change the measure (and its evaluations). */
    @Transactional(readOnly = true)
    public boolean mayEdit(Tenant tenant, Measure measure) {
        return mayEditSector(tenant, measure.sectorId());
    }

    public boolean mayEditSector(Tenant tenant, UUID sector) {
        return mayEditSector(tenant, sector, tenant.can(Role.COORDINATOR) ? Optional.empty() : ownSector(tenant));
    }

    /** The rule of {@link #mayEditSector(Tenant, UUID)} with the user's own sector already looked up. */
    static boolean mayEditSector(Tenant tenant, UUID sector, Optional<UUID> ownSector) {
        if (tenant.can(Role.COORDINATOR)) {
            return true;
        }
        return tenant.can(Role.EDITOR)
                && sector != null
                && ownSector.map(sector::equals).orElse(false);
    }

    public Plan createPlan(Tenant tenant, Plan plan) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        Plan created = new Plan(
                UUID.randomUUID(),
                plan.title(),
                plan.firstYear(),
                plan.lastYear(),
                plan.strategyTitle(),
                plan.strategyUrl(),
                plan.example(),
                0);
        plans.insert(org, created);
        audit.created(tenant, "plan", created.id(), created);
        if (plans.dimensions(org).isEmpty()) {
            for (int i = 0; i < DEFAULT_DIMENSIONS.size(); i++) {
                plans.insertDimension(org, new Dimension(UUID.randomUUID(), DEFAULT_DIMENSIONS.get(i), i + 1, 0));
            }
        }
        return created;
    }

    public void updatePlan(Tenant tenant, Plan plan) {
        tenant.require(Role.COORDINATOR);
        Plan before = plan(tenant, plan.id());
        checkSaved(plans.update(tenant.organisation(), plan), "plan");
        audit.updated(tenant, "plan", plan.id(), before, plan(tenant, plan.id()));
    }

    /**
     * What a new term's plan takes over from an earlier plan besides its policy lines and goals: the
     * target values of the goals' indicators (else only the indicator and its direction), and the
     * measures as planned ones with their sectors and owners.
     */
    public record CopyChoices(boolean keepTargetValues, boolean copyMeasures) {}

    /** The copy as audited on the new plan: where it came from, what was chosen, and each goal's new number. */
    record PlanCopied(UUID copiedFrom, String copiedFromTitle, CopyChoices choices, Map<String, String> goals) {}

    /**
     * Starts a new term's plan from an earlier plan of the same organisation, in one transaction: its
     * lines and goals (dimensions, target groups, inequality focus, owner), with new numbers of the new
     * plan and a link from each goal to the one it came from. A goal's indicators keep their direction;
     * the baseline is taken afresh from the own region's latest value before the new period, and the
     * target value is kept only when chosen, for the new plan's last year. Measures are copied only when
     * chosen, as planned, without schedule, resources, budget link, progress or evaluations (those belong
     * to the earlier term). Evaluations are never copied.
     */
    public Plan copyPlan(Tenant tenant, Plan plan, UUID sourceId, CopyChoices choices) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        Plan source = plan(tenant, sourceId);
        if (source.lastYear() >= plan.firstYear()) {
            throw new IllegalArgumentException("The plan to copy must end before the new plan starts");
        }
        Plan created = createPlan(
                tenant,
                new Plan(
                        null,
                        plan.title(),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.strategyTitle(),
                        plan.strategyUrl(),
                        source.example(),
                        0));
        List<Goal> sourceGoals = goals.of(org, source.id());
        Map<UUID, List<GoalIndicator>> targets = new HashMap<>();
        goals.indicators(org, source.id())
                .forEach(i -> targets.computeIfAbsent(i.goalId(), k -> new ArrayList<>())
                        .add(i));
        List<Measure> sourceMeasures = choices.copyMeasures() ? measures.of(org, source.id()) : List.of();
        List<UUID> sectors = organisations.sectors(org).stream()
                .map(OrganisationCatalog.SectorSummary::id)
                .toList();
        Map<String, String> numbers = new LinkedHashMap<>();
        for (PolicyLine line : plans.lines(org, source.id())) {
            UUID lineId = saveLine(
                    tenant,
                    new PolicyLine(
                            null,
                            created.id(),
                            0,
                            line.position(),
                            line.title(),
                            line.description(),
                            line.strategyRef(),
                            0));
            for (Goal goal : sourceGoals) {
                if (!goal.lineId().equals(line.id())) {
                    continue;
                }
                UUID goalId = saveGoal(
                        tenant,
                        new Goal(
                                null,
                                created.id(),
                                lineId,
                                0,
                                goal.position(),
                                goal.title(),
                                goal.description(),
                                goal.dimensionIds(),
                                goal.targetGroups(),
                                goal.inequalityFocus(),
                                goal.ownerPersonId(),
                                goal.ownerBodyId(),
                                0,
                                null,
                                null));
                plans.linkCopiedGoal(org, goalId, goal.id());
                numbers.put(
                        PlanRef.goal(goal.ref()),
                        PlanRef.goal(goal(tenant, goalId).ref()));
                for (GoalIndicator target : targets.getOrDefault(goal.id(), List.of())) {
                    copyTarget(tenant, goalId, target, created, choices.keepTargetValues());
                }
                for (Measure measure : sourceMeasures) {
                    if (measure.goalId().equals(goal.id())) {
                        saveMeasure(tenant, plannedCopy(measure, created.id(), goalId, sectors));
                    }
                }
            }
        }
        audit.updated(
                tenant,
                "plan",
                created.id(),
                null,
                new PlanCopied(source.id(), source.title().fi(), choices, numbers));
        return created;
    }

    /** The indicator and its direction; a fresh baseline from the data; the target value only if kept. */
    private void copyTarget(Tenant tenant, UUID goalId, GoalIndicator target, Plan plan, boolean keepTargetValue) {
        OrganisationId org = tenant.organisation();
        if (indicators.find(org, target.indicatorId()).isEmpty()) {
            return;
        }
        Optional<IndicatorCatalog.OwnValue> baseline =
                indicators.ownValues(org, List.of(target.indicatorId()), 0).stream()
                        .filter(v ->
                                v.gender().equals(target.gender()) && v.year() < plan.firstYear() && v.value() != null)
                        .max(Comparator.comparingInt(IndicatorCatalog.OwnValue::year));
        saveGoalIndicator(
                tenant,
                new GoalIndicator(
                        null,
                        goalId,
                        target.indicatorId(),
                        target.gender(),
                        baseline.map(IndicatorCatalog.OwnValue::year).orElse(null),
                        baseline.map(IndicatorCatalog.OwnValue::value).orElse(null),
                        keepTargetValue ? target.targetValue() : null,
                        plan.lastYear(),
                        target.direction(),
                        0),
                goal(tenant, goalId).version());
    }

    private static Measure plannedCopy(Measure m, UUID plan, UUID goal, List<UUID> sectors) {
        return new Measure(
                null,
                plan,
                goal,
                0,
                m.position(),
                m.title(),
                m.description(),
                sectors.contains(m.sectorId()) ? m.sectorId() : null,
                m.ownerPersonId(),
                m.partnerSectorIds().stream().filter(sectors::contains).toList(),
                m.partners(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                MeasureStatus.PLANNED,
                0,
                0,
                null,
                null);
    }

    public UUID saveDimension(Tenant tenant, Dimension dimension) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        if (dimension.id() == null) {
            Dimension created = new Dimension(UUID.randomUUID(), dimension.name(), dimension.position(), 0);
            plans.insertDimension(org, created);
            audit.created(tenant, "planDimension", created.id(), created);
            return created.id();
        }
        Dimension before = plans.dimensions(org).stream()
                .filter(d -> d.id().equals(dimension.id()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("dimension"));
        checkSaved(plans.updateDimension(org, dimension), "dimension");
        audit.updated(tenant, "planDimension", dimension.id(), before, dimension);
        return dimension.id();
    }

    public void deleteDimension(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Dimension before = plans.dimensions(tenant.organisation()).stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("dimension"));
        checkSaved(plans.deleteDimension(tenant.organisation(), id, version), "dimension");
        audit.deleted(tenant, "planDimension", id, before);
    }

    public UUID saveLine(Tenant tenant, PolicyLine line) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        if (line.id() == null) {
            plan(tenant, line.planId());
            PolicyLine created = new PolicyLine(
                    UUID.randomUUID(),
                    line.planId(),
                    plans.nextRef(org, line.planId(), Plans.Numbered.LINE),
                    line.position() > 0
                            ? line.position()
                            : plans.lines(org, line.planId()).size() + 1,
                    line.title(),
                    line.description(),
                    line.strategyRef(),
                    0);
            plans.insertLine(org, created);
            audit.created(tenant, "policyLine", created.id(), created);
            return created.id();
        }
        PolicyLine before = line(tenant, line.id());
        checkSaved(plans.updateLine(org, line), "policyLine");
        audit.updated(tenant, "policyLine", line.id(), before, line(tenant, line.id()));
        return line.id();
    }

    public void deleteLine(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        PolicyLine before = line(tenant, id);
        checkSaved(plans.deleteLine(tenant.organisation(), id, version), "policyLine");
        audit.deleted(tenant, "policyLine", id, before);
    }

    public UUID saveGoal(Tenant tenant, Goal goal) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        PolicyLine line = line(tenant, goal.lineId());
        checkOwners(org, goal.ownerPersonId(), goal.ownerBodyId());
        checkDimensions(org, goal.dimensionIds());
        if (goal.id() == null) {
            Goal created = new Goal(
                    UUID.randomUUID(),
                    line.planId(),
                    line.id(),
                    plans.nextRef(org, line.planId(), Plans.Numbered.GOAL),
                    goal.position() > 0 ? goal.position() : nextPosition(org, line),
                    goal.title(),
                    goal.description(),
                    goal.dimensionIds(),
                    goal.targetGroups(),
                    goal.inequalityFocus(),
                    goal.ownerPersonId(),
                    goal.ownerBodyId(),
                    0,
                    null,
                    tenant.userName());
            goals.insert(org, created, tenant.userName());
            audit.created(tenant, "goal", created.id(), created);
            return created.id();
        }
        Goal before = goal(tenant, goal.id());
        if (!before.planId().equals(line.planId())) {
            throw new NotFoundException("policyLine");
        }
        checkSaved(goals.update(org, goal, tenant.userName()), "goal");
        audit.updated(tenant, "goal", goal.id(), before, goal(tenant, goal.id()));
        return goal.id();
    }

    public void deleteGoal(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Goal before = goal(tenant, id);
        checkSaved(goals.delete(tenant.organisation(), id, version), "goal");
        audit.deleted(tenant, "goal", id, before);
    }

    /**
     * Adds an indicator to a goal or changes its baseline and target. The goal's version must be the
     * one the user saw; the goal's version moves on, so a concurrent save of the goal is refused.
     */
    public UUID saveGoalIndicator(Tenant tenant, GoalIndicator indicator, int goalVersion) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        Goal goal = goal(tenant, indicator.goalId());
        if (goal.version() != goalVersion) {
            throw new ConcurrentChangeException("goal");
        }
        if (indicators.find(org, indicator.indicatorId()).isEmpty()) {
            throw new NotFoundException("indicator");
        }
        UUID id = indicator.id();
        if (id == null) {
            id = UUID.randomUUID();
            GoalIndicator created = new GoalIndicator(
                    id,
                    goal.id(),
                    indicator.indicatorId(),
                    indicator.gender(),
                    indicator.baselineYear(),
                    indicator.baselineValue(),
                    indicator.targetValue(),
                    indicator.targetYear(),
                    indicator.direction(),
                    0);
            goals.insertIndicator(org, created);
            audit.updated(tenant, "goalIndicator", goal.id(), null, created);
        } else {
            GoalIndicator before = goals.findIndicator(org, id)
                    .filter(i -> i.goalId().equals(goal.id()))
                    .orElseThrow(() -> new NotFoundException("goalIndicator"));
            checkSaved(goals.updateIndicator(org, indicator), "goalIndicator");
            audit.updated(
                    tenant,
                    "goalIndicator",
                    goal.id(),
                    before,
                    goals.findIndicator(org, id).orElseThrow());
        }
        goals.touch(org, goal.id(), tenant.userName());
        return id;
    }

    public void removeGoalIndicator(Tenant tenant, UUID goalId, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        GoalIndicator before = goals.findIndicator(org, id)
                .filter(i -> i.goalId().equals(goalId))
                .orElseThrow(() -> new NotFoundException("goalIndicator"));
        checkSaved(goals.deleteIndicator(org, id, version), "goalIndicator");
        goals.touch(org, goalId, tenant.userName());
        audit.updated(tenant, "goalIndicator", goalId, before, null);
    }

    public UUID saveMeasure(Tenant tenant, Measure measure) {
        tenant.require(Role.EDITOR);
        OrganisationId org = tenant.organisation();
        Goal goal = goal(tenant, measure.goalId());
        checkOwners(org, measure.ownerPersonId(), null);
        checkSectors(org, measure.sectorId(), measure.partnerSectorIds());
        if (!mayEditSector(tenant, measure.sectorId())) {
            throw new AccessDeniedException("Measure of another sector");
        }
        if (measure.id() == null) {
            Measure created = new Measure(
                    UUID.randomUUID(),
                    goal.planId(),
                    goal.id(),
                    plans.nextRef(org, goal.planId(), Plans.Numbered.MEASURE),
                    measure.position() > 0 ? measure.position() : nextPosition(org, goal),
                    measure.title(),
                    measure.description(),
                    measure.sectorId(),
                    measure.ownerPersonId(),
                    measure.partnerSectorIds(),
                    measure.partners(),
                    measure.startsOn(),
                    measure.endsOn(),
                    measure.workYears(),
                    measure.euros(),
                    measure.grants(),
                    measure.grantEuros(),
                    measure.premises(),
                    measure.budgetRef(),
                    measure.budgetBinding(),
                    measure.status(),
                    measure.progress(),
                    0,
                    null,
                    tenant.userName());
            measures.insert(org, created, tenant.userName());
            audit.created(tenant, "measure", created.id(), created);
            mail.ownerAssigned(tenant, created);
            return created.id();
        }
        Measure before = measure(tenant, measure.id());
        if (!mayEdit(tenant, before)) {
            throw new AccessDeniedException("Measure of another sector");
        }
        if (!before.planId().equals(goal.planId())) {
            throw new NotFoundException("goal");
        }
        checkSaved(measures.update(org, measure, tenant.userName()), "measure");
        Measure after = measure(tenant, measure.id());
        audit.updated(tenant, "measure", measure.id(), before, after);
        if (!Objects.equals(before.ownerPersonId(), after.ownerPersonId())) {
            mail.ownerAssigned(tenant, after);
        }
        return measure.id();
    }

    public void deleteMeasure(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Measure before = measure(tenant, id);
        checkSaved(measures.delete(tenant.organisation(), id, version), "measure");
        audit.deleted(tenant, "measure", id, before);
    }

    /**
     * Saves the evaluation of a goal (coordinators) or of a measure (its sector's editors too) for one
     * year of the plan. A new evaluation for a year that has one already is refused as a concurrent change.
     */
    public UUID saveEvaluation(Tenant tenant, Evaluation evaluation) {
        OrganisationId org = tenant.organisation();
        UUID subject;
        UUID plan;
        String type;
        if (evaluation.goalId() != null) {
            tenant.require(Role.COORDINATOR);
            Goal goal = goal(tenant, evaluation.goalId());
            subject = goal.id();
            plan = goal.planId();
            type = "goalEvaluation";
        } else {
            Measure measure = measure(tenant, evaluation.measureId());
            if (!mayEdit(tenant, measure)) {
                throw new AccessDeniedException("Measure of another sector");
            }
            subject = measure.id();
            plan = measure.planId();
            type = "measureEvaluation";
        }
        if (!plan(tenant, plan).covers(evaluation.year())) {
            throw new IllegalArgumentException("Year outside the plan's period");
        }
        Optional<Evaluation> existing =
                evaluations.findFor(org, evaluation.goalId(), evaluation.measureId(), evaluation.year());
        if (evaluation.id() == null) {
            if (existing.isPresent()) {
                throw new ConcurrentChangeException("evaluation");
            }
            Evaluation created = evaluation.asNew(tenant.userName());
            evaluations.insert(org, plan, created, tenant.userName());
            audit.updated(tenant, type, subject, null, created);
            return created.id();
        }
        Evaluation before = existing.filter(e -> e.id().equals(evaluation.id()))
                .orElseThrow(() -> new NotFoundException("evaluation"));
        checkSaved(evaluations.update(org, evaluation, tenant.userName()), "evaluation");
        audit.updated(
                tenant,
                type,
                subject,
                before,
                evaluations.find(org, evaluation.id()).orElseThrow());
        return evaluation.id();
    }

    /** A measure's new status and progress, with the version of the measure the user saw. */
    public record ProgressChange(UUID measureId, MeasureStatus status, int progress, int version) {}

    /** What {@link #saveProgress} saved. */
    public record ProgressSaved(int measures, int evaluationsAdded, int evaluationsChanged) {}

    /**
     * Saves many measures' status and progress and many evaluations at once, e.g. from a round-trip
     * import: the rules of {@link #saveMeasure} and {@link #saveEvaluation} (roles, sectors, the plan's
     * years, versions), and each change audited, but with the plan read once rather than per change.
     * An evaluation without id is added; with an id, its version must be the one the user saw.
     */
    public ProgressSaved saveProgress(
            Tenant tenant, UUID planId, List<ProgressChange> changes, List<Evaluation> evaluationChanges) {
        tenant.require(Role.EDITOR);
        OrganisationId org = tenant.organisation();
        Plan plan = plan(tenant, planId);
        Optional<UUID> own = tenant.can(Role.COORDINATOR) ? Optional.empty() : ownSector(tenant);
        Map<UUID, Measure> before = byId(measures.of(org, planId), Measure::id);
        for (ProgressChange change : changes) {
            Measure measure = before.get(change.measureId());
            if (measure == null) {
                throw new NotFoundException("measure");
            }
            if (!mayEditSector(tenant, measure.sectorId(), own)) {
                throw new AccessDeniedException("Measure of another sector");
            }
            checkSaved(
                    measures.update(
                            org,
                            measure.withProgress(change.status(), change.progress(), change.version()),
                            tenant.userName()),
                    "measure");
        }
        if (!changes.isEmpty()) {
            Map<UUID, Measure> after = byId(measures.of(org, planId), Measure::id);
            for (ProgressChange change : changes) {
                audit.updated(
                        tenant,
                        "measure",
                        change.measureId(),
                        before.get(change.measureId()),
                        after.get(change.measureId()));
            }
        }
        Map<UUID, Goal> goalsById = evaluationChanges.stream().anyMatch(e -> e.goalId() != null)
                ? byId(goals.of(org, planId), Goal::id)
                : Map.of();
        Map<UUID, Evaluation> existing = byId(evaluations.of(org, planId), Evaluation::id);
        Map<String, Evaluation> existingByYear = new HashMap<>();
        existing.values().forEach(e -> existingByYear.put(evaluationKey(e), e));
        int added = 0;
        List<Evaluation> saved = new ArrayList<>();
        for (Evaluation evaluation : evaluationChanges) {
            if (evaluation.goalId() != null) {
                tenant.require(Role.COORDINATOR);
                if (!goalsById.containsKey(evaluation.goalId())) {
                    throw new NotFoundException("goal");
                }
            } else {
                Measure measure = before.get(evaluation.measureId());
                if (measure == null) {
                    throw new NotFoundException("measure");
                }
                if (!mayEditSector(tenant, measure.sectorId(), own)) {
                    throw new AccessDeniedException("Measure of another sector");
                }
            }
            if (!plan.covers(evaluation.year())) {
                throw new IllegalArgumentException("Year outside the plan's period");
            }
            Evaluation current = existingByYear.get(evaluationKey(evaluation));
            if (evaluation.id() == null) {
                if (current != null) {
                    throw new ConcurrentChangeException("evaluation");
                }
                Evaluation created = evaluation.asNew(tenant.userName());
                evaluations.insert(org, planId, created, tenant.userName());
                existingByYear.put(evaluationKey(created), created);
                saved.add(created);
                added++;
            } else {
                if (current == null || !current.id().equals(evaluation.id())) {
                    throw new NotFoundException("evaluation");
                }
                checkSaved(evaluations.update(org, evaluation, tenant.userName()), "evaluation");
                saved.add(evaluation);
            }
        }
        if (!saved.isEmpty()) {
            Map<UUID, Evaluation> after = byId(evaluations.of(org, planId), Evaluation::id);
            for (Evaluation evaluation : saved) {
                boolean goal = evaluation.goalId() != null;
                audit.updated(
                        tenant,
                        goal ? "goalEvaluation" : "measureEvaluation",
                        goal ? evaluation.goalId() : evaluation.measureId(),
                        existing.get(evaluation.id()),
                        after.get(evaluation.id()));
            }
        }
        return new ProgressSaved(changes.size(), added, saved.size() - added);
    }

    private static String evaluationKey(Evaluation e) {
        return (e.goalId() != null ? e.goalId() : e.measureId()) + "/" + e.year();
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        Map<UUID, T> map = new HashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    private int nextPosition(OrganisationId org, PolicyLine line) {
        return (int) goals.of(org, line.planId()).stream()
                        .filter(g -> g.lineId().equals(line.id()))
                        .count()
                + 1;
    }

    private int nextPosition(OrganisationId org, Goal goal) {
        return (int) measures.of(org, goal.planId()).stream()
                        .filter(m -> m.goalId().equals(goal.id()))
                        .count()
                + 1;
    }

    private void checkOwners(OrganisationId org, UUID person, UUID body) {
        if (person != null && organisations.people(org).stream().noneMatch(p -> p.id().equals(person))) {
            throw new NotFoundException("person");
        }
        if (body != null && organisations.bodies(org).stream().noneMatch(b -> b.id().equals(body))) {
            throw new NotFoundException("body");
        }
    }

    private void checkSectors(OrganisationId org, UUID sector, Collection<UUID> partners) {
        List<UUID> known = organisations.sectors(org).stream()
                .map(OrganisationCatalog.SectorSummary::id)
                .toList();
        if (sector != null && !known.contains(sector)) {
            throw new NotFoundException("sector");
        }
        if (partners != null && !known.containsAll(partners)) {
            throw new NotFoundException("sector");
        }
    }

    private void checkDimensions(OrganisationId org, Collection<UUID> ids) {
        List<UUID> known = plans.dimensions(org).stream().map(Dimension::id).toList();
        if (ids != null && !known.containsAll(ids)) {
            throw new NotFoundException("dimension");
        }
    }

    private Plan plan(Tenant tenant, UUID id) {
        return plans.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("plan"));
    }

    private PolicyLine line(Tenant tenant, UUID id) {
        return plans.findLine(tenant.organisation(), Objects.requireNonNull(id, "line"))
                .orElseThrow(() -> new NotFoundException("policyLine"));
    }

    private Goal goal(Tenant tenant, UUID id) {
        return goals.find(tenant.organisation(), Objects.requireNonNull(id, "goal"))
                .orElseThrow(() -> new NotFoundException("goal"));
    }

    private Measure measure(Tenant tenant, UUID id) {
        return measures.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("measure"));
    }

    private static void checkSaved(int rows, String what) {
        if (rows == 0) {
            throw new ConcurrentChangeException(what);
        }
    }
}
