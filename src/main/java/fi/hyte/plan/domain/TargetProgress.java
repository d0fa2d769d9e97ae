package fi.hyte.plan.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One goal indicator's latest value against its baseline and target.
 *
 * @param latestYear the latest year with a value, null when there is none
 * @param share how much of the way from baseline to target has been covered, 0–100 (may be below 0
 *     when the value has moved away), null when it cannot be said
 */
public record TargetProgress(
        GoalIndicator target, Integer latestYear, BigDecimal latestValue, TargetStatus status, Integer share) {

    private static final BigDecimal MAINTAIN_TOLERANCE = new BigDecimal("0.05");

    /** Judges the latest value (of a year after the baseline) against the target. */
    public static TargetProgress judge(GoalIndicator target, Integer latestYear, BigDecimal latest) {
        if (!target.hasTarget()) {
            return new TargetProgress(target, latestYear, latest, TargetStatus.NO_TARGET, null);
        }
        if (latest == null || latestYear == null || latestYear <= target.baselineYear()) {
            return new TargetProgress(target, latestYear, latest, TargetStatus.NO_DATA, null);
        }
        BigDecimal base = target.baselineValue();
        BigDecimal goal = target.targetValue();
        if (target.direction() == TargetDirection.MAINTAIN) {
            BigDecimal allowed = goal.abs().multiply(MAINTAIN_TOLERANCE);
            boolean kept = latest.subtract(goal).abs().compareTo(allowed) <= 0;
            return new TargetProgress(
                    target, latestYear, latest, kept ? TargetStatus.ON_TRACK : TargetStatus.OFF_TRACK, null);
        }
        int better = target.direction() == TargetDirection.INCREASE ? 1 : -1;
        BigDecimal gain = latest.subtract(base).multiply(BigDecimal.valueOf(better));
        BigDecimal wanted = goal.subtract(base).multiply(BigDecimal.valueOf(better));
        Integer share = wanted.signum() > 0
                ? gain.multiply(BigDecimal.valueOf(100))
                        .divide(wanted, MathContext.DECIMAL64)
                        .setScale(0, RoundingMode.HALF_UP)
                        .intValue()
                : null;
        TargetStatus status;
        if (latest.subtract(goal).multiply(BigDecimal.valueOf(better)).signum() >= 0) {
            status = TargetStatus.REACHED;
        } else if (gain.signum() <= 0) {
            status = TargetStatus.OFF_TRACK;
        } else {
            int span = Math.max(1, target.targetYear() - target.baselineYear());
            int elapsed = Math.min(span, latestYear - target.baselineYear());
            BigDecimal expected = wanted.multiply(BigDecimal.valueOf(elapsed))
                    .divide(BigDecimal.valueOf(span), MathContext.DECIMAL64);
            status = gain.compareTo(expected) >= 0 ? TargetStatus.ON_TRACK : TargetStatus.BEHIND;
        }
        return new TargetProgress(target, latestYear, latest, status, share);
    }
}
