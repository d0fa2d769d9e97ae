package fi.hyte.report;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.report.domain.Reports;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of the wellbeing reports: their titles and years (e.g. for the search). */
@Service
@Transactional(readOnly = true)
public class ReportTitles {

    private final Reports reports;

    ReportTitles(Reports reports) {
        this.reports = reports;
    }

    /** One report of the organisation: its title, years and page. */
    public record ReportTitle(UUID id, LocalizedText title, int firstYear, int lastYear) {
        public String path() {
            return "/reports/" + id;
        }
    }

    public List<ReportTitle> of(OrganisationId organisation) {
        return reports.of(organisation).stream()
                .map(r -> new ReportTitle(r.id(), r.title(), r.firstYear(), r.lastYear()))
                .toList();
    }
}
