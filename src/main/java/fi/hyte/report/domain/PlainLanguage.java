package fi.hyte.report.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flags what makes a plain-language text (selkokieli, lättläst) hard to read: sentences of more
 * than {@code maxWords} words and words of more than {@code maxLetters} letters. People write the
 * summary; this only points at sentences to look at again.
 */
public final class PlainLanguage {

    public static final int MAX_WORDS = 15;
    public static final int MAX_LETTERS = 20;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private PlainLanguage() {}

    /** A sentence with what is long in it. */
    public record Finding(String sentence, int words, List<String> longWords) {}

    public static List<Finding> check(String text, int maxWords, int maxLetters) {
        List<Finding> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String sentence : SENTENCE_END.split(text.strip())) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            var words = WORD.matcher(s).results().map(m -> m.group()).toList();
            List<String> longWords = words.stream()
                    .filter(w -> w.codePoints().filter(Character::isLetter).count() > maxLetters)
                    .distinct()
                    .toList();
            if (words.size() > maxWords || !longWords.isEmpty()) {
                found.add(new Finding(s, words.size(), longWords));
            }
        }
        return found;
    }
}
