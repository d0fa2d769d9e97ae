package fi.hyte.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every create, update and delete: who, when, what, and the state before and after. Call it
 * inside the same transaction as the change, so that a change is never saved without its record.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PublicChanges publicChanges;

    AuditLog(JdbcClient jdbc, JsonMapper json, PublicChanges publicChanges) {
        this.jdbc = jdbc;
        this.json = json;
        this.publicChanges = publicChanges;
    }

    public void created(Tenant tenant, String entityType, Object entityId, Object after) {
        write(tenant.organisation(), tenant.user(), tenant.userName(), entityType, entityId, "CREATE", null, after);
    }

    public void updated(Tenant tenant, String entityType, Object entityId, Object before, Object after) {
        write(tenant.organisation(), tenant.user(), tenant.userName(), entityType, entityId, "UPDATE", before, after);
    }

    public void deleted(Tenant tenant, String entityType, Object entityId, Object before) {
        write(tenant.organisation(), tenant.user(), tenant.userName(), entityType, entityId, "DELETE", before, null);
    }

    /** For changes made outside an organisation's context, e.g. by a system operator or at start-up. */
    public void system(
            OrganisationId organisation,
            UserId actor,
            String actorName,
            String entityType,
            Object entityId,
            String action,
            Object before,
            Object after) {
        write(organisation, actor, actorName, entityType, entityId, action, before, after);
    }

    /** The latest change of one record, to tell a user who changed it meanwhile. */
    public Optional<AuditEntry> lastChange(OrganisationId organisation, String entityType, Object entityId) {
        return jdbc.sql(SELECT + " where organisation_id = ? and entity_type = ? and entity_id = ?"
                        + " order by occurred_at desc, id desc limit 1")
                .params(organisation.value(), entityType, String.valueOf(entityId))
                .query(AuditEntry.class)
                .optional();
    }

    /**
     * The changes of one record and of what is recorded under it (e.g. a goal's indicators and
     * evaluations), newest first.
     */
    public List<Change> history(OrganisationId organisation, Object entityId, int limit) {
        return jdbc
                .sql(SELECT + " where organisation_id = ? and entity_id = ? order by occurred_at desc, id desc limit ?")
                .params(organisation.value(), String.valueOf(entityId), limit)
                .query(AuditEntry.class)
                .list()
                .stream()
                .map(this::describe)
                .toList();
    }

    /** The entries of one record and of what is recorded under it, newest first, to show in words. */
    public List<AuditEntry> entries(OrganisationId organisation, Object entityId, int limit) {
        return jdbc.sql(SELECT
                        + " where organisation_id = ? and entity_id = ? order by occurred_at desc, id desc limit ?")
                .params(organisation.value(), String.valueOf(entityId), limit)
                .query(AuditEntry.class)
                .list();
    }

    /** The fields one change changed, with their values before and after. */
    public Change describe(AuditEntry entry) {
        Map<String, String> before = flatten(entry.beforeState());
        Map<String, String> after = flatten(entry.afterState());
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<FieldChange> fields = new ArrayList<>();
        for (String key : keys) {
            String was = before.get(key);
            String is = after.get(key);
            if (!Objects.equals(was, is) && !isVersion(key)) {
                fields.add(new FieldChange(key, was, is));
            }
        }
        return new Change(entry, fields);
    }

    private Map<String, String> flatten(String state) {
        Map<String, String> values = new LinkedHashMap<>();
        if (state != null) {
            flatten("", json.readTree(state), values);
        }
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
            values.put(prefix, String.join(", ", items));
        } else if (!node.isNull()) {
            values.put(prefix, node.asString());
        }
    }

    /** One recorded change with the fields it changed. */
    public record Change(AuditEntry entry, List<FieldChange> fields) {}

    /** One field's value before and after. */
    public record FieldChange(String field, String before, String after) {}

    public List<AuditEntry> recent(OrganisationId organisation, int limit, int offset) {
        return jdbc.sql(SELECT + " where organisation_id = ? order by occurred_at desc, id desc limit ? offset ?")
                .params(organisation.value(), limit, offset)
                .query(AuditEntry.class)
                .list();
    }

    public int count(OrganisationId organisation) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = ?")
                .param(organisation.value())
                .query(Integer.class)
                .single();
    }

    /**
     * What the log page asks for: whose changes, of which kind of record, from and to which day (in
     * Hyte's time zone, both included), and a text found in the values, the person's name or (as
     * {@code kinds}) the kinds whose label has it. Empty parts do not filter.
     */
    public record Filter(
            String actor, String kind, LocalDate from, LocalDate to, String text, Collection<String> kinds) {

        public static final Filter NONE = new Filter(null, null, null, null, null, List.of());
    }

    public List<AuditEntry> find(OrganisationId organisation, Filter filter, ZoneId zone, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, filter, zone, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(params)
                .query(AuditEntry.class)
                .list();
    }

    public int count(OrganisationId organisation, Filter filter, ZoneId zone) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, filter, zone, params);
        return jdbc.sql("select count(*) from audit_event" + where)
                .params(params)
                .query(Integer.class)
                .single();
    }

    /** The people who have changed something in the organisation, by name. */
    public List<String> actors(OrganisationId organisation) {
        return jdbc.sql("select distinct actor_name from audit_event where organisation_id = ? and actor_name is not"
                        + " null order by actor_name")
                .param(organisation.value())
                .query(String.class)
                .list();
    }

    /** The kinds of record the organisation's log has. */
    public List<String> kinds(OrganisationId organisation) {
        return jdbc.sql("select distinct entity_type from audit_event where organisation_id = ? order by 1")
                .param(organisation.value())
                .query(String.class)
                .list();
    }

    private static String where(OrganisationId organisation, Filter filter, ZoneId zone, List<Object> params) {
        StringBuilder where = new StringBuilder(" where organisation_id = ?");
        params.add(organisation.value());
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor_name = ?");
            params.add(filter.actor());
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            where.append(" and entity_type = ?");
            params.add(filter.kind());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%"
                    + filter.text()
                            .strip()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            // Values only (not the field names), at any depth of the states.
            where.append(
                    " and (actor_name ilike ? or exists (select 1 from jsonb_path_query(jsonb_build_array(after_state,"
                            + " before_state), 'strict $.**') v where jsonb_typeof(v)"
                            + " in ('string', 'number') and v #>> '{}' ilike ?)");
            params.add(like);
            params.add(like);
            if (filter.kinds() != null && !filter.kinds().isEmpty()) {
                where.append(" or entity_type = any(?)");
                params.add(filter.kinds().toArray(String[]::new));
            }
            where.append(")");
        }
        return where.toString();
    }

    private void write(
            OrganisationId organisation,
            UserId actor,
            String actorName,
            String entityType,
            Object entityId,
            String action,
            Object before,
            Object after) {
        // Each change may show on the organisation's public pages (a publication, a setting).
        publicChanges.changed(organisation);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        // A save that changed nothing but the record's version (and when and by whom it was saved) is
        // no change: it writes no entry, so it is in no history either.
        if ("UPDATE".equals(action)
                && beforeJson != null
                && afterJson != null
                && sameButVersion(beforeJson, afterJson)) {
            return;
        }
        jdbc.sql("insert into audit_event (organisation_id, occurred_at, actor_id, actor_name, entity_type, entity_id,"
                        + " action, before_state, after_state) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),"
                        + " cast(? as jsonb))")
                .params(
                        organisation == null ? null : organisation.value(),
                        Timestamp.from(Instant.now()),
                        actor == null ? null : actor.value(),
                        actorName,
                        entityType,
                        String.valueOf(entityId),
                        action,
                        beforeJson,
                        afterJson)
                .update();
    }

    private boolean sameButVersion(String before, String after) {
        Map<String, String> was = flatten(before);
        Map<String, String> is = flatten(after);
        was.keySet().removeIf(AuditLog::isVersion);
        is.keySet().removeIf(AuditLog::isVersion);
        return was.equals(is);
    }

    /** The record's version and the row's own bookkeeping of who saved it when: no change of its own. */
    private static boolean isVersion(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        return last.equals("version") || last.equals("updatedAt") || last.equals("updatedBy");
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static final String SELECT = "select id, occurred_at, actor_name, entity_type, entity_id, action,"
            + " before_state::text as before_state, after_state::text as after_state from audit_event";

    /** One recorded change; the states are JSON. */
    public record AuditEntry(
            long id,
            OffsetDateTime occurredAt,
            String actorName,
            String entityType,
            String entityId,
            String action,
            String beforeState,
            String afterState) {}
}
