package fi.hyte.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    private void write(
            OrganisationId organisation,
            UserId actor,
            String actorName,
            String entityType,
            Object entityId,
            String action,
            Object before,
            Object after) {
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        // A save that changed nothing but the record's version is no change: it writes no entry.
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

    private static boolean isVersion(String field) {
        return field.equals("version") || field.endsWith(".version");
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
