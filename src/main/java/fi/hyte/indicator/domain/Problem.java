package fi.hyte.indicator.domain;

import java.util.List;

/**
 * Why a row, or the whole file, was refused: a message key under {@code indicator.problem.} with its
 * arguments, so it is shown in the reader's language. Line 0 means the file as a whole.
 */
public record Problem(long line, String code, List<String> args) {

    public static Problem of(long line, String code, Object... args) {
        return new Problem(
                line, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public String messageKey() {
        return "indicator.problem." + code;
    }
}
