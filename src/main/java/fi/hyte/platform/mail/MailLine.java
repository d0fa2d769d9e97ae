package fi.hyte.platform.mail;

import java.util.List;

/**
 * One line of a message: a message key of the producing module's bundle with its arguments (a
 * {@link fi.hyte.platform.LocalizedText} argument is given in the recipient's language), and
 * optionally the path of the page in Hyte it is about (e.g. {@code /plan/measures/…}).
 */
public record MailLine(String key, List<Object> args, String path) {

    public MailLine {
        args = List.copyOf(args);
    }

    public static MailLine of(String key, String path, Object... args) {
        return new MailLine(key, List.of(args), path);
    }
}
