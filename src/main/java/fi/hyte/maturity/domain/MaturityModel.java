package fi.hyte.maturity.domain;

import fi.hyte.platform.LocalizedText;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An assessment model as data: criteria, the levels of its scale, and for each criterion and level
 * the keywords and a one-sentence description in fi/sv/en. Stored per version, so a revised or a
 * second model is added as a new file under resources/maturity, with no change of code.
 */
public record MaturityModel(
        String id,
        int version,
        String scale,
        LocalizedText name,
        String source,
        List<Level> levels,
        List<Criterion> criteria) {

    public Criterion criterion(String key) {
        return criteria.stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No criterion " + key));
    }

    public boolean hasCriterion(String key) {
        return criteria.stream().anyMatch(c -> c.key().equals(key));
    }

    public Level level(int level) {
        return levels.stream().filter(l -> l.level() == level).findFirst().orElseThrow();
    }

    public int highestLevel() {
        return levels.stream().mapToInt(Level::level).max().orElse(0);
    }

    /** One step of the scale, e.g. 1 Alkava. */
    public record Level(int level, String key, LocalizedText name) {}

    /** One question of the model, with a cell per level. */
    public record Criterion(String key, LocalizedText title, LocalizedText question, List<Cell> cells) {

        public Cell cell(int level) {
            return cells.stream().filter(c -> c.level() == level).findFirst().orElseThrow();
        }
    }

    /** What a level of a criterion means: keywords and a short description. */
    public record Cell(int level, Map<String, List<String>> keywords, LocalizedText description) {

        public List<String> keywords(Locale locale) {
            List<String> wanted = keywords.get(locale.getLanguage());
            return wanted != null ? wanted : keywords.getOrDefault("fi", List.of());
        }
    }
}
