package fi.hyte.plan;

import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanReading.GoalProgress;
import fi.hyte.plan.domain.PlanReading.PlanProgress;
import fi.hyte.plan.domain.PlanRef;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.SectorShare;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.plan.domain.TargetProgress;
import fi.hyte.plan.domain.TargetStatus;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the wellbeing plan (a report, the maturity evidence, a digest): an
 * organisation's plans by period, a plan's lines, goals and measures, the progress judged exactly as
 * the progress page judges it, a year's evaluations, each sector's share and the counts the maturity
 * evidence is derived from. Every answer is the organisation's own; another's plan is not found.
 */
@Service
@Transactional(readOnly = true)
public class PlanCatalog {

    private final PlanReading reading;

    PlanCatalog(PlanReading reading) {
        this.reading = reading;
    }

    /** The organisation's plans, latest term first. */
    public List<PlanInfo> plans(OrganisationId organisation) {
        return reading.plans(organisation).stream().map(PlanCatalog::info).toList();
    }

    /** The organisation's wellbeing dimensions in their order (empty before its first plan). */
    public List<LocalizedText> dimensions(OrganisationId organisation) {
        return reading.dimensions(organisation).stream().map(d -> d.name()).toList();
    }

    /** The plan whose term covers the year. */
    public Optional<PlanInfo> planFor(OrganisationId organisation, int year) {
        return reading.current(organisation, LocalDate.of(year, 6, 30)).map(PlanCatalog::info);
    }

    /** A plan's policy lines with their goals and measures, in the plan's order. */
    public Optional<PlanContent> content(OrganisationId organisation, UUID plan) {
        return snapshot(organisation, plan).map(snapshot -> {
            Map<UUID, LocalizedText> dimensions = new LinkedHashMap<>();
            snapshot.dimensions().forEach(d -> dimensions.put(d.id(), d.name()));
            List<LineInfo> lines = snapshot.lines().stream()
                    .map(line -> line(snapshot, line, dimensions))
                    .toList();
            return new PlanContent(info(snapshot.plan()), lines);
        });
    }

    /** A plan's goals by number and title only, in the plan's order (a picker reads no measures). */
    public List<GoalChoice> goals(OrganisationId organisation, UUID plan) {
        if (reading.plans(organisation).stream().noneMatch(p -> p.id().equals(plan))) {
            return List.of();
        }
        return reading.goalsInOrder(organisation, plan).stream()
                .map(g -> new GoalChoice(g.id(), PlanRef.goal(g.ref()), g.title()))
                .toList();
    }

    /**
     * Each goal's targets judged against the own region's latest values and its measures by status,
     * with the plan's totals: the progress page's figures.
     */
    public Optional<PlanStanding> progress(OrganisationId organisation, UUID plan, LocalDate today) {
        return snapshot(organisation, plan).map(snapshot -> standing(reading.progress(organisation, snapshot, today)));
    }

    /** The evaluations of a year, goals first, each with the number and title of what it evaluates. */
    public List<EvaluationInfo> evaluations(OrganisationId organisation, UUID plan, int year) {
        return snapshot(organisation, plan)
                .map(snapshot -> {
                    List<EvaluationInfo> found = new ArrayList<>();
                    for (Goal g : PlanReading.goalsInOrder(snapshot)) {
                        snapshot.evaluation(g.id(), year)
                                .ifPresent(e -> found.add(evaluation(PlanRef.goal(g.ref()), g.title(), true, e)));
                    }
                    for (Measure m : PlanReading.measuresInOrder(snapshot)) {
                        snapshot.evaluation(m.id(), year)
                                .ifPresent(e -> found.add(evaluation(PlanRef.measure(m.ref()), m.title(), false, e)));
                    }
                    return List.copyOf(found);
                })
                .orElse(List.of());
    }

    /** Each sector's share of the plan, and last the measures without a sector (sector {@code null}). */
    public List<SectorSummary> sectorShares(OrganisationId organisation, UUID plan, List<UUID> sectors) {
        return snapshot(organisation, plan)
                .map(snapshot -> Stream.concat(sectors.stream(), Stream.of((UUID) null))
                        .map(sector -> summary(SectorShare.of(snapshot, sector)))
                        .toList())
                .orElse(List.of());
    }

    /**
     * The counts of the plan covering today's year that the maturity evidence rests on; empty when
     * the organisation has no plan for today.
     */
    public Optional<PlanCounts> counts(OrganisationId organisation, LocalDate today) {
        return reading.current(organisation, today).map(plan -> {
            PlanSnapshot snapshot = reading.snapshot(organisation, plan.id());
            PlanProgress progress = reading.progress(organisation, snapshot, today);
            Map<Integer, IndicatorInfo> indicators = reading.indicatorsOf(organisation, snapshot);
            Integer year = progress.evaluationYear().orElse(null);
            int withMeasures = 0, withIndicators = 0, planned = 0, withTargets = 0, evaluated = 0, complete = 0;
            int inequality = 0, brokenDown = 0;
            Set<UUID> dimensions = new LinkedHashSet<>();
            for (Goal g : snapshot.goals()) {
                List<GoalIndicator> targets = snapshot.indicatorsOf(g.id());
                if (!snapshot.measuresOf(g.id()).isEmpty()) {
                    withMeasures++;
                }
                if (!targets.isEmpty()) {
                    withIndicators++;
                }
                boolean measured = !snapshot.measuresOf(g.id()).isEmpty() && !targets.isEmpty();
                if (measured) {
                    planned++;
                }
                boolean targeted = !targets.isEmpty() && targets.stream().allMatch(GoalIndicator::hasTarget);
                if (targeted) {
                    withTargets++;
                }
                boolean wasEvaluated =
                        year != null && snapshot.evaluation(g.id(), year).isPresent();
                if (wasEvaluated) {
                    evaluated++;
                }
                if (measured && targeted && (year == null || wasEvaluated)) {
                    complete++;
                }
                dimensions.addAll(g.dimensionIds());
                if (g.inequalityFocus() != null && !g.inequalityFocus().isBlank()) {
                    inequality++;
                    if (targets.stream()
                            .anyMatch(
                                    t -> !"total".equals(t.gender()) || breaksDown(indicators.get(t.indicatorId())))) {
                        brokenDown++;
                    }
                }
            }
            long withPartners =
                    snapshot.measures().stream().filter(Measure::isShared).count();
            return new PlanCounts(
                    info(plan),
                    snapshot.goals().size(),
                    withMeasures,
                    withIndicators,
                    planned,
                    withTargets,
                    year,
                    evaluated,
                    complete,
                    snapshot.measures().size(),
                    (int) withPartners,
                    snapshot.dimensions().size(),
                    (int) snapshot.dimensions().stream()
                            .filter(d -> dimensions.contains(d.id()))
                            .count(),
                    inequality,
                    brokenDown);
        });
    }

    private static boolean breaksDown(IndicatorInfo indicator) {
        return indicator != null
                && indicator.genders().contains("male")
                && indicator.genders().contains("female");
    }

    private Optional<PlanSnapshot> snapshot(OrganisationId organisation, UUID plan) {
        return reading.plans(organisation).stream()
                .filter(p -> p.id().equals(plan))
                .findFirst()
                .map(p -> reading.snapshot(organisation, p.id()));
    }

    private static PlanInfo info(Plan p) {
        return new PlanInfo(p.id(), p.title(), p.firstYear(), p.lastYear(), p.example());
    }

    private static LineInfo line(PlanSnapshot snapshot, PolicyLine line, Map<UUID, LocalizedText> dimensions) {
        List<GoalInfo> goals = snapshot.goalsOf(line.id()).stream()
                .sorted(java.util.Comparator.comparingInt(Goal::position).thenComparingInt(Goal::ref))
                .map(g -> goal(snapshot, g, dimensions))
                .toList();
        return new LineInfo(line.id(), PlanRef.line(line.ref()), line.title(), line.description(), goals);
    }

    private static GoalInfo goal(PlanSnapshot snapshot, Goal g, Map<UUID, LocalizedText> dimensions) {
        return new GoalInfo(
                g.id(),
                PlanRef.goal(g.ref()),
                g.title(),
                g.description(),
                g.dimensionIds().stream()
                        .map(dimensions::get)
                        .filter(Objects::nonNull)
                        .toList(),
                g.targetGroups().stream().map(TargetGroup::name).toList(),
                g.inequalityFocus(),
                snapshot.indicatorsOf(g.id()).stream().map(PlanCatalog::target).toList(),
                snapshot.measuresOf(g.id()).stream().map(PlanCatalog::measure).toList());
    }

    private static TargetInfo target(GoalIndicator t) {
        return new TargetInfo(
                t.indicatorId(),
                t.gender(),
                t.baselineYear(),
                t.baselineValue(),
                t.targetValue(),
                t.targetYear(),
                t.direction().name());
    }

    private static MeasureInfo measure(Measure m) {
        return new MeasureInfo(
                m.id(),
                PlanRef.measure(m.ref()),
                m.title(),
                m.sectorId(),
                m.ownerPersonId(),
                m.status().name(),
                m.progress(),
                m.startsOn(),
                m.endsOn(),
                m.euros(),
                m.workYears(),
                m.isShared());
    }

    private static PlanStanding standing(PlanProgress progress) {
        List<GoalStanding> goals = new ArrayList<>();
        for (Goal g : PlanReading.goalsInOrder(progress.plan())) {
            GoalProgress p = progress.of(g.id());
            goals.add(new GoalStanding(
                    g.id(),
                    PlanRef.goal(g.ref()),
                    g.title(),
                    p.overall().name(),
                    p.targets().stream().map(PlanCatalog::target).toList(),
                    p.measures(),
                    p.done(),
                    p.lateMeasures()));
        }
        Map<String, Long> goalsByStatus = new LinkedHashMap<>();
        progress.goalsByStatus().forEach((s, n) -> goalsByStatus.put(s.name(), n));
        Map<String, Long> measuresByStatus = new LinkedHashMap<>();
        progress.measuresByStatus().forEach((s, n) -> measuresByStatus.put(s.name(), n));
        Integer year = progress.evaluationYear().orElse(null);
        int[] evaluated = year == null ? new int[] {0, 0} : progress.evaluated(year);
        return new PlanStanding(
                info(progress.plan().plan()),
                progress.today(),
                goals,
                goalsByStatus,
                measuresByStatus,
                progress.percentDone(),
                progress.lateMeasures(),
                progress.euros(),
                progress.workYears(),
                year,
                evaluated[0],
                evaluated[1]);
    }

    private static TargetStanding target(TargetProgress t) {
        return new TargetStanding(
                target(t.target()), t.latestYear(), t.latestValue(), t.status().name(), t.share());
    }

    private static EvaluationInfo evaluation(String ref, LocalizedText title, boolean goal, Evaluation e) {
        return new EvaluationInfo(
                ref,
                title,
                goal,
                e.year(),
                e.realised() == null ? null : e.realised().name(),
                e.assessment(),
                e.evidence(),
                e.evidenceUrl());
    }

    private static SectorSummary summary(SectorShare share) {
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (MeasureStatus s : MeasureStatus.values()) {
            statuses.put(s.name(), share.statuses().getOrDefault(s, 0L));
        }
        return new SectorSummary(
                share.sector(),
                share.responsible().stream().map(PlanCatalog::measure).toList(),
                share.partnerIn(),
                share.euros(),
                share.workYears(),
                share.grantEuros(),
                share.binding(),
                statuses);
    }

    /** A plan of a council term; an example plan (the demo's) says so wherever it shows. */
    public record PlanInfo(UUID id, LocalizedText title, int firstYear, int lastYear, boolean example) {}

    public record PlanContent(PlanInfo plan, List<LineInfo> lines) {}

    /** A goal as a picker lists it: its id, number (T-3) and title. */
    public record GoalChoice(UUID id, String ref, LocalizedText title) {}

    /** A policy line; {@code ref} is its stable number (L-1). */
    public record LineInfo(UUID id, String ref, LocalizedText title, LocalizedText description, List<GoalInfo> goals) {}

    /** A goal (T-3); target groups are the names of Hyte's groups (CHILDREN, OLDER, LOW_INCOME …). */
    public record GoalInfo(
            UUID id,
            String ref,
            LocalizedText title,
            LocalizedText description,
            List<LocalizedText> dimensions,
            List<String> targetGroups,
            String inequalityFocus,
            List<TargetInfo> targets,
            List<MeasureInfo> measures) {}

    /** An indicator target of a goal; direction INCREASE, DECREASE or MAINTAIN; gender total, male or female. */
    public record TargetInfo(
            int indicatorId,
            String gender,
            Integer baselineYear,
            BigDecimal baselineValue,
            BigDecimal targetValue,
            Integer targetYear,
            String direction) {}

    /** A measure (TP-12); status PLANNED, ONGOING, DONE, LATE or CANCELLED. */
    public record MeasureInfo(
            UUID id,
            String ref,
            LocalizedText title,
            UUID sectorId,
            UUID ownerPersonId,
            String status,
            int progress,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal euros,
            BigDecimal workYears,
            boolean shared) {}

    /**
     * The plan's progress on a day; statuses are {@link TargetStatus} names (REACHED, ON_TRACK,
     * BEHIND, OFF_TRACK, NO_DATA, NO_TARGET) and measure status names.
     */
    public record PlanStanding(
            PlanInfo plan,
            LocalDate today,
            List<GoalStanding> goals,
            Map<String, Long> goalsByStatus,
            Map<String, Long> measuresByStatus,
            int percentDone,
            long lateMeasures,
            BigDecimal euros,
            BigDecimal workYears,
            Integer evaluationYear,
            int evaluated,
            int evaluationsDue) {

        public Optional<GoalStanding> goal(UUID id) {
            return goals.stream().filter(g -> g.id().equals(id)).findFirst();
        }
    }

    /** One goal's standing: its overall judgement, its targets judged, its measures. */
    public record GoalStanding(
            UUID id,
            String ref,
            LocalizedText title,
            String status,
            List<TargetStanding> targets,
            long measures,
            long done,
            long late) {}

    /** A target against the own region's latest value; share is 0–100 of the way covered, or null. */
    public record TargetStanding(
            TargetInfo target, Integer latestYear, BigDecimal latestValue, String status, Integer share) {}

    /** An evaluation of a goal ({@code goal} true) or a measure; realised YES, PARTLY or NO. */
    public record EvaluationInfo(
            String ref,
            LocalizedText title,
            boolean goal,
            int year,
            String realised,
            String assessment,
            String evidence,
            String evidenceUrl) {}

    /** A sector's share: the measures it answers for, how many it partners in, resources of those not cancelled. */
    public record SectorSummary(
            UUID sector,
            List<MeasureInfo> responsible,
            long partnerIn,
            BigDecimal euros,
            BigDecimal workYears,
            BigDecimal grantEuros,
            long binding,
            Map<String, Long> statuses) {}

    /**
     * Counts of the plan for the maturity evidence. A goal "with targets" has indicators and a
     * target on every one; "evaluated" counts goals evaluated for {@code evaluationYear} (null
     * before the first year's evaluation opens); a "complete" goal has measures, indicators, targets
     * and, once one is due, the year's evaluation; a goal with an inequality focus is "broken down"
     * when one of its indicators is followed by gender or has a gender breakdown.
     */
    public record PlanCounts(
            PlanInfo plan,
            int goals,
            int goalsWithMeasures,
            int goalsWithIndicators,
            int goalsWithMeasuresAndIndicators,
            int goalsWithTargets,
            Integer evaluationYear,
            int goalsEvaluated,
            int goalsComplete,
            int measures,
            int sharedMeasures,
            int dimensions,
            int dimensionsCovered,
            int inequalityGoals,
            int inequalityGoalsBrokenDown) {}
}
