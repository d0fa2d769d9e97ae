package fi.hyte.maturity.domain;

import fi.hyte.platform.chart.MatrixChart;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model's matrix as the shared {@link MatrixChart} draws it: criteria × levels with their
 * keywords, the agreed level of each criterion marked.
 */
public final class MaturityMatrix {

    private MaturityMatrix() {}

    /** The words of the picture, already in the user's language. */
    public record Texts(String title, String description, String marker) {}

    /** @param agreed criterion key → agreed level (criteria without one are left unmarked) */
    public static String svg(MaturityModel model, Map<String, Integer> agreed, Locale locale, Texts texts) {
        List<String> levels =
                model.levels().stream().map(l -> l.name().in(locale)).toList();
        List<MatrixChart.Row> rows = model.criteria().stream()
                .map(c -> {
                    Integer chosen = agreed.get(c.key());
                    Integer marked = null;
                    for (int i = 0; i < model.levels().size(); i++) {
                        if (chosen != null && model.levels().get(i).level() == chosen) {
                            marked = i;
                        }
                    }
                    List<List<String>> cells = model.levels().stream()
                            .map(l -> c.cell(l.level()).keywords(locale))
                            .toList();
                    return new MatrixChart.Row(c.title().in(locale), cells, marked);
                })
                .toList();
        return MatrixChart.render(
                new MatrixChart.Matrix("matrix", texts.title(), texts.description(), texts.marker(), levels, rows));
    }
}
