package fi.hyte.indicator.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Numbers as the reader's language writes them (9,7 in Finnish and Swedish, 9.7 in English), with
 * exactly the decimals the source published: a stored 10.0 is shown as 10,0, never rounded or padded.
 * Templates call it as {@code @valueFormat}.
 */
@Component("valueFormat")
public class ValueFormat {

    public String value(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        return format(value, Math.max(0, value.scale()), locale);
    }

    /** A change with its sign (+1,2 or −0,4); zero without one. */
    public String change(BigDecimal difference, Locale locale) {
        if (difference == null) {
            return "–";
        }
        String text = format(difference.abs(), Math.max(0, difference.scale()), locale);
        return switch (difference.signum()) {
            case 1 -> "+" + text;
            case -1 -> "\u2212" + text;
            default -> text;
        };
    }

    /** A share such as a relative gap, as a whole percentage. */
    public String percent(BigDecimal share, Locale locale) {
        return share == null ? "–" : NumberFormat.getPercentInstance(locale).format(share);
    }

    private static String format(BigDecimal value, int decimals, Locale locale) {
        // Pages format hundreds of values: formats are made once per language and decimals, then cloned
        // (a DecimalFormat is not thread-safe, and building one parses its pattern and symbols).
        DecimalFormat format =
                (DecimalFormat) FORMATS.computeIfAbsent(new FormatKey(locale.getLanguage(), decimals), key -> {
                            DecimalFormat made = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
                            made.setMinimumFractionDigits(decimals);
                            made.setMaximumFractionDigits(decimals);
                            return made;
                        })
                        .clone();
        format.setGroupingUsed(value.abs().compareTo(BigDecimal.valueOf(9999)) > 0);
        return format.format(value);
    }

    private record FormatKey(String language, int decimals) {}

    private static final Map<FormatKey, DecimalFormat> FORMATS = new ConcurrentHashMap<>();
}
