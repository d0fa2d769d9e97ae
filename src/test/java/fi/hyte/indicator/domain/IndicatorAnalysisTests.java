package fi.hyte.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.platform.LocalizedText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the indicator page: changes judged by direction, ranks, comparisons and gaps. */
class IndicatorAnalysisTests {

    static final IndicatorRegion OWN = region(122, "KUNTA", "Kerava");
    static final IndicatorRegion COUNTY = region(977, "HYVINVOINTIALUE", "Vantaa–Kerava");
    static final IndicatorRegion REGION = region(488, "MAAKUNTA", "Uusimaa");
    static final IndicatorRegion COUNTRY = region(658, "MAA", "Koko maa");
    static final IndicatorRegion PEER_A = region(1, "KUNTA", "A");
    static final IndicatorRegion PEER_B = region(2, "KUNTA", "B");
    static final ComparisonSet SET = new ComparisonSet(OWN, COUNTY, REGION, COUNTRY, List.of(PEER_A, PEER_B));

    @Test
    void aRiseIsWorseWhenHigherIsWorseAndUnjudgedWhenNeutral() {
        List<IndicatorValue> values = new ArrayList<>();
        values.add(value(OWN, 2018, "10.0"));
        values.add(value(OWN, 2022, "11.0"));
        values.add(value(OWN, 2023, "11.8"));
        Analysis worse = analyse(Direction.HIGHER_IS_WORSE, values);
        assertThat(worse.own().year()).isEqualTo(2023);
        assertThat(worse.own().sincePrevious().difference()).isEqualByComparingTo("0.8");
        assertThat(worse.own().sincePrevious().judgement()).isEqualTo(-1);
        assertThat(worse.own().overFive().fromYear()).isEqualTo(2018);
        assertThat(worse.own().overFive().difference()).isEqualByComparingTo("1.8");
        assertThat(analyse(Direction.HIGHER_IS_BETTER, values)
                        .own()
                        .sincePrevious()
                        .judgement())
                .isEqualTo(1);
        assertThat(analyse(Direction.NEUTRAL, values).own().sincePrevious().judgement())
                .isZero();
    }

    @Test
    void aMissingValueIsNeverTakenAsZero() {
        List<IndicatorValue> values =
                List.of(value(OWN, 2022, "5.0"), new IndicatorValue(1, OWN.id(), 2023, Gender.TOTAL, null, null));
        Analysis analysis = analyse(Direction.HIGHER_IS_WORSE, values);
        assertThat(analysis.own().year()).isEqualTo(2022);
        assertThat(analysis.own().value()).isEqualByComparingTo("5.0");
        assertThat(analysis.own().sincePrevious()).isNull();
    }

    @Test
    void aChangeAcrossMissingYearsComesFromThePreviousValueAndSaysSo() {
        List<IndicatorValue> values =
                List.of(value(OWN, 2004, "58.0"), value(OWN, 2008, "58.2"), value(OWN, 2012, "55.9"));
        IndicatorAnalysis.Change change =
                analyse(Direction.HIGHER_IS_BETTER, values).own().sincePrevious();
        assertThat(change.fromYear()).isEqualTo(2008);
        assertThat(change.toYear()).isEqualTo(2012);
        assertThat(change.acrossGap()).isTrue();
        assertThat(change.difference()).isEqualByComparingTo("-2.3");
        assertThat(change.judgement()).isEqualTo(-1);
        IndicatorAnalysis.Change consecutive = analyse(
                        Direction.HIGHER_IS_BETTER, List.of(value(OWN, 2011, "1.0"), value(OWN, 2012, "2.0")))
                .own()
                .sincePrevious();
        assertThat(consecutive.acrossGap()).isFalse();
        assertThat(analyse(Direction.HIGHER_IS_BETTER, values).own().overFive()).isNull();
    }

    @Test
    void aCountyIsComparedWithItsOwnMunicipalitiesBestAndWorst() {
        IndicatorRegion countyItself = COUNTY;
        IndicatorRegion vantaa = region(3, "KUNTA", "Vantaa");
        IndicatorRegion kerava = region(4, "KUNTA", "Kerava");
        ComparisonSet set = new ComparisonSet(countyItself, null, null, COUNTRY, List.of());
        List<IndicatorValue> municipalities =
                List.of(value(vantaa, 2011, "6.7"), value(kerava, 2011, "5.5"), value(kerava, 2010, "1.0"));
        Analysis analysis = IndicatorAnalysis.analyse(
                indicator(Direction.HIGHER_IS_WORSE),
                Gender.TOTAL,
                set,
                List.of(),
                municipalities,
                java.util.Map.of(vantaa.id(), vantaa, kerava.id(), kerava));
        assertThat(set.comparesMunicipalities()).isTrue();
        assertThat(analysis.own()).isNull();
        IndicatorAnalysis.Spread spread = analysis.municipalities();
        assertThat(spread.year()).isEqualTo(2011);
        assertThat(spread.best()).isEqualTo(kerava);
        assertThat(spread.worst()).isEqualTo(vantaa);
        assertThat(spread.difference()).isEqualByComparingTo("1.2");
        assertThat(spread.count()).isEqualTo(2);
        assertThat(analysis.inCounty()).isNull();
        assertThat(analyse(Direction.HIGHER_IS_WORSE, List.of(value(OWN, 2011, "5.0")))
                        .municipalities())
                .as("a municipality has no municipalities of its own")
                .isNull();
    }

    @Test
    void rankCountsTheBestFirstByDirection() {
        List<IndicatorValue> values =
                List.of(value(OWN, 2023, "11.8"), value(PEER_A, 2023, "10.5"), value(PEER_B, 2023, "12.2"));
        assertThat(analyse(Direction.HIGHER_IS_WORSE, values).amongPeers())
                .isEqualTo(new IndicatorAnalysis.Rank(2, 3, 2023));
        assertThat(analyse(Direction.HIGHER_IS_BETTER, values).amongPeers().position())
                .isEqualTo(2);
        List<IndicatorValue> lowest = List.of(value(OWN, 2023, "9.0"), value(PEER_A, 2023, "10.5"));
        assertThat(analyse(Direction.HIGHER_IS_WORSE, lowest).amongPeers().position())
                .isEqualTo(1);
    }

    @Test
    void withoutACountyRowTheRegionStandsInForTheCountyComparison() {
        List<IndicatorValue> values =
                List.of(value(OWN, 2011, "6.5"), value(REGION, 2011, "7.0"), value(COUNTRY, 2011, "6.5"));
        Analysis analysis = analyse(Direction.HIGHER_IS_WORSE, values);
        assertThat(analysis.againstCounty()).isEqualTo(1);
        assertThat(analysis.countyCompared()).isEqualTo(REGION);
        assertThat(analysis.againstCountry()).isZero();
    }

    @Test
    void gapsToTheBestAndWorstAreLargeFromTwentyPercent() {
        List<IndicatorValue> values = List.of(
                value(OWN, 2023, "10.0"),
                value(COUNTY, 2023, "9.0"),
                value(PEER_A, 2023, "7.9"),
                value(PEER_B, 2023, "12.4"));
        Analysis analysis = analyse(Direction.HIGHER_IS_WORSE, values);
        IndicatorAnalysis.Gap best = analysis.gaps().stream()
                .filter(g -> g.kind().equals("best"))
                .findFirst()
                .orElseThrow();
        IndicatorAnalysis.Gap worst = analysis.gaps().stream()
                .filter(g -> g.kind().equals("worst"))
                .findFirst()
                .orElseThrow();
        assertThat(best.other()).isEqualTo(PEER_A);
        assertThat(best.difference()).isEqualByComparingTo("2.1");
        assertThat(best.large()).isTrue();
        assertThat(worst.other()).isEqualTo(PEER_B);
        assertThat(worst.relative()).isEqualByComparingTo("0.1935483870967742");
        assertThat(worst.large()).isFalse();
    }

    @Test
    void genderGapComesFromTheLatestYearWithBothGenders() {
        List<IndicatorValue> values = List.of(
                new IndicatorValue(1, OWN.id(), 2022, Gender.MALE, new BigDecimal("30.0"), null),
                new IndicatorValue(1, OWN.id(), 2022, Gender.FEMALE, new BigDecimal("40.0"), null),
                new IndicatorValue(1, OWN.id(), 2023, Gender.MALE, new BigDecimal("31.0"), null));
        IndicatorAnalysis.Gap gap = analyse(Direction.NEUTRAL, values).gaps().get(0);
        assertThat(gap.kind()).isEqualTo("gender");
        assertThat(gap.year()).isEqualTo(2022);
        assertThat(gap.difference()).isEqualByComparingTo("-10.0");
        assertThat(gap.large()).isTrue();
    }

    private static Analysis analyse(Direction direction, List<IndicatorValue> values) {
        return IndicatorAnalysis.analyse(indicator(direction), Gender.TOTAL, SET, values, null);
    }

    private static Indicator indicator(Direction direction) {
        return new Indicator(
                1,
                null,
                null,
                LocalizedText.of("Testi", null),
                LocalizedText.of(null, null),
                LocalizedText.of(null, null),
                LocalizedText.of("%", null),
                1,
                List.of(Gender.TOTAL, Gender.MALE, Gender.FEMALE),
                direction,
                null,
                null,
                null);
    }

    private static IndicatorValue value(IndicatorRegion region, int year, String value) {
        return new IndicatorValue(1, region.id(), year, Gender.TOTAL, new BigDecimal(value), null);
    }

    private static IndicatorRegion region(int id, String category, String name) {
        return new IndicatorRegion(id, String.valueOf(id), category, LocalizedText.of(name, null), List.of());
    }
}
