package fi.hyte.indicator.domain;

import java.util.List;

/**
 * Why a row, or the whole file, was refused: a message key under {@code indicator.problem.} with its
 * arguments, so it is shown in the reader's language. Line 0 means the file as a whole.
 */
public record Problem(long line, String code, List<String> args) {

    public static Problem of(long line, String code, Object... args) {
        // A cell can hold anything: what is shown of it is kept short.
        return new Problem(
                line,
                code,
                java.util.Arrays.stream(args)
                        .map(String::valueOf)
                        .map(a -> a.length() > 80 ? a.substring(0, 79) + "…" : a)
                        .toList());
    }

    public String messageKey() {
        return "indicator.problem." + code;
    }
}
