package fi.hyte.indicator.domain;

import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.indicator.domain.IndicatorAnalysis.RegionSeries;
import fi.hyte.platform.chart.LineChart;
import fi.hyte.platform.format.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An indicator's analysis as the figures a reader sees, on a page or in a document: the regions'
 * chart with its text alternative, the regions that were left to the table, the data table, and the
 * own region's chart by gender.
 */
@Component
public class IndicatorFigures {

    /** Own and at most this many others are drawn; the table lists every region. */
    static final int DRAWN_OTHERS = 8;

    /** A series more than this many times larger or smaller than own's is left to the table. */
    static final int SCALE_LIMIT = 5;

    private final MessageSource messages;

    IndicatorFigures(MessageSource messages) {
        this.messages = messages;
    }

    /** One row of the data table, its cells already formatted (the chart's text alternative). */
    public record TableRow(IndicatorRegion region, String role, List<String> cells) {}

    /**
     * @param chart the regions' chart as SVG, or {@code null} when there are no years
     * @param leftOut regions of another scale, shown in the table only
     * @param genderChart own region by gender, or {@code null} without a breakdown
     * @param chartNarrow, genderChartNarrow the same for a phone's width (a page shows one or the other)
     */
    public record Figures(
            String chart,
            String description,
            List<String> leftOut,
            List<Integer> years,
            List<TableRow> table,
            String genderChart,
            String chartNarrow,
            String genderChartNarrow) {}

    public Figures of(Analysis analysis, Locale locale) {
        List<String> leftOut = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        List<LineChart.Series> series = regionSeries(analysis, locale, leftOut, latest);
        String description = messages.getMessage(
                "indicator.chart.description",
                new Object[] {
                    // Years as text: a year is no amount to group (2 023), and there may be none.
                    analysis.years().isEmpty()
                            ? "–"
                            : String.valueOf(analysis.years().get(0)),
                    analysis.years().isEmpty()
                            ? "–"
                            : String.valueOf(
                                    analysis.years().get(analysis.years().size() - 1)),
                    String.join("; ", latest)
                },
                locale);
        String chart = analysis.years().isEmpty()
                ? null
                : ChartCache.render(regionsChart(analysis, "chart-regions", description, locale, series));
        String chartNarrow = analysis.years().isEmpty()
                ? null
                : ChartCache.renderNarrow(regionsChart(analysis, "chart-regions-narrow", description, locale, series));
        boolean genders = analysis.indicator().hasGenderBreakdown();
        LineChart.Chart genderWide = genders ? genderChart(analysis, locale, "chart-genders") : null;
        LineChart.Chart genderNarrow = genders ? genderChart(analysis, locale, "chart-genders-narrow") : null;
        return new Figures(
                chart,
                description,
                List.copyOf(leftOut),
                analysis.years(),
                table(analysis, locale),
                genderWide == null ? null : ChartCache.render(genderWide),
                chartNarrow,
                genderNarrow == null ? null : ChartCache.renderNarrow(genderNarrow));
    }

    private static LineChart.Chart regionsChart(
            Analysis analysis, String id, String description, Locale locale, List<LineChart.Series> series) {
        return new LineChart.Chart(
                id,
                analysis.indicator().title().in(locale),
                description,
                analysis.indicator().unit().in(locale),
                decimals(analysis),
                locale,
                series);
    }

    /** The heading of the chart by gender, also its SVG title. */
    public String genderHeading(Analysis analysis, Locale locale) {
        String region = analysis.ownSeries() == null
                ? ""
                : analysis.ownSeries().region().title().in(locale);
        return messages.getMessage(
                "indicator.chart.genders",
                new Object[] {analysis.indicator().title().in(locale), region},
                locale);
    }

    private static List<LineChart.Series> regionSeries(
            Analysis analysis, Locale locale, List<String> leftOut, List<String> latest) {
        List<LineChart.Series> series = new ArrayList<>();
        BigDecimal ownPeak = peak(analysis.ownSeries());
        for (RegionSeries s : analysis.series()) {
            if (s.byYear().isEmpty()) {
                continue;
            }
            String label = s.region().title().in(locale);
            if (!"own".equals(s.role()) && ofAnotherScale(ownPeak, peak(s))) {
                leftOut.add(label);
                continue;
            }
            series.add(new LineChart.Series(label, "own".equals(s.role()), points(analysis.years(), s.byYear())));
            if (s.latest() != null) {
                latest.add(label + " " + s.latest().year() + ": "
                        + Numbers.value(s.latest().value(), locale));
            }
        }
        List<LineChart.Series> drawn = new ArrayList<>(
                series.stream().filter(LineChart.Series::emphasised).toList());
        series.stream().filter(x -> !x.emphasised()).limit(DRAWN_OTHERS).forEach(drawn::add);
        return drawn;
    }

    /**
     * A count (population, say) of a whole region is many times a municipality's and would flatten
     * its line.
     */
    private static boolean ofAnotherScale(BigDecimal ownPeak, BigDecimal peak) {
        if (ownPeak == null || peak == null || ownPeak.signum() <= 0 || peak.signum() <= 0) {
            return false;
        }
        BigDecimal limit = BigDecimal.valueOf(SCALE_LIMIT);
        return peak.compareTo(ownPeak.multiply(limit)) > 0 || ownPeak.compareTo(peak.multiply(limit)) > 0;
    }

    private static List<TableRow> table(Analysis analysis, Locale locale) {
        List<TableRow> rows = new ArrayList<>();
        for (RegionSeries s : analysis.series()) {
            if (s.byYear().isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>(analysis.years().size());
            for (Integer year : analysis.years()) {
                BigDecimal value = s.byYear().get(year);
                cells.add(value == null ? "" : Numbers.value(value, locale));
            }
            rows.add(new TableRow(s.region(), s.role(), cells));
        }
        return rows;
    }

    private LineChart.Chart genderChart(Analysis analysis, Locale locale, String id) {
        if (analysis.ownSeries() == null) {
            return null;
        }
        List<LineChart.Series> series = new ArrayList<>();
        for (Gender g : Gender.values()) {
            Map<Integer, BigDecimal> byYear = analysis.ownByGender().get(g);
            if (byYear != null && !byYear.isEmpty()) {
                series.add(new LineChart.Series(
                        messages.getMessage("indicator.gender." + g.code(), null, locale),
                        g == Gender.TOTAL,
                        points(List.copyOf(new TreeSet<>(byYear.keySet())), byYear)));
            }
        }
        if (series.size() < 2) {
            return null;
        }
        String region = analysis.ownSeries().region().title().in(locale);
        return new LineChart.Chart(
                id,
                genderHeading(analysis, locale),
                messages.getMessage("indicator.chart.gendersDescription", new Object[] {region}, locale),
                analysis.indicator().unit().in(locale),
                decimals(analysis),
                locale,
                series);
    }

    private static BigDecimal peak(RegionSeries series) {
        return series == null
                ? null
                : series.byYear().values().stream()
                        .filter(Objects::nonNull)
                        .map(BigDecimal::abs)
                        .max(BigDecimal::compareTo)
                        .orElse(null);
    }

    private static List<LineChart.Point> points(List<Integer> years, Map<Integer, BigDecimal> byYear) {
        List<LineChart.Point> points = new ArrayList<>(years.size());
        for (Integer year : years) {
            points.add(new LineChart.Point(year, byYear.get(year)));
        }
        return points;
    }

    /** The indicator's published decimals, or the most any of its values has. */
    static int decimals(Analysis analysis) {
        if (analysis.indicator().decimals() != null) {
            return Math.max(0, Math.min(6, analysis.indicator().decimals()));
        }
        return Math.min(
                6,
                analysis.series().stream()
                        .flatMap(s -> s.byYear().values().stream())
                        .filter(Objects::nonNull)
                        .mapToInt(v -> Math.max(0, v.scale()))
                        .max()
                        .orElse(0));
    }
}
