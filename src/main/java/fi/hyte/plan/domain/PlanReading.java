package fi.hyte.plan.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.indicator.IndicatorCatalog.OwnValue;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads plans and works out what the views show: the filtered tree, progress against targets, gaps
 * and reminders. An evaluation of year Y is due by the end of January of Y + 1 (in time for the
 * yearly wellbeing report) and is reminded of from November of Y.
 */
@Service
@Transactional(readOnly = true)
public class PlanReading {

    /** The last day of the evaluation of the previous year. */
    public static final MonthDay EVALUATION_DEADLINE = MonthDay.of(1, 31);

    /** From when in the year its evaluation is reminded of. */
    public static final MonthDay EVALUATION_OPENS = MonthDay.of(11, 1);

    private final Plans plans;
    private final Goals goals;
    private final Measures measures;
    private final Evaluations evaluations;
    private final IndicatorCatalog indicators;
    private final MeasureOrigins origins;

    PlanReading(
            Plans plans,
            Goals goals,
            Measures measures,
            Evaluations evaluations,
            IndicatorCatalog indicators,
            MeasureOrigins origins) {
        this.origins = origins;
        this.plans = plans;
        this.goals = goals;
        this.measures = measures;
        this.evaluations = evaluations;
        this.indicators = indicators;
    }

    public List<Plan> plans(OrganisationId organisation) {
        return plans.of(organisation);
    }

    public Optional<Plan> current(OrganisationId organisation, LocalDate today) {
        return plans.current(organisation, today.getYear());
    }

    public List<Dimension> dimensions(OrganisationId organisation) {
        return plans.dimensions(organisation);
    }

    public Optional<PolicyLine> line(OrganisationId organisation, UUID id) {
        return plans.findLine(organisation, id);
    }

    public Optional<Goal> goal(OrganisationId organisation, UUID id) {
        return goals.find(organisation, id);
    }

    public Optional<Measure> measure(OrganisationId organisation, UUID id) {
        return measures.find(organisation, id);
    }

    /** The earlier term's goal this goal continues, with its plan, when the plan was copied. */
    public Optional<EarlierGoal> earlierGoal(OrganisationId organisation, UUID goal) {
        return plans.copiedFrom(organisation, goal)
                .flatMap(id -> goals.find(organisation, id))
                .flatMap(g -> plans.find(organisation, g.planId()).map(p -> new EarlierGoal(g, p)));
    }

    /** A goal of an earlier plan. */
    public record EarlierGoal(Goal goal, Plan plan) {}

    /** Where a measure came from, when another part of Hyte proposed it. */
    public Optional<MeasureOrigins.Origin> origin(OrganisationId organisation, UUID measure) {
        return origins.of(organisation, measure);
    }

    public PlanSnapshot snapshot(OrganisationId organisation, UUID plan) {
        Plan found = plans.find(organisation, plan).orElseThrow(() -> new NotFoundException("plan"));
        return PlanSnapshot.of(
                found,
                plans.dimensions(organisation),
                plans.lines(organisation, plan),
                goals.of(organisation, plan),
                goals.indicators(organisation, plan),
                measures.of(organisation, plan),
                evaluations.of(organisation, plan));
    }

    /** The indicators a plan's goals use, by id, as the organisation sees them. */
    public Map<Integer, IndicatorInfo> indicatorsOf(OrganisationId organisation, PlanSnapshot plan) {
        List<Integer> ids = plan.goalIndicators().stream()
                .map(GoalIndicator::indicatorId)
                .distinct()
                .toList();
        return indicators.findAll(organisation, ids).stream()
                .collect(Collectors.toMap(IndicatorInfo::id, Function.identity()));
    }

    /** Every goal's targets judged against the own region's latest values, and its measures' status. */
    public PlanProgress progress(OrganisationId organisation, PlanSnapshot plan, LocalDate today) {
        List<Integer> ids = plan.goalIndicators().stream()
                .map(GoalIndicator::indicatorId)
                .distinct()
                .toList();
        int from = plan.goalIndicators().stream()
                .map(GoalIndicator::baselineYear)
                .filter(Objects::nonNull)
                .min(Integer::compare)
                .orElse(plan.plan().firstYear() - 5);
        Map<String, OwnValue> latest = new HashMap<>();
        for (OwnValue v : indicators.ownValues(organisation, ids, from)) {
            latest.merge(v.indicatorId() + "/" + v.gender(), v, (a, b) -> a.year() >= b.year() ? a : b);
        }
        Map<UUID, GoalProgress> byGoal = new LinkedHashMap<>();
        for (Goal goal : plan.goals()) {
            List<TargetProgress> targets = plan.indicatorsOf(goal.id()).stream()
                    .map(t -> {
                        OwnValue v = latest.get(t.indicatorId() + "/" + t.gender());
                        return TargetProgress.judge(t, v == null ? null : v.year(), v == null ? null : v.value());
                    })
                    .toList();
            Map<MeasureStatus, Long> statuses = new EnumMap<>(MeasureStatus.class);
            long late = 0;
            for (Measure m : plan.measuresOf(goal.id())) {
                statuses.merge(m.status(), 1L, Long::sum);
                if (m.isLate(today)) {
                    late++;
                }
            }
            byGoal.put(goal.id(), new GoalProgress(goal, targets, statuses, late, overall(targets)));
        }
        return new PlanProgress(plan, byGoal, today);
    }

    /** The tree as filtered: lines with their matching goals and measures. */
    public List<LineNode> tree(PlanSnapshot plan, PlanFilter filter) {
        List<LineNode> lines = new ArrayList<>();
        for (PolicyLine line : plan.lines()) {
            List<GoalNode> goalNodes = new ArrayList<>();
            for (Goal goal : plan.goalsOf(line.id()).stream()
                    .sorted(Comparator.comparingInt(Goal::position).thenComparingInt(Goal::ref))
                    .toList()) {
                if (!filter.matches(goal)) {
                    continue;
                }
                List<Measure> shown = plan.measuresOf(goal.id()).stream()
                        .filter(filter::matches)
                        .toList();
                if (filter.concernsMeasures() && shown.isEmpty()) {
                    continue;
                }
                goalNodes.add(new GoalNode(goal, shown));
            }
            if (!goalNodes.isEmpty() || filter.isEmpty()) {
                lines.add(new LineNode(line, goalNodes));
            }
        }
        return lines;
    }

    /**
     * What is missing from the plan: goals without measures, indicators, targets or an owner;
     * measures without an owner or resources; evaluations past their deadline.
     */
    public List<Finding> gaps(PlanSnapshot plan, LocalDate today) {
        List<Finding> found = new ArrayList<>();
        for (Goal goal : ordered(plan)) {
            if (plan.measuresOf(goal.id()).isEmpty()) {
                found.add(Finding.goal(Finding.Kind.GOAL_WITHOUT_MEASURES, goal, null));
            }
            List<GoalIndicator> targets = plan.indicatorsOf(goal.id());
            if (targets.isEmpty()) {
                found.add(Finding.goal(Finding.Kind.GOAL_WITHOUT_INDICATORS, goal, null));
            } else if (targets.stream().anyMatch(t -> !t.hasTarget())) {
                found.add(Finding.goal(Finding.Kind.GOAL_WITHOUT_TARGET, goal, null));
            }
            if (!goal.hasOwner()) {
                found.add(Finding.goal(Finding.Kind.GOAL_WITHOUT_OWNER, goal, null));
            }
        }
        for (Measure m : orderedMeasures(plan)) {
            if (m.status() == MeasureStatus.CANCELLED) {
                continue;
            }
            if (m.ownerPersonId() == null) {
                found.add(Finding.measure(Finding.Kind.MEASURE_WITHOUT_OWNER, m, null));
            }
            if (!m.hasResources()) {
                found.add(Finding.measure(Finding.Kind.MEASURE_WITHOUT_RESOURCES, m, null));
            }
        }
        found.addAll(evaluationsMissing(plan, today, true));
        return found;
    }

    /** What needs doing soon: evaluations due or overdue, late measures, targets without new data. */
    public List<Finding> reminders(PlanProgress progress, LocalDate today) {
        PlanSnapshot plan = progress.plan();
        List<Finding> found = new ArrayList<>();
        for (Measure m : orderedMeasures(plan)) {
            if (m.isLate(today)) {
                found.add(Finding.measure(Finding.Kind.MEASURE_LATE, m, null));
            }
        }
        found.addAll(evaluationsMissing(plan, today, false));
        for (Goal goal : ordered(plan)) {
            for (TargetProgress t : progress.of(goal.id()).targets()) {
                if (t.status() == TargetStatus.NO_DATA) {
                    found.add(new Finding(
                            Finding.Kind.TARGET_WITHOUT_NEW_DATA,
                            false,
                            goal.id(),
                            goal.ref(),
                            goal.title(),
                            null,
                            t.target().baselineYear(),
                            t.target().indicatorId()));
                }
            }
        }
        found.sort(Comparator.comparingInt(f -> REMINDER_ORDER.indexOf(f.kind())));
        return found;
    }

    /** The order reminders are listed in: what is late first, what is merely due last. */
    private static final List<Finding.Kind> REMINDER_ORDER = List.of(
            Finding.Kind.MEASURE_LATE,
            Finding.Kind.EVALUATION_OVERDUE,
            Finding.Kind.TARGET_WITHOUT_NEW_DATA,
            Finding.Kind.EVALUATION_DUE);

    /** Evaluations that are missing and either overdue, or (unless only overdue ones are asked) due now. */
    private static List<Finding> evaluationsMissing(PlanSnapshot plan, LocalDate today, boolean overdueOnly) {
        List<Finding> found = new ArrayList<>();
        for (int year : plan.plan().years()) {
            boolean overdue = today.isAfter(EVALUATION_DEADLINE.atYear(year + 1));
            boolean open = !today.isBefore(EVALUATION_OPENS.atYear(year));
            if (!(overdue || (open && !overdueOnly))) {
                continue;
            }
            Finding.Kind kind = overdue ? Finding.Kind.EVALUATION_OVERDUE : Finding.Kind.EVALUATION_DUE;
            for (Goal goal : ordered(plan)) {
                if (plan.evaluation(goal.id(), year).isEmpty()) {
                    found.add(Finding.goal(kind, goal, year));
                }
            }
            for (Measure m : orderedMeasures(plan)) {
                if (needsEvaluation(m, year) && plan.evaluation(m.id(), year).isEmpty()) {
                    found.add(Finding.measure(kind, m, year));
                }
            }
        }
        return found;
    }

    /** A measure is evaluated for the years it has run, unless it was cancelled. */
    static boolean needsEvaluation(Measure m, int year) {
        return m.status() != MeasureStatus.CANCELLED
                && (m.startsOn() == null || m.startsOn().getYear() <= year);
    }

    private static List<Goal> ordered(PlanSnapshot plan) {
        List<Goal> goals = new ArrayList<>();
        for (PolicyLine line : plan.lines()) {
            plan.goalsOf(line.id()).stream()
                    .sorted(Comparator.comparingInt(Goal::position).thenComparingInt(Goal::ref))
                    .forEach(goals::add);
        }
        return goals;
    }

    private static List<Measure> orderedMeasures(PlanSnapshot plan) {
        List<Measure> measures = new ArrayList<>();
        for (Goal goal : ordered(plan)) {
            measures.addAll(plan.measuresOf(goal.id()));
        }
        return measures;
    }

    /** A plan's goals in the order the plan shows them, read without its measures or evaluations (a picker's list). */
    public List<Goal> goalsInOrder(OrganisationId organisation, UUID plan) {
        List<PolicyLine> lines = plans.lines(organisation, plan);
        Map<UUID, Integer> lineOrder = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            lineOrder.put(lines.get(i).id(), i);
        }
        return goals.of(organisation, plan).stream()
                .filter(g -> lineOrder.containsKey(g.lineId()))
                .sorted(Comparator.comparing((Goal g) -> lineOrder.get(g.lineId()))
                        .thenComparingInt(Goal::position)
                        .thenComparingInt(Goal::ref))
                .toList();
    }

    /** The goals in the order the plan shows them. */
    public static List<Goal> goalsInOrder(PlanSnapshot plan) {
        return ordered(plan);
    }

    /** The measures in the order the plan shows them. */
    public static List<Measure> measuresInOrder(PlanSnapshot plan) {
        return orderedMeasures(plan);
    }

    private static TargetStatus overall(List<TargetProgress> targets) {
        List<TargetStatus> judged = targets.stream()
                .map(TargetProgress::status)
                .filter(s -> s != TargetStatus.NO_DATA && s != TargetStatus.NO_TARGET)
                .toList();
        if (judged.isEmpty()) {
            return targets.stream().anyMatch(t -> t.status() == TargetStatus.NO_DATA)
                    ? TargetStatus.NO_DATA
                    : TargetStatus.NO_TARGET;
        }
        if (judged.contains(TargetStatus.OFF_TRACK)) {
            return TargetStatus.OFF_TRACK;
        }
        if (judged.contains(TargetStatus.BEHIND)) {
            return TargetStatus.BEHIND;
        }
        return judged.stream().allMatch(s -> s == TargetStatus.REACHED) ? TargetStatus.REACHED : TargetStatus.ON_TRACK;
    }

    /** A policy line as the tree shows it. */
    public record LineNode(PolicyLine line, List<GoalNode> goals) {}

    /** A goal as the tree shows it, with the measures that pass the filter. */
    public record GoalNode(Goal goal, List<Measure> measures) {}

    /** One goal's progress: its targets, how many of its measures are in each status, how many are late. */
    public record GoalProgress(
            Goal goal,
            List<TargetProgress> targets,
            Map<MeasureStatus, Long> measureStatus,
            long lateMeasures,
            TargetStatus overall) {

        public long measures() {
            return measureStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        public long measures(MeasureStatus status) {
            return measureStatus.getOrDefault(status, 0L);
        }

        public long done() {
            return measures(MeasureStatus.DONE);
        }

        public long ongoing() {
            return measures(MeasureStatus.ONGOING);
        }
    }

    /** The whole plan's progress, for the management summary. */
    public record PlanProgress(PlanSnapshot plan, Map<UUID, GoalProgress> goals, LocalDate today) {

        public GoalProgress of(UUID goal) {
            return goals.get(goal);
        }

        public Map<TargetStatus, Long> goalsByStatus() {
            Map<TargetStatus, Long> counts = new EnumMap<>(TargetStatus.class);
            for (TargetStatus s : TargetStatus.values()) {
                counts.put(s, 0L);
            }
            goals.values().forEach(g -> counts.merge(g.overall(), 1L, Long::sum));
            return counts;
        }

        public Map<TargetStatus, Long> targetsByStatus() {
            Map<TargetStatus, Long> counts = new EnumMap<>(TargetStatus.class);
            for (TargetStatus s : TargetStatus.values()) {
                counts.put(s, 0L);
            }
            goals.values().stream()
                    .flatMap(g -> g.targets().stream())
                    .forEach(t -> counts.merge(t.status(), 1L, Long::sum));
            return counts;
        }

        public Map<MeasureStatus, Long> measuresByStatus() {
            Map<MeasureStatus, Long> counts = new EnumMap<>(MeasureStatus.class);
            for (MeasureStatus s : MeasureStatus.values()) {
                counts.put(s, 0L);
            }
            plan.measures().forEach(m -> counts.merge(m.status(), 1L, Long::sum));
            return counts;
        }

        /** Goals whose targets are reached or on track. */
        public long goalsOnTrack() {
            Map<TargetStatus, Long> counts = goalsByStatus();
            return counts.get(TargetStatus.ON_TRACK) + counts.get(TargetStatus.REACHED);
        }

        /** Goals with a target behind or off track. */
        public long goalsOffTrack() {
            Map<TargetStatus, Long> counts = goalsByStatus();
            return counts.get(TargetStatus.OFF_TRACK) + counts.get(TargetStatus.BEHIND);
        }

        public long measuresIn(String status) {
            return measuresByStatus().get(MeasureStatus.valueOf(status));
        }

        public long lateMeasures() {
            return plan.measures().stream().filter(m -> m.isLate(today)).count();
        }

        /** Share of measures done, in per cent of those not cancelled. */
        public int percentDone() {
            long open = plan.measures().stream()
                    .filter(m -> m.status() != MeasureStatus.CANCELLED)
                    .count();
            long done = plan.measures().stream()
                    .filter(m -> m.status() == MeasureStatus.DONE)
                    .count();
            return open == 0 ? 0 : (int) Math.round(100.0 * done / open);
        }

        public BigDecimal euros() {
            return plan.measures().stream()
                    .filter(m -> m.status() != MeasureStatus.CANCELLED)
                    .map(Measure::euros)
                    .filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal workYears() {
            return plan.measures().stream()
                    .filter(m -> m.status() != MeasureStatus.CANCELLED)
                    .map(Measure::workYears)
                    .filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /**
         * The year whose evaluation management follows now: the latest year of the plan that has
         * ended, or the plan's first year once its evaluation opens; empty before that.
         */
        public Optional<Integer> evaluationYear() {
            Optional<Integer> ended = plan.plan().years().stream()
                    .filter(y -> y < today.getYear())
                    .max(Integer::compare);
            return ended.or(() -> plan.plan().years().stream()
                    .filter(y -> !today.isBefore(EVALUATION_OPENS.atYear(y)))
                    .max(Integer::compare));
        }

        /** How many goals and measures have an evaluation for the year, of how many need one. */
        public int[] evaluated(int year) {
            int done = 0;
            int due = 0;
            for (Goal g : plan.goals()) {
                due++;
                if (plan.evaluation(g.id(), year).isPresent()) {
                    done++;
                }
            }
            for (Measure m : plan.measures()) {
                if (needsEvaluation(m, year)) {
                    due++;
                    if (plan.evaluation(m.id(), year).isPresent()) {
                        done++;
                    }
                }
            }
            return new int[] {done, due};
        }
    }
}
