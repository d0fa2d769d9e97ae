package fi.hyte.report;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.Block;
import fi.hyte.report.domain.Handling;
import fi.hyte.report.domain.Outlines;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Takes a report through its steps as a coordinator would: ready for review, locked, approved. */
@Component
class ReportSteps {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private final ReportWork work;
    private final Reports reports;
    private final Outlines outlines;

    ReportSteps(ReportWork work, Reports reports, Outlines outlines) {
        this.work = work;
        this.reports = reports;
        this.outlines = outlines;
    }

    UUID start(Tenant tenant, ReportKind kind, String title, int first, int last, UUID basedOn) {
        return work.start(
                tenant,
                new ReportWork.NewReport(kind, LocalizedText.of(title, null), first, last, basedOn, false, false));
    }

    /** Text in every section, no blocks, every minimum-data item placed and a summary: ready for review. */
    UUID ready(Tenant tenant, ReportKind kind, String title, int first, int last) {
        UUID id = start(tenant, kind, title, first, last, null);
        for (Block b : reports.blocks(tenant.organisation(), id)) {
            work.deleteBlock(tenant, id, b.id());
        }
        fill(tenant, id, "Teksti luvussa");
        return id;
    }

    /** Gives every empty section a text, places every item in the first section and writes a summary. */
    void fill(Tenant tenant, UUID id, String text) {
        List<Section> sections = reports.sections(tenant.organisation(), id);
        for (Section s : sections) {
            if (s.empty()) {
                work.saveSection(
                        tenant,
                        id,
                        s.id(),
                        new ReportWork.SectionText(
                                s.title(),
                                LocalizedText.of(text + " " + s.title().fi() + ".", null),
                                null,
                                null,
                                null),
                        s.version());
            }
        }
        for (Outlines.MinimumItem item : outlines.minimumList().items()) {
            work.place(tenant, id, item.key(), sections.get(0).id(), null);
        }
        Report r = work.find(tenant, id);
        work.saveSettings(
                tenant,
                id,
                new ReportWork.Settings(
                        r.title(),
                        r.planId(),
                        r.swedishRequired(),
                        r.changeThreshold(),
                        LocalizedText.of("Hyvinvointi on hyvällä tasolla.", null),
                        null),
                r.version());
    }

    /** From draft through review and locking to an approval by the council. */
    UUID approve(Tenant tenant, UUID id, LocalDate on) {
        work.toReview(tenant, id, TODAY);
        work.lock(tenant, id, TODAY);
        return work.handle(
                        tenant,
                        id,
                        new ReportWork.HandlingForm(
                                null, "Kunnanvaltuusto", on, "§ 12", null, Handling.Outcome.APPROVED, null),
                        TODAY)
                .orElseThrow();
    }
}
