package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.Role;
import fi.hyte.platform.jobs.Jobs;
import fi.hyte.report.domain.ReportExports;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Snapshot;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PDF and DOCX are made in the background with progress shown (§ 6): making one starts a job
 * whose page shows its progress, and a public file being made answers 503 with Retry-After, then
 * 200 once it is made.
 */
@HyteSpringTest
class ExportJobTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportSteps steps;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    ReportExports exports;

    @Autowired
    Jobs jobs;

    @LocalServerPort
    int port;

    @Test
    void makingAFileStartsAJobWhosePageShowsItsProgressUntilTheFileIsThere() throws Exception {
        Org org = fixtures.organisation("tiedosto" + Long.toString(System.nanoTime(), 36));
        UUID id = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025);
        steps.approve(org.tenant(), id, LocalDate.of(2026, 12, 1));
        Snapshot s = reports.snapshots(org.id(), id).get(0);
        WebSession web = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);

        WebSession.Response started =
                web.post("/reports/" + id + "/versions/1/files", Map.of("format", "docx", "lang", "fi"));
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.location()).contains("/reports/" + id + "/versions/1?job=");
        String jobPage = started.location().replaceFirst("^https?://[^/]+", "");
        String page = web.get(jobPage).body();
        assertThat(page).containsAnyOf("Tiedostoa tehdään…", "Tiedosto on valmis.");

        long until = System.currentTimeMillis() + 60_000;
        while (exports.file(s, "docx", "fi").isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertThat(exports.file(s, "docx", "fi")).isPresent();
        // The file is stored before the runner records the job's end: the page says so a moment later.
        String done = web.get(jobPage).body();
        while (!done.contains("Tiedosto on valmis.") && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            done = web.get(jobPage).body();
        }
        assertThat(done).contains("Tiedosto on valmis.");
        WebSession.Response file = web.get("/reports/" + id + "/versions/1/report-fi.docx", "*/*");
        assertThat(file.status()).isEqualTo(200);
    }

    @Test
    void aPublicFileBeingMadeAnswers503WithRetryAfterAndThen200() throws Exception {
        Org org = fixtures.organisation("julkinen" + Long.toString(System.nanoTime(), 36));
        UUID id = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025);
        steps.approve(org.tenant(), id, LocalDate.of(2026, 12, 1));
        work.publish(org.tenant(), id);
        Snapshot s = reports.snapshots(org.id(), id).get(0);
        String path = "/public/reports/" + id + "/v/1/fi/report.docx";

        // Someone's making of the same file holds its scope until released.
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?> holder = CompletableFuture.runAsync(() ->
                jobs.runHere(ReportExports.KIND, "report:" + s.id() + ":docx:fi", org.id(), null, progress -> {
                    making.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    return new Jobs.Outcome(true, "report.export.done", null);
                }));
        assertThat(making.await(30, TimeUnit.SECONDS)).isTrue();

        WebSession.Response busy = new WebSession(port).get(path, "*/*");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("10");

        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        WebSession.Response made = new WebSession(port).get(path, "*/*");
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.header("Content-Type")).contains("wordprocessingml");
    }
}
