package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.Block;
import fi.hyte.report.domain.Handling;
import fi.hyte.report.domain.Outlines;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportProblem;
import fi.hyte.report.domain.ReportStatus;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.report.domain.Snapshot;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report from its outline to an immutable, fingerprinted snapshot: what starts it, what keeps it
 * from review, how bodies handle it, and what the database itself refuses afterwards.
 */
@HyteSpringTest
class ReportLifecycleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    Outlines outlines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    fi.hyte.participation.domain.Publishing publishing;

    @Autowired
    fi.hyte.participation.domain.JoysAndWorries joys;

    @LocalServerPort
    int port;

    @Autowired
    fi.hyte.report.domain.Composer composer;

    Org org;
    Tenant tenant;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation("kertomus" + Long.toString(System.nanoTime(), 36));
        tenant = org.tenant();
    }

    UUID annual() {
        return work.start(
                tenant,
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        LocalizedText.of("Vuosiraportti 2025", null),
                        2025,
                        2025,
                        null,
                        false,
                        false));
    }

    /** A report with text in every section, no blocks, every minimum-data item placed and a summary: ready for review. */
    UUID ready() {
        UUID id = annual();
        for (Block b : reports.blocks(org.id(), id)) {
            work.deleteBlock(tenant, id, b.id());
        }
        List<Section> sections = reports.sections(org.id(), id);
        for (Section s : sections) {
            work.saveSection(
                    tenant,
                    id,
                    s.id(),
                    new ReportWork.SectionText(
                            s.title(),
                            LocalizedText.of("Teksti luvussa " + s.title().fi() + ".", null),
                            null,
                            null,
                            null),
                    s.version());
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
                        null,
                        false,
                        r.changeThreshold(),
                        LocalizedText.of("Hyvinvointi on hyvällä tasolla.", null),
                        null),
                r.version());
        return id;
    }

    ReportWork.HandlingForm approval(LocalDate on, String paragraph) {
        return new ReportWork.HandlingForm(
                null, "Kunnanvaltuusto", on, paragraph, null, Handling.Outcome.APPROVED, null);
    }

    UUID locked() {
        UUID id = ready();
        work.toReview(tenant, id, TODAY);
        work.lock(tenant, id, TODAY);
        return id;
    }

    @Test
    void aNewReportStartsFromTheOutlineOfItsKind() {
        UUID annual = annual();
        UUID extended = work.start(
                tenant,
                new ReportWork.NewReport(
                        ReportKind.EXTENDED, LocalizedText.of("Laaja", null), 2021, 2024, null, false, false));

        assertThat(reports.sections(org.id(), annual))
                .extracting(Section::outlineKey)
                .containsExactly("summary", "progress", "changes", "budget");
        assertThat(reports.sections(org.id(), extended))
                .extracting(Section::outlineKey)
                .containsExactly(
                        "summary", "background", "wellbeing", "differences", "joys", "strengths", "plan", "appendices");
        assertThat(work.find(tenant, extended).outlineVersion())
                .isEqualTo(outlines.outline().version());
        assertThatThrownBy(() -> work.start(
                        tenant,
                        new ReportWork.NewReport(
                                ReportKind.REGIONAL, LocalizedText.of("Alue", null), 2025, 2028, null, false, false)))
                .isInstanceOf(ReportProblem.class)
                .hasMessage("report.problem.regionalOnlyCounty");
    }

    @Test
    void aReportStartedFromAnEarlierOneTakesItsTextsAndBlocksButNotItsComments() {
        UUID earlier = ready();
        Section first = reports.sections(org.id(), earlier).get(0);
        work.comment(tenant, earlier, first.id(), null, null, "Vanha kommentti");
        UUID next = work.start(
                tenant,
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        LocalizedText.of("Vuosiraportti 2026", null),
                        2026,
                        2026,
                        earlier,
                        false,
                        false));

        List<Section> copied = reports.sections(org.id(), next);
        assertThat(copied)
                .extracting(s -> s.body().fi())
                .containsExactlyElementsOf(reports.sections(org.id(), earlier).stream()
                        .map(s -> s.body().fi())
                        .toList());
        assertThat(copied).extracting(Section::id).doesNotContain(first.id());
        assertThat(reports.comments(org.id(), next)).isEmpty();
    }

    @Test
    void ofTwoSavesOfOneSectionTheLaterIsRefused() {
        UUID id = annual();
        Section s = reports.sections(org.id(), id).get(0);
        work.saveSection(
                tenant,
                id,
                s.id(),
                new ReportWork.SectionText(s.title(), LocalizedText.of("Ensimmäinen", null), null, null, null),
                s.version());

        assertThatThrownBy(() -> work.saveSection(
                        tenant,
                        id,
                        s.id(),
                        new ReportWork.SectionText(s.title(), LocalizedText.of("Toinen", null), null, null, null),
                        s.version()))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(reports.section(org.id(), s.id()).orElseThrow().body().fi()).isEqualTo("Ensimmäinen");
    }

    @Test
    void theReadinessCheckKeepsAnUnfinishedDraftFromReview() {
        UUID id = annual();

        assertThatThrownBy(() -> work.toReview(tenant, id, TODAY))
                .isInstanceOf(ReportProblem.class)
                .hasMessage("report.problem.notReady");
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.DRAFT);

        UUID ready = ready();
        work.toReview(tenant, ready, TODAY);
        assertThat(work.find(tenant, ready).status()).isEqualTo(ReportStatus.REVIEW);
    }

    @Test
    void anApprovalWithoutBodyDateOrParagraphOrDatedInTheFutureIsRefusedAndChangesNothing() {
        UUID id = locked();
        List<ReportWork.HandlingForm> bad = List.of(
                new ReportWork.HandlingForm(null, " ", TODAY, "§ 1", null, Handling.Outcome.APPROVED, null),
                new ReportWork.HandlingForm(null, "Valtuusto", null, "§ 1", null, Handling.Outcome.APPROVED, null),
                new ReportWork.HandlingForm(null, "Valtuusto", TODAY, "", null, Handling.Outcome.APPROVED, null),
                new ReportWork.HandlingForm(
                        null, "Valtuusto", TODAY.plusDays(1), "§ 1", null, Handling.Outcome.APPROVED, null),
                new ReportWork.HandlingForm(
                        null, "Valtuusto", TODAY, "§ 1", "javascript:alert(1)", Handling.Outcome.APPROVED, null),
                new ReportWork.HandlingForm(null, "Valtuusto", TODAY, "§ 1", null, Handling.Outcome.AMENDED, null),
                new ReportWork.HandlingForm(
                        UUID.randomUUID(), null, TODAY, "§ 1", null, Handling.Outcome.APPROVED, null));
        for (ReportWork.HandlingForm form : bad) {
            assertThatThrownBy(() -> work.handle(tenant, id, form, TODAY))
                    .as(form.toString())
                    .isInstanceOf(ReportProblem.class);
        }
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.FOR_DECISION);
        assertThat(reports.handlings(org.id(), id)).isEmpty();
        assertThat(reports.snapshots(org.id(), id)).isEmpty();
    }

    @Test
    void approvalFreezesTheLockedContentAsAnImmutableFingerprintedSnapshot() throws Exception {
        UUID id = locked();
        Section first = reports.sections(org.id(), id).get(0);
        work.handle(
                tenant,
                id,
                new ReportWork.HandlingForm(
                        null, "Kunnanhallitus", TODAY.minusDays(14), "§ 80", null, Handling.Outcome.FORWARDED, null),
                TODAY);
        UUID snapshotId = work.handle(tenant, id, approval(TODAY.minusDays(1), "§ 12"), TODAY)
                .orElseThrow();

        Snapshot snapshot = reports.snapshot(org.id(), snapshotId).orElseThrow();
        assertThat(snapshot.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(snapshot.content().getBytes(StandardCharsets.UTF_8))));
        assertThat(snapshot.content())
                .contains("Teksti luvussa")
                .contains("\"sv\"")
                .contains("\"en\"");
        assertThat(snapshot.bodyName()).isEqualTo("Kunnanvaltuusto");
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.APPROVED);

        // The database itself refuses to change or delete the record of the decision.
        assertThatThrownBy(() -> jdbc.sql("update report_snapshot set content = 'muutettu' where id = ?")
                        .param(snapshotId)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from report_snapshot where id = ?")
                        .param(snapshotId)
                        .update())
                .isInstanceOf(DataAccessException.class);
        // A later change of the source text never reaches the snapshot.
        jdbc.sql("update report_section set body_fi = 'Myöhemmin muutettu' where id = ?")
                .param(first.id())
                .update();
        assertThat(reports.snapshot(org.id(), snapshotId).orElseThrow().content())
                .isEqualTo(snapshot.content())
                .doesNotContain("Myöhemmin muutettu");
    }

    @Test
    void anEditOfAnApprovedReportIsRefusedAndAudited() {
        UUID id = locked();
        work.handle(tenant, id, approval(TODAY, "§ 3"), TODAY);
        Section s = reports.sections(org.id(), id).get(0);

        assertThatThrownBy(() -> work.saveSection(
                        tenant,
                        id,
                        s.id(),
                        new ReportWork.SectionText(
                                s.title(), LocalizedText.of("Salaa muutettu", null), null, null, null),
                        s.version()))
                .isInstanceOf(ReportProblem.class)
                .hasMessage("report.problem.locked");
        assertThat(reports.section(org.id(), s.id()).orElseThrow().body().fi()).doesNotContain("Salaa");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where organisation_id = ? and entity_id = ? and action = 'REFUSED'")
                        .params(org.id().value(), id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aFreezeFailingHalfwayLeavesNothingApproved() {
        UUID id = locked();
        jdbc.sql("create or replace function report_test_fail() returns trigger language plpgsql as $$ begin"
                        + " if new.body_name = 'Kaatuva valtuusto' then raise exception 'simulated failure'; end if;"
                        + " return new; end; $$")
                .update();
        jdbc.sql(
                        "create trigger report_test_fail before insert on report_snapshot for each row execute function report_test_fail()")
                .update();
        try {
            assertThatThrownBy(() -> work.handle(
                            tenant,
                            id,
                            new ReportWork.HandlingForm(
                                    null, "Kaatuva valtuusto", TODAY, "§ 9", null, Handling.Outcome.APPROVED, null),
                            TODAY))
                    .isInstanceOf(DataAccessException.class);
        } finally {
            jdbc.sql("drop trigger report_test_fail on report_snapshot").update();
        }
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.FOR_DECISION);
        assertThat(reports.handlings(org.id(), id)).isEmpty();
        assertThat(reports.snapshots(org.id(), id)).isEmpty();
    }

    @Test
    void twoSimultaneousApprovalsMakeOneSnapshot() throws Exception {
        UUID id = locked();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String paragraph = "§ " + (20 + i);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return work.handle(tenant, id, approval(TODAY, paragraph), TODAY)
                            .orElseThrow();
                } catch (ReportProblem p) {
                    return p;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o instanceof UUID).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof ReportProblem p && p.key().equals("report.problem.notForDecision"))
                .hasSize(1);
        assertThat(reports.snapshots(org.id(), id)).hasSize(1);
        assertThat(reports.handlings(org.id(), id)).hasSize(1);
    }

    @Test
    void returnedForPreparationTheReportIsADraftAgainAndACorrectionIsANewVersion() {
        UUID id = locked();
        work.handle(
                tenant,
                id,
                new ReportWork.HandlingForm(
                        null, "Kunnanhallitus", TODAY, "§ 5", null, Handling.Outcome.RETURNED, null),
                TODAY);
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.DRAFT);

        work.toReview(tenant, id, TODAY);
        work.lock(tenant, id, TODAY);
        work.handle(
                tenant,
                id,
                new ReportWork.HandlingForm(
                        null,
                        "Kunnanvaltuusto",
                        TODAY,
                        "§ 6",
                        null,
                        Handling.Outcome.AMENDED,
                        "Lisätty maininta koulupoissaoloista."),
                TODAY);
        work.publish(tenant, id);
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.PUBLISHED);
        assertThatThrownBy(() -> work.correct(tenant, id, " ")).isInstanceOf(ReportProblem.class);

        work.correct(tenant, id, "Väestöluku korjattu");
        work.toReview(tenant, id, TODAY);
        work.lock(tenant, id, TODAY);
        work.handle(tenant, id, approval(TODAY, "§ 7"), TODAY);

        List<Snapshot> versions = reports.snapshots(org.id(), id);
        assertThat(versions).extracting(Snapshot::versionNo).containsExactly(2, 1);
        assertThat(versions.get(0).correctionReason()).isEqualTo("Väestöluku korjattu");
        assertThat(versions.get(1).content()).contains("Lisätty maininta koulupoissaoloista.");
        assertThat(versions.get(1).published()).isTrue();
        assertThat(versions.get(0).published()).isFalse();
    }

    @Test
    void withoutAPlainLanguageSummaryAReportGoesOnlyWithAReason() {
        UUID id = ready();
        Report r = work.find(tenant, id);
        work.saveSettings(
                tenant,
                id,
                new ReportWork.Settings(
                        r.title(), null, false, r.changeThreshold(), LocalizedText.of(null, null), null),
                r.version());
        assertThatThrownBy(() -> work.toReview(tenant, id, TODAY))
                .isInstanceOf(ReportProblem.class)
                .hasMessage("report.problem.notReady");

        r = work.find(tenant, id);
        work.saveSettings(
                tenant,
                id,
                new ReportWork.Settings(
                        r.title(),
                        null,
                        false,
                        r.changeThreshold(),
                        LocalizedText.of(null, null),
                        "Tiivistelmä julkaistaan erikseen."),
                r.version());
        work.toReview(tenant, id, TODAY);
        work.lock(tenant, id, TODAY);
        work.handle(tenant, id, approval(TODAY, "§ 8"), TODAY);
        work.publish(tenant, id);
        assertThat(work.find(tenant, id).status()).isEqualTo(ReportStatus.PUBLISHED);
    }

    @Test
    void theOrganisationsPublicFrontPageShowsItsPublishedReportAndChangesItsETag() throws Exception {
        String slug = "kert-" + Long.toString(System.nanoTime(), 36);
        publishing.save(
                tenant,
                new fi.hyte.participation.domain.PublicSite(
                        org.id(),
                        slug,
                        true,
                        false,
                        LocalizedText.of("Yhteenveto", null),
                        LocalizedText.of("Koordinaattori", null),
                        "hyte@example.fi",
                        null,
                        LocalizedText.of("Tietosuoja", null),
                        "PARTIAL",
                        LocalizedText.of("Puute", null),
                        "saavutettavuus@example.fi",
                        LocalDate.of(2026, 12, 6),
                        0,
                        0));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI front = java.net.URI.create("http://localhost:" + port + "/o/" + slug + "/fi");
        java.net.http.HttpResponse<String> before = http.send(
                java.net.http.HttpRequest.newBuilder(front).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).doesNotContain("/public/reports/");
        String etag = before.headers().firstValue("ETag").orElseThrow();

        UUID id = locked();
        work.handle(tenant, id, approval(TODAY, "§ 45"), TODAY);
        java.net.http.HttpResponse<String> approved = http.send(
                java.net.http.HttpRequest.newBuilder(front)
                        .header("If-None-Match", etag)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as("approved, not yet published").isEqualTo(304);

        work.publish(tenant, id);
        java.net.http.HttpResponse<String> after = http.send(
                java.net.http.HttpRequest.newBuilder(front)
                        .header("If-None-Match", etag)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(after.body())
                .contains("Vuosiraportti 2025")
                .contains("§ 45")
                .contains("/public/reports/" + id + "/fi");
        java.net.http.HttpResponse<String> sv = http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/o/" + slug + "/sv"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(sv.body()).contains("/public/reports/" + id + "/sv");
        assertThat(http.send(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                "http://localhost:" + port + "/public/reports/" + id + "/fi"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    private fi.hyte.report.domain.ReportContent.BlockContent impactBlock(UUID report, String lang) {
        return composer
                .compose(org.id(), work.find(tenant, report), java.util.Locale.forLanguageTag(lang), TODAY)
                .content()
                .sections()
                .stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> "IMPACT_SHARE".equals(b.kind()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void residentsThemesOfJoysAndWorriesStandInTheReportBesideTheSectorsOwnWithWhatTheDataSays() {
        int year = LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).getYear();
        UUID extended = work.start(
                tenant,
                new ReportWork.NewReport(
                        ReportKind.EXTENDED, LocalizedText.of("Laaja", null), year - 4, year - 1, null, false, false));
        assertThat(joysBlock(extended, "fi").hasData()).isFalse();

        UUID collection = joys.create(
                        tenant,
                        LocalizedText.of("Mikä täällä on hyvää?", null),
                        LocalizedText.of(null, null),
                        java.time.Instant.now().minusSeconds(60),
                        null,
                        false)
                .id();
        joys.addWorkshopItem(
                tenant, collection, "WORRY", "Iltaisin ei ole minne mennä", "Nuorisovaltuusto", null, null, null);
        joys.addWorkshopItem(
                tenant, collection, "WORRY", "Nuorisotila on kiinni", "Nuorisovaltuusto", null, null, null);
        UUID theme = joys.addTheme(
                        tenant, collection, "WORRY", LocalizedText.of("Nuorten vapaa-aika", "Ungas fritid"), List.of())
                .id();
        joys.group(
                tenant,
                collection,
                theme,
                joys.items(org.id(), collection, false).stream()
                        .map(fi.hyte.participation.domain.JoysAndWorries.Item::id)
                        .toList());

        fi.hyte.report.domain.ReportContent.BlockContent fi = joysBlock(extended, "fi");
        assertThat(fi.hasData()).isTrue();
        assertThat(fi.items()).anySatisfy(item -> {
            assertThat(item.label())
                    .startsWith("Huolenaihe · Asukkaat ja työpajat (Nuorisovaltuusto), 2 mainintaa vuonna " + year);
            assertThat(item.text()).isEqualTo("Nuorten vapaa-aika");
            assertThat(item.mark()).startsWith("Ei tietoa");
        });
        fi.hyte.report.domain.ReportContent.BlockContent sv = joysBlock(extended, "sv");
        assertThat(sv.items()).anySatisfy(item -> assertThat(item.text()).isEqualTo("Ungas fritid"));
        assertThat(sv.fingerprint()).isEqualTo(fi.fingerprint());
    }

    /** Composed today: residents heard this year count for a report on the years before. */
    private fi.hyte.report.domain.ReportContent.BlockContent joysBlock(UUID report, String lang) {
        return composer
                .compose(
                        org.id(),
                        work.find(tenant, report),
                        java.util.Locale.forLanguageTag(lang),
                        LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")))
                .content()
                .sections()
                .stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> "JOYS_WORRIES".equals(b.kind()))
                .findFirst()
                .orElseThrow();
    }

    private void impactCase(String title, String status, LocalDate decidedOn, boolean frozenBefore, String skipped) {
        jdbc.sql("insert into impact_case (id, organisation_id, title_fi, status, not_assessed_reason, need,"
                        + " template_version, decided_on, meeting_on, frozen_at)"
                        + " values (?, ?, ?, ?, ?, 'REQUIRED', 1, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        org.id().value(),
                        title,
                        status,
                        skipped,
                        skipped == null ? decidedOn : null,
                        decidedOn,
                        frozenBefore
                                ? java.time.OffsetDateTime.of(
                                        decidedOn.minusDays(10).atStartOfDay(), java.time.ZoneOffset.UTC)
                                : null)
                .update();
    }

    @Test
    void anExtendedReportShowsTheShareOfKeyDecisionsAssessedInItsBackgroundAndNoDataWithoutCases() {
        UUID extended = work.start(
                tenant,
                new ReportWork.NewReport(
                        ReportKind.EXTENDED, LocalizedText.of("Laaja", null), 2021, 2024, null, false, false));
        Section background = reports.sections(org.id(), extended).stream()
                .filter(s -> "background".equals(s.outlineKey()))
                .findFirst()
                .orElseThrow();
        assertThat(reports.blocks(org.id(), extended))
                .filteredOn(b -> b.kind() == fi.hyte.report.domain.BlockKind.IMPACT_SHARE)
                .extracting(Block::sectionId)
                .containsExactly(background.id());

        fi.hyte.report.domain.ReportContent.BlockContent none = impactBlock(extended, "fi");
        assertThat(none.hasData()).isFalse();
        assertThat(none.empty()).startsWith("Ei tietoja").contains("2021–2024");
        assertThat(none.table()).isNull();
        assertThat(none.source()).startsWith("Lähde: Hyte, vaikutusten ennakkoarviointi");

        impactCase("Koulukuljetusten uudistus", "DECIDED", LocalDate.of(2023, 3, 14), true, null);
        impactCase("Nuorisotilan sulkeminen", "DECIDED", LocalDate.of(2023, 9, 5), false, null);
        impactCase("Liikuntapaikkamaksut", "NOT_ASSESSED", LocalDate.of(2023, 11, 2), false, "Kiireellinen asia");

        fi.hyte.report.domain.ReportContent.BlockContent fi = impactBlock(extended, "fi");
        assertThat(fi.hasData()).isTrue();
        assertThat(fi.source()).startsWith("Lähde: Hyte, vaikutusten ennakkoarviointi");
        assertThat(fi.table().rows()).hasSize(4);
        assertThat(fi.table().rows().get(0)).containsExactly("2021", "0", "0", "Ei tietoja", "0", "0");
        List<String> y2023 = fi.table().rows().get(2);
        assertThat(y2023.get(0)).isEqualTo("2023");
        assertThat(y2023.get(1)).isEqualTo("3");
        assertThat(y2023.get(2)).isEqualTo("1");
        assertThat(y2023.get(3)).contains("33").contains("%");
        assertThat(fi.notes()).anyMatch(n -> n.contains("Liikuntapaikkamaksut") && n.contains("Kiireellinen asia"));

        fi.hyte.report.domain.ReportContent.BlockContent sv = impactBlock(extended, "sv");
        assertThat(sv.heading()).isNotEqualTo(fi.heading());
        assertThat(sv.fingerprint()).as("the same facts in every language").isEqualTo(fi.fingerprint());
        assertThat(sv.fingerprint()).isNotEqualTo(none.fingerprint());
    }

    @Test
    void aBlocksFingerprintIsTheSameInEveryLanguageSoTheSectionPageComposesItOnce() {
        UUID id = annual();
        Report r = work.find(tenant, id);
        List<Block> blocks = reports.blocks(org.id(), id);
        assertThat(blocks).isNotEmpty();
        List<fi.hyte.report.domain.ReportContent.BlockContent> sv =
                composer.blocks(org.id(), r, blocks, java.util.Locale.forLanguageTag("sv"), TODAY);
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(sv.get(i).fingerprint())
                    .as(blocks.get(i).kind().name())
                    .isEqualTo(composer.block(org.id(), r, blocks.get(i), java.util.Locale.forLanguageTag("fi"), TODAY)
                            .fingerprint());
        }
    }
}
