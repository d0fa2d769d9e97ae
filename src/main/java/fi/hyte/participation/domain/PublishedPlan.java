package fi.hyte.participation.domain;

import fi.hyte.platform.LocalizedText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The plan as a coordinator published it: lines, goals with their targets judged on the day of
 * publication, and measures with status and responsible sector. No owner's name is kept: only the
 * site's public contacts name people.
 */
public record PublishedPlan(
        UUID planId,
        LocalizedText title,
        int firstYear,
        int lastYear,
        boolean example,
        LocalDate asOf,
        int percentDone,
        Map<String, Long> goalsByStatus,
        Map<String, Long> measuresByStatus,
        List<Line> lines) {

    public long goalCount() {
        return lines.stream().mapToLong(l -> l.goals().size()).sum();
    }

    public long measureCount() {
        return lines.stream()
                .flatMap(l -> l.goals().stream())
                .mapToLong(g -> g.measures().size())
                .sum();
    }

    /** A policy line (L-1). */
    public record Line(String ref, LocalizedText title, LocalizedText description, List<Goal> goals) {}

    /** A goal (T-3) and its overall judgement (a TargetStatus name: REACHED, ON_TRACK, BEHIND …). */
    public record Goal(
            String ref,
            LocalizedText title,
            LocalizedText description,
            String status,
            List<Target> targets,
            List<Measure> measures) {}

    /** A target on an indicator, with the own region's latest value at publication and its judgement. */
    public record Target(
            int indicatorId,
            LocalizedText indicator,
            LocalizedText unit,
            String gender,
            Integer baselineYear,
            BigDecimal baselineValue,
            Integer targetYear,
            BigDecimal targetValue,
            Integer latestYear,
            BigDecimal latestValue,
            String status) {}

    /** A measure (M-2), its status (PLANNED, ONGOING, DONE, LATE, CANCELLED) and responsible sector. */
    public record Measure(
            String ref,
            LocalizedText title,
            String status,
            int progress,
            LocalizedText sector,
            LocalDate startsOn,
            LocalDate endsOn) {}
}
