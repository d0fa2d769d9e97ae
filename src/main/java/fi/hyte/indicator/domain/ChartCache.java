package fi.hyte.indicator.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.hyte.platform.chart.LineChart;

/**
 * Rendered charts, by what they draw. The key is the whole {@link LineChart.Chart}: its title,
 * description, unit, language and every series' label and values, so a chart of changed values, of
 * another organisation's regions or in another language is another key and is rendered anew; a chart
 * never shows anything but its own content. Bounded by the characters of SVG held (about 4 million
 * by default, some 8 MB at most): an indicator page's chart is 10–40 thousand.
 */
public final class ChartCache {

    static final long DEFAULT_CHARACTERS = 4_000_000;

    private static final Cache<LineChart.Chart, String> RENDERED = Caffeine.newBuilder()
            .maximumWeight(DEFAULT_CHARACTERS)
            .weigher((LineChart.Chart chart, String svg) -> svg.length())
            .build();

    private static final Cache<LineChart.Chart, String> NARROW = Caffeine.newBuilder()
            .maximumWeight(DEFAULT_CHARACTERS / 2)
            .weigher((LineChart.Chart chart, String svg) -> svg.length())
            .build();

    private static volatile boolean enabled = true;

    private ChartCache() {}

    /** The same as {@link LineChart#render}, rendered once per distinct chart. */
    public static String render(LineChart.Chart chart) {
        return enabled ? RENDERED.get(chart, LineChart::render) : LineChart.render(chart);
    }

    /** The same as {@link LineChart#renderNarrow}, for a phone's width. */
    public static String renderNarrow(LineChart.Chart chart) {
        return enabled ? NARROW.get(chart, LineChart::renderNarrow) : LineChart.renderNarrow(chart);
    }

    static void limit(long characters) {
        enabled = characters > 0;
        RENDERED.policy().eviction().ifPresent(e -> e.setMaximum(Math.max(0, characters)));
        NARROW.policy().eviction().ifPresent(e -> e.setMaximum(Math.max(0, characters / 2)));
        if (!enabled) {
            RENDERED.invalidateAll();
            NARROW.invalidateAll();
        }
    }
}
