package fi.hyte.platform;

import fi.hyte.platform.AuditLog.AuditEntry;
import fi.hyte.platform.format.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log in words, for people: what kind of record, which one (its number and name), the
 * fields by their labels in the bundles ({@code audit.field.TYPE.FIELD}, then {@code
 * audit.field.FIELD}), values formatted (dates, numbers, yes/no, statuses by {@code
 * audit.value.…}), times in Hyte's time zone. An id of another record is shown as that record's
 * name, taken from the log's own entries of it. Technical fields (ids, versions, timestamps of the
 * row) and fields without a label are not shown, so no raw field name, id or enum name reaches a
 * page.
 */
@Service
public class AuditWords {

    static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ENUM_TEXT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MOMENT_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    /** Fields that say nothing to a reader: the row's own id, tenant, version and bookkeeping. */
    private static final Set<String> TECHNICAL = Set.of(
            "id",
            "organisationId",
            "organisation",
            "version",
            "updatedAt",
            "updatedBy",
            "createdAt",
            "createdBy",
            "planId",
            "reportId",
            "caseId",
            "roundId",
            "userId",
            "tokenHash",
            "hash",
            "sha256",
            "secret");

    /** The fields whose value names a record, in the order they are tried. */
    private static final List<String> NAMES =
            List.of("title", "name", "displayName", "username", "heading", "question", "text", "body", "note");

    private static final int LONGEST_VALUE = 300;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ZoneId zone;

    AuditWords(JdbcClient jdbc, JsonMapper json, MessageSource messages, @Value("${hyte.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** One entry as a reader sees it. */
    public record Shown(
            AuditEntry entry, String when, String action, String kind, String subject, List<ShownField> fields) {}

    /** One changed field: its label and its values before and after, in words (null when empty). */
    public record ShownField(String label, String before, String after) {}

    /** The entries of one organisation in the reader's language. */
    public List<Shown> show(OrganisationId organisation, List<AuditEntry> entries, Locale locale) {
        Formats formats = new Formats(locale, zone);
        List<Parsed> parsed = entries.stream().map(this::parse).toList();
        Set<String> wanted = new LinkedHashSet<>();
        for (Parsed p : parsed) {
            if (UUID_TEXT.matcher(p.entry.entityId()).matches()) {
                wanted.add(p.entry.entityId());
            }
            p.values().forEach(value -> collectIds(value, wanted));
        }
        Map<String, String> names = names(organisation, wanted, locale);
        List<Shown> shown = new ArrayList<>();
        for (Parsed p : parsed) {
            AuditEntry e = p.entry;
            String subject = name(e.entityType(), p.after != null ? p.after : p.before, locale);
            if (subject == null && p.before != null) {
                subject = name(e.entityType(), p.before, locale);
            }
            if (subject == null) {
                subject = names.get(e.entityId());
            }
            List<ShownField> fields = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>(p.beforeFields.keySet());
            keys.addAll(p.afterFields.keySet());
            for (String key : keys) {
                JsonNode was = p.beforeFields.get(key);
                JsonNode is = p.afterFields.get(key);
                if (Objects.equals(was, is) || technical(key)) {
                    continue;
                }
                String label = label(e.entityType(), key, locale);
                if (label == null || (unnamed(was, names) && unnamed(is, names))) {
                    continue; // no label, or only ids of records the log cannot name: nothing to tell
                }
                fields.add(new ShownField(
                        label,
                        value(e.entityType(), key, was, names, formats, locale),
                        value(e.entityType(), key, is, names, formats, locale)));
            }
            shown.add(new Shown(
                    e,
                    formats.dateTime(e.occurredAt()),
                    message("audit.action." + e.action(), locale, e.action()),
                    kind(e.entityType(), locale),
                    subject,
                    fields));
        }
        return shown;
    }

    /** The label of a kind of record, e.g. "Toimenpide" for measure. */
    public String kind(String entityType, Locale locale) {
        return message("audit.entity." + entityType, locale, message("audit.entity.other", locale, ""));
    }

    /** The label of a (flattened) field, or null when it has none and is therefore not shown. */
    public String label(String entityType, String key, Locale locale) {
        String found = labelOf(entityType, key, locale);
        if (found != null) {
            return found;
        }
        int dot = key.lastIndexOf('.');
        if (dot > 0 && LANGUAGES.contains(key.substring(dot + 1))) {
            String base = labelOf(entityType, key.substring(0, dot), locale);
            if (base != null) {
                return base + " " + message("audit.language." + key.substring(dot + 1), locale, "");
            }
        }
        return null;
    }

    /** Whether a field is bookkeeping no reader needs (ids of the row and its parents, versions). */
    public static boolean technical(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return TECHNICAL.contains(key) || TECHNICAL.contains(last);
    }

    private String labelOf(String entityType, String key, Locale locale) {
        String exact = messages.getMessage("audit.field." + entityType + "." + key, null, null, locale);
        if (exact != null) {
            return exact;
        }
        String general = messages.getMessage("audit.field." + key, null, null, locale);
        if (general != null) {
            return general;
        }
        // The label the record's own module gives the field on its pages (plan.field.startsOn).
        String module = moduleOf(entityType);
        if (module != null) {
            for (String kind : List.of(".field.", ".history.")) {
                String own = messages.getMessage(module + kind + key, null, null, locale);
                if (own != null) {
                    return own;
                }
            }
        }
        int dot = key.indexOf('.');
        return dot > 0 ? labelOf(entityType, key.substring(dot + 1), locale) : null;
    }

    private String value(
            String entityType, String key, JsonNode node, Map<String, String> names, Formats formats, Locale locale) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                String shown = item.isObject()
                        ? name(entityType, item, locale)
                        : value(entityType, key, item, names, formats, locale);
                if (shown != null) {
                    items.add(shown);
                }
            }
            if (items.isEmpty() && !node.isEmpty()) {
                return message("audit.value.items", locale, String.valueOf(node.size()), node.size());
            }
            return items.isEmpty() ? null : abbreviate(String.join(", ", items));
        }
        if (node.isObject()) {
            String named = name(entityType, node, locale);
            return named != null ? named : message("audit.value.items", locale, "", node.size());
        }
        if (node.isBoolean()) {
            return message(node.asBoolean() ? "audit.value.yes" : "audit.value.no", locale, "");
        }
        String text = node.asString();
        if (text.isBlank()) {
            return null;
        }
        if (UUID_TEXT.matcher(text).matches()) {
            return names.getOrDefault(text, message("audit.value.otherRecord", locale, ""));
        }
        if (node.isNumber() || NUMBER_TEXT.matcher(text).matches()) {
            return number(text, formats);
        }
        if (DATE_TEXT.matcher(text).matches()) {
            try {
                return formats.date(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        if (MOMENT_TEXT.matcher(text).matches()) {
            try {
                return formats.dateTime(OffsetDateTime.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        if (text.length() <= 80 && !text.contains(" ")) {
            String word = codeWord(entityType, key, text, locale);
            if (word != null) {
                return word;
            }
        }
        return abbreviate(text);
    }

    /**
     * A status or kind in words: the audit bundle's own word, else the one the record's module shows
     * elsewhere ({@code plan.status.ONGOING}, {@code indicator.theme.HEALTH}).
     */
    private String codeWord(String entityType, String key, String value, Locale locale) {
        String field = key.substring(key.lastIndexOf('.') + 1);
        List<String> keys = new ArrayList<>();
        keys.add("audit.value." + entityType + "." + field + "." + value);
        keys.add("audit.value." + field + "." + value);
        for (String alias : List.of("audit.values." + entityType + "." + field, "audit.values." + field)) {
            String prefix = messages.getMessage(alias, null, null, locale);
            if (prefix != null) {
                keys.add(prefix + "." + value);
            }
        }
        if (!ENUM_TEXT.matcher(value).matches() || value.length() < 2) {
            return first(keys, locale);
        }
        String module = moduleOf(entityType);
        List<String> modules = new ArrayList<>();
        if (module != null) {
            modules.add(module);
        }
        MODULES.stream().filter(m -> !m.equals(module)).forEach(modules::add);
        for (String m : modules) {
            keys.add(m + "." + field + "." + value);
            keys.add(m + "." + entityType + "." + field + "." + value);
        }
        keys.add("audit.value." + value);
        return first(keys, locale);
    }

    private String first(List<String> keys, Locale locale) {
        for (String candidate : keys) {
            String word = messages.getMessage(candidate, null, null, locale);
            if (word != null) {
                return word;
            }
        }
        return null;
    }

    private static final List<String> MODULES = List.of(
            "plan", "report", "impact", "maturity", "participation", "indicator", "organisation", "mail", "platform");

    private static String moduleOf(String entityType) {
        for (String module : MODULES) {
            if (entityType.startsWith(module)) {
                return module;
            }
        }
        return switch (entityType) {
            case "goal", "goalIndicator", "goalEvaluation", "measure", "measureEvaluation", "policyLine" -> "plan";
            case "decisionCase" -> "impact";
            case "publicSite",
                    "publicPlan",
                    "publicEvaluations",
                    "publicIndicator",
                    "consultation",
                    "consultationQuestion",
                    "outsideConsultation",
                    "consultationSection" -> "participation";
            case "comparisonRegion" -> "indicator";
            case "sector", "person", "body", "bodyMember", "responsibility" -> "organisation";
            default -> null;
        };
    }

    /** Whole numbers up to four digits as they are (years, counts), others by the one formatter. */
    private static String number(String text, Formats formats) {
        if (text.matches("-?\\d{1,4}")) {
            return text.replace('-', '\u2212');
        }
        try {
            return formats.value(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** A record's number and name from its state, e.g. "TP-12 Liikuntaneuvonta"; null without a name. */
    String name(String entityType, JsonNode state, Locale locale) {
        if (state == null || !state.isObject()) {
            return null;
        }
        String title = "person".equals(entityType) ? text(state.get("name"), locale) : null;
        for (String field : NAMES) {
            if (title != null) {
                break;
            }
            title = text(state.get(field), locale);
        }
        if (title == null) {
            // A state that wraps its record, e.g. {"round": {...}, "respondents": 5}.
            for (Map.Entry<String, JsonNode> child : state.properties()) {
                if (child.getValue().isObject()) {
                    title = name(entityType, child.getValue(), locale);
                    if (title != null) {
                        return title;
                    }
                }
            }
            return null;
        }
        JsonNode ref = state.get("ref");
        String number = ref != null && ref.isNumber()
                ? messages.getMessage("audit.ref." + entityType, new Object[] {ref.asInt()}, null, locale)
                : null;
        return abbreviate(number == null ? title : number + " " + title);
    }

    private static String text(JsonNode node, Locale locale) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            for (String language : List.of(locale.getLanguage(), "fi", "sv", "en")) {
                JsonNode in = node.get(language);
                if (in != null && in.isString() && !in.asString().isBlank()) {
                    return in.asString().strip();
                }
            }
            return null;
        }
        if (node.isString()
                && !node.asString().isBlank()
                && !UUID_TEXT.matcher(node.asString()).matches()) {
            return node.asString().strip();
        }
        return null;
    }

    /**
     * The names of records by id, from the log's latest entry of each that names it: a record
     * created through Hyte is in the log with its state.
     */
    private Map<String, String> names(OrganisationId organisation, Collection<String> ids, Locale locale) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        StringBuilder named = new StringBuilder();
        for (String field : NAMES) {
            named.append(named.isEmpty() ? "" : " or ")
                    .append("coalesce(after_state, before_state) -> '")
                    .append(field)
                    .append("' is not null");
        }
        jdbc.sql("select distinct on (entity_id) entity_id, entity_type, coalesce(after_state, before_state)::text"
                        + " from audit_event where (organisation_id = ? or organisation_id is null)"
                        + " and entity_id = any(?) and (" + named + ") order by entity_id, occurred_at desc, id desc")
                .params(organisation == null ? null : organisation.value(), ids.toArray(String[]::new))
                .query((rs, n) -> {
                    String name = name(rs.getString(2), json.readTree(rs.getString(3)), locale);
                    if (name != null) {
                        names.put(rs.getString(1), name);
                    }
                    return null;
                })
                .list();
        return names;
    }

    /** Empty, or nothing but ids of records the log has no name for. */
    private static boolean unnamed(JsonNode node, Map<String, String> names) {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isString()) {
            return UUID_TEXT.matcher(node.asString()).matches() && !names.containsKey(node.asString());
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!unnamed(item, names)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void collectIds(JsonNode node, Set<String> ids) {
        if (node == null) {
            return;
        }
        if (node.isString() && UUID_TEXT.matcher(node.asString()).matches()) {
            ids.add(node.asString());
        } else if (node.isArray()) {
            node.forEach(item -> collectIds(item, ids));
        }
    }

    private Parsed parse(AuditEntry entry) {
        JsonNode before = entry.beforeState() == null ? null : json.readTree(entry.beforeState());
        JsonNode after = entry.afterState() == null ? null : json.readTree(entry.afterState());
        return new Parsed(entry, before, after, flatten(before), flatten(after));
    }

    /** Objects flattened to dotted keys; arrays and values kept as nodes. */
    private static Map<String, JsonNode> flatten(JsonNode state) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (state != null) {
            flatten("", state, fields);
        }
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> fields) {
        if (node.isObject() && !isLocalized(node)) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), fields);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(prefix + "." + field.getKey(), field.getValue());
            }
        } else if (!node.isNull() && !prefix.isEmpty()) {
            fields.put(prefix, node);
        }
    }

    /** {"fi": …, "sv": …, "en": …}: a text in three languages, one field per language. */
    private static boolean isLocalized(JsonNode node) {
        if (node.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!LANGUAGES.contains(field.getKey())) {
                return false;
            }
        }
        return true;
    }

    private String message(String key, Locale locale, String otherwise, Object... args) {
        String found = messages.getMessage(key, args.length == 0 ? null : args, null, locale);
        return found == null ? otherwise : found;
    }

    private static String abbreviate(String text) {
        return text.length() <= LONGEST_VALUE ? text : text.substring(0, LONGEST_VALUE - 1) + "…";
    }

    private record Parsed(
            AuditEntry entry,
            JsonNode before,
            JsonNode after,
            Map<String, JsonNode> beforeFields,
            Map<String, JsonNode> afterFields) {

        Collection<JsonNode> values() {
            List<JsonNode> all = new ArrayList<>(beforeFields.values());
            all.addAll(afterFields.values());
            return all;
        }
    }
}
