package fi.hyte.platform.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers as the reader's language writes them: 9,7 and 7 882 in Finnish and Swedish (a
 * non-breaking space between thousands, the minus sign −), 9.7 and 7,882 in English. A value is
 * shown with exactly the decimals it was stored with: a published 10.0 stays 10,0, never rounded or
 * padded. Every page, chart, spreadsheet and document formats through here.
 */
public final class Numbers {

    /** What an absent number is shown as. */
    public static final String MISSING = "–";

    private static final char MINUS = '\u2212';

    private Numbers() {}

    /** A value with the decimals it was stored (published) with. */
    public static String value(BigDecimal value, Locale locale) {
        return value == null ? MISSING : format(value, Math.max(0, value.scale()), locale);
    }

    /** A value rounded half up to exactly {@code decimals} decimals. */
    public static String value(BigDecimal value, int decimals, Locale locale) {
        return value == null ? MISSING : format(value.setScale(decimals, RoundingMode.HALF_UP), decimals, locale);
    }

    /** A whole number, e.g. a count of people or rows. */
    public static String integer(long value, Locale locale) {
        return format(BigDecimal.valueOf(value), 0, locale);
    }

    /** A change with its sign (+1,2 or −0,4); zero without one. */
    public static String change(BigDecimal difference, Locale locale) {
        if (difference == null) {
            return MISSING;
        }
        String text = format(difference.abs(), Math.max(0, difference.scale()), locale);
        return switch (difference.signum()) {
            case 1 -> "+" + text;
            case -1 -> MINUS + text;
            default -> text;
        };
    }

    /** A share (0.25) as a whole percentage: 25 % in Finnish and Swedish, 25% in English. */
    public static String percent(BigDecimal share, Locale locale) {
        if (share == null) {
            return MISSING;
        }
        return percentOf(share.movePointRight(2).setScale(0, RoundingMode.HALF_UP), locale);
    }

    /** A whole percentage already computed (25 → 25 %). */
    public static String percentOf(Number whole, Locale locale) {
        if (whole == null) {
            return MISSING;
        }
        String number = format(new BigDecimal(whole.toString()), 0, locale);
        return english(locale) ? number + "%" : number + "\u00a0%";
    }

    /** Whole euros: 2 343 000 € in Finnish and Swedish, €2,343,000 in English. */
    public static String euros(BigDecimal value, Locale locale) {
        if (value == null) {
            return MISSING;
        }
        String amount = format(value.setScale(0, RoundingMode.HALF_UP), 0, locale);
        return english(locale) ? "€" + amount : amount + "\u00a0€";
    }

    /** Person-years always with one decimal (1,0 or 22,5), so that a column of them lines up. */
    public static String workYears(BigDecimal value, Locale locale) {
        return value(value, 1, locale);
    }

    /** An amount as typed, without trailing zeros and at most two decimals (0,5 or 22,25). */
    public static String amount(BigDecimal value, Locale locale) {
        if (value == null) {
            return MISSING;
        }
        BigDecimal shown = value.setScale(Math.min(2, Math.max(0, value.scale())), RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return format(shown, Math.max(0, shown.scale()), locale);
    }

    private static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }

    private static String format(BigDecimal value, int decimals, Locale locale) {
        String digits = formatFor(locale.getLanguage(), decimals).format(value.abs());
        return value.signum() < 0 && !isZero(digits) ? MINUS + digits : digits;
    }

    private static boolean isZero(String digits) {
        return digits.chars().noneMatch(c -> c >= '1' && c <= '9');
    }

    private static DecimalFormat formatFor(String language, int decimals) {
        // Pages format hundreds of values: formats are made once per language and decimals, then
        // cloned (a DecimalFormat is not thread-safe, and making one parses its pattern and symbols).
        return (DecimalFormat) FORMATS.computeIfAbsent(new FormatKey(language, decimals), key -> {
                    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag(language));
                    if (!language.equals("en")) {
                        symbols.setGroupingSeparator('\u00a0');
                        symbols.setDecimalSeparator(',');
                    }
                    DecimalFormat made = new DecimalFormat("#,##0", symbols);
                    made.setMinimumFractionDigits(decimals);
                    made.setMaximumFractionDigits(decimals);
                    made.setRoundingMode(RoundingMode.HALF_UP);
                    return made;
                })
                .clone();
    }

    private record FormatKey(String language, int decimals) {}

    private static final Map<FormatKey, DecimalFormat> FORMATS = new ConcurrentHashMap<>();
}
