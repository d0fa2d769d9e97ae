package fi.hyte.plan.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A whole plan read at once (five queries), with its parts indexed by their parent: what every plan
 * view, export and check works from. Plans are small (hundreds of measures), so this is cheaper than
 * one query per view and keeps the views consistent with each other.
 */
public record PlanSnapshot(
        Plan plan,
        List<Dimension> dimensions,
        List<PolicyLine> lines,
        List<Goal> goals,
        List<GoalIndicator> goalIndicators,
        List<Measure> measures,
        List<Evaluation> evaluations,
        Map<UUID, List<Goal>> goalsByLine,
        Map<UUID, List<Measure>> measuresByGoal,
        Map<UUID, List<GoalIndicator>> indicatorsByGoal,
        Map<UUID, List<Evaluation>> evaluationsBySubject) {

    public static PlanSnapshot of(
            Plan plan,
            List<Dimension> dimensions,
            List<PolicyLine> lines,
            List<Goal> goals,
            List<GoalIndicator> goalIndicators,
            List<Measure> measures,
            List<Evaluation> evaluations) {
        return new PlanSnapshot(
                plan,
                dimensions,
                lines,
                goals,
                goalIndicators,
                measures,
                evaluations,
                goals.stream().collect(Collectors.groupingBy(Goal::lineId)),
                measures.stream()
                        .sorted(Comparator.comparingInt(Measure::position).thenComparingInt(Measure::ref))
                        .collect(Collectors.groupingBy(Measure::goalId)),
                goalIndicators.stream().collect(Collectors.groupingBy(GoalIndicator::goalId)),
                evaluations.stream()
                        .collect(Collectors.groupingBy(e -> e.goalId() != null ? e.goalId() : e.measureId())));
    }

    public List<Goal> goalsOf(UUID line) {
        return goalsByLine.getOrDefault(line, List.of());
    }

    public List<Measure> measuresOf(UUID goal) {
        return measuresByGoal.getOrDefault(goal, List.of());
    }

    public List<GoalIndicator> indicatorsOf(UUID goal) {
        return indicatorsByGoal.getOrDefault(goal, List.of());
    }

    /** Evaluations of a goal or measure, oldest year first. */
    public List<Evaluation> evaluationsOf(UUID subject) {
        return evaluationsBySubject.getOrDefault(subject, List.of());
    }

    public Optional<Evaluation> evaluation(UUID subject, int year) {
        return evaluationsOf(subject).stream().filter(e -> e.year() == year).findFirst();
    }

    public Optional<Goal> goal(UUID id) {
        return goals.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<PolicyLine> line(UUID id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<Measure> measure(UUID id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
