package fi.hyte.plan.domain;

/**
 * Keeps user text from running as a formula when a spreadsheet program opens an export (CSV or
 * formula injection): text that starts with = + - @, a tab or a carriage return is marked as text.
 * In XLSX the cell gets the quote-prefix style (what typing an apostrophe first does in Excel); in
 * CSV the text gets a leading apostrophe, which {@link #unguard} removes again on import.
 */
final class FormulaGuard {

    private FormulaGuard() {}

    static boolean risky(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The text as a CSV field may carry it. */
    static String csv(String text) {
        return risky(text) ? "'" + text : text;
    }

    /** The text without the apostrophe that {@link #csv} (or a user, the same way) put before it. */
    static String unguard(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && risky(text.substring(1))) {
            return text.substring(1);
        }
        return text;
    }
}
