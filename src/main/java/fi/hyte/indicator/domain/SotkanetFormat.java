package fi.hyte.indicator.domain;

import fi.hyte.platform.LocalizedText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Reads Sotkanet REST 1.1 JSON (the `indicators` list, one `indicators/{id}` record, `regions`) into
 * Hyte's records. The list gives titles, organisation and genders; the single record adds the
 * description, unit, decimals and the date its data was updated.
 */
public final class SotkanetFormat {

    private SotkanetFormat() {}

    public static IndicatorRegion region(JsonNode node) {
        List<Integer> memberOf = new ArrayList<>();
        node.path("memberOf").forEach(id -> memberOf.add(id.asInt()));
        return new IndicatorRegion(
                node.path("id").asInt(),
                node.path("code").asString(""),
                node.path("category").asString(""),
                titled(node.path("title"), node.path("id").asString("")),
                List.copyOf(memberOf));
    }

    public static Indicator indicator(JsonNode node) {
        JsonNode range = node.path("range");
        return new Indicator(
                node.path("id").asInt(),
                null,
                null,
                titled(node.path("title"), node.path("id").asString("")),
                plain(text(node.path("description"))),
                text(node.path("organization").path("title")),
                text(node.path("primaryValueType").path("title")),
                node.hasNonNull("decimals") ? node.get("decimals").asInt() : null,
                genders(node.path("classifications").path("sex").path("values")),
                Direction.NEUTRAL,
                date(node.path("data-updated").asString(null)),
                range.hasNonNull("start") ? range.get("start").asInt() : null,
                range.hasNonNull("end") ? range.get("end").asInt() : null);
    }

    private static List<Gender> genders(JsonNode values) {
        List<Gender> genders = new ArrayList<>();
        for (Gender gender : Gender.values()) {
            for (JsonNode value : values) {
                if (gender.code().equals(value.asString())) {
                    genders.add(gender);
                }
            }
        }
        return genders.isEmpty() ? List.of(Gender.TOTAL) : genders;
    }

    /** A title, in Finnish when Sotkanet has it; else the Swedish or English one stands in, else the id. */
    private static LocalizedText titled(JsonNode node, String id) {
        LocalizedText text = text(node);
        String fi = text.fi() != null ? text.fi() : text.sv() != null ? text.sv() : text.en() != null ? text.en() : id;
        return new LocalizedText(fi, text.sv(), text.en());
    }

    private static LocalizedText text(JsonNode node) {
        return new LocalizedText(
                node.path("fi").asString(null),
                node.path("sv").asString(null),
                node.path("en").asString(null));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(
                    text.strip().substring(0, Math.min(10, text.strip().length())));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Sotkanet's descriptions carry a little HTML; Hyte shows them as plain paragraphs. */
    private static LocalizedText plain(LocalizedText html) {
        return new LocalizedText(plain(html.fi()), plain(html.sv()), plain(html.en()));
    }

    static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?i)<br\\s*/?>|</?p[^>]*>", "\n").replaceAll("<[^>]*>", "");
        return HtmlUtils.htmlUnescape(text)
                .replaceAll("[ \\t\\x{00A0}]+", " ")
                .replaceAll("\\s*\\n\\s*", "\n\n")
                .strip();
    }
}
