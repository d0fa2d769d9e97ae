package fi.hyte.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.domain.Finding;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail against a real SMTP server (GreenMail in the test JVM): what is queued and when, what is
 * sent and how often, in which language and form, and how a person stops it.
 */
@HyteSpringTest
class MailTests {

    static final int SMTP_PORT = freePort();
    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hyte.mail.poll", () -> "1h");
        registry.add("hyte.mail.first-retry", () -> "2s");
        registry.add("hyte.mail.max-attempts", () -> "3");
        registry.add("hyte.mail.base-url", () -> "https://hyte.example.fi");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanEditing planEditing;

    @Autowired
    fi.hyte.support.PlanFixtures plans;

    @Autowired
    PlanReading planReading;

    @Autowired
    Outbox outbox;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailRuns runs;

    @Autowired
    MailSettings settings;

    @Autowired
    Assessments assessments;

    @Autowired
    OrganisationCatalog organisations;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ReportWork reportWork;

    @Autowired
    Reports reports;

    Org org;
    String domain;
    UUID sector;
    UUID editorPerson;
    UserId editor;
    UUID goal;

    @BeforeEach
    void organisationWithAPlan() {
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("posti" + suffix);
        domain = "posti" + suffix + ".test";
        for (Role role : Role.values()) {
            jdbc.sql("update app_user set email = ? where username = ?")
                    .params(role.name().toLowerCase() + "@" + domain, org.user(role))
                    .update();
        }
        editor = new UserId(jdbc.sql("select id from app_user where username = ?")
                .param(org.user(Role.EDITOR))
                .query(UUID.class)
                .single());
        sector = fixtures.sector(org, "Sivistys " + suffix);
        editorPerson = fixtures.person(org, "Erkki Editori", sector, Role.EDITOR);
        Plan plan = plans.plan(org, "Suunnitelma " + suffix, 2025, 2028);
        UUID line = plans.line(org, plan, "Linjaus");
        goal = planEditing.saveGoal(
                org.tenant(),
                new Goal(
                        null,
                        null,
                        line,
                        0,
                        0,
                        LocalizedText.of("Liikkuvat lapset", "Barn som rör sig"),
                        LocalizedText.of(null, null),
                        List.of(),
                        List.of(),
                        null,
                        editorPerson,
                        null,
                        0,
                        null,
                        null));
    }

    Measure measure(String title, UUID owner, LocalDate endsOn) {
        return new Measure(
                null,
                null,
                goal,
                0,
                0,
                LocalizedText.of(title, title + " (sv)"),
                LocalizedText.of(null, null),
                sector,
                owner,
                List.of(),
                null,
                null,
                endsOn,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                MeasureStatus.ONGOING,
                10,
                0,
                null,
                null);
    }

    List<Map<String, Object>> outboxOf(UserId user) {
        return jdbc.sql("select kind, status, subject, text_body, html_body, attempts, last_error, language"
                        + " from mail_outbox where recipient_id = ? and organisation_id = ? order by created_at")
                .params(user.value(), org.id().value())
                .query()
                .listOfRows();
    }

    List<MimeMessage> received() {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().endsWith("@" + domain);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void newOwnerIsToldInTheSavingTransactionAndARolledBackSaveMailsNobody() {
        UUID saved = planEditing.saveMeasure(org.tenant(), measure("Uimakoulu", editorPerson, null));
        assertThat(outboxOf(editor)).singleElement().satisfies(row -> {
            assertThat(row.get("kind")).isEqualTo("OWNER_ASSIGNED");
            assertThat(row.get("status")).isEqualTo("QUEUED");
            assertThat((String) row.get("subject")).contains("Uimakoulu");
            assertThat((String) row.get("text_body")).contains("https://hyte.example.fi/plan/measures/" + saved);
        });

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            planEditing.saveMeasure(org.tenant(), measure("Peruttu kerho", editorPerson, null));
            status.setRollbackOnly();
        });
        assertThat(outboxOf(editor)).hasSize(1);

        // A save refused as a concurrent change is not mailed: it stays on the page.
        Measure stale = planReading.measure(org.id(), saved).orElseThrow();
        planEditing.saveMeasure(org.tenant(), withOwner(stale, null));
        assertThatThrownBy(() -> planEditing.saveMeasure(org.tenant(), withOwner(stale, editorPerson)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(outboxOf(editor)).hasSize(1);
    }

    @Test
    void outboxRefusesToQueueOutsideATransaction() {
        assertThatThrownBy(() -> outbox.queue(notice(editor, "Ilman transaktiota")))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void twoSchedulersAtOnceSendEveryMessageExactlyOnce() throws Exception {
        int count = 45;
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.queue(notice(editor, "Viesti " + i));
            }
        });
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                sent.add(nodes.submit(() -> {
                    start.await();
                    return delivery.sendDue();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> s : sent) {
                total += s.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isGreaterThanOrEqualTo(count);
        } finally {
            nodes.shutdownNow();
        }
        List<MimeMessage> received = received();
        assertThat(received).hasSize(count);
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).hasSize(count);
        assertThat(outboxOf(editor)).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SENT");
            assertThat(row.get("attempts")).isEqualTo(1);
        });
        assertThat(delivery.sendDue()).isZero();
        assertThat(received()).hasSize(count);
    }

    @Test
    void smtpFailureIsRetriedWithADoublingPauseThenGivenUpWithItsError() throws Exception {
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> outbox.queue(notice(editor, "Palvelin alhaalla")));
        SMTP.stop();
        try {
            delivery.sendDue();
            Map<String, Object> first = outboxOf(editor).get(0);
            assertThat(first.get("status")).isEqualTo("QUEUED");
            assertThat(first.get("attempts")).isEqualTo(1);
            assertThat((String) first.get("last_error")).contains("Connection refused");
            assertThat(pauseSeconds()).isBetween(1L, 2L);
            delivery.sendDue();
            assertThat(outboxOf(editor).get(0).get("attempts"))
                    .as("not due yet")
                    .isEqualTo(1);
            makeDue();
            delivery.sendDue();
            assertThat(outboxOf(editor).get(0).get("attempts")).isEqualTo(2);
            assertThat(pauseSeconds()).as("doubled").isBetween(3L, 4L);
        } finally {
            SMTP.start();
        }
        makeDue();
        delivery.sendDue();
        assertThat(outboxOf(editor).get(0).get("status")).isEqualTo("SENT");
        assertThat(received()).hasSize(1);
        delivery.sendDue();
        assertThat(received()).as("never sent twice").hasSize(1);

        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> outbox.queue(notice(editor, "Ei koskaan")));
        SMTP.stop();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                makeDue();
                delivery.sendDue();
            }
        } finally {
            SMTP.start();
        }
        Map<String, Object> givenUp = outboxOf(editor).get(1);
        assertThat(givenUp.get("status")).isEqualTo("FAILED");
        assertThat(givenUp.get("attempts")).isEqualTo(3);
        assertThat((String) givenUp.get("last_error")).contains("Connection refused");
        makeDue();
        delivery.sendDue();
        // The restarted server's store is empty: the message given up is not sent again.
        assertThat(received()).isEmpty();
    }

    long pauseSeconds() {
        return jdbc.sql("select extract(epoch from next_attempt_at - now())::bigint from mail_outbox"
                        + " where organisation_id = ? and status = 'QUEUED'")
                .param(org.id().value())
                .query(Long.class)
                .single();
    }

    void makeDue() {
        jdbc.sql("update mail_outbox set next_attempt_at = now() where organisation_id = ?")
                .param(org.id().value())
                .update();
    }

    @Test
    void messageIsInTheRecipientsLanguageWithTextAndHtmlPartsAndOneClickHeaders() throws Exception {
        settings.setLanguage(editor, "sv");
        planEditing.saveMeasure(org.tenant(), measure("Simskola", editorPerson, null));
        delivery.sendDue();
        MimeMessage message = received().get(0);
        assertThat(message.getSubject()).isEqualTo("Hyte: du har utsetts till ansvarig – TP-1 Simskola (sv)");
        assertThat(message.getHeader("List-Unsubscribe")[0])
                .matches(
                        "<https://hyte\\.example\\.fi/mail/unsubscribe\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+&lang=sv>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(message.getFrom()[0].toString()).contains("hyte@localhost");
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertThat(text)
                .contains("Hej " + org.prefix() + " EDITOR,")
                .contains("Du har utsetts till ansvarig för åtgärden TP-1 Simskola (sv)")
                .contains("https://hyte.example.fi/plan/measures/")
                .contains("Sluta få meddelanden: Meddelande: du har utsetts till ansvarig för en åtgärd")
                .doesNotContain("<");
        assertThat(html)
                .contains("<html lang=\"sv\">")
                .contains("<title>Hyte: du har utsetts till ansvarig – TP-1 Simskola (sv)</title>")
                .contains("<h1")
                .contains("href=\"https://hyte.example.fi/plan/measures/")
                .contains("Öppna Hyte");
    }

    static String part(MimeMessage message, String type) throws Exception {
        List<String> found = new ArrayList<>();
        collect(message.getContent(), type, found);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static void collect(Object content, String type, List<String> found) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    found.add((String) part.getContent());
                } else {
                    collect(part.getContent(), type, found);
                }
            }
        }
    }

    @Test
    void oneClickUnsubscribeByPostStopsThatKindOnlyAndOpeningTheLinkChangesNothing() throws Exception {
        planEditing.saveMeasure(org.tenant(), measure("Kerho", editorPerson, null));
        delivery.sendDue();
        String header = received().get(0).getHeader("List-Unsubscribe")[0];
        String path = header.substring("<https://hyte.example.fi".length(), header.length() - 1);
        WebSession anonymous = new WebSession(port);

        WebSession.Response asked = anonymous.get(path);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("Haluatko lopettaa nämä viestit");
        assertThat(settings.recipient(org.id(), editor).orElseThrow().optedOut())
                .isEmpty();

        WebSession.Response tampered =
                anonymous.postRaw(path.replace("token=", "token=A"), "List-Unsubscribe=One-Click", FORM);
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(settings.recipient(org.id(), editor).orElseThrow().optedOut())
                .isEmpty();

        // As a mail client sends it (RFC 8058): no cookie, no CSRF token, the one-click body.
        WebSession.Response clicked = anonymous.postRaw(path, "List-Unsubscribe=One-Click", FORM);
        assertThat(clicked.status()).isEqualTo(200);
        assertThat(settings.recipient(org.id(), editor).orElseThrow().optedOut())
                .containsExactly(MailKind.OWNER_ASSIGNED);
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type ="
                                + " 'mailPreference'")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        planEditing.saveMeasure(org.tenant(), measure("Toinen kerho", editorPerson, null));
        assertThat(outboxOf(editor)).hasSize(1);
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> outbox.queue(new Notice(
                        org.id(),
                        editor,
                        MailKind.ANSWER_REQUESTED,
                        MailLine.of("maturitymail.request.subject", null, "Arvio"),
                        List.of(),
                        "/maturity")));
        assertThat(outboxOf(editor)).hasSize(2);
    }

    static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void headerInjectionThroughTitlesAndSenderSettingsIsRefused() {
        planEditing.saveMeasure(org.tenant(), measure("Kerho\r\nBcc: kaikki@example.com", editorPerson, null));
        Map<String, Object> row = outboxOf(editor).get(0);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat((String) row.get("last_error")).contains("line break");
        delivery.sendDue();
        assertThat(received()).isEmpty();
        assertThat(SMTP.getReceivedMessagesForDomain("example.com")).isEmpty();

        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        WebSession.Response badName = admin.post(
                "/admin/mail/settings",
                Map.of("address", "posti@" + domain, "name", "Kunta\r\nBcc: x@example.com", "version", "0"));
        assertThat(badName.status()).isEqualTo(200);
        assertThat(badName.body()).contains("Nimessä saa olla enintään 100 merkkiä eikä rivinvaihtoja");
        WebSession.Response badAddress = admin.post(
                "/admin/mail/settings", Map.of("address", "posti@" + domain + ", toinen@example.com", "version", "0"));
        assertThat(badAddress.body()).contains("Anna yksi kelvollinen sähköpostiosoite");
        assertThat(settings.of(org.id()).version()).isZero();

        assertThat(MailAddresses.valid("laura.nieminen@kerava.fi")).isTrue();
        assertThat(MailAddresses.valid("Laura <laura@kerava.fi>")).isFalse();
        assertThat(MailAddresses.valid("laura@kerava.fi\r\nBcc: x@example.com")).isFalse();
        assertThat(MailAddresses.valid("laura@kerava.fi, x@example.com")).isFalse();
        assertThat(MailAddresses.valid("laura")).isFalse();
    }

    @Test
    void senderAddressAndNameOfTheOrganisationAreUsed() throws Exception {
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        WebSession.Response saved = admin.postRaw(
                "/admin/mail/settings",
                "address=hyte%40" + domain + "&name=Posti+kunta&enabled=OWNER_ASSIGNED&version=0&_csrf="
                        + csrfOf(admin, "/admin/mail"),
                FORM);
        assertThat(saved.status()).isEqualTo(302);
        planEditing.saveMeasure(org.tenant(), measure("Kerho", editorPerson, null));
        delivery.sendDue();
        assertThat(received().get(0).getFrom()[0].toString()).isEqualTo("Posti kunta <hyte@" + domain + ">");
        // Only the kind left on is sent: the digest is now off for the whole organisation.
        assertThat(settings.of(org.id()).sends(MailKind.DIGEST)).isFalse();
        assertThat(runs.digest(org.id(), LocalDate.of(2026, 12, 7)).queued()).isZero();
    }

    static String csrfOf(WebSession session, String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(session.get(page).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void personalOptOutFromTheSettingsPageIsRespected() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        planEditing.saveMeasure(org.tenant(), measure("Myöhässä oleva", editorPerson, LocalDate.of(2026, 1, 31)));
        WebSession me = WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD);
        assertThat(me.get("/account/mail").body()).contains("editor@" + domain);
        WebSession.Response saved = me.postRaw(
                "/account/mail", "language=fi&wanted=OWNER_ASSIGNED&_csrf=" + csrfOf(me, "/account/mail"), FORM);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(settings.recipient(org.id(), editor).orElseThrow().optedOut())
                .containsExactlyInAnyOrder(
                        MailKind.DIGEST,
                        MailKind.ANSWER_REQUESTED,
                        MailKind.MONTHLY_SUMMARY,
                        MailKind.STATEMENT_REQUESTED,
                        MailKind.STATEMENT_REMINDER)
                // A resident's kind is not a person's choice: never on the page, never opted out.
                .doesNotContain(MailKind.RESULTS_PUBLISHED);
        MailRuns.Outcome outcome = runs.digest(org.id(), today);
        assertThat(outcome.people()).isEqualTo(1);
        assertThat(outcome.queued()).isZero();
        assertThat(outboxOf(editor)).extracting(r -> r.get("kind")).containsExactly("OWNER_ASSIGNED");
        assertThat(runs.digest(org.id(), today).alreadyBuilt()).isTrue();
    }

    @Test
    void digestOfADemoPersonListsTheirLateMeasuresEvaluationsAndRoundsInFinnishAndSwedish() throws Exception {
        OrganisationId kerava = OrganisationCatalog.DEMO_MUNICIPALITY;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        UserId laura = new UserId(jdbc.sql("select id from app_user where username = 'koordinaattori'")
                .query(UUID.class)
                .single());
        UserId sari = new UserId(jdbc.sql("select id from app_user where username = 'toimittaja'")
                .query(UUID.class)
                .single());
        Tenant coordinator = new Tenant(kerava, laura, "Laura Nieminen", Role.COORDINATOR);
        assessments.open(
                coordinator,
                MaturityModels.PROMEQ,
                "Kypsyysarvio postitesti",
                today,
                today.plusDays(14),
                false,
                List.of(
                        new Assessments.Invitee("Sari Mäkinen", sari.value()),
                        new Assessments.Invitee("Laura Nieminen", laura.value())));
        settings.setLanguage(sari, "sv");
        // This week's digest was built at start; build it again now that a round awaits answers.
        jdbc.sql("delete from mail_run where organisation_id = ? and kind = 'DIGEST'")
                .param(kerava.value())
                .update();
        jdbc.sql("delete from mail_outbox where organisation_id = ? and kind = 'DIGEST'")
                .param(kerava.value())
                .update();
        assertThat(runs.digest(kerava, today).queued()).isGreaterThanOrEqualTo(2);

        UUID lauraPerson = organisations.personOf(kerava, laura).orElseThrow().id();
        PlanSnapshot plan = planReading.snapshot(
                kerava, planReading.current(kerava, today).orElseThrow().id());
        List<Finding> hers = planReading.reminders(planReading.progress(kerava, plan, today), today).stream()
                .filter(f -> lauraPerson.equals(
                        f.aboutMeasure()
                                ? plan.measure(f.subjectId()).orElseThrow().ownerPersonId()
                                : plan.goal(f.subjectId()).orElseThrow().ownerPersonId()))
                .toList();
        assertThat(hers).as("the demo gives the coordinator reminders").isNotEmpty();
        String finnish = digestOf(kerava, laura).text();
        assertThat(finnish).startsWith("Kerava (demo)").contains("Hei Laura Nieminen,");
        for (Finding f : hers) {
            if (f.kind() == Finding.Kind.MEASURE_LATE || f.kind().name().startsWith("EVALUATION")) {
                assertThat(finnish).contains(f.title().in(java.util.Locale.forLanguageTag("fi")));
            }
        }
        if (hers.stream().anyMatch(f -> f.kind() == Finding.Kind.MEASURE_LATE)) {
            assertThat(finnish).contains("Myöhässä olevat toimenpiteesi");
        }
        assertThat(finnish)
                .contains("Kypsyysarviot, jotka odottavat vastaustasi")
                .contains("Kypsyysarvio postitesti")
                .contains("https://hyte.example.fi/maturity/rounds/");

        Digest swedish = digestOf(kerava, sari);
        assertThat(swedish.subject()).startsWith("Hyte: veckosammandrag, vecka ");
        assertThat(swedish.text())
                .contains("Hej Sari Mäkinen,")
                .contains("Mognadsbedömningar som väntar på ditt svar")
                .contains("Svara på bedömningen senast " + today.plusDays(14).getDayOfMonth() + ".");
        assertThat(swedish.html()).contains("lang=\"sv\"");
    }

    @Test
    void digestListsTheReportSectionsAPersonWritesThatAreDueOrOverdueWithTheirOpenComments() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        UUID report = reportWork.start(
                org.tenant(),
                new ReportWork.NewReport(
                        ReportKind.ANNUAL, LocalizedText.of("Kertomus 2026", null), 2026, 2026, null, false, false));
        List<Section> sections = reports.sections(org.id(), report);
        assign(report, sections.get(0), "Myöhässä oleva luku", today.minusDays(3));
        assign(report, sections.get(1), "Pian erääntyvä luku", today.plusDays(10));
        assign(report, sections.get(2), "Kaukana oleva luku", today.plusDays(60));
        reportWork.comment(org.tenant(), report, sections.get(0).id(), null, null, "Lisää lähde");
        reportWork.comment(org.tenant(), report, sections.get(0).id(), null, null, "Tarkista luvut");

        assertThat(runs.digest(org.id(), today).queued()).isGreaterThanOrEqualTo(1);

        String text = outboxOf(editor).stream()
                .filter(m -> "DIGEST".equals(m.get("kind")))
                .map(m -> (String) m.get("text_body"))
                .findFirst()
                .orElseThrow();
        String formatted = new fi.hyte.platform.format.Formats(
                        java.util.Locale.forLanguageTag("fi"), ZoneId.of("Europe/Helsinki"))
                .date(today.minusDays(3));
        assertThat(text)
                .contains("Kertomuksen lukusi, joiden määräpäivä lähestyy")
                .contains("Myöhässä oleva luku (Kertomus 2026): myöhässä, määräpäivä oli " + formatted
                        + ", avoimia kommentteja 2")
                .contains("Pian erääntyvä luku (Kertomus 2026): määräpäivä")
                .contains("/reports/" + report + "/sections/" + sections.get(0).id())
                .doesNotContain("Kaukana oleva luku");
    }

    void assign(UUID report, Section section, String title, LocalDate due) {
        reportWork.saveSection(
                org.tenant(),
                report,
                section.id(),
                new ReportWork.SectionText(LocalizedText.of(title, null), section.body(), editorPerson, sector, due),
                section.version());
    }

    @Test
    void monthlySummaryGoesToTheNamedPeopleOnlyWithThePlansProgress() {
        planEditing.saveMeasure(org.tenant(), measure("Myöhässä oleva", editorPerson, LocalDate.of(2026, 1, 31)));
        UserId viewer = new UserId(jdbc.sql("select id from app_user where username = ?")
                .param(org.user(Role.VIEWER))
                .query(UUID.class)
                .single());
        assertThat(runs.summary(org.id(), LocalDate.of(2026, 12, 7)).queued())
                .as("nobody named")
                .isZero();
        settings.setManagementRecipients(org.id(), List.of(viewer));
        MailRuns.Outcome outcome = runs.summary(org.id(), LocalDate.of(2026, 12, 7));
        assertThat(outcome.queued()).isEqualTo(1);
        assertThat(outboxOf(viewer)).singleElement().satisfies(row -> {
            assertThat(row.get("kind")).isEqualTo("MONTHLY_SUMMARY");
            assertThat(row.get("subject")).isEqualTo("Hyte: kuukausikatsaus 2026-12");
            assertThat((String) row.get("text_body"))
                    .contains("1 tavoitetta, 1 toimenpidettä, joista 1 myöhässä")
                    .contains("Käynnissä: 1")
                    .contains("/progress");
        });
        assertThat(outboxOf(editor)).extracting(r -> r.get("kind")).doesNotContain("MONTHLY_SUMMARY");
        assertThat(runs.summary(org.id(), LocalDate.of(2026, 12, 20)).alreadyBuilt())
                .isTrue();
    }

    record Digest(String subject, String text, String html) {}

    Digest digestOf(OrganisationId organisation, UserId user) {
        return jdbc.sql("select subject, text_body, html_body from mail_outbox where organisation_id = ?"
                        + " and recipient_id = ? and kind = 'DIGEST'")
                .params(organisation.value(), user.value())
                .query((rs, i) -> new Digest(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    @Test
    void statusPageShowsTheOwnOrganisationsMessagesOnly() {
        Org other = fixtures.organisation("vieraposti" + Long.toString(System.nanoTime(), 36));
        jdbc.sql("update app_user set email = 'vieras@vieras.test' where username = ?")
                .param(other.user(Role.EDITOR))
                .update();
        UserId otherEditor = new UserId(jdbc.sql("select id from app_user where username = ?")
                .param(other.user(Role.EDITOR))
                .query(UUID.class)
                .single());
        UUID foreign = new TransactionTemplate(transactions)
                .execute(status -> outbox.queue(new Notice(
                                other.id(),
                                otherEditor,
                                MailKind.ANSWER_REQUESTED,
                                MailLine.of("maturitymail.request.subject", null, "Vieras salainen arvio"),
                                List.of(),
                                "/maturity"))
                        .orElseThrow());
        planEditing.saveMeasure(org.tenant(), measure("Oma kerho", editorPerson, null));
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        String page = admin.get("/admin/mail").body();
        assertThat(page)
                .contains("Oma kerho")
                .doesNotContain("Vieras salainen arvio")
                .doesNotContain("vieras@");
        assertThat(admin.get("/admin/mail/messages/" + foreign).status()).isEqualTo(404);
        UUID own = jdbc.sql("select id from mail_outbox where organisation_id = ?")
                .param(org.id().value())
                .query(UUID.class)
                .single();
        assertThat(admin.get("/admin/mail/messages/" + own).body()).contains("Oma kerho");
        WebSession editorSession = WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD);
        assertThat(editorSession.get("/admin/mail").status()).isEqualTo(403);
    }

    Notice notice(UserId to, String title) {
        return new Notice(
                org.id(),
                to,
                MailKind.OWNER_ASSIGNED,
                MailLine.of("planmail.owner.subject", null, 1, LocalizedText.of(title, null)),
                List.of(MailLine.of("planmail.owner.mine", "/plan/mine")),
                "/plan/mine");
    }

    static Measure withOwner(Measure m, UUID owner) {
        return new Measure(
                m.id(),
                m.planId(),
                m.goalId(),
                m.ref(),
                m.position(),
                m.title(),
                m.description(),
                m.sectorId(),
                owner,
                m.partnerSectorIds(),
                m.partners(),
                m.startsOn(),
                m.endsOn(),
                m.workYears(),
                m.euros(),
                m.grants(),
                m.grantEuros(),
                m.premises(),
                m.budgetRef(),
                m.budgetBinding(),
                m.status(),
                m.progress(),
                m.version(),
                m.updatedAt(),
                m.updatedBy());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
