package fi.hyte.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.HyteSpringTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The background job runner as any module uses it: its own kinds and scopes, the runner's endings in
 * the user's language, stale jobs failed when the next one starts, and the table's move from the
 * indicator module keeping a kept database's rows.
 */
@HyteSpringTest
class JobsTests {

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void anotherModulesKindRunsInTheBackgroundWithItsProgressAndErrors() throws InterruptedException {
        String scope = "report:" + UUID.randomUUID();
        UUID id = jobs.start("REPORT_PDF", scope, null, null, 20, progress -> {
                    progress.report(7, 20, 1);
                    progress.report(20, 20, 2);
                    return new Jobs.Outcome(true, "report.pdf.ready", "{\"pages\": 20}");
                })
                .orElseThrow();

        Jobs.Job job = finished(id);
        assertThat(job.kind()).isEqualTo("REPORT_PDF");
        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.message()).as("the outcome's key stays the module's").isEqualTo("report.pdf.ready");
        assertThat(job.done()).isEqualTo(20);
        assertThat(job.errors()).isEqualTo(2);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.result()).contains("\"pages\"");
        assertThat(jobs.recent("REPORT_PDF", scope, 5)).extracting(Jobs.Job::id).containsExactly(id);
    }

    @Test
    void workThatThrowsEndsFailedWithTheRunnersMessageInEachLanguage() throws InterruptedException {
        UUID id = jobs.start("REPORT_PDF", "report:" + UUID.randomUUID(), null, null, 0, progress -> {
                    throw new IllegalStateException("broken template");
                })
                .orElseThrow();

        Jobs.Job job = finished(id);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.message()).isEqualTo(Jobs.FAILED);
        assertThat(messages.getMessage(job.message(), null, Locale.forLanguageTag("fi")))
                .startsWith("Työ keskeytyi virheeseen");
        assertThat(messages.getMessage(job.message(), null, Locale.forLanguageTag("sv")))
                .startsWith("Arbetet avbröts av ett fel");
        assertThat(messages.getMessage(job.message(), null, Locale.ENGLISH))
                .startsWith("The work stopped with an error");
    }

    @Test
    void runHereWorksInTheCallersThreadUnderTheSameOneJobPerScopeRule() {
        String scope = "digest:" + UUID.randomUUID();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Optional<Jobs.Outcome> outcome = jobs.runHere("DIGEST", scope, null, null, progress -> {
            ranOn.set(Thread.currentThread());
            // While it runs, a second job in the scope is refused, here or in the background.
            assertThat(jobs.runHere("DIGEST", scope, null, null, p -> new Jobs.Outcome(true, "x", null)))
                    .isEmpty();
            assertThat(jobs.start("DIGEST", scope, null, null, 0, p -> new Jobs.Outcome(true, "x", null)))
                    .isEmpty();
            progress.report(3, 3, 0);
            return new Jobs.Outcome(true, "digest.sent", null);
        });

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(outcome).map(Jobs.Outcome::message).contains("digest.sent");
        assertThat(jobs.running("DIGEST", scope)).isEmpty();
        assertThat(jobs.recent("DIGEST", scope, 5))
                .singleElement()
                .satisfies(job -> assertThat(job.done()).isEqualTo(3));
    }

    @Test
    void jobWhoseNodeStoppedIsFailedAsInterruptedWhenTheNextOneStarts() {
        String scope = "report:" + UUID.randomUUID();
        UUID stale = UUID.randomUUID();
        jdbc.sql("insert into background_job (id, kind, scope, status, heartbeat_at)"
                        + " values (?, 'REPORT_PDF', ?, 'RUNNING', now() - make_interval(secs => ?))")
                .params(stale, scope, Jobs.STALE.toSeconds() + 60)
                .update();
        UUID fresh = UUID.randomUUID();
        jdbc.sql("insert into background_job (id, kind, scope, status) values (?, 'REPORT_PDF', ?, 'RUNNING')")
                .params(fresh, "report:" + UUID.randomUUID())
                .update();

        Optional<Jobs.Outcome> next =
                jobs.runHere("REPORT_PDF", scope, null, null, p -> new Jobs.Outcome(true, "report.pdf.ready", null));

        assertThat(next).as("the stopped job no longer holds its scope").isPresent();
        Jobs.Job interrupted = jobs.find(stale).orElseThrow();
        assertThat(interrupted.status()).isEqualTo("FAILED");
        assertThat(interrupted.message()).isEqualTo(Jobs.INTERRUPTED);
        assertThat(messages.getMessage(Jobs.INTERRUPTED, null, Locale.forLanguageTag("sv")))
                .contains("servern stannade");
        assertThat(jobs.find(fresh).orElseThrow().running())
                .as("a job with a live heartbeat runs on")
                .isTrue();
        jdbc.sql("update background_job set status = 'DONE' where id = ?")
                .param(fresh)
                .update();
    }

    @Test
    void kindMustBeAnUpperCaseWord() {
        assertThatThrownBy(() -> jobs.runHere(
                        "report pdf",
                        "report:" + UUID.randomUUID(),
                        null,
                        null,
                        p -> new Jobs.Outcome(true, "x", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jdbc.sql("insert into background_job (id, kind, scope, status)"
                                + " values (gen_random_uuid(), 'report pdf', 'x', 'DONE')")
                        .update())
                .as("the table holds the same rule")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * An installation with kept data had the table as indicator_job, with the runner's endings as
     * indicator keys; after the platform migration the rows are in background_job with platform keys.
     */
    @Test
    void keptDatabaseKeepsItsJobsWhenThePlatformTakesTheTableOver() throws SQLException {
        String schema =
                "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String url = System.getProperty("hyte.test.database.url");
        String user = System.getProperty("hyte.test.database.username");
        String password = System.getProperty("hyte.test.database.password");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            SingleConnectionDataSource data = new SingleConnectionDataSource(connection, true);
            // The database as it was before the platform migration: every migration written before it.
            MigrationVersion takeover = MigrationVersion.fromVersion("20261206.20");
            MigrationVersion before = Arrays.stream(Flyway.configure()
                            .dataSource(data)
                            .schemas(schema)
                            .locations("classpath:db/migration")
                            .load()
                            .info()
                            .all())
                    .map(MigrationInfo::getVersion)
                    .filter(version -> takeover.isNewerThan(version))
                    .max(MigrationVersion::compareTo)
                    .orElseThrow();
            Flyway.configure()
                    .dataSource(data)
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .target(before)
                    .load()
                    .migrate();
            try (Statement sql = connection.createStatement()) {
                sql.execute("set search_path to " + schema);
                sql.execute("insert into indicator_job (id, kind, scope, status, message) values"
                        + " ('00000000-0000-0000-0000-000000000001', 'REFRESH', 'sotkanet', 'FAILED',"
                        + " 'indicator.job.interrupted'),"
                        + " ('00000000-0000-0000-0000-000000000002', 'IMPORT', 'org:x', 'DONE', 'imported')");
            }

            Flyway.configure()
                    .dataSource(data)
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            JdbcClient upgraded = JdbcClient.create(data);
            upgraded.sql("set search_path to " + schema).update();
            assertThat(upgraded.sql("select kind || ' ' || message from background_job order by id")
                            .query(String.class)
                            .list())
                    .containsExactly("REFRESH platform.job.interrupted", "IMPORT imported");
            assertThat(upgraded.sql("select to_regclass('indicator_job') is null")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        } finally {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement sql = connection.createStatement()) {
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private Jobs.Job finished(UUID id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Jobs.Job job = jobs.find(id).orElseThrow();
            if (!job.running()) {
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + id + " did not finish");
    }
}
