package fi.hyte.plan.domain;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the stable number ({@code ref}) of a policy line, goal or measure is written: L-1, T-3, TP-12.
 * One scheme in every language, because the id is a citation key that appears in budget books,
 * council papers and e-mails, and the same measure must not be TP-12 in one document and ÅT-12 in
 * another (the localized prefixes would also collide: "M-" is a measure in English and a goal,
 * mål, in Swedish). The letters are Finnish, the working language of every organisation using
 * Hyte. Each kind is numbered on its own within a plan; reading accepts any letters (ÅT-12, M12,
 * 12), and the sheet a row is on says whether it is a goal or a measure.
 */
public final class PlanRef {

    private static final Pattern ID = Pattern.compile("\\p{L}{0,4}\\s*[-–]?\\s*(\\d{1,9})");

    private PlanRef() {}

    public static String line(int ref) {
        return "L-" + ref;
    }

    public static String goal(int ref) {
        return "T-" + ref;
    }

    public static String measure(int ref) {
        return "TP-" + ref;
    }

    /** The number of an id as people write it: letters, an optional dash, digits; empty if it is none. */
    public static OptionalInt parse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = ID.matcher(text.strip());
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
