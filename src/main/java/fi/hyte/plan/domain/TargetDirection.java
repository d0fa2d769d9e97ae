package fi.hyte.plan.domain;

/** Which way a goal wants its indicator to move: up, down, or to stay at the target level. */
public enum TargetDirection {
    INCREASE,
    DECREASE,
    MAINTAIN;

    /**
     * The direction a goal takes by default: from the indicator's interpretation when it has one,
     * otherwise from whether the target is above or below the baseline.
     */
    public static TargetDirection suggested(
            String indicatorDirection, java.math.BigDecimal baseline, java.math.BigDecimal target) {
        if ("HIGHER_IS_BETTER".equals(indicatorDirection)) {
            return INCREASE;
        }
        if ("HIGHER_IS_WORSE".equals(indicatorDirection)) {
            return DECREASE;
        }
        if (baseline == null || target == null || baseline.compareTo(target) == 0) {
            return MAINTAIN;
        }
        return target.compareTo(baseline) > 0 ? INCREASE : DECREASE;
    }
}
