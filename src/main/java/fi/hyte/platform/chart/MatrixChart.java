package fi.hyte.platform.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A matrix of rows × columns as SVG, e.g. a maturity model's criteria × levels with the keywords of
 * each cell and one cell of a row marked: framed, ticked and labelled (never by colour alone). Drawn
 * on the server so that the same picture appears on the page and in a document; a page or a document
 * gives the same facts as a table beside it.
 */
public final class MatrixChart {

    static final int LABEL_WIDTH = 210;
    static final int CELL_WIDTH = 185;
    static final int HEADER_HEIGHT = 44;
    static final int ROW_HEIGHT = 104;

    /**
     * One row: its title, each column's lines (in column order) and the marked column's index, or
     * {@code null} when no cell is marked.
     */
    public record Row(String title, List<List<String>> cells, Integer marked) {
        public Row {
            Objects.requireNonNull(title, "title");
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    /**
     * What to draw, in the reader's language. {@code idPrefix} makes the ids of the title and
     * description unique where several matrices share a page; {@code marker} labels a marked cell.
     */
    public record Matrix(
            String idPrefix, String title, String description, String marker, List<String> columns, List<Row> rows) {
        public Matrix {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            for (Row row : rows) {
                if (row.cells().size() != columns.size()) {
                    throw new IllegalArgumentException(
                            row.title() + " has " + row.cells().size() + " cells");
                }
            }
        }
    }

    private MatrixChart() {}

    public static String render(Matrix matrix) {
        int columns = matrix.columns().size();
        int width = LABEL_WIDTH + columns * CELL_WIDTH + 2;
        int height = HEADER_HEIGHT + matrix.rows().size() * ROW_HEIGHT + 2;
        String p = Svg.escape(matrix.idPrefix());
        StringBuilder svg = new StringBuilder(8192)
                .append(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"maturity-matrix\" role=\"img\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" aria-labelledby=\"" + p + "-title " + p + "-desc\"")
                .append(" font-family=\"DejaVu Sans, Arial, sans-serif\">");
        svg.append("<title id=\"" + p + "-title\">")
                .append(Svg.escape(matrix.title()))
                .append("</title>");
        svg.append("<desc id=\"" + p + "-desc\">")
                .append(Svg.escape(matrix.description()))
                .append("</desc>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#ffffff\"/>");
        for (int i = 0; i < columns; i++) {
            int x = LABEL_WIDTH + i * CELL_WIDTH;
            svg.append(rect(x, 0, CELL_WIDTH, HEADER_HEIGHT, "#1a4b8c", "#1a4b8c", 1));
            svg.append(text(
                    x + CELL_WIDTH / 2,
                    28,
                    "middle",
                    15,
                    "#ffffff",
                    true,
                    matrix.columns().get(i)));
        }
        for (int r = 0; r < matrix.rows().size(); r++) {
            Row row = matrix.rows().get(r);
            int y = HEADER_HEIGHT + r * ROW_HEIGHT;
            svg.append(rect(0, y, LABEL_WIDTH, ROW_HEIGHT, "#f5f7fa", "#c5ccd6", 1));
            List<String> title = wrap(row.title(), 24);
            for (int line = 0; line < title.size(); line++) {
                svg.append(text(10, y + 26 + line * 18, "start", 14, "#1a2233", true, title.get(line)));
            }
            for (int i = 0; i < columns; i++) {
                int x = LABEL_WIDTH + i * CELL_WIDTH;
                boolean marked = row.marked() != null && row.marked() == i;
                svg.append(rect(x, y, CELL_WIDTH, ROW_HEIGHT, marked ? "#dbe9f7" : "#ffffff", "#c5ccd6", 1));
                int line = 0;
                for (String keyword : row.cells().get(i)) {
                    for (String part : wrap(keyword, 22)) {
                        svg.append(text(x + 10, y + 24 + line * 18, "start", 13, "#1a2233", false, part));
                        line++;
                    }
                }
                if (marked) {
                    svg.append(rect(x + 3, y + 3, CELL_WIDTH - 6, ROW_HEIGHT - 6, "none", "#0b2f5c", 4));
                    svg.append(text(x + 10, y + ROW_HEIGHT - 12, "start", 13, "#0b2f5c", true, "✓ " + matrix.marker()));
                }
            }
        }
        return svg.append("</svg>").toString();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String rect(int x, int y, int w, int h, String fill, String stroke, int strokeWidth) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" + fill
                + "\" stroke=\"" + stroke + "\" stroke-width=\"" + strokeWidth + "\"/>";
    }

    private static String text(int x, int y, String anchor, int size, String fill, boolean bold, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" fill=\"" + fill + "\"" + (bold ? " font-weight=\"700\"" : "") + ">" + Svg.escape(content)
                + "</text>";
    }
}
