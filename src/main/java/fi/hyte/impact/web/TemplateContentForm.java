package fi.hyte.impact.web;

import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.platform.LocalizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * A new template version with other matrix rows (each with its position, kind and names; blank new
 * rows at the end; a row marked removed is left out), other wording of the screening questions and
 * exclusions, and other summary sentences.
 */
record TemplateContentForm(
        List<RowField> rows,
        List<TextField> rules,
        List<TextField> exclusions,
        List<TextField> wording,
        String note,
        Integer basedOn) {

    /** Blank rows offered for adding. */
    static final int NEW_ROWS = 3;

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

    /** A text in three languages by its key (a rule, an exclusion or a summary sentence). */
    record TextField(String key, String fi, String sv, String en) {

        LocalizedText text() {
            return new LocalizedText(strip(fi), strip(sv), strip(en));
        }
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
        List<TextField> rules = t.rules().stream()
                .map(r -> new TextField(
                        r.key(), r.label().fi(), r.label().sv(), r.label().en()))
                .toList();
        List<TextField> exclusions = t.exclusions().stream()
                .map(x -> new TextField(
                        x.key(), x.label().fi(), x.label().sv(), x.label().en()))
                .toList();
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
