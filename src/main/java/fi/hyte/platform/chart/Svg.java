package fi.hyte.platform.chart;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** What every chart needs to write SVG: escaping, coordinates and a rough text width. */
public final class Svg {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

    private Svg() {}

    /** Escapes for both text and attributes, dropping control characters XML 1.0 cannot carry. */
    public static String escape(String text) {
        return CONTROL.matcher(text)
                .replaceAll("")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A coordinate with at most one decimal, without trailing zeros. */
    static String num(double v) {
        return BigDecimal.valueOf(Math.round(v * 10), 1).stripTrailingZeros().toPlainString();
    }

    /** A rough width of sans-serif text at {@code size} px: there are no font metrics on the server, so it errs wide. */
    static double textWidth(String text, double size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            em += "ijlft.,:;'|!()[] -".indexOf(c) >= 0
                    ? 0.33
                    : Character.isUpperCase(c) || c == 'm' || c == 'w' ? 0.8 : 0.58;
        }
        return em * size;
    }
}
