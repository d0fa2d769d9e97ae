package fi.hyte.plan.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A sector's part of the plan: the measures it answers for (null sector: measures without one),
 * how many it is a partner in, and the resources of those not cancelled — what the sector carries
 * into its budget and operating plan.
 */
public record SectorShare(
        UUID sector,
        List<Measure> responsible,
        long partnerIn,
        BigDecimal euros,
        BigDecimal workYears,
        BigDecimal grantEuros,
        long binding,
        Map<MeasureStatus, Long> statuses) {

    public static SectorShare of(PlanSnapshot snapshot, UUID sector) {
        List<Measure> responsible = PlanReading.measuresInOrder(snapshot).stream()
                .filter(m -> Objects.equals(sector, m.sectorId()))
                .toList();
        List<Measure> counted = responsible.stream()
                .filter(m -> m.status() != MeasureStatus.CANCELLED)
                .toList();
        long partner = sector == null
                ? 0
                : snapshot.measures().stream()
                        .filter(m -> m.partnerSectorIds().contains(sector))
                        .count();
        return new SectorShare(
                sector,
                responsible,
                partner,
                sum(counted, Measure::euros),
                sum(counted, Measure::workYears),
                sum(counted, Measure::grantEuros),
                counted.stream().filter(Measure::budgetBinding).count(),
                responsible.stream().collect(Collectors.groupingBy(Measure::status, Collectors.counting())));
    }

    private static BigDecimal sum(List<Measure> measures, Function<Measure, BigDecimal> amount) {
        return measures.stream().map(amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
