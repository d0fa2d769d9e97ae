package fi.hyte.impact.domain;

import fi.hyte.platform.LocalizedText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of an organisation's assessment template, as data: screening rules with their
 * thresholds, exclusions, the matrix rows, the areas and the sources named to users.
 *
 * @param diaryPattern the organisation's format of diary numbers as a regular expression; null for any
 */
public record TemplateContent(
        LocalizedText name,
        List<Source> sources,
        int accumulationMonths,
        BigDecimal shareThreshold,
        BigDecimal eurosThreshold,
        List<Rule> rules,
        List<Exclusion> exclusions,
        List<Row> rows,
        List<LocalizedText> areas,
        Map<String, LocalizedText> wording,
        String diaryPattern) {

    public TemplateContent {
        diaryPattern = diaryPattern == null || diaryPattern.isBlank() ? null : diaryPattern;
        sources = sources == null ? List.of() : List.copyOf(sources);
        rules = rules == null ? List.of() : List.copyOf(rules);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        rows = rows == null ? List.of() : List.copyOf(rows);
        areas = areas == null ? List.of() : List.copyOf(areas);
        wording = wording == null ? Map.of() : Map.copyOf(wording);
    }

    /** A source of the template's wording and rules. */
    public record Source(String name, String url) {}

    /**
     * A screening rule: what it asks, what it concludes when it fires, whether it needs a hearing.
     *
     * @param kind one of {@link #RULE_KINDS}: a share of residents or a euro effect at least the
     *     threshold, or a question answered yes or no (a specific group, staff, the service network,
     *     a strategy or programme, or the organisation's own question); from the key when not given
     * @param threshold the rule's own threshold (% or €) for the share and euro kinds; null: the template's
     * @param group for the group kind, a group row whose choice in the screening fires the rule; null:
     *     the rule is asked yes or no
     */
    public record Rule(
            String key,
            Need outcome,
            boolean hearing,
            LocalizedText label,
            String kind,
            BigDecimal threshold,
            String group) {

        public Rule {
            kind = kind == null || kind.isBlank() ? (RULE_KINDS.contains(key) ? key : "question") : kind;
            group = group == null || group.isBlank() ? null : group;
        }

        public Rule(String key, Need outcome, boolean hearing, LocalizedText label) {
            this(key, outcome, hearing, label, null, null, null);
        }

        /** Whether the preparer answers it yes or no (rather than by a share or a sum). */
        public boolean asked() {
            return !kind.equals("share") && !kind.equals("euros") && group == null;
        }

        public Rule withLabel(LocalizedText newLabel) {
            return new Rule(key, outcome, hearing, newLabel, kind, threshold, group);
        }

        public Rule withOutcome(Need newOutcome) {
            return new Rule(key, newOutcome, hearing, label, kind, threshold, group);
        }
    }

    /**
     * The kinds of screening rules: share of residents affected ≥ a threshold, a specific group,
     * staff, a euro effect ≥ a threshold, a change of the service network, a strategy or programme,
     * and a yes/no question of the organisation's own.
     */
    public static final List<String> RULE_KINDS =
            List.of("share", "group", "staff", "euros", "network", "strategy", "question");

    /** At most this many screening rules and as many exclusions. */
    public static final int MAX_RULES = 40;

    /** The threshold a share or euro rule applies: its own, or else the template's. */
    public BigDecimal threshold(Rule rule) {
        if (rule.threshold() != null) {
            return rule.threshold();
        }
        return switch (rule.kind()) {
            case "share" -> shareThreshold;
            case "euros" -> eurosThreshold;
            default -> null;
        };
    }

    /** The lowest threshold of the template's rules of the kind (what the screening form names); null when none. */
    public BigDecimal lowestThreshold(String kind) {
        return rules.stream()
                .filter(r -> r.kind().equals(kind))
                .map(this::threshold)
                .filter(java.util.Objects::nonNull)
                .min(BigDecimal::compareTo)
                .orElse(null);
    }

    /** Whether a rule of the kind is in the template. */
    public boolean hasRule(String kind) {
        return rules.stream().anyMatch(r -> r.kind().equals(kind));
    }

    /** The same template with other screening rules and exclusions (added, changed, removed). */
    public TemplateContent withRules(List<Rule> newRules, List<Exclusion> newExclusions) {
        return new TemplateContent(
                name,
                sources,
                accumulationMonths,
                shareThreshold,
                eurosThreshold,
                newRules,
                newExclusions,
                rows,
                areas,
                wording,
                diaryPattern);
    }

    /** A kind of decision that needs no assessment. */
    public record Exclusion(String key, LocalizedText label) {}

    /** A row of the matrix; {@code group} rows are groups of people (heard or not). */
    public record Row(String key, String section, boolean group, LocalizedText label) {}

    /**
     * The kinds of matrix rows a template may hold (its {@code section}): groups of people, health and
     * wellbeing determinants, the wellbeing dimensions, environment, economy, organisation and staff,
     * and other indirect perspectives.
     */
    public static final List<String> KINDS =
            List.of("groups", "health", "dimensions", "environment", "economy", "organisation", "indirect");

    /** At most this many rows: the matrix is read and edited as one table. */
    public static final int MAX_ROWS = 100;

    /** The template's summary wording that an organisation may change: its opening and closing sentences. */
    public static final List<String> WORDING = List.of("intro", "closing");

    public Optional<Rule> rule(String key) {
        return rules.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public Optional<Row> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public TemplateContent withThresholds(
            BigDecimal share, BigDecimal euros, int months, List<LocalizedText> newAreas, String pattern) {
        return new TemplateContent(
                name, sources, months, share, euros, rules, exclusions, rows, newAreas, wording, pattern);
    }

    /** The same template with other matrix rows (added, renamed, reordered, removed). */
    public TemplateContent withRows(List<Row> newRows) {
        return new TemplateContent(
                name,
                sources,
                accumulationMonths,
                shareThreshold,
                eurosThreshold,
                rules,
                exclusions,
                newRows,
                areas,
                wording,
                diaryPattern);
    }

    /** The same template with other wording of its screening questions, exclusions and summary. */
    public TemplateContent withWording(
            Map<String, LocalizedText> ruleLabels,
            Map<String, LocalizedText> exclusionLabels,
            Map<String, LocalizedText> summary) {
        List<Rule> changedRules = rules.stream()
                .map(r -> ruleLabels.containsKey(r.key()) ? r.withLabel(ruleLabels.get(r.key())) : r)
                .toList();
        List<Exclusion> changedExclusions = exclusions.stream()
                .map(x ->
                        exclusionLabels.containsKey(x.key()) ? new Exclusion(x.key(), exclusionLabels.get(x.key())) : x)
                .toList();
        return new TemplateContent(
                name,
                sources,
                accumulationMonths,
                shareThreshold,
                eurosThreshold,
                changedRules,
                changedExclusions,
                rows,
                areas,
                summary,
                diaryPattern);
    }

    /** A summary sentence in the language, or null when the template has none. */
    public String wording(String key, java.util.Locale language) {
        LocalizedText text = wording.get(key);
        return text == null ? null : text.in(language);
    }

    public TemplateContent withOutcomes(Map<String, Need> outcomes) {
        List<Rule> changed = rules.stream()
                .map(r -> outcomes.containsKey(r.key()) ? r.withOutcome(outcomes.get(r.key())) : r)
                .toList();
        return new TemplateContent(
                name,
                sources,
                accumulationMonths,
                shareThreshold,
                eurosThreshold,
                changed,
                exclusions,
                rows,
                areas,
                wording,
                diaryPattern);
    }
}
