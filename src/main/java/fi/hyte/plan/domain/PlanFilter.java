package fi.hyte.plan.domain;

import java.util.UUID;

/**
 * What the tree is narrowed to; null means any. A sector matches measures it is responsible for or a
 * partner in; a goal with a measure filter shows only if some of its measures match.
 */
public record PlanFilter(UUID sector, UUID dimension, TargetGroup group, MeasureStatus status) {

    public static final PlanFilter NONE = new PlanFilter(null, null, null, null);

    public boolean isEmpty() {
        return sector == null && dimension == null && group == null && status == null;
    }

    public boolean concernsMeasures() {
        return sector != null || status != null;
    }

    public boolean matches(Goal goal) {
        return (dimension == null || goal.dimensionIds().contains(dimension))
                && (group == null || goal.targetGroups().contains(group));
    }

    public boolean matches(Measure measure) {
        return (sector == null
                        || sector.equals(measure.sectorId())
                        || measure.partnerSectorIds().contains(sector))
                && (status == null || status == measure.status());
    }
}
