package fi.hyte.impact.web;

import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.platform.LocalizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * A new template version with other matrix rows (each with its position, kind and names; blank new
 * rows at the end; a row marked removed is left out), other screening rules and exclusions (each
 * added, changed or removed the same way: a rule with its kind, outcome, hearing, threshold or group
 * and wording), and other summary sentences.
 */
record TemplateContentForm(
        List<RowField> rows,
        List<RuleField> rules,
        List<ExclusionField> exclusions,
        List<TextField> wording,
        String note,
        Integer basedOn) {

    /** Blank rows offered for adding. */
    static final int NEW_ROWS = 3;

    /** Blank screening rules and exclusions offered for adding. */
    static final int NEW_RULES = 2;

    static final int NEW_EXCLUSIONS = 1;

    TemplateContentForm {
        rows = rows == null ? List.of() : rows;
        rules = rules == null ? List.of() : rules;
        exclusions = exclusions == null ? List.of() : exclusions;
        wording = wording == null ? List.of() : wording;
        basedOn = basedOn == null ? 0 : basedOn;
    }

    /** A matrix row; {@code existing} rows keep their key (cells are stored by it). */
    record RowField(
            String key,
            Boolean existing,
            String kind,
            String position,
            String fi,
            String sv,
            String en,
            Boolean remove) {

        boolean blank() {
            return !Boolean.TRUE.equals(existing) && isBlank(key) && isBlank(fi) && isBlank(sv) && isBlank(en);
        }

        boolean removed() {
            return Boolean.TRUE.equals(remove);
        }

        LocalizedText label() {
            return new LocalizedText(strip(fi), strip(sv), strip(en));
        }
    }

    /**
     * A screening rule; {@code existing} rules keep their key and kind (the screening's answers are
     * stored by the key). A field left out (null) keeps what the rule had; a blank threshold or group
     * means the template's threshold or a yes/no question.
     */
    record RuleField(
            String key,
            Boolean existing,
            String kind,
            String outcome,
            Boolean hearing,
            String threshold,
            String group,
            String fi,
            String sv,
            String en,
            Boolean remove) {

        boolean blank() {
            return !Boolean.TRUE.equals(existing) && isBlank(key) && isBlank(fi) && isBlank(sv) && isBlank(en);
        }

        boolean removed() {
            return Boolean.TRUE.equals(remove);
        }

        LocalizedText label() {
            return new LocalizedText(strip(fi), strip(sv), strip(en));
        }
    }

    /** A kind of decision that needs no assessment; added and removed like a rule. */
    record ExclusionField(String key, Boolean existing, String fi, String sv, String en, Boolean remove) {

        boolean blank() {
            return !Boolean.TRUE.equals(existing) && isBlank(key) && isBlank(fi) && isBlank(sv) && isBlank(en);
        }

        boolean removed() {
            return Boolean.TRUE.equals(remove);
        }

        LocalizedText label() {
            return new LocalizedText(strip(fi), strip(sv), strip(en));
        }
    }

    /** A text in three languages by its key (a summary sentence). */
    record TextField(String key, String fi, String sv, String en) {

        LocalizedText text() {
            return new LocalizedText(strip(fi), strip(sv), strip(en));
        }
    }

    /**
     * The form as sent, with what a rule or exclusion left out (null) taken from the template's own:
     * what the page's headings and choices show again after a refused save (the fields themselves
     * stay bound to the form as sent, with its errors).
     */
    TemplateContentForm completed(TemplateContent t) {
        List<RuleField> completedRules = new ArrayList<>();
        for (RuleField r : rules) {
            TemplateContent.Rule old = r == null || r.key() == null
                    ? null
                    : t.rule(r.key().strip()).orElse(null);
            boolean existing =
                    r != null && (Boolean.TRUE.equals(r.existing()) || (r.existing() == null && old != null));
            if (r == null) {
                continue;
            }
            completedRules.add(new RuleField(
                    r.key(),
                    existing,
                    r.kind() != null ? r.kind() : old != null ? old.kind() : "question",
                    r.outcome() != null
                            ? r.outcome()
                            : old != null ? old.outcome().name() : "REQUIRED",
                    r.hearing() != null ? r.hearing() : old != null && old.hearing(),
                    r.threshold() != null
                            ? r.threshold()
                            : old != null && old.threshold() != null
                                    ? old.threshold().toPlainString()
                                    : "",
                    r.group() != null ? r.group() : old != null && old.group() != null ? old.group() : "",
                    r.fi(),
                    r.sv(),
                    r.en(),
                    r.remove()));
        }
        List<ExclusionField> completedExclusions = new ArrayList<>();
        for (ExclusionField x : exclusions) {
            if (x == null) {
                completedExclusions.add(new ExclusionField(null, false, null, null, null, false));
                continue;
            }
            boolean known = x.key() != null
                    && t.exclusions().stream()
                            .anyMatch(e -> e.key().equals(x.key().strip()));
            completedExclusions.add(new ExclusionField(
                    x.key(),
                    Boolean.TRUE.equals(x.existing()) || (x.existing() == null && known),
                    x.fi(),
                    x.sv(),
                    x.en(),
                    x.remove()));
        }
        return new TemplateContentForm(rows, completedRules, completedExclusions, wording, note, basedOn);
    }

    static TemplateContentForm of(int version, TemplateContent t) {
        List<RowField> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            TemplateContent.Row r = t.rows().get(i);
            rows.add(new RowField(
                    r.key(),
                    true,
                    r.section(),
                    Integer.toString(i + 1),
                    r.label().fi(),
                    r.label().sv(),
                    r.label().en(),
                    false));
        }
        for (int i = 0; i < NEW_ROWS; i++) {
            rows.add(new RowField(
                    null, false, "groups", Integer.toString(t.rows().size() + i + 1), null, null, null, false));
        }
        List<RuleField> rules = new ArrayList<>();
        for (TemplateContent.Rule r : t.rules()) {
            rules.add(new RuleField(
                    r.key(),
                    true,
                    r.kind(),
                    r.outcome().name(),
                    r.hearing(),
                    r.threshold() == null ? "" : r.threshold().toPlainString(),
                    r.group() == null ? "" : r.group(),
                    r.label().fi(),
                    r.label().sv(),
                    r.label().en(),
                    false));
        }
        for (int i = 0; i < NEW_RULES; i++) {
            rules.add(new RuleField(null, false, "question", "REQUIRED", false, "", "", null, null, null, false));
        }
        List<ExclusionField> exclusions = new ArrayList<>();
        for (TemplateContent.Exclusion x : t.exclusions()) {
            exclusions.add(new ExclusionField(
                    x.key(), true, x.label().fi(), x.label().sv(), x.label().en(), false));
        }
        for (int i = 0; i < NEW_EXCLUSIONS; i++) {
            exclusions.add(new ExclusionField(null, false, null, null, null, false));
        }
        List<TextField> wording = TemplateContent.WORDING.stream()
                .map(k -> {
                    LocalizedText w = t.wording().get(k);
                    return new TextField(
                            k, w == null ? null : w.fi(), w == null ? null : w.sv(), w == null ? null : w.en());
                })
                .toList();
        return new TemplateContentForm(rows, rules, exclusions, wording, null, version);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
