package fi.hyte.platform.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.platform.chart.LineChart.Chart;
import fi.hyte.platform.chart.LineChart.Point;
import fi.hyte.platform.chart.LineChart.Series;
import fi.hyte.platform.chart.LineChart.Style;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG line chart: well-formed, accessible, honest about gaps and readable without colour. */
class LineChartTests {

    private static final Locale FI = Locale.forLanguageTag("fi-FI");

    @Test
    void outputIsWellFormedXmlWithEscapedTitleAndDescription() throws Exception {
        String title = "Diabetes & <verenpaine> \"40+\" 'ikävuotta'";
        String description = "Kerava < Uusimaa & koko maa";
        Document svg = parse(LineChart.render(
                chart("dia", title, description, List.of(series("K&<ra>\"va'", true, 8.1, 8.4, 9.7)))));

        Element root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("dia-title dia-desc");
        assertThat(root.getAttribute("font-family"))
                .isEqualTo("system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif");
        Element titleElement = child(root, "title");
        Element descElement = child(root, "desc");
        assertThat(titleElement.getAttribute("id")).isEqualTo("dia-title");
        assertThat(titleElement.getTextContent()).isEqualTo(title);
        assertThat(descElement.getAttribute("id")).isEqualTo("dia-desc");
        assertThat(descElement.getTextContent()).isEqualTo(description);
        assertThat(byId(svg, "dia-label-0").getTextContent()).isEqualTo("K&<ra>\"va'");
    }

    @Test
    void sizeIsWholePixelsWithAMatchingViewBox() throws Exception {
        Element root = parse(LineChart.render(chart(List.of(series("Kerava", true, 1.0, 2.0)))))
                .getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("720");
        assertThat(root.getAttribute("height")).isEqualTo("360");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 720 360");
    }

    @Test
    void noStyleAttributeClassOrScriptAnywhere() throws Exception {
        String rendered = LineChart.render(chart(List.of(
                series("Kerava", true, 9.1, 9.4, null, 9.7),
                series("Uusimaa", false, 8.0, 8.2, 8.3, 8.5),
                series("Koko maa", false, 8.8, null, 9.0, 9.1))));
        NodeList all = parse(rendered).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertThat(element.getTagName()).isNotIn("style", "script", "foreignObject");
            assertThat(element.hasAttribute("style")).as(element.getTagName()).isFalse();
            assertThat(element.hasAttribute("class")).as(element.getTagName()).isFalse();
        }
        assertThat(rendered).doesNotContain("style=").doesNotContain("<style");
    }

    @Test
    void missingValueBreaksTheLineAndIsNeverDrawnAsZero() throws Exception {
        Document svg = parse(LineChart.render(chart(List.of(series("Kerava", true, 9.1, 9.4, 9.5, null, 9.7, 9.9)))));

        NodeList segments = byId(svg, "c-line-0").getElementsByTagName("path");
        assertThat(segments.getLength()).isEqualTo(2);
        assertThat(pointsIn(((Element) segments.item(0)).getAttribute("d"))).hasSize(3);
        assertThat(pointsIn(((Element) segments.item(1)).getAttribute("d"))).hasSize(2);
        List<String> tooltips = texts(byId(svg, "c-points-0").getElementsByTagName("title"));
        assertThat(tooltips)
                .containsExactly(
                        "Kerava 2015: 9,1 %",
                        "Kerava 2016: 9,4 %", "Kerava 2017: 9,5 %", "Kerava 2019: 9,7 %", "Kerava 2020: 9,9 %");
        // The axis does not start at zero here, so a value drawn as zero would fall below the plot.
        double nine = yOfTick(svg, "9,0");
        for (String d : texts(segments, "d")) {
            assertThat(pointsIn(d)).allSatisfy(p -> assertThat(p[1]).isLessThan(nine));
        }
    }

    @Test
    void isolatedValueBetweenGapsStillShowsAsAPoint() throws Exception {
        Document svg = parse(LineChart.render(chart(List.of(series("Kerava", false, 5.0, null, 6.0, null, 7.0)))));

        assertThat(byId(svg, "c-line-0").getElementsByTagName("path").getLength())
                .isZero();
        assertThat(texts(byId(svg, "c-points-0").getElementsByTagName("title"))).hasSize(3);
    }

    @Test
    void yearsWithoutAnyEntryAreBridgedAsInBiennialSurveys() throws Exception {
        List<Point> biennial = List.of(
                new Point(2021, new BigDecimal("31.0")),
                new Point(2017, new BigDecimal("28.5")),
                new Point(2019, new BigDecimal("29.9")));
        Document svg = parse(LineChart.render(chart(List.of(new Series("Kerava", true, biennial)))));

        NodeList segments = byId(svg, "c-line-0").getElementsByTagName("path");
        assertThat(segments.getLength()).isEqualTo(1);
        List<double[]> points = pointsIn(((Element) segments.item(0)).getAttribute("d"));
        assertThat(points).hasSize(3);
        assertThat(points).isSortedAccordingTo((a, b) -> Double.compare(a[0], b[0]));
    }

    @Test
    void everySeriesHasItsOwnDashAndMarkerAndTheEmphasisedIsThickest() throws Exception {
        List<Series> many = new ArrayList<>();
        many.add(series("Kerava", true, 1.0, 2.0));
        for (int i = 0; i < LineChart.MAX_OTHER_SERIES; i++) many.add(series("Vertailu " + i, false, 1.0 + i, 2.0));

        List<Style> styles = LineChart.styles(many);
        Set<String> combinations = new HashSet<>();
        Set<String> colours = new HashSet<>();
        for (Style style : styles) {
            combinations.add(style.dash() + "/" + style.marker());
            colours.add(style.colour());
            assertThat(contrastOnWhite(style.colour())).as(style.colour()).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(combinations).hasSize(many.size());
        assertThat(colours).hasSize(many.size());
        assertThat(styles.get(0)).isEqualTo(LineChart.EMPHASIS);
        assertThat(styles.subList(1, styles.size()))
                .allSatisfy(s -> assertThat(s.width()).isLessThan(LineChart.EMPHASIS.width()));

        Document svg = parse(LineChart.render(chart(many)));
        for (int i = 0; i < many.size(); i++) {
            Element line = (Element)
                    byId(svg, "c-line-" + i).getElementsByTagName("path").item(0);
            assertThat(line.getAttribute("stroke")).isEqualTo(styles.get(i).colour());
            assertThat(line.getAttribute("stroke-dasharray"))
                    .isEqualTo(styles.get(i).dash() == null ? "" : styles.get(i).dash());
        }
    }

    @Test
    void tooManySeriesToTellApartAreRefused() {
        List<Series> many = IntStream.rangeClosed(0, LineChart.MAX_OTHER_SERIES)
                .mapToObj(i -> series("Kunta " + i, false, 1.0))
                .toList();
        assertThatThrownBy(() -> chart(many)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yTicksAreNiceNumbersCoveringAllValues() {
        Set<BigDecimal> mantissas =
                Set.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("2.5"), new BigDecimal("5"));
        double[][] ranges = {
            {0, 0},
            {0, 1},
            {3, 3},
            {8.1, 9.9},
            {0.3, 9.7},
            {61, 100},
            {-4.2, 3.1},
            {-12, -3},
            {1234.5, 1240},
            {0.01, 0.07},
            {0, 37},
            {12.5, 13},
            {950, 99000},
            {6, 10}
        };
        for (int decimals = 0; decimals <= 2; decimals++) {
            for (double[] range : ranges) {
                for (double stretch = 1; stretch < 1000; stretch *= 3.7) {
                    double min = range[0] * stretch, max = range[1] * stretch;
                    List<BigDecimal> ticks = LineChart.yTicks(min, max, decimals);
                    String what = min + ".." + max + " with " + decimals + " decimals: " + ticks;
                    assertThat(ticks).as(what).hasSizeBetween(4, 6);
                    assertThat(ticks.get(0).doubleValue()).as(what).isLessThanOrEqualTo(min);
                    assertThat(ticks.get(ticks.size() - 1).doubleValue())
                            .as(what)
                            .isGreaterThanOrEqualTo(max);
                    BigDecimal step = ticks.get(1).subtract(ticks.get(0));
                    for (int i = 1; i < ticks.size(); i++) {
                        assertThat(ticks.get(i).subtract(ticks.get(i - 1)))
                                .as(what)
                                .isEqualByComparingTo(step);
                    }
                    BigDecimal mantissa = step.movePointLeft(step.precision() - step.scale() - 1)
                            .stripTrailingZeros();
                    assertThat(mantissas).as(what).contains(mantissa);
                    assertThat(step.stripTrailingZeros().scale()).as(what).isLessThanOrEqualTo(decimals);
                    if (min >= 0 && min < 0.6 * max)
                        assertThat(ticks.get(0)).as(what).isEqualByComparingTo("0");
                    if (min >= 0) assertThat(ticks.get(0).signum()).as(what).isNotNegative();
                }
            }
        }
    }

    @Test
    void finnishNumbersHaveADecimalCommaAndASpaceBetweenThousands() throws Exception {
        Document svg = parse(LineChart.render(
                new Chart("c", "t", "d", "€/as.", 1, FI, List.of(series("Kerava", true, 1200.0, 1234.5)))));

        List<String> tooltips = texts(byId(svg, "c-points-0").getElementsByTagName("title"));
        assertThat(tooltips.get(1)).matches("Kerava 2016: 1[\u00a0\u202f]234,5 €/as\\.");
        assertThat(tickLabels(svg)).allSatisfy(label -> assertThat(label).matches("1[\u00a0\u202f]\\d{3},\\d"));
    }

    @Test
    void labelsOfCloseEndValuesDoNotOverlap() throws Exception {
        Document svg = parse(LineChart.render(chart(List.of(
                series("Kerava", true, 5.0, 10.0),
                series("Uusimaa", false, 6.0, 10.1),
                series("Keski-Uusimaa", false, 7.0, 10.05),
                series("Koko maa", false, 1.0, 0.2),
                series("Järvenpää", false, 1.5, 0.0)))));

        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < 5; i++)
            ys.add(Double.parseDouble(byId(svg, "c-label-" + i).getAttribute("y")));
        for (int i = 0; i < ys.size(); i++) {
            for (int j = i + 1; j < ys.size(); j++) {
                assertThat(Math.abs(ys.get(i) - ys.get(j))).isGreaterThanOrEqualTo(LineChart.LABEL_GAP);
            }
        }
        assertThat(ys).allSatisfy(y -> assertThat(y).isLessThanOrEqualTo(360));
    }

    @Test
    void longLabelIsShortenedBesideTheLineButKeptWholeAsItsTooltip() throws Exception {
        String label = "Pohjois-Pohjanmaan hyvinvointialue ja sen lähikunnat yhteensä";
        Document svg = parse(LineChart.render(chart(List.of(series("Kerava", true, 1.0), series(label, false, 2.0)))));

        Element shown = byId(svg, "c-label-1");
        assertThat(shown.getFirstChild().getNodeValue()).endsWith("…").isNotEqualTo(label);
        assertThat(child(shown, "title").getTextContent()).isEqualTo(label);
    }

    @Test
    void singleSeriesWithASinglePointIsDrawn() throws Exception {
        Document svg = parse(LineChart.render(chart(List.of(series("Kerava", true, 42.0)))));

        assertThat(texts(byId(svg, "c-points-0").getElementsByTagName("title"))).containsExactly("Kerava 2015: 42,0 %");
        assertThat(byId(svg, "c-label-0").getTextContent()).isEqualTo("Kerava");
        assertThat(texts(svg.getElementsByTagName("text"))).contains("2015");
    }

    @Test
    void chartWithoutAnyValueIsAnEmptyFrameWithItsDescription() throws Exception {
        Document svg = parse(LineChart.render(chart(List.of(series("Kerava", true, null, null)))));

        assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Kuvaus");
        assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(1);
        assertThat(svg.getElementsByTagName("path").getLength()).isZero();
    }

    @Test
    void manyYearsAreLabelledSparselyButAlwaysFirstAndLast() {
        assertThat(LineChart.xLabelYears(2015, 2023, 60))
                .containsExactly(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023);
        assertThat(LineChart.xLabelYears(2001, 2023, 25))
                .startsWith(2001, 2004, 2006)
                .endsWith(2020, 2023)
                .doesNotContain(2022);
        assertThat(LineChart.xLabelYears(1990, 2023, 15))
                .containsExactly(1990, 1995, 2000, 2005, 2010, 2015, 2020, 2023);
    }

    @Test
    void sameInputGivesTheSameOutput() {
        Chart chart = chart(List.of(series("Kerava", true, 9.1, null, 9.7), series("Koko maa", false, 8.8, 9.0, 9.1)));
        assertThat(LineChart.render(chart)).isEqualTo(LineChart.render(chart));
    }

    @Test
    void wideChartNamesEachLineAtItsEndWholeAndRepeatsNoLegend() throws Exception {
        String county = "Vantaan ja Keravan hyvinvointialue";
        Document svg = parse(LineChart.render(chart(List.of(
                series("Kerava", true, 9.8, 10.3),
                series(county, false, 9.5, 9.9),
                series("Koko maa", false, 10.0, 10.2)))));
        assertThat(byId(svg, "c-label-1").getTextContent()).isEqualTo(county);
        List<String> all = texts(svg.getElementsByTagName("text"));
        assertThat(all.stream().filter(t -> t.equals(county)))
                .as("no legend repeats the labels")
                .hasSize(1);
    }

    @Test
    void narrowChartKeepsTwelvePixelTextAtAPhonesWidthAndNamesTheLinesBelow() throws Exception {
        String county = "Vantaan ja Keravan hyvinvointialue";
        Element root = parse(LineChart.renderNarrow(chart(List.of(
                        series("Kerava", true, 9.8, 10.3, 10.7, 11.1, 11.5, 11.5, 11.7, 11.7, 11.8),
                        series(county, false, 9.5, 9.9, 10.2, 10.5, 10.6, 10.5, 10.6, 10.7, 10.7)))))
                .getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("340");
        // Shown at 340 px on a 390 px phone: 13 px text is 13 px.
        assertThat(Double.parseDouble(root.getAttribute("font-size"))).isGreaterThanOrEqualTo(12);
        Document svg = root.getOwnerDocument();
        assertThat(byId(svg, "c-label-1").getTextContent().replace("\u00a0", " "))
                .isEqualTo(county);
        assertThat(byId(svg, "c-label-1").getAttribute("x"))
                .as("in the legend, at the left")
                .isEqualTo("46");
        // Years are labelled apart from each other: at least 40 px between any two.
        List<Double> years = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getAttribute("text-anchor").equals("middle"))
                years.add(Double.parseDouble(text.getAttribute("x")));
        }
        assertThat(years).hasSizeGreaterThan(2);
        for (int i = 1; i < years.size(); i++) {
            assertThat(years.get(i) - years.get(i - 1)).isGreaterThanOrEqualTo(40);
        }
    }

    private static Chart chart(List<Series> series) {
        return chart("c", "Otsikko", "Kuvaus", series);
    }

    private static Chart chart(String id, String title, String description, List<Series> series) {
        return new Chart(id, title, description, "%", 1, FI, series);
    }

    /** A series with one value per year from 2015 on; {@code null} is a missing year. */
    private static Series series(String label, boolean emphasised, Double... values) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Point(2015 + i, values[i] == null ? null : BigDecimal.valueOf(values[i])));
        }
        return new Series(label, emphasised, points);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document svg, String id) {
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) return (Element) all.item(i);
        }
        throw new AssertionError("No element " + id);
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        assertThat(children.getLength()).as(name).isPositive();
        return (Element) children.item(0);
    }

    private static List<String> texts(NodeList nodes) {
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }

    private static List<String> texts(NodeList nodes, String attribute) {
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> ((Element) nodes.item(i)).getAttribute(attribute))
                .toList();
    }

    /** Y axis labels are the right-aligned texts. */
    private static List<String> tickLabels(Document svg) {
        NodeList texts = svg.getElementsByTagName("text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getAttribute("text-anchor").equals("end")) labels.add(text.getTextContent());
        }
        return labels;
    }

    private static double yOfTick(Document svg, String label) {
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getAttribute("text-anchor").equals("end")
                    && text.getTextContent().equals(label)) {
                return Double.parseDouble(text.getAttribute("y")) - 4;
            }
        }
        throw new AssertionError("No tick " + label + " in " + tickLabels(svg));
    }

    private static List<double[]> pointsIn(String d) {
        Matcher m = Pattern.compile("[ML](-?[\\d.]+),(-?[\\d.]+)").matcher(d);
        List<double[]> points = new ArrayList<>();
        while (m.find()) points.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        return points;
    }

    private static double contrastOnWhite(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
        return 1.05 / (luminance + 0.05);
    }
}
