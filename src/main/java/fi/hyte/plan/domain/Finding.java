package fi.hyte.plan.domain;

import fi.hyte.platform.LocalizedText;
import java.util.UUID;

/**
 * A gap or a reminder about one goal or measure: what it is, which one (id, its number and title),
 * the year concerned (evaluations, baselines) and the indicator concerned (targets).
 */
public record Finding(
        Kind kind,
        boolean aboutMeasure,
        UUID subjectId,
        int ref,
        LocalizedText title,
        UUID sectorId,
        Integer year,
        Integer indicatorId) {

    /** Gaps and reminders; the prefix tells whether a goal or a measure is concerned. */
    public enum Kind {
        GOAL_WITHOUT_MEASURES,
        GOAL_WITHOUT_INDICATORS,
        GOAL_WITHOUT_TARGET,
        GOAL_WITHOUT_OWNER,
        MEASURE_WITHOUT_OWNER,
        MEASURE_WITHOUT_RESOURCES,
        EVALUATION_OVERDUE,
        EVALUATION_DUE,
        MEASURE_LATE,
        TARGET_WITHOUT_NEW_DATA
    }

    static Finding goal(Kind kind, Goal goal, Integer year) {
        return new Finding(kind, false, goal.id(), goal.ref(), goal.title(), null, year, null);
    }

    static Finding measure(Kind kind, Measure m, Integer year) {
        return new Finding(kind, true, m.id(), m.ref(), m.title(), m.sectorId(), year, null);
    }
}
