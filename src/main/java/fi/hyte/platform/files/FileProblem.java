package fi.hyte.platform.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * Why a file, or one of its rows, was refused: where (sheet, row, the row's own id, column) and why,
 * as a message key with arguments, so that the domain never picks a language; the web edge turns it
 * into text with {@link #text}. Row 0 means the file as a whole. The column is a message key too
 * (its header in the reader's language). An argument is plain text (numbers as written, 2025 not
 * 2 025), a nested {@link Message}, or a list of them, joined with commas.
 */
public record FileProblem(String sheet, long row, String reference, String column, String key, List<Object> args) {

    /** A cell can hold anything: what a message quotes of it is kept this short. */
    private static final int QUOTED = 80;

    public FileProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem of a row (or of the whole file, row 0) without sheet, id or column. */
    public static FileProblem of(long row, String key, Object... args) {
        return new FileProblem(null, row, null, null, key, plain(args));
    }

    /** A problem located in a sheet, on a row with its own id, in a column (a message key). */
    public static FileProblem at(String sheet, long row, String reference, String column, String key, Object... args) {
        return new FileProblem(sheet, row, reference, column, key, plain(args));
    }

    /** The last part of the key: a stable code for the API and logs ({@code unknownRegion}). */
    public String code() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The reason in the reader's language. */
    public String text(MessageSource messages, Locale locale) {
        return resolve(messages, locale, key, args);
    }

    /** The problem as a problems table shows it, in the reader's language. */
    public Shown shown(MessageSource messages, Locale locale) {
        return new Shown(
                sheet,
                row,
                reference,
                column == null ? null : messages.getMessage(column, null, locale),
                text(messages, locale));
    }

    public static List<Shown> shown(List<FileProblem> problems, MessageSource messages, Locale locale) {
        return problems.stream().map(p -> p.shown(messages, locale)).toList();
    }

    /** One line of a problems table. */
    public record Shown(String sheet, long row, String reference, String column, String text) {}

    /** A message inside a message (e.g. who changed the row and when). */
    public record Message(String key, List<Object> args) {

        public Message {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static Message of(String key, Object... args) {
            return new Message(key, plain(args));
        }
    }

    private static String resolve(MessageSource messages, Locale locale, String key, List<Object> args) {
        Object[] resolved =
                args.stream().map(a -> argument(messages, locale, a)).toArray();
        return messages.getMessage(key, resolved, locale);
    }

    private static Object argument(MessageSource messages, Locale locale, Object arg) {
        if (arg instanceof Message m) {
            return resolve(messages, locale, m.key(), m.args());
        }
        if (arg instanceof List<?> list) {
            return list.stream()
                    .map(a -> String.valueOf(argument(messages, locale, a)))
                    .collect(Collectors.joining(", "));
        }
        return arg;
    }

    private static List<Object> plain(Object[] args) {
        List<Object> plain = new ArrayList<>(args.length);
        for (Object arg : Arrays.asList(args)) {
            if (arg instanceof Message || arg instanceof List<?>) {
                plain.add(arg);
            } else {
                String text = String.valueOf(arg);
                plain.add(text.length() > QUOTED ? text.substring(0, QUOTED - 1) + "…" : text);
            }
        }
        return plain;
    }
}
