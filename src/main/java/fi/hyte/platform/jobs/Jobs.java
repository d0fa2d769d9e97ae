package fi.hyte.platform.jobs;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long work in the background (a Sotkanet refresh, checking or importing a file, a report's PDF) with
 * its progress in the database, so that any node can show it and the user can leave and come back.
 * Only one job runs per scope (an organisation's imports, the Sotkanet refresh); a second start is
 * refused. A job whose node stopped is marked failed once its heartbeat is older than {@link #STALE}.
 *
 * <p>The runner knows no module. A kind is the caller's word (upper case, e.g. {@code REFRESH}); a
 * scope is the caller's string and should be namespaced by the module; an outcome's message is a key
 * of the caller's own bundle. Only the runner's own endings, {@link #FAILED} and {@link #INTERRUPTED},
 * are keys of the platform bundle.
 */
@Service
public class Jobs {

    /** Message key of a job whose work threw, or that could not be queued. */
    public static final String FAILED = "platform.job.failed";

    /** Message key of a job whose node stopped while it ran. */
    public static final String INTERRUPTED = "platform.job.interrupted";

    static final Duration STALE = Duration.ofMinutes(10);
    /** The same rule as the table's check: one upper-case word, so kinds read alike in every module. */
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private static final String SELECT =
            "select id, organisation_id, started_by, kind, scope, status, total, done, errors, message,"
                    + " result, started_at, finished_at from background_job";

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final TaskExecutor executor;

    Jobs(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Qualifier(JobsConfiguration.EXECUTOR) TaskExecutor executor) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
    }

    /** A job as the page shows it; result is JSON written by the job's work. */
    public record Job(
            UUID id,
            UUID organisationId,
            UUID startedBy,
            String kind,
            String scope,
            String status,
            long total,
            long done,
            int errors,
            String message,
            String result,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        public int percent() {
            return total <= 0 ? (running() ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }

    /** What a job's work reports while it runs, and what it ends with. */
    public interface Work {
        /** Returns the result (JSON) and a short message; throwing marks the job failed. */
        Outcome run(Progress progress) throws Exception;
    }

    public record Outcome(boolean succeeded, String message, String result) {}

    /** Progress as the work reports it: rows or items done out of total, and errors so far. */
    public interface Progress {
        void report(long done, long total, int errors);
    }

    /**
     * Starts work in the background, or returns empty when a job already runs in this scope. The job row exists before this returns, so the page can show it at once.
     */
    public Optional<UUID> start(
            String kind, String scope, OrganisationId organisation, UserId user, long total, Work work) {
        Optional<UUID> id = register(kind, scope, organisation, user, total);
        id.ifPresent(job -> {
            try {
                executor.execute(() -> runJob(job, work));
            } catch (TaskRejectedException e) {
                finish(job, new Outcome(false, FAILED, null));
                throw e;
            }
        });
        return id;
    }

    /**
     * Runs work in the calling thread under the same one-per-scope rule (an API call that answers
     * when done); empty when another job runs in the scope.
     */
    public Optional<Outcome> runHere(String kind, String scope, OrganisationId organisation, UserId user, Work work) {
        return register(kind, scope, organisation, user, 0).map(id -> runJob(id, work));
    }

    /** The job's row, RUNNING; empty when the scope already has a running job. */
    private Optional<UUID> register(String kind, String scope, OrganisationId organisation, UserId user, long total) {
        if (kind == null || !KIND.matcher(kind).matches() || scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("A job needs an upper-case kind and a scope: " + kind + ", " + scope);
        }
        failStale();
        UUID id = UUID.randomUUID();
        try {
            separately.executeWithoutResult(
                    s -> jdbc.sql("insert into background_job (id, organisation_id, kind, scope,"
                                    + " status, total, started_by) values (?, ?, ?, ?, 'RUNNING', ?, ?)")
                            .params(
                                    id,
                                    organisation == null ? null : organisation.value(),
                                    kind,
                                    scope,
                                    total,
                                    user == null ? null : user.value())
                            .update());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private Outcome runJob(UUID id, Work work) {
        // A job may have waited in the queue: it starts its heartbeat when it starts its work.
        update(id, 0, 0, 0);
        Outcome outcome;
        try {
            outcome = work.run((done, total, errors) -> update(id, done, total, errors));
        } catch (Exception | Error e) {
            LOG.warn("Job {} failed", id, e);
            outcome = new Outcome(false, FAILED, null);
        }
        finish(id, outcome);
        return outcome;
    }

    private void finish(UUID id, Outcome end) {
        separately.executeWithoutResult(s -> jdbc.sql("update background_job set status = ?, message = ?,"
                        + " result = cast(? as jsonb), finished_at = now(), heartbeat_at = now(),"
                        + " done = case when ? then greatest(done, total) else done end where id = ?")
                .params(end.succeeded() ? "DONE" : "FAILED", end.message(), end.result(), end.succeeded(), id)
                .update());
    }

    private void update(UUID id, long done, long total, int errors) {
        separately.executeWithoutResult(s -> jdbc.sql("update background_job set done = ?, total = greatest(?, total),"
                        + " errors = ?, heartbeat_at = now() where id = ?")
                .params(done, total, errors, id)
                .update());
    }

    public Optional<Job> find(UUID id) {
        failStale();
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::job).optional();
    }

    /** A job of this organisation (or, for operators' Sotkanet refreshes, with no organisation). */
    public Optional<Job> find(OrganisationId organisation, UUID id) {
        failStale();
        return jdbc.sql(SELECT + " where id = ? and organisation_id = ?")
                .params(id, organisation.value())
                .query(this::job)
                .optional();
    }

    public Optional<Job> running(String kind, String scope) {
        failStale();
        return jdbc.sql(SELECT + " where kind = ? and scope = ? and status = 'RUNNING'")
                .params(kind, scope)
                .query(this::job)
                .optional();
    }

    public List<Job> recent(String kind, String scope, int limit) {
        failStale();
        return jdbc.sql(SELECT + " where kind = ? and scope = ? order by started_at desc limit ?")
                .params(kind, scope, limit)
                .query(this::job)
                .list();
    }

    private void failStale() {
        jdbc.sql("update background_job set status = 'FAILED', message = ?, finished_at = now()"
                        + " where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?)")
                .params(INTERRUPTED, STALE.toSeconds())
                .update();
    }

    private Job job(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("started_by", UUID.class),
                rs.getString("kind"),
                rs.getString("scope"),
                rs.getString("status"),
                rs.getLong("total"),
                rs.getLong("done"),
                rs.getInt("errors"),
                rs.getString("message"),
                rs.getString("result"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }
}
