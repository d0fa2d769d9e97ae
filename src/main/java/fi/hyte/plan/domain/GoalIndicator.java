package fi.hyte.plan.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An indicator a goal is measured by: its baseline (year and value), the target value and year, and
 * which way the goal wants it to move. Gender is total, male or female.
 */
public record GoalIndicator(
        UUID id,
        UUID goalId,
        int indicatorId,
        String gender,
        Integer baselineYear,
        BigDecimal baselineValue,
        BigDecimal targetValue,
        Integer targetYear,
        TargetDirection direction,
        int version) {

    public boolean hasTarget() {
        return baselineYear != null && baselineValue != null && targetValue != null && targetYear != null;
    }
}
