package fi.hyte.maturity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The model's matrix as SVG, drawn on the server so that the same picture appears on the page and
 * in the wellbeing report: criteria × levels with the keywords, the agreed level of each criterion
 * framed, ticked and labelled (never by colour alone). The page gives the same facts as a table.
 */
public final class MaturityMatrix {

    static final int LABEL_WIDTH = 210;
    static final int CELL_WIDTH = 185;
    static final int HEADER_HEIGHT = 44;
    static final int ROW_HEIGHT = 104;

    private MaturityMatrix() {}

    /**
     * @param agreed criterion key → agreed level (criteria without one are left unmarked)
     * @param texts the words the picture needs in the user's language: title, description, marker
     */
    public static String svg(MaturityModel model, Map<String, Integer> agreed, Locale locale, Texts texts) {
        int levels = model.levels().size();
        int width = LABEL_WIDTH + levels * CELL_WIDTH + 2;
        int height = HEADER_HEIGHT + model.criteria().size() * ROW_HEIGHT + 2;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"maturity-matrix\" role=\"img\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append(
                        "\" aria-labelledby=\"matrix-title matrix-desc\" font-family=\"DejaVu Sans, Arial, sans-serif\">");
        svg.append("<title id=\"matrix-title\">").append(escape(texts.title())).append("</title>");
        svg.append("<desc id=\"matrix-desc\">")
                .append(escape(texts.description()))
                .append("</desc>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#ffffff\"/>");
        for (int i = 0; i < levels; i++) {
            MaturityModel.Level level = model.levels().get(i);
            int x = LABEL_WIDTH + i * CELL_WIDTH;
            svg.append(rect(x, 0, CELL_WIDTH, HEADER_HEIGHT, "#1a4b8c", "#1a4b8c", 1));
            svg.append(text(
                    x + CELL_WIDTH / 2,
                    28,
                    "middle",
                    15,
                    "#ffffff",
                    true,
                    level.name().in(locale)));
        }
        for (int row = 0; row < model.criteria().size(); row++) {
            MaturityModel.Criterion criterion = model.criteria().get(row);
            int y = HEADER_HEIGHT + row * ROW_HEIGHT;
            svg.append(rect(0, y, LABEL_WIDTH, ROW_HEIGHT, "#f5f7fa", "#c5ccd6", 1));
            List<String> title = wrap(criterion.title().in(locale), 24);
            for (int line = 0; line < title.size(); line++) {
                svg.append(text(10, y + 26 + line * 18, "start", 14, "#1a2233", true, title.get(line)));
            }
            Integer chosen = agreed.get(criterion.key());
            for (int i = 0; i < levels; i++) {
                int level = model.levels().get(i).level();
                int x = LABEL_WIDTH + i * CELL_WIDTH;
                boolean marked = chosen != null && chosen == level;
                svg.append(rect(x, y, CELL_WIDTH, ROW_HEIGHT, marked ? "#dbe9f7" : "#ffffff", "#c5ccd6", 1));
                List<String> keywords = criterion.cell(level).keywords(locale);
                int line = 0;
                for (String keyword : keywords) {
                    for (String part : wrap(keyword, 22)) {
                        svg.append(text(x + 10, y + 24 + line * 18, "start", 13, "#1a2233", false, part));
                        line++;
                    }
                }
                if (marked) {
                    svg.append(rect(x + 3, y + 3, CELL_WIDTH - 6, ROW_HEIGHT - 6, "none", "#0b2f5c", 4));
                    svg.append(text(x + 10, y + ROW_HEIGHT - 12, "start", 13, "#0b2f5c", true, "✓ " + texts.marker()));
                }
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The words of the picture, already in the user's language. */
    public record Texts(String title, String description, String marker) {}

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
                + "\" fill=\"" + fill + "\"" + (bold ? " font-weight=\"700\"" : "") + ">" + escape(content)
                + "</text>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
