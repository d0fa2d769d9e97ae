package fi.hyte.organisation.web;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.Tenant;
import org.springframework.ui.Model;

/**
 * Shows a user whose save was refused who changed the record meanwhile and what it now holds; the
 * form keeps their own input and the current version, so saving again is a conscious choice.
 */
final class Conflicts {

    private Conflicts() {}

    static void show(Model model, AuditLog audit, Tenant tenant, String entityType, Object id, Object current) {
        model.addAttribute(
                "conflict",
                audit.lastChange(tenant.organisation(), entityType, id).orElse(null));
        model.addAttribute("conflictCurrent", current);
        model.addAttribute("conflictShown", true);
    }
}
