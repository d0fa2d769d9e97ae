package fi.hyte.platform;

import java.util.Locale;

/** A name or text given by users in Finnish and optionally in Swedish and English. */
public record LocalizedText(String fi, String sv, String en) {

    public LocalizedText {
        fi = blankToNull(fi);
        sv = blankToNull(sv);
        en = blankToNull(en);
    }

    public static LocalizedText of(String fi, String sv) {
        return new LocalizedText(fi, sv, null);
    }

    /** The text in the given language, falling back to Finnish, then Swedish, then English. */
    public String in(Locale locale) {
        String wanted = switch (locale.getLanguage()) {
            case "sv" -> sv;
            case "en" -> en;
            default -> fi;
        };
        if (wanted != null) {
            return wanted;
        }
        return fi != null ? fi : sv != null ? sv : en;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
