package fi.hyte.report.domain;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import fi.hyte.platform.format.Formats;
import fi.hyte.platform.jobs.Jobs;
import fi.hyte.report.domain.ReportContent.DataValue;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files made from an approved snapshot: the PDF/UA and the DOCX, written in the background with
 * their progress shown (and kept, since a snapshot never changes), and the data as JSON and CSV.
 */
@Service
public class ReportExports {

    public static final String KIND = "REPORT_EXPORT";
    public static final Set<String> FORMATS = Set.of("pdf", "docx");
    public static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    private final Reports reports;
    private final ReportDocuments documents;
    private final Jobs jobs;
    private final JsonMapper json;
    private final FrozenCache frozenCache;
    private final ZoneId zone;

    ReportExports(
            Reports reports,
            ReportDocuments documents,
            Jobs jobs,
            JsonMapper json,
            FrozenCache frozenCache,
            @Value("${hyte.time-zone}") String zone) {
        this.frozenCache = frozenCache;
        this.reports = reports;
        this.documents = documents;
        this.jobs = jobs;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    /** The file when it has been made. */
    public Optional<byte[]> file(Snapshot snapshot, String format, String language) {
        return reports.export(snapshot.id(), format, language);
    }

    /** Starts making the file; empty when it is being made already. */
    public Optional<UUID> start(
            OrganisationId organisation, UserId user, Snapshot snapshot, String format, String language) {
        return jobs.start(KIND, scope(snapshot, format, language), organisation, user, 1, progress -> {
            byte[] bytes = make(snapshot, format, language);
            reports.saveExport(organisation, snapshot.id(), format, language, bytes);
            progress.report(1, 1, 0);
            return new Jobs.Outcome(true, "report.export.done", null);
        });
    }

    public Optional<Jobs.Job> running(Snapshot snapshot, String format, String language) {
        return jobs.running(KIND, scope(snapshot, format, language));
    }

    public Optional<Jobs.Job> job(OrganisationId organisation, UUID id) {
        return jobs.find(organisation, id);
    }

    /** The file made now, in this thread (for the public download when it was not made yet, and for tests). */
    public byte[] make(Snapshot snapshot, String format, String language) {
        Frozen frozen = frozenCache.of(snapshot);
        ReportContent content = frozen.in(language);
        ReportDocuments.Decision decision = decision(snapshot, frozen, Locale.forLanguageTag(content.language()));
        return "pdf".equals(format) ? documents.pdf(content, decision) : documents.docx(content, decision);
    }

    public ReportDocuments.Decision decision(Snapshot snapshot, Frozen frozen, Locale locale) {
        return new ReportDocuments.Decision(
                snapshot.bodyName(),
                new Formats(locale, zone).date(snapshot.decidedOn()),
                snapshot.paragraph(),
                snapshot.minutesUrl(),
                snapshot.versionNo(),
                snapshot.sha256(),
                frozen.amendments());
    }

    private static String scope(Snapshot snapshot, String format, String language) {
        return "report:" + snapshot.id() + ":" + format + ":" + language;
    }

    /** The numbers of the snapshot as JSON: the report, its decision and every value with its provenance. */
    public String json(Snapshot snapshot) {
        Frozen frozen = frozenCache.of(snapshot);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("report", snapshot.reportId());
        out.put("title", frozen.title());
        out.put("version", snapshot.versionNo());
        out.put("sha256", snapshot.sha256());
        out.put(
                "decision",
                Map.of(
                        "body",
                        snapshot.bodyName(),
                        "date",
                        snapshot.decidedOn().toString(),
                        "paragraph",
                        snapshot.paragraph()));
        out.put("composedOn", frozen.composedOn());
        out.put("values", frozen.data().values());
        out.put("goals", frozen.data().goals());
        out.put("measures", frozen.data().measures());
        out.put("maturity", frozen.data().maturity());
        if (frozen.data().joys() != null) {
            out.put("joys", frozen.data().joys());
        }
        return json.writeValueAsString(out);
    }

    /** Every value of the snapshot as CSV (UTF-8, one row per value), then goals and measures with their status. */
    public String csv(Snapshot snapshot) {
        Frozen frozen = frozenCache.of(snapshot);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(
                    "record",
                    "indicator_id",
                    "code",
                    "title",
                    "region",
                    "role",
                    "year",
                    "gender",
                    "value",
                    "status",
                    "source",
                    "licence",
                    "retrieved_at",
                    "import_batch");
            for (DataValue v : frozen.data().values()) {
                csv.printRecord(
                        "value",
                        v.indicatorId(),
                        v.code(),
                        v.indicator(),
                        v.region(),
                        v.role(),
                        v.year(),
                        v.gender(),
                        v.value().toPlainString(),
                        "",
                        nz(v.source()),
                        nz(v.licence()),
                        nz(v.retrievedAt()),
                        v.importBatch() == null ? "" : v.importBatch());
            }
            for (ReportContent.GoalState g : frozen.data().goals()) {
                csv.printRecord("goal", "", g.ref(), g.title(), "", "", "", "", "", g.status(), "", "", "", "");
            }
            for (ReportContent.MeasureState m : frozen.data().measures()) {
                csv.printRecord(
                        "measure",
                        "",
                        m.ref(),
                        m.title(),
                        m.goalRef(),
                        "",
                        "",
                        "",
                        m.progress(),
                        m.status(),
                        "",
                        "",
                        "",
                        "");
            }
            for (ReportContent.Level l : frozen.data().maturity()) {
                csv.printRecord(
                        "maturity",
                        "",
                        l.key(),
                        l.title(),
                        "",
                        "",
                        "",
                        "",
                        l.level() == null ? "" : l.level(),
                        "",
                        "Promeq 2019",
                        "",
                        "",
                        "");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public List<String> formats() {
        return List.of("pdf", "docx");
    }
}
