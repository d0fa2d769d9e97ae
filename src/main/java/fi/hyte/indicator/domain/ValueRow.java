package fi.hyte.indicator.domain;

/**
 * One value as read from a file, before its indicator and region are known to exist. Sotkanet's
 * rows name the indicator by id; a local template's rows by the organisation's own code. Values are
 * kept as the file wrote them (decimal point), so that their published decimals are never lost.
 */
public record ValueRow(
        long line,
        Integer indicatorId,
        String localCode,
        String localTitle,
        String localUnit,
        String region,
        int year,
        Gender gender,
        String value,
        String absoluteValue) {}
