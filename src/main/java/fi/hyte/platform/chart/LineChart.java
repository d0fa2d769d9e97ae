package fi.hyte.platform.chart;

import fi.hyte.platform.format.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** An indicator's time series as a self-contained SVG 1.1 line chart, safe for a strict CSP and for PDF. */
public final class LineChart {

    /** One year's value; a {@code null} value is missing and breaks the line. */
    public record Point(int year, BigDecimal value) {}

    /**
     * One line. Lines connect across years absent from {@code points} (biennial surveys); only a
     * {@code null} value breaks them.
     */
    public record Series(String label, boolean emphasised, List<Point> points) {
        public Series {
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points).stream()
                    .sorted(Comparator.comparingInt(Point::year))
                    .toList();
            for (int i = 1; i < points.size(); i++) {
                if (points.get(i).year() == points.get(i - 1).year()) {
                    throw new IllegalArgumentException(
                            label + " has two values for " + points.get(i).year());
                }
            }
        }
    }

    /**
     * What to draw. {@code idPrefix} makes the ids of the title and description unique on a page;
     * {@code decimals} applies to the tick labels and the tooltips; at most one series is
     * emphasised, and at most {@value #MAX_OTHER_SERIES} others can be told apart.
     */
    public record Chart(
            String idPrefix,
            String title,
            String description,
            String unit,
            int decimals,
            Locale locale,
            List<Series> series) {
        public Chart {
            if (idPrefix == null || !ID.matcher(idPrefix).matches()) {
                throw new IllegalArgumentException("Not an XML id: " + idPrefix);
            }
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(locale, "locale");
            unit = unit == null ? "" : unit;
            if (decimals < 0 || decimals > 6) {
                throw new IllegalArgumentException("decimals " + decimals);
            }
            series = List.copyOf(series);
            long emphasised = series.stream().filter(Series::emphasised).count();
            if (emphasised > 1 || series.size() - emphasised > MAX_OTHER_SERIES) {
                throw new IllegalArgumentException("At most one emphasised and " + MAX_OTHER_SERIES + " other series");
            }
        }
    }

    enum Marker {
        CIRCLE,
        SQUARE,
        TRIANGLE,
        DIAMOND,
        CROSS,
        TRIANGLE_DOWN,
        PLUS,
        RING,
        BOX
    }

    /** Colour, dash pattern ({@code null} = solid) and marker; no two styles share dash and marker. */
    record Style(String colour, String dash, Marker marker, double width) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 360;
    static final double LABEL_GAP = 14;
    static final int MAX_OTHER_SERIES = 8;
    static final Style EMPHASIS = new Style("#0b4f8a", null, Marker.CIRCLE, 3.5);
    // Every colour reaches 4.5:1 on white, so it serves for the coloured direct labels as text too.
    static final List<Style> PALETTE = List.of(
            new Style("#b35806", "7,4", Marker.SQUARE, 2),
            new Style("#6a3d9a", "2,3", Marker.TRIANGLE, 2),
            new Style("#1b7a3a", "9,3,2,3", Marker.DIAMOND, 2),
            new Style("#a0145a", "12,4", Marker.CROSS, 2),
            new Style("#4d4d4d", null, Marker.TRIANGLE_DOWN, 2),
            new Style("#00708a", "4,2", Marker.PLUS, 2),
            new Style("#7a5c00", "1,3", Marker.RING, 2),
            new Style("#c0392b", "6,2,1,2", Marker.BOX, 2));

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    private static final String TEXT = "#333333";
    private static final double TOP = 34;

    private LineChart() {}

    /**
     * The size of a drawing: the wide one labels each line at its end (with its marker, so that no
     * line is told by colour alone) and needs no legend; the narrow one, for a phone, gives the plot
     * the whole width and names the lines in a legend below, one a row, never shortened.
     */
    record Layout(int width, int plotHeight, double fontSize, boolean directLabels) {}

    static final Layout WIDE = new Layout(WIDTH, HEIGHT, 12, true);

    /** 340 px fits a 390 px phone's page at full size, so 13 px text stays at least 12 px. */
    static final Layout NARROW = new Layout(340, 240, 13, false);

    /** The chart for a page or a document: 720 × 360, each line labelled at its end. */
    public static String render(Chart chart) {
        return render(chart, WIDE);
    }

    /** The same chart for a phone's width: 340 px wide, a legend below instead of labels at the ends. */
    public static String renderNarrow(Chart chart) {
        return render(chart, NARROW);
    }

    static String render(Chart chart, Layout layout) {
        String p = chart.idPrefix();
        double fontSize = layout.fontSize();
        List<Series> series = chart.series();
        List<String> labels = series.stream().map(Series::label).toList();
        double width = layout.width();
        // The narrow legend: one row per series (two when its name is long), below the plot.
        List<List<String>> legendLines = new ArrayList<>();
        if (!layout.directLabels() && series.size() > 1) {
            for (String label : labels) legendLines.add(wrap(label, width - 16 - 30, fontSize));
        }
        double legendRow = fontSize + 7;
        double legendHeight = legendLines.stream()
                .mapToDouble(lines -> lines.size() * legendRow + 4)
                .sum();
        int height = (int) Math.ceil(layout.plotHeight() + (legendLines.isEmpty() ? 0 : legendHeight + 12));
        StringBuilder svg = new StringBuilder(8192)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + layout.width()
                        + "\" height=\"" + height + "\" viewBox=\"0 0 " + layout.width() + " " + height
                        + "\" role=\"img\" aria-labelledby=\"" + p + "-title " + p + "-desc\" font-family=\""
                        + Svg.escape(FONT) + "\" font-size=\"" + Svg.num(fontSize) + "\">")
                .append("<title id=\"" + p + "-title\">" + Svg.escape(chart.title()) + "</title>")
                .append("<desc id=\"" + p + "-desc\">" + Svg.escape(chart.description()) + "</desc>");
        DoubleSummaryStatistics values = series.stream()
                .flatMap(s -> s.points().stream())
                .filter(point -> point.value() != null)
                .mapToDouble(point -> point.value().doubleValue())
                .summaryStatistics();
        if (values.getCount() == 0) {
            return svg.append("<rect x=\"0.5\" y=\"0.5\" width=\"" + (layout.width() - 1) + "\" height=\""
                            + (height - 1) + "\" fill=\"none\" stroke=\"#cccccc\"/></svg>")
                    .toString();
        }
        Function<BigDecimal, String> format = v -> Numbers.value(v, chart.decimals(), chart.locale());
        List<BigDecimal> ticks = yTicks(values.getMin(), values.getMax(), chart.decimals());
        List<String> tickLabels = ticks.stream().map(format).toList();
        List<Style> styles = styles(series);

        double left = 16 + Math.max(24, widest(tickLabels, fontSize));
        // Room at the right for the labels at the ends of the lines: a marker and the whole name,
        // e.g. "Vantaan ja Keravan hyvinvointialue"; only a longer one is shortened.
        double labelRoom = Math.min(250, 36 + widest(labels, fontSize));
        double right = layout.directLabels() ? width - labelRoom : width - 16;
        double bottom = layout.plotHeight() - 30;
        IntSummaryStatistics years = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToInt(Point::year)
                .summaryStatistics();
        Frame frame = new Frame(left, right, bottom, years.getMin(), years.getMax(), ticks);

        svg.append("<g fill=\"" + TEXT + "\">").append(text(8, TOP - 16, "start", chart.unit(), "", fontSize));
        for (int i = 0; i < ticks.size(); i++) {
            double y = frame.y(ticks.get(i).doubleValue());
            boolean zero = ticks.get(i).signum() == 0 && i > 0;
            svg.append(line(left, y, right, y, zero ? "#8c8c8c" : "#e3e3e3", 1, null))
                    .append(text(left - 8, y + 4, "end", tickLabels.get(i), "", fontSize));
        }
        svg.append(line(left, bottom, right, bottom, TEXT, 1, null));
        for (int year : xLabelYears(frame.firstYear(), frame.lastYear(), frame.pxPerYear())) {
            svg.append(line(frame.x(year), bottom, frame.x(year), bottom + 5, TEXT, 1, null))
                    .append(text(frame.x(year), bottom + 19, "middle", Integer.toString(year), "", fontSize));
        }
        svg.append("</g>");

        // The emphasised series is drawn last so that it stays on top of the others.
        List<Integer> order = IntStream.range(0, series.size())
                .boxed()
                .sorted(Comparator.comparing(i -> series.get(i).emphasised()))
                .toList();
        for (int i : order) {
            svg.append("<g id=\"" + p + "-line-" + i + "\" fill=\"none\">");
            for (List<Point> run : runs(series.get(i).points())) {
                if (run.size() > 1) svg.append(path(run.stream().map(frame::xy).toList(), styles.get(i)));
            }
            svg.append("</g>");
        }
        String unit = chart.unit().isEmpty() ? "" : " " + chart.unit();
        for (int i : order) {
            svg.append("<g id=\"" + p + "-points-" + i + "\">");
            for (Point point : series.get(i).points()) {
                if (point.value() == null) continue;
                String tooltip = labels.get(i) + " " + point.year() + ": " + format.apply(point.value()) + unit;
                svg.append(marker(styles.get(i), frame.x(point.year()), frame.y(point.value()), tooltip));
            }
            svg.append("</g>");
        }

        if (layout.directLabels()) {
            List<Integer> labelled = new ArrayList<>();
            List<Double> wanted = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                List<List<Point>> runs = runs(series.get(i).points());
                List<Point> lastRun = runs.get(runs.size() - 1);
                if (lastRun.isEmpty()) continue;
                labelled.add(i);
                wanted.add(frame.y(lastRun.get(lastRun.size() - 1).value()));
            }
            double[] placed =
                    spread(wanted.stream().mapToDouble(Double::doubleValue).toArray(), TOP, bottom, LABEL_GAP);
            for (int k = 0; k < labelled.size(); k++) {
                int i = labelled.get(k);
                String attributes = " id=\"" + p + "-label-" + i + "\" fill=\""
                        + styles.get(i).colour() + "\"" + (series.get(i).emphasised() ? " font-weight=\"bold\"" : "");
                if (series.size() > 1) svg.append(marker(styles.get(i), right + 14, placed[k], null));
                svg.append(text(
                        right + 24, placed[k] + 4, "start", labels.get(i), attributes, width - right - 28, fontSize));
            }
        } else {
            double y = layout.plotHeight() + 4;
            for (int i = 0; i < legendLines.size(); i++) {
                Style style = styles.get(i);
                double x = 16, middle = y + legendRow / 2;
                svg.append(line(x, middle, x + 24, middle, style.colour(), style.width(), style.dash()))
                        .append(marker(style, x + 12, middle, null));
                String attributes = " id=\"" + p + "-label-" + i + "\""
                        + (series.get(i).emphasised() ? " font-weight=\"bold\"" : "");
                List<String> lines = legendLines.get(i);
                StringBuilder text =
                        new StringBuilder("<text x=\"" + Svg.num(x + 30) + "\" y=\"" + Svg.num(middle + fontSize / 3)
                                + "\" text-anchor=\"start\" fill=\"" + TEXT + "\"" + attributes + ">");
                for (int l = 0; l < lines.size(); l++) {
                    text.append(
                            l == 0
                                    ? Svg.escape(lines.get(l))
                                    : "<tspan x=\"" + Svg.num(x + 30) + "\" dy=\"" + Svg.num(legendRow) + "\">"
                                            + Svg.escape(lines.get(l)) + "</tspan>");
                }
                svg.append(text.append("</text>"));
                y += lines.size() * legendRow + 4;
            }
        }
        return svg.append("</svg>").toString();
    }

    /** A name in lines of at most {@code width}, broken between words; a word longer than a line stays whole. */
    static List<String> wrap(String text, double width, double fontSize) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && Svg.textWidth(candidate, fontSize) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The plot area and its scales. */
    private record Frame(
            double left, double right, double bottom, int firstYear, int lastYear, List<BigDecimal> ticks) {
        double pxPerYear() {
            return firstYear == lastYear ? 0 : (right - left - 20) / (lastYear - firstYear);
        }

        double x(int year) {
            return firstYear == lastYear ? (left + right) / 2 : left + 10 + (year - firstYear) * pxPerYear();
        }

        double y(double value) {
            double lo = ticks.get(0).doubleValue(),
                    hi = ticks.get(ticks.size() - 1).doubleValue();
            return bottom - (value - lo) / (hi - lo) * (bottom - TOP);
        }

        double y(BigDecimal value) {
            return y(value.doubleValue());
        }

        String xy(Point point) {
            return Svg.num(x(point.year())) + "," + Svg.num(y(point.value()));
        }
    }

    /** Nice tick values (1, 2, 2.5, 5 × 10ⁿ steps, never finer than {@code decimals}) covering min..max. */
    static List<BigDecimal> yTicks(double min, double max, int decimals) {
        double lo, hi;
        if (min >= 0 && min < 0.6 * max) {
            lo = 0;
            hi = max;
        } else {
            double pad = max > min ? (max - min) * 0.15 : Math.max(Math.abs(max) * 0.1, Math.pow(10, -decimals));
            lo = min >= 0 ? Math.max(0, min - pad) : min - pad;
            hi = max <= 0 && min < 0 ? Math.min(0, max + pad) : max + pad;
        }
        int exponent = (int) Math.floor(Math.log10((hi - lo) / 10));
        for (int e = exponent; ; e++) {
            for (int mantissa : new int[] {10, 20, 25, 50}) {
                BigDecimal step = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(e - 1);
                if (step.stripTrailingZeros().scale() > decimals) continue;
                long from = (long) Math.floor(lo / step.doubleValue() + 1e-9);
                long to = (long) Math.ceil(hi / step.doubleValue() - 1e-9);
                if (to - from > 5) continue;
                // A step coarser than the data's decimals may leave too few ticks: add them above (or below).
                while (to - from < 3) {
                    if (min >= 0 || to < 0) to++;
                    else from--;
                }
                List<BigDecimal> ticks = new ArrayList<>();
                for (long k = from; k <= to; k++) {
                    ticks.add(step.multiply(BigDecimal.valueOf(k)).stripTrailingZeros());
                }
                return ticks;
            }
        }
    }

    /** The runs of consecutive present values: a missing value ends one. */
    static List<List<Point>> runs(List<Point> points) {
        List<List<Point>> runs = new ArrayList<>(List.of(new ArrayList<>()));
        for (Point point : points) {
            if (point.value() != null) runs.get(runs.size() - 1).add(point);
            else if (!runs.get(runs.size() - 1).isEmpty()) runs.add(new ArrayList<>());
        }
        return runs;
    }

    static List<Style> styles(List<Series> series) {
        List<Style> styles = new ArrayList<>();
        int next = 0;
        for (Series s : series) {
            styles.add(s.emphasised() ? EMPHASIS : PALETTE.get(next++));
        }
        return styles;
    }

    /** Years to label: all, or every 2nd/5th/10th, always with the first and last one. */
    static List<Integer> xLabelYears(int first, int last, double pxPerYear) {
        int span = last - first + 1;
        int step = span <= 12 ? 1 : span <= 24 ? 2 : span <= 60 ? 5 : 10;
        double minGap = 40;
        // A narrow chart: labelled years also keep the gap from each other, not only from the ends.
        while (step < 10 && step * pxPerYear < minGap) {
            step = step == 1 ? 2 : step == 2 ? 5 : 10;
        }
        List<Integer> years = new ArrayList<>(List.of(first));
        for (int year = first + 1; year < last; year++) {
            boolean clear = (year - first) * pxPerYear >= minGap && (last - year) * pxPerYear >= minGap;
            if (year % step == 0 && clear) years.add(year);
        }
        if (last != first) years.add(last);
        return years;
    }

    /** Moves wanted positions apart to at least {@code gap}, keeping them within top..bottom if they fit. */
    static double[] spread(double[] wanted, double top, double bottom, double gap) {
        Integer[] order = new Integer[wanted.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> wanted[i]).thenComparing(i -> i));
        double[] sorted = new double[wanted.length];
        for (int k = 0; k < sorted.length; k++) {
            sorted[k] = Math.max(wanted[order[k]], k == 0 ? top : sorted[k - 1] + gap);
        }
        for (int k = sorted.length - 1; k >= 0; k--) {
            double limit = k == sorted.length - 1 ? bottom : sorted[k + 1] - gap;
            sorted[k] = Math.min(sorted[k], limit);
        }
        // If they do not all fit, overflow below rather than overlap.
        for (int k = 1; k < sorted.length; k++) {
            sorted[k] = Math.max(sorted[k], sorted[k - 1] + gap);
        }
        double[] placed = new double[wanted.length];
        for (int k = 0; k < sorted.length; k++) placed[order[k]] = sorted[k];
        return placed;
    }

    private static String path(List<String> points, Style style) {
        return "<path d=\"M" + String.join(" L", points) + "\" stroke=\"" + style.colour() + "\" stroke-width=\""
                + Svg.num(style.width())
                + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
                + (style.dash() == null ? "" : " stroke-dasharray=\"" + style.dash() + "\"") + "/>";
    }

    private static String marker(Style style, double cx, double cy, String tooltip) {
        double r = style == EMPHASIS ? 5 : 4;
        String c = style.colour();
        String filled = " fill=\"" + c + "\" stroke=\"#ffffff\" stroke-width=\"1\"";
        String hollow = " fill=\"#ffffff\" stroke=\"" + c + "\" stroke-width=\"2\"";
        String strokes = " fill=\"none\" stroke=\"" + c + "\" stroke-width=\"2.5\"";
        String at = " cx=\"" + Svg.num(cx) + "\" cy=\"" + Svg.num(cy) + "\" r=\"";
        String box = " x=\"" + Svg.num(cx - r) + "\" y=\"" + Svg.num(cy - r) + "\" width=\"" + Svg.num(2 * r)
                + "\" height=\"" + Svg.num(2 * r) + "\"";
        String shape = switch (style.marker()) {
            case CIRCLE -> "circle" + at + Svg.num(r) + "\"" + filled;
            case RING -> "circle" + at + Svg.num(r - 0.5) + "\"" + hollow;
            case SQUARE -> "rect" + box + filled;
            case BOX -> "rect" + box + hollow;
            case TRIANGLE -> outline(cx, cy, "M0,-1.3 L1.2,1 L-1.2,1 Z", r) + filled;
            case TRIANGLE_DOWN -> outline(cx, cy, "M0,1.3 L1.2,-1 L-1.2,-1 Z", r) + filled;
            case DIAMOND -> outline(cx, cy, "M0,-1.4 L1.4,0 L0,1.4 L-1.4,0 Z", r) + filled;
            case CROSS -> outline(cx, cy, "M-1,-1 L1,1 M-1,1 L1,-1", r) + strokes;
            case PLUS -> outline(cx, cy, "M-1.25,0 L1.25,0 M0,-1.25 L0,1.25", r) + strokes;
        };
        String name = shape.substring(0, shape.indexOf(' '));
        return tooltip == null
                ? "<" + shape + "/>"
                : "<" + shape + "><title>" + Svg.escape(tooltip) + "</title></" + name + ">";
    }

    /** A path element's start from a unit outline (pairs of x,y after M or L) scaled by r around cx,cy. */
    private static String outline(double cx, double cy, String outline, double r) {
        StringBuilder d = new StringBuilder("path d=\"");
        for (String part : outline.split(" ")) {
            if (part.equals("Z")) {
                d.append(" Z");
                continue;
            }
            String[] xy = part.substring(1).split(",");
            d.append(d.length() > 8 ? " " : "").append(part.charAt(0));
            d.append(Svg.num(cx + r * Double.parseDouble(xy[0])))
                    .append(',')
                    .append(Svg.num(cy + r * Double.parseDouble(xy[1])));
        }
        return d.append('"').toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"" + Svg.num(x1) + "\" y1=\"" + Svg.num(y1) + "\" x2=\"" + Svg.num(x2) + "\" y2=\""
                + Svg.num(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + Svg.num(width) + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String anchor, String content, String attributes, double size) {
        return text(x, y, anchor, content, attributes, Double.MAX_VALUE, size);
    }

    /** A text shortened to {@code width} with an ellipsis; then the whole text is its tooltip. */
    private static String text(
            double x, double y, String anchor, String content, String attributes, double width, double size) {
        String shown = content;
        while (Svg.textWidth(shown, size) > width && shown.length() > 1) {
            shown = content.substring(0, shown.length() - (shown.endsWith("…") ? 2 : 1))
                            .stripTrailing() + "…";
        }
        return "<text x=\"" + Svg.num(x) + "\" y=\"" + Svg.num(y) + "\" text-anchor=\"" + anchor + "\"" + attributes
                + ">" + Svg.escape(shown) + (shown.equals(content) ? "" : "<title>" + Svg.escape(content) + "</title>")
                + "</text>";
    }

    private static double widest(List<String> texts, double size) {
        return texts.stream().mapToDouble(t -> Svg.textWidth(t, size)).max().orElse(0);
    }

    static double textWidth(String text) {
        return Svg.textWidth(text, 12);
    }
}
