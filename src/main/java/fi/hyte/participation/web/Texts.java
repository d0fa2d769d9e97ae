package fi.hyte.participation.web;

import fi.hyte.platform.LocalizedText;
import java.util.Arrays;
import java.util.List;

/**
 * Users' texts on a public page in the page's language. A text missing in Swedish or English falls
 * back to Finnish (then Swedish), never to blank, and says so: {@link Shown#lang} is the language
 * to mark the element with ({@code lang="fi"}), null when the text is in the page's own language.
 */
public record Texts(String lang) {

    public Shown of(LocalizedText text) {
        if (text == null) {
            return Shown.NONE;
        }
        String wanted = switch (lang) {
            case "sv" -> text.sv();
            case "en" -> text.en();
            default -> text.fi();
        };
        if (wanted != null) {
            return new Shown(wanted, null);
        }
        if (text.fi() != null) {
            return new Shown(text.fi(), "fi");
        }
        if (text.sv() != null) {
            return new Shown(text.sv(), lang.equals("sv") ? null : "sv");
        }
        return text.en() == null ? Shown.NONE : new Shown(text.en(), lang.equals("en") ? null : "en");
    }

    /** A text written only in Finnish (an evaluation's assessment). */
    public Shown finnish(String text) {
        if (text == null || text.isBlank()) {
            return Shown.NONE;
        }
        return new Shown(text.strip(), lang.equals("fi") ? null : "fi");
    }

    /** A text to show and the language to mark it with when it is not the page's. */
    public record Shown(String text, String lang) {

        static final Shown NONE = new Shown(null, null);

        public boolean present() {
            return text != null && !text.isBlank();
        }

        /** The text's paragraphs (separated by blank lines). */
        public List<String> paragraphs() {
            if (!present()) {
                return List.of();
            }
            return Arrays.stream(text.split("\\R\\s*\\R"))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .toList();
        }
    }
}
