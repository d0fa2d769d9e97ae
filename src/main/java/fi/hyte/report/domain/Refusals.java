package fi.hyte.report.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.Tenant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records a refused change of a locked or approved report in its own transaction, so the refusal's rollback keeps it. */
@Component
class Refusals {

    private final AuditLog audit;

    Refusals(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(Tenant tenant, UUID report, String what, ReportStatus status) {
        audit.system(
                tenant.organisation(),
                tenant.user(),
                tenant.userName(),
                "report",
                report,
                "REFUSED",
                null,
                Map.of("refused", what, "status", status.name()));
    }
}
