package fi.hyte.platform.audit;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
        List<AuditLog.Change> changes =
                audit.recent(tenant.organisation(), PAGE_SIZE, (current - 1) * PAGE_SIZE).stream()
                        .map(audit::describe)
                        .toList();
        model.addAttribute("changes", changes);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "platform/audit";
    }
}
