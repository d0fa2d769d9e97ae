package fi.hyte.maturity.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A round's matrix in the reader's language: the picture, its title and description, and the agreed levels in words. */
@Component
public class MaturityFigures {

    private final MessageSource messages;

    MaturityFigures(MessageSource messages) {
        this.messages = messages;
    }

    /** The matrix as a picture and as words. */
    public record Figure(String svg, String title, String description, String agreedLevels) {}

    public Figure matrix(RoundResults shown, Locale locale) {
        Map<String, Integer> agreed = new HashMap<>();
        shown.criteria().forEach(c -> {
            if (c.consensus() != null) {
                agreed.put(c.criterion().key(), c.consensus().level());
            }
        });
        String title = messages.getMessage(
                "maturity.matrix.title", new Object[] {shown.round().title()}, locale);
        String description = messages.getMessage("maturity.matrix.description", null, locale);
        String svg = MaturityMatrix.svg(
                shown.model(),
                agreed,
                locale,
                new MaturityMatrix.Texts(
                        title, description, messages.getMessage("maturity.matrix.marker", null, locale)));
        String none = messages.getMessage("maturity.matrix.notAgreed", null, locale);
        String levels = shown.criteria().stream()
                .map(c -> c.criterion().title().in(locale) + ": "
                        + (c.consensus() == null
                                ? none
                                : shown.model()
                                        .level(c.consensus().level())
                                        .name()
                                        .in(locale)))
                .collect(Collectors.joining("; "));
        return new Figure(svg, title, description, levels);
    }
}
