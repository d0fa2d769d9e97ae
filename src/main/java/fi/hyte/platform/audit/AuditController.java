package fi.hyte.platform.audit;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.AuditLog.AuditEntry;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The organisation's change log, for its administrators: who changed what, when, from what to what. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final JsonMapper json;

    AuditController(AuditLog audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/admin/audit")
    String log(Tenant tenant, @RequestParam(defaultValue = "1") int page, Model model) {
        tenant.require(Role.ADMIN);
        int total = audit.count(tenant.organisation());
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<Change> changes = audit.recent(tenant.organisation(), PAGE_SIZE, (current - 1) * PAGE_SIZE).stream()
                .map(this::describe)
                .toList();
        model.addAttribute("changes", changes);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "platform/audit";
    }

    private Change describe(AuditEntry entry) {
        Map<String, String> before = flatten(entry.beforeState());
        Map<String, String> after = flatten(entry.afterState());
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<FieldChange> fields = new ArrayList<>();
        for (String key : keys) {
            String was = before.get(key);
            String is = after.get(key);
            if (!Objects.equals(was, is)) {
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
    record Change(AuditEntry entry, List<FieldChange> fields) {}

    /** One field's value before and after. */
    record FieldChange(String field, String before, String after) {}
}
