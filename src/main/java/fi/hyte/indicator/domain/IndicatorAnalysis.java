package fi.hyte.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a coordinator needs to read from one indicator's values: the latest own value and how it
 * moved, how it stands against the county and the country, its rank, and the gaps the inequality
 * lens surfaces. Pure arithmetic on values already read; the direction of the indicator decides
 * what is better.
 */
public final class IndicatorAnalysis {

    /** A gap counts as large when it is at least this share of the larger of the two values. */
    public static final BigDecimal LARGE_GAP = new BigDecimal("0.20");

    /** Without a value in this many latest years, the own series counts as missing recent data. */
    public static final int RECENT_YEARS = 3;

    private IndicatorAnalysis() {}

    /**
     * A change from an earlier year's value to {@code toYear}'s; judgement +1 better, -1 worse, 0
     * neither or not judged. {@code acrossGap}: the years between had no value, so the change spans
     * more than the column's years and must say which years it compares.
     */
    public record Change(
            int fromYear, int toYear, BigDecimal from, BigDecimal difference, int judgement, boolean acrossGap) {}

    /** The latest value of a series with its one-year and five-year changes (either may be null). */
    public record Latest(int year, BigDecimal value, Change sincePrevious, Change overFive) {}

    /** One region's series for the chosen gender. */
    public record RegionSeries(IndicatorRegion region, String role, Map<Integer, BigDecimal> byYear, Latest latest) {}

    /**
     * How the municipalities of a county (or region) that is itself the organisation stand in the
     * latest year any of them has a value: the best and the worst (highest and lowest when the
     * direction is not judged) and the spread between them.
     */
    public record Spread(
            int year,
            IndicatorRegion best,
            BigDecimal bestValue,
            IndicatorRegion worst,
            BigDecimal worstValue,
            BigDecimal difference,
            int count) {}

    /** Where own stands among others in the same year: 1 is best (or highest, when not judged). */
    public record Rank(int position, int of, int year) {}

    /** A gap the inequality lens shows: between genders, or to the best or worst comparison region. */
    public record Gap(
            String kind, int year, BigDecimal difference, BigDecimal relative, IndicatorRegion other, boolean large) {}

    /**
     * How own stands against another region: +1 better, -1 worse, 0 the same, or for indicators
     * whose better direction is not judged +2 higher and -2 lower.
     */
    public record Analysis(
            Indicator indicator,
            Gender gender,
            List<Integer> years,
            List<RegionSeries> series,
            Latest own,
            Integer againstCounty,
            IndicatorRegion countyCompared,
            Integer againstCountry,
            Rank amongPeers,
            Rank inCounty,
            Map<Gender, Map<Integer, BigDecimal>> ownByGender,
            List<Gap> gaps,
            boolean missingRecent,
            Spread municipalities) {

        public RegionSeries ownSeries() {
            return series.isEmpty() || !"own".equals(series.get(0).role()) ? null : series.get(0);
        }
    }

    public static Analysis analyse(
            Indicator indicator,
            Gender gender,
            ComparisonSet comparisons,
            List<IndicatorValue> values,
            List<IndicatorValue> countyMunicipalities) {
        return analyse(indicator, gender, comparisons, values, countyMunicipalities, Map.of());
    }

    /**
     * As above; when own is a county (or region) rather than a municipality, {@code
     * countyMunicipalities} are its own municipalities' values and {@code municipalityRegions} names
     * them, for the spread among them.
     */
    public static Analysis analyse(
            Indicator indicator,
            Gender gender,
            ComparisonSet comparisons,
            List<IndicatorValue> values,
            List<IndicatorValue> countyMunicipalities,
            Map<Integer, IndicatorRegion> municipalityRegions) {
        Direction direction = indicator.direction();
        Map<Integer, Map<Gender, Map<Integer, BigDecimal>>> byRegion = new TreeMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (IndicatorValue v : values) {
            byRegion.computeIfAbsent(v.regionId(), r -> new EnumMap<>(Gender.class))
                    .computeIfAbsent(v.gender(), g -> new TreeMap<>())
                    .put(v.year(), v.value());
            if (v.gender() == gender) {
                years.add(v.year());
            }
        }
        List<RegionSeries> series = new ArrayList<>();
        for (IndicatorRegion region : comparisons.all()) {
            Map<Integer, BigDecimal> byYear =
                    byRegion.getOrDefault(region.id(), Map.of()).getOrDefault(gender, Map.of());
            series.add(new RegionSeries(region, role(comparisons, region), byYear, latest(byYear, direction)));
        }
        RegionSeries own = comparisons.own() == null ? null : series.get(0);
        Latest ownLatest = own == null ? null : own.latest();
        // Before the counties (2023) there are no county rows: the region (maakunta) stands in for it.
        IndicatorRegion countyOrRegion = comparisons.county();
        Integer againstCounty = against(ownLatest, byRegion, countyOrRegion, gender, direction);
        if (againstCounty == null && comparisons.region() != null) {
            countyOrRegion = comparisons.region();
            againstCounty = against(ownLatest, byRegion, countyOrRegion, gender, direction);
        }
        Integer againstCountry = against(ownLatest, byRegion, comparisons.country(), gender, direction);
        Rank amongPeers = null;
        if (ownLatest != null && comparisons.rankable().size() > 1) {
            List<BigDecimal> same = comparisons.rankable().stream()
                    .map(r -> byRegion.getOrDefault(r.id(), Map.of())
                            .getOrDefault(gender, Map.of())
                            .get(ownLatest.year()))
                    .filter(Objects::nonNull)
                    .toList();
            amongPeers = same.size() > 1 ? rank(ownLatest, same, direction) : null;
        }
        Rank inCounty = null;
        boolean ownIsMunicipality =
                comparisons.own() != null && comparisons.own().isMunicipality();
        if (ownIsMunicipality && ownLatest != null && countyMunicipalities != null && !countyMunicipalities.isEmpty()) {
            List<BigDecimal> same = countyMunicipalities.stream()
                    .filter(v -> v.gender() == gender && v.year() == ownLatest.year() && v.value() != null)
                    .map(IndicatorValue::value)
                    .toList();
            inCounty = same.size() > 1 ? rank(ownLatest, same, direction) : null;
        }
        Map<Gender, Map<Integer, BigDecimal>> ownByGender =
                own == null ? Map.of() : byRegion.getOrDefault(own.region().id(), Map.of());
        List<Gap> gaps = new ArrayList<>();
        if (own != null) {
            genderGap(ownByGender).ifPresent(gaps::add);
            if (ownLatest != null) {
                regionGaps(ownLatest, series, direction, gaps);
            }
        }
        boolean missingRecent =
                ownLatest == null || (!years.isEmpty() && ownLatest.year() <= years.last() - RECENT_YEARS);
        return new Analysis(
                indicator,
                gender,
                List.copyOf(years),
                series,
                ownLatest,
                againstCounty,
                againstCounty == null ? null : countyOrRegion,
                againstCountry,
                amongPeers,
                inCounty,
                ownByGender,
                gaps,
                missingRecent,
                ownIsMunicipality ? null : spread(countyMunicipalities, municipalityRegions, gender, direction));
    }

    static Spread spread(
            List<IndicatorValue> values, Map<Integer, IndicatorRegion> names, Gender gender, Direction direction) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<IndicatorValue> ofGender = values.stream()
                .filter(v -> v.gender() == gender && v.value() != null && names.containsKey(v.regionId()))
                .toList();
        Integer year = ofGender.stream()
                .map(IndicatorValue::year)
                .max(Comparator.naturalOrder())
                .orElse(null);
        if (year == null) {
            return null;
        }
        List<IndicatorValue> same =
                ofGender.stream().filter(v -> v.year() == year).toList();
        if (same.size() < 2) {
            return null;
        }
        int sign = direction == Direction.HIGHER_IS_WORSE ? -1 : 1;
        Comparator<IndicatorValue> better = Comparator.comparing(v -> v.value().multiply(BigDecimal.valueOf(sign)));
        IndicatorValue best = same.stream().max(better).orElseThrow();
        IndicatorValue worst = same.stream().min(better).orElseThrow();
        return new Spread(
                year,
                names.get(best.regionId()),
                best.value(),
                names.get(worst.regionId()),
                worst.value(),
                best.value().subtract(worst.value()).abs(),
                same.size());
    }

    private static String role(ComparisonSet c, IndicatorRegion region) {
        if (region.equals(c.own())) {
            return "own";
        }
        if (region.equals(c.county())) {
            return "county";
        }
        if (region.equals(c.region())) {
            return "region";
        }
        if (region.equals(c.country())) {
            return "country";
        }
        return "peer";
    }

    static Latest latest(Map<Integer, BigDecimal> byYear, Direction direction) {
        Integer year = byYear.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey)
                .max(Comparator.naturalOrder())
                .orElse(null);
        if (year == null) {
            return null;
        }
        BigDecimal value = byYear.get(year);
        // The previous year with a value, however far back: a change across missing years is still
        // a change, but it says which years it spans.
        Integer previous = byYear.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getKey() < year)
                .map(Map.Entry::getKey)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new Latest(
                year,
                value,
                previous == null
                        ? null
                        : change(previous, year, byYear.get(previous), value, direction, year - previous > 1),
                change(year - 5, year, byYear.get(year - 5), value, direction, false));
    }

    private static Change change(
            int fromYear, int toYear, BigDecimal from, BigDecimal to, Direction direction, boolean acrossGap) {
        if (from == null) {
            return null;
        }
        BigDecimal difference = to.subtract(from);
        return new Change(fromYear, toYear, from, difference, direction.judge(difference.signum()), acrossGap);
    }

    private static Integer against(
            Latest own,
            Map<Integer, Map<Gender, Map<Integer, BigDecimal>>> byRegion,
            IndicatorRegion other,
            Gender gender,
            Direction direction) {
        if (own == null || other == null) {
            return null;
        }
        BigDecimal theirs = byRegion.getOrDefault(other.id(), Map.of())
                .getOrDefault(gender, Map.of())
                .get(own.year());
        if (theirs == null) {
            return null;
        }
        int sign = Integer.signum(own.value().compareTo(theirs));
        // Without a better direction, higher (2) or lower (-2) is said without a judgement.
        return direction == Direction.NEUTRAL ? 2 * sign : direction.judge(sign);
    }

    private static Rank rank(Latest own, List<BigDecimal> values, Direction direction) {
        int sign = direction == Direction.HIGHER_IS_WORSE ? -1 : 1;
        long ahead =
                values.stream().filter(v -> sign * v.compareTo(own.value()) > 0).count();
        return new Rank((int) ahead + 1, values.size(), own.year());
    }

    private static java.util.Optional<Gap> genderGap(Map<Gender, Map<Integer, BigDecimal>> byGender) {
        Map<Integer, BigDecimal> male = byGender.getOrDefault(Gender.MALE, Map.of());
        Map<Integer, BigDecimal> female = byGender.getOrDefault(Gender.FEMALE, Map.of());
        return male.keySet().stream()
                .filter(y -> male.get(y) != null && female.get(y) != null)
                .max(Comparator.naturalOrder())
                .map(y -> gap("gender", y, male.get(y), female.get(y), null));
    }

    private static void regionGaps(Latest own, List<RegionSeries> series, Direction direction, List<Gap> gaps) {
        RegionSeries best = null;
        RegionSeries worst = null;
        int sign = direction == Direction.HIGHER_IS_WORSE ? -1 : 1;
        for (RegionSeries s : series.subList(1, series.size())) {
            BigDecimal v = s.byYear().get(own.year());
            if (v == null) {
                continue;
            }
            if (best == null || sign * v.compareTo(best.byYear().get(own.year())) > 0) {
                best = s;
            }
            if (worst == null || sign * v.compareTo(worst.byYear().get(own.year())) < 0) {
                worst = s;
            }
        }
        if (best != null) {
            gaps.add(gap("best", own.year(), own.value(), best.byYear().get(own.year()), best.region()));
        }
        if (worst != null && worst != best) {
            gaps.add(gap("worst", own.year(), own.value(), worst.byYear().get(own.year()), worst.region()));
        }
    }

    private static Gap gap(String kind, int year, BigDecimal a, BigDecimal b, IndicatorRegion other) {
        BigDecimal difference = a.subtract(b);
        BigDecimal larger = a.abs().max(b.abs());
        BigDecimal relative =
                larger.signum() == 0 ? BigDecimal.ZERO : difference.abs().divide(larger, MathContext.DECIMAL64);
        return new Gap(kind, year, difference, relative, other, relative.compareTo(LARGE_GAP) >= 0);
    }
}
