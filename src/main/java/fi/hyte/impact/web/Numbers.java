package fi.hyte.impact.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;

/** Reading euros, shares and links as people type them (1 000 000,50; 12,5). */
final class Numbers {

    private Numbers() {}

    /** The number, or null when empty; throws NumberFormatException when it is not one. */
    static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = text.strip()
                .replace("\u00a0", "")
                .replace("\u202f", "")
                .replace(" ", "")
                .replace("€", "")
                .replace("%", "")
                .replace('\u2212', '-')
                .replace(',', '.');
        return new BigDecimal(cleaned);
    }

    static boolean isWebLink(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        try {
            URI uri = URI.create(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
