package fi.hyte.indicator.domain;

import java.math.BigDecimal;

/** One stored value; a null value is missing or suppressed at the source. */
public record IndicatorValue(
        int indicatorId, int regionId, int year, Gender gender, BigDecimal value, BigDecimal absoluteValue) {}
