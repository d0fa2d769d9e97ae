package fi.hyte.indicator.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.files.Spreadsheets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a file of values all or nothing. Rows stream from the reader through checks into a staging
 * table with PostgreSQL's COPY, so memory stays flat however large the file; duplicates are found
 * there, and only a file without a single problem is merged. A merge adds new values, updates changed
 * ones (recording the old value) and leaves equal ones alone, so the same file twice changes nothing.
 * A dry run does all of it and rolls back: that is the preview.
 */
@Service
public class ValueImport {

    /** Problems beyond this many are counted but not listed. */
    public static final int LISTED_PROBLEMS = 200;

    /** Skipped regions beyond this many are counted (as rows) but not named. */
    public static final int LISTED_REGIONS = 50;

    /** How many of a file's indicators its result names (and offers to add to the indicator set). */
    public static final int LISTED_INDICATORS = 200;

    private static final int PROGRESS_EVERY = 20_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Indicators indicators;
    private final IndicatorRegions regions;
    private final Spreadsheets spreadsheets;
    private final fi.hyte.platform.PublicChanges publicChanges;

    ValueImport(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            Indicators indicators,
            IndicatorRegions regions,
            Spreadsheets spreadsheets,
            fi.hyte.platform.PublicChanges publicChanges) {
        this.publicChanges = publicChanges;
        this.spreadsheets = spreadsheets;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.indicators = indicators;
        this.regions = regions;
    }

    /**
     * Who imports and how: the organisation (owner of local indicators), whether it may write
     * Sotkanet's shared values (the system operator only), its own region for template rows without
     * one, and whether Sotkanet rows of regions Hyte does not know are skipped and listed (a refresh, a
     * Sotkanet file: Sotkanet has regions Hyte's list lacks) or refused. A local template's unknown
     * municipality is always refused: there it is a typing mistake.
     */
    public record Request(
            OrganisationId organisation,
            UserId user,
            boolean mayWriteShared,
            Integer ownRegion,
            Source source,
            String fileName,
            String sha256,
            boolean dryRun,
            boolean skipUnknownRegions) {}

    /** Where values come from: its kind (SOTKANET, FILE, DEMO), its name and licence. */
    public record Source(String kind, String name, String licence) {
        public static final String SOTKANET_LICENCE = "CC BY 4.0";

        public static Source sotkanet(String kind) {
            return new Source(kind, "THL, Sotkanet.fi", SOTKANET_LICENCE);
        }
    }

    /**
     * What a load found and did. Rows of regions Hyte does not know were skipped: how many, and the
     * first {@value #LISTED_REGIONS} of those regions by id.
     */
    public record Result(
            ValueFileReader.Format format,
            long rows,
            int indicators,
            int regions,
            Integer firstYear,
            Integer lastYear,
            long added,
            long changed,
            long unchanged,
            long skipped,
            List<Integer> skippedRegions,
            List<FileProblem> problems,
            long problemCount,
            List<String> newLocalIndicators,
            Long batchId,
            List<Integer> indicatorIds) {

        /** The indicators the file had values of (the first {@value #LISTED_INDICATORS}); empty in older previews. */
        public List<Integer> indicatorIds() {
            return indicatorIds == null ? List.of() : indicatorIds;
        }

        public boolean accepted() {
            return problemCount == 0 && format != null;
        }
    }

    /** How far a load is: rows read so far and, of them, rows refused. */
    public interface Progress {
        void report(long rows, long problems);
    }

    public Result run(Request request, InputStream input, LongConsumer progress) {
        return run(request, input, (rows, problems) -> progress.accept(rows));
    }

    public Result run(Request request, InputStream input, Progress progress) {
        Result result = transactions.execute(status -> {
            Result r = load(request, input, progress, status);
            if (request.dryRun() || !r.accepted()) {
                status.setRollbackOnly();
            }
            return r;
        });
        if (!request.dryRun() && result.accepted()) {
            // The values show on public pages (null: shared values, every organisation's).
            publicChanges.changed(request.organisation());
        }
        return result;
    }

    private Result load(Request request, InputStream input, Progress progress, TransactionStatus status) {
        Long batchId = request.dryRun()
                ? null
                : jdbc.sql(
                                "insert into indicator_batch (organisation_id, kind, source, licence, file_name, file_sha256,"
                                        + " created_by) values (?, ?, ?, ?, ?, ?, ?) returning id")
                        .params(
                                request.organisation() == null
                                        ? null
                                        : request.organisation().value(),
                                request.source().kind(),
                                request.source().name(),
                                request.source().licence(),
                                request.fileName(),
                                request.sha256(),
                                request.user() == null ? null : request.user().value())
                        .query(Long.class)
                        .single();
        jdbc.sql("create temp table import_stage (line bigint, indicator_id integer, region_id integer, year smallint,"
                        + " gender smallint, value numeric, absolute_value numeric) on commit drop")
                .update();
        Checks checks = new Checks(request);
        ValueFileReader.Summary summary;
        long[] staged = {0};
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream copy = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class), "copy import_stage from stdin", 1 << 16)) {
            byte[] newline = {'\n'};
            StringBuilder line = new StringBuilder(64);
            long[] written = staged;
            summary = ValueFileReader.read(
                    spreadsheets,
                    request.fileName(),
                    input,
                    row -> {
                        int[] ids = checks.resolve(row);
                        if (ids == null) {
                            return;
                        }
                        line.setLength(0);
                        line.append(row.line())
                                .append('\t')
                                .append(ids[0])
                                .append('\t')
                                .append(ids[1])
                                .append('\t')
                                .append(row.year())
                                .append('\t')
                                .append(row.gender().stored())
                                .append('\t')
                                .append(row.value() == null ? "\\N" : row.value())
                                .append('\t')
                                .append(row.absoluteValue() == null ? "\\N" : row.absoluteValue());
                        try {
                            copy.write(line.toString().getBytes(StandardCharsets.US_ASCII));
                            copy.write(newline);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if ((++written[0] + checks.count) % PROGRESS_EVERY == 0) {
                            progress.report(written[0] + checks.count, checks.count);
                        }
                    },
                    problem -> {
                        checks.problem(problem);
                        if ((written[0] + checks.count) % PROGRESS_EVERY == 0) {
                            progress.report(written[0] + checks.count, checks.count);
                        }
                    });
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Copying values into the staging table failed", e);
        }
        checks.createNew();
        if (summary.format() == ValueFileReader.Format.SOTKANET
                && batchId != null
                && "FILE".equals(request.source().kind())) {
            // Sotkanet's data keeps Sotkanet as its source, whoever imported the file; its name stays in file_name.
            jdbc.sql("update indicator_batch set source = ?, licence = ? where id = ?")
                    .params(Source.sotkanet("FILE").name(), Source.SOTKANET_LICENCE, batchId)
                    .update();
        }
        if (summary.format() == ValueFileReader.Format.SOTKANET && !request.mayWriteShared()) {
            checks.problem(FileProblem.of(0, "indicator.problem.sharedNotAllowed"));
        }
        if (summary.format() != null && summary.rows() == 0 && checks.count == 0) {
            checks.problem(FileProblem.of(0, "indicator.problem.noRows"));
        }
        if (checks.count > 0 && summary.format() != null) {
            // The file is refused anyway: list its conflicting duplicates too, so that one round of fixes is enough.
            reportConflictingDuplicates(checks);
        }
        long added = 0;
        long changed = 0;
        long unchanged = 0;
        if (checks.count == 0 && summary.format() != null) {
            Counts counts = request.dryRun() ? preview(checks) : merge(batchId, checks, status, staged[0]);
            if (counts != null) {
                added = counts.added();
                changed = counts.changed();
                unchanged = counts.total() - added - changed;
            }
            if (!request.dryRun() && checks.count == 0) {
                if (added + changed > 0) {
                    jdbc.sql("update indicator set last_batch_id = ? where id = any(?)")
                            .params(batchId, checks.indicatorIds.toArray(Integer[]::new))
                            .update();
                }
                jdbc.sql("update indicator_batch set rows_read = ?, values_added = ?, values_changed = ?,"
                                + " values_unchanged = ? where id = ?")
                        .params(summary.rows(), added, changed, unchanged, batchId)
                        .update();
            }
        }
        return new Result(
                summary.format(),
                summary.rows(),
                checks.indicatorIds.size(),
                checks.regionIds.size(),
                checks.firstYear,
                checks.lastYear,
                added,
                changed,
                unchanged,
                checks.skipped,
                checks.unknownRegionsSkipped.stream().limit(LISTED_REGIONS).toList(),
                List.copyOf(checks.listed),
                checks.count,
                List.copyOf(checks.created),
                request.dryRun() ? null : batchId,
                checks.indicatorIds.stream()
                        .filter(id -> id > 0)
                        .sorted()
                        .limit(LISTED_INDICATORS)
                        .toList());
    }

    private record Counts(long added, long changed, long total) {}

    /** What a load would do, without doing it: duplicates reported, then new and changed values counted. */
    private Counts preview(Checks checks) {
        reportConflictingDuplicates(checks);
        if (checks.count > 0) {
            return null;
        }
        keepFirstOfEachValue();
        return jdbc.sql("select count(*) filter (where v.indicator_id is null), count(*) filter (where"
                        + " v.indicator_id is not null and (v.value::text, v.absolute_value::text) is distinct from"
                        + " (s.value::text, s.absolute_value::text)), count(*) from import_unique s"
                        + " left join indicator_value v using (indicator_id, region_id, year, gender)")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /**
     * Merges the staged values. The common cases go straight from the staging table in one statement:
     * a plain insert when none of the file's indicators has values yet (a first load), else an upsert
     * that leaves equal values alone. Only when PostgreSQL refuses a key seen twice are duplicates
     * looked for, reported with their lines if they differ, and dropped if they are equal.
     */
    private Counts merge(Long batchId, Checks checks, TransactionStatus status, long staged) {
        Object savepoint = status.createSavepoint();
        try {
            Counts counts;
            if (firstLoad(checks)) {
                counts = insertFrom("import_stage", batchId, staged);
            } else {
                // An upsert does not always refuse a key twice (an equal first row only locks it), so
                // when values exist, duplicates are looked for before merging.
                reportConflictingDuplicates(checks);
                if (checks.count > 0) {
                    status.releaseSavepoint(savepoint);
                    return null;
                }
                counts = mergeFrom("import_stage", batchId, staged);
            }
            status.releaseSavepoint(savepoint);
            return counts;
        } catch (DataAccessException e) {
            // 21000: the upsert met a key twice; 23505: the insert did (or another job inserted it meanwhile).
            String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
            if (!"21000".equals(state) && !"23505".equals(state)) {
                throw e;
            }
            status.rollbackToSavepoint(savepoint);
        }
        reportConflictingDuplicates(checks);
        if (checks.count > 0) {
            return null;
        }
        keepFirstOfEachValue();
        long unique =
                jdbc.sql("select count(*) from import_unique").query(Long.class).single();
        return mergeFrom("import_unique", batchId, unique);
    }

    private boolean firstLoad(Checks checks) {
        return jdbc.sql("select not exists (select 1 from indicator_value where indicator_id = any(?))")
                .param(checks.indicatorIds.toArray(Integer[]::new))
                .query(Boolean.class)
                .single();
    }

    private Counts insertFrom(String table, Long batchId, long total) {
        long added = jdbc.sql(
                        "insert into indicator_value (indicator_id, region_id, year, gender, value, absolute_value,"
                                + " batch_id) select indicator_id, region_id, year, gender, value, absolute_value, ? from "
                                + table)
                .param(batchId)
                .update();
        return new Counts(added, 0, total);
    }

    private Counts mergeFrom(String table, Long batchId, long total) {
        long changed = jdbc.sql("insert into indicator_value_change (batch_id, indicator_id, region_id, year, gender,"
                        + " old_value, new_value, old_absolute_value, new_absolute_value) select ?, s.indicator_id,"
                        + " s.region_id, s.year, s.gender, v.value, s.value, v.absolute_value, s.absolute_value from "
                        + table + " s join indicator_value v using (indicator_id, region_id, year, gender)"
                        + " where (v.value::text, v.absolute_value::text) is distinct from"
                        + " (s.value::text, s.absolute_value::text)")
                .param(batchId)
                .update();
        // The upsert counts inserted and updated rows; equal values are not touched and not counted.
        long touched = jdbc.sql("insert into indicator_value as v (indicator_id, region_id, year, gender, value,"
                        + " absolute_value, batch_id) select indicator_id, region_id, year, gender, value, absolute_value, ?"
                        + " from " + table + " on conflict (indicator_id, region_id, year, gender) do update"
                        + " set value = excluded.value, absolute_value = excluded.absolute_value, batch_id = excluded.batch_id"
                        + " where (v.value::text, v.absolute_value::text) is distinct from"
                        + " (excluded.value::text, excluded.absolute_value::text)")
                .param(batchId)
                .update();
        return new Counts(touched - changed, changed, total);
    }

    private void reportConflictingDuplicates(Checks checks) {
        jdbc.sql("select min(line) as first, max(line) as second from import_stage"
                        + " group by indicator_id, region_id, year, gender"
                        + " having count(distinct (value::text, absolute_value::text)) > 1 order by 1 limit ?")
                .param(LISTED_PROBLEMS)
                .query((rs, n) ->
                        FileProblem.of(rs.getLong("second"), "indicator.problem.duplicate", rs.getLong("first")))
                .list()
                .forEach(checks::problem);
    }

    /** Equal duplicates (the same value twice) are harmless: the first of each is kept. */
    private void keepFirstOfEachValue() {
        jdbc.sql("create temp table import_unique on commit drop as select distinct on (indicator_id, region_id,"
                        + " year, gender) indicator_id, region_id, year, gender, value, absolute_value"
                        + " from import_stage order by indicator_id, region_id, year, gender, line")
                .update();
    }

    /** Checks each row against the catalogue and remembers the problems (listing the first ones). */
    private final class Checks {

        private final Request request;
        private final Set<Integer> shared;
        private final Map<Integer, IndicatorRegion> knownRegions;
        private final Map<String, Integer> municipalities = new HashMap<>();
        private final Map<String, Integer> localIds = new HashMap<>();
        private final List<String> created = new ArrayList<>();
        private final List<ValueRow> pending = new ArrayList<>();
        private final Set<Integer> unknownRegionsSkipped = new TreeSet<>();
        private final List<FileProblem> listed = new ArrayList<>();
        private long count;
        private long skipped;
        private final Set<Integer> indicatorIds = new HashSet<>();
        private final Set<Integer> regionIds = new HashSet<>();
        private Integer firstYear;
        private Integer lastYear;

        Checks(Request request) {
            this.request = request;
            this.shared = new HashSet<>(jdbc.sql("select id from indicator where organisation_id is null")
                    .query(Integer.class)
                    .list());
            this.knownRegions = regions.all();
            regions.currentMunicipalities().forEach(m -> municipalities.put(m.code(), m.id()));
            if (request.organisation() != null) {
                jdbc.sql("select lower(code), id from indicator where organisation_id = ?")
                        .param(request.organisation().value())
                        .query((rs, n) -> localIds.put(rs.getString(1), rs.getInt(2)))
                        .list();
            }
        }

        void problem(FileProblem problem) {
            count++;
            if (listed.size() < LISTED_PROBLEMS) {
                listed.add(problem);
            }
        }

        /** The row's indicator and region ids, or null when the row is refused (or skipped). */
        int[] resolve(ValueRow row) {
            Integer indicator;
            Integer region;
            if (row.indicatorId() != null) {
                indicator = row.indicatorId();
                region = ValueFileReader.isDigits(row.region(), 8) ? Integer.valueOf(row.region()) : null;
                boolean knownRegion = region != null && knownRegions.containsKey(region);
                boolean skippable = !knownRegion && region != null && request.skipUnknownRegions();
                // Both problems of a row are reported, not only the first.
                boolean refused = false;
                if (!shared.contains(indicator)) {
                    problem(FileProblem.of(row.line(), "indicator.problem.unknownIndicator", row.indicatorId()));
                    refused = true;
                }
                if (skippable && !refused) {
                    skipped++;
                    unknownRegionsSkipped.add(region);
                    return null;
                }
                if (!knownRegion && !skippable) {
                    problem(FileProblem.of(row.line(), "indicator.problem.unknownRegion", row.region()));
                    refused = true;
                }
                if (refused) {
                    return null;
                }
            } else {
                indicator = local(row);
                if (indicator == null) {
                    return null;
                }
                if (row.region().isEmpty()) {
                    region = request.ownRegion();
                } else {
                    String code = ValueFileReader.isDigits(row.region(), 3)
                            ? "000".substring(row.region().length()) + row.region()
                            : row.region();
                    region = municipalities.get(code);
                }
                if (region == null && row.region().isEmpty()) {
                    problem(FileProblem.of(row.line(), "indicator.problem.noOwnRegion"));
                    return null;
                }
                if (region == null) {
                    problem(FileProblem.of(row.line(), "indicator.problem.unknownMunicipality", row.region()));
                    return null;
                }
            }
            indicatorIds.add(indicator);
            regionIds.add(region);
            firstYear = firstYear == null ? row.year() : Math.min(firstYear, row.year());
            lastYear = lastYear == null ? row.year() : Math.max(lastYear, row.year());
            return new int[] {indicator, region};
        }

        /**
         * An existing local indicator's id, or a stand-in (negative) id for a new one: the COPY holds
         * the connection, so new indicators are created after it, in {@link #createNew()}.
         */
        private Integer local(ValueRow row) {
            String key = row.localCode().toLowerCase(java.util.Locale.ROOT);
            Integer id = localIds.get(key);
            if (id != null) {
                return id;
            }
            if (row.localTitle() == null) {
                problem(FileProblem.of(row.line(), "indicator.problem.localTitle", row.localCode()));
                return null;
            }
            int standIn = -1 - pending.size();
            pending.add(row);
            localIds.put(key, standIn);
            created.add(row.localCode());
            return standIn;
        }

        void createNew() {
            for (int i = 0; i < pending.size(); i++) {
                ValueRow row = pending.get(i);
                Indicator made = indicators.createLocal(
                        request.organisation(),
                        row.localCode(),
                        LocalizedText.of(row.localTitle(), null),
                        LocalizedText.of(row.localUnit(), null));
                jdbc.sql("update import_stage set indicator_id = ? where indicator_id = ?")
                        .params(made.id(), -1 - i)
                        .update();
                indicatorIds.remove(-1 - i);
                indicatorIds.add(made.id());
            }
        }
    }
}
