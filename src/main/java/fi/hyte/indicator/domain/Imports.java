package fi.hyte.indicator.domain;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.jobs.Jobs;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file import in two steps, both in the background: the uploaded file is checked (a dry run whose
 * result is the preview), and only when the user confirms a preview without problems is it loaded.
 * The file waits in the database in between, so any node can carry on; it is dropped once loaded.
 */
@Service
public class Imports {

    private final JdbcClient jdbc;
    private final ValueImport values;
    private final Jobs jobs;
    private final Comparisons comparisons;
    private final JsonMapper json;

    Imports(JdbcClient jdbc, ValueImport values, Jobs jobs, Comparisons comparisons, JsonMapper json) {
        this.jdbc = jdbc;
        this.values = values;
        this.jobs = jobs;
        this.comparisons = comparisons;
        this.json = json;
    }

    /** An uploaded file with its preview (null until checked) and, once loaded, its batch. */
    public record Upload(
            UUID id,
            String fileName,
            String sha256,
            String uploadedBy,
            OffsetDateTime createdAt,
            ValueImport.Result preview,
            Long batchId,
            UUID checkJob,
            UUID importJob,
            boolean hasContent,
            boolean checkFailed) {}

    /** A running check or import of this organisation refuses another. */
    public static class JobRunningException extends RuntimeException {
        JobRunningException() {
            super("An import job already runs for this organisation");
        }
    }

    public static String scope(OrganisationId organisation) {
        return "org:" + organisation.value();
    }

    /** Stores the file and starts checking it; returns the upload's id. */
    public UUID upload(Tenant tenant, String fileName, byte[] content) {
        // A file nobody confirmed within a week is not kept: its preview and history stay.
        jdbc.sql("update indicator_upload set content = null where content is not null and batch_id is null"
                        + " and created_at < now() - interval '7 days'")
                .update();
        UUID id = UUID.randomUUID();
        String sha256 = sha256(content);
        String name = fileName == null || fileName.isBlank() ? "tiedosto" : fileName.strip();
        jdbc.sql("insert into indicator_upload (id, organisation_id, uploaded_by, file_name, content, sha256, preview)"
                        + " values (?, ?, ?, ?, ?, ?, 'null')")
                .params(
                        id,
                        tenant.organisation().value(),
                        tenant.user().value(),
                        name.length() > 200 ? name.substring(0, 200) : name,
                        content,
                        sha256)
                .update();
        ValueImport.Request request = request(tenant, name, sha256, true);
        UUID job = jobs.start(
                        "CHECK", scope(tenant.organisation()), tenant.organisation(), tenant.user(), 0, progress -> {
                            ValueImport.Result result =
                                    values.run(request, new ByteArrayInputStream(content), (ValueImport.Progress)
                                            (read, refused) -> progress.report(read, 0, (int) refused));
                            jdbc.sql("update indicator_upload set preview = cast(? as jsonb) where id = ?")
                                    .params(json.writeValueAsString(result), id)
                                    .update();
                            return new Jobs.Outcome(true, result.accepted() ? "accepted" : "problems", null);
                        })
                .orElseThrow(() -> {
                    jdbc.sql("delete from indicator_upload where id = ?")
                            .param(id)
                            .update();
                    return new JobRunningException();
                });
        jdbc.sql("update indicator_upload set check_job = ? where id = ?")
                .params(job, id)
                .update();
        return id;
    }

    /** Loads a checked file whose preview had no problems; the same job lock refuses a second start. */
    public UUID confirm(Tenant tenant, UUID uploadId) {
        Upload upload = find(tenant.organisation(), uploadId).orElseThrow();
        if (upload.preview() == null || !upload.preview().accepted() || !upload.hasContent()) {
            throw new IllegalStateException("Upload is not ready to import");
        }
        byte[] content = jdbc.sql("select content from indicator_upload where id = ? and organisation_id = ?")
                .params(uploadId, tenant.organisation().value())
                .query(byte[].class)
                .single();
        ValueImport.Request request = request(tenant, upload.fileName(), upload.sha256(), false);
        long rows = upload.preview().rows();
        UUID job = jobs.start("IMPORT", scope(tenant.organisation()), tenant.organisation(), tenant.user(), rows, p -> {
                    ValueImport.Result result =
                            values.run(request, new ByteArrayInputStream(content), (ValueImport.Progress)
                                    (read, refused) -> p.report(read, rows, (int) refused));
                    if (!result.accepted()) {
                        return new Jobs.Outcome(false, "problems", json.writeValueAsString(result));
                    }
                    // The page shows what the load did, no longer what the check foresaw.
                    jdbc.sql("update indicator_upload set batch_id = ?, content = null, preview = cast(? as jsonb)"
                                    + " where id = ?")
                            .params(result.batchId(), json.writeValueAsString(result), uploadId)
                            .update();
                    return new Jobs.Outcome(true, "imported", json.writeValueAsString(result));
                })
                .orElseThrow(JobRunningException::new);
        jdbc.sql("update indicator_upload set import_job = ? where id = ?")
                .params(job, uploadId)
                .update();
        return job;
    }

    /** Loads a file at once (automation): checked and loaded in one transaction, all or nothing. */
    public ValueImport.Result importNow(Tenant tenant, String fileName, byte[] content) {
        String sha256 = sha256(content);
        ValueImport.Result[] result = new ValueImport.Result[1];
        jobs.runHere("IMPORT", scope(tenant.organisation()), tenant.organisation(), tenant.user(), p -> {
                    result[0] = values.run(
                            request(tenant, fileName, sha256, false), new ByteArrayInputStream(content), d -> {});
                    return new Jobs.Outcome(
                            result[0].accepted(),
                            result[0].accepted() ? "imported" : "problems",
                            json.writeValueAsString(result[0]));
                })
                .orElseThrow(JobRunningException::new);
        return result[0];
    }

    public Optional<Upload> find(OrganisationId organisation, UUID id) {
        return jdbc.sql("select u.id, u.file_name, u.sha256, a.display_name, u.created_at, u.preview::text, u.batch_id,"
                        + " u.check_job, u.import_job, u.content is not null, coalesce(j.status = 'FAILED', false)"
                        + " from indicator_upload u join app_user a on a.id = u.uploaded_by"
                        + " left join background_job j on j.id = u.check_job where u.id = ? and u.organisation_id = ?")
                .params(id, organisation.value())
                .query(this::upload)
                .optional();
    }

    public List<Upload> recent(OrganisationId organisation, int limit) {
        return jdbc.sql("select u.id, u.file_name, u.sha256, a.display_name, u.created_at, u.preview::text, u.batch_id,"
                        + " u.check_job, u.import_job, u.content is not null, coalesce(j.status = 'FAILED', false)"
                        + " from indicator_upload u join app_user a on a.id = u.uploaded_by"
                        + " left join background_job j on j.id = u.check_job where u.organisation_id = ?"
                        + " order by u.created_at desc limit ?")
                .params(organisation.value(), limit)
                .query(this::upload)
                .list();
    }

    /** The changes a batch made to values that existed before it (the first ones). */
    public record ValueChange(
            int indicatorId,
            String region,
            int year,
            Gender gender,
            java.math.BigDecimal oldValue,
            java.math.BigDecimal newValue) {}

    public List<ValueChange> changes(OrganisationId organisation, long batchId, int limit) {
        return jdbc.sql("select c.indicator_id, r.title_fi, c.year, c.gender, c.old_value, c.new_value"
                        + " from indicator_value_change c join indicator_batch b on b.id = c.batch_id"
                        + " left join indicator_region r on r.id = c.region_id"
                        + " where c.batch_id = ? and b.organisation_id = ? order by c.indicator_id, r.title_fi, c.year"
                        + " limit ?")
                .params(batchId, organisation.value(), limit)
                .query((rs, n) -> new ValueChange(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getInt(3),
                        Gender.ofStored(rs.getInt(4)),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .list();
    }

    private ValueImport.Request request(Tenant tenant, String fileName, String sha256, boolean dryRun) {
        Integer ownRegion = comparisons
                .ownRegion(tenant.organisation())
                .map(IndicatorRegion::id)
                .orElse(null);
        return new ValueImport.Request(
                tenant.organisation(),
                tenant.user(),
                tenant.operator(),
                ownRegion,
                new ValueImport.Source("FILE", fileName, null),
                fileName,
                sha256,
                dryRun,
                true);
    }

    private Upload upload(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String preview = rs.getString(6);
        return new Upload(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class),
                preview == null || preview.equals("null") ? null : json.readValue(preview, ValueImport.Result.class),
                (Long) rs.getObject(7),
                rs.getObject(8, UUID.class),
                rs.getObject(9, UUID.class),
                rs.getBoolean(10),
                rs.getBoolean(11));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
