package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.CouncilNotices;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.platform.Role;
import fi.hyte.platform.mail.MailBenchAccess;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Participation's e-mail against a real SMTP server (GreenMail): residents who left an address hear
 * once, in the language they answered in, that a consultation's results are out, and the address is
 * gone; councils' secretaries are told when invited and reminded before and on the deadline, each
 * exactly once however often the job runs. The outbox is shared with other test contexts, so only
 * this test's own addresses are counted.
 */
@HyteSpringTest
class ParticipationMailTests {

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
        registry.add("hyte.mail.base-url", () -> "https://hyte.example.fi");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    ObjectProvider<LoopFixture> loops;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConsultationSetup setup;

    @Autowired
    Consultations consultations;

    @Autowired
    Answering answering;

    @Autowired
    FormTokens tokens;

    @Autowired
    YouSaidWeDid loop;

    @Autowired
    CouncilStatements statements;

    @Autowired
    CouncilNotices notices;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    ApplicationContext app;

    @Autowired
    JdbcClient jdbc;

    LoopFixture f;
    String domain;

    @BeforeEach
    void aConsultation() {
        f = loops.getObject();
        domain = "asukas" + Long.toString(System.nanoTime(), 36) + ".test";
    }

    @Test
    void concludingMailsEachLeftAddressOnceInItsLanguageAndDeletesIt() throws Exception {
        answer("Koulupsykologille pääsee liian hitaasti.", "maija@" + domain, "fi");
        answer("Det är långa köer till mentalvården.", "sven@" + domain, "sv");
        answer("Kouluruoka on mautonta.", null, "fi");
        assertThat(addresses()).isEqualTo(2);
        for (YouSaidWeDid.Comment c : loop.comments(f.org.id(), f.consultation)) {
            assertThat(loop.answer(
                            f.org.tenant(),
                            f.consultation,
                            new YouSaidWeDid.Reply(
                                    "COMMENT",
                                    c.id(),
                                    "NOT_TAKEN",
                                    "Ei tänä vuonna.",
                                    "Inte i år.",
                                    null,
                                    List.of(),
                                    null)))
                    .isEmpty();
        }
        f.close();

        assertThat(loop.conclude(f.org.tenant(), f.consultation, Instant.now())).isEmpty();

        assertThat(addresses()).as("each address is deleted once used").isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where organisation_id = ? and kind = 'RESULTS_PUBLISHED'")
                        .param(f.org.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        // Staff never see a resident's address, not even on the mail administrators' page.
        String admin = fi.hyte.support.WebSession.signedIn(port, f.org.user(Role.ADMIN), Fixtures.PASSWORD)
                .get("/admin/mail")
                .body();
        assertThat(admin).contains("Tulokset on julkaistu: Suunnitelmaluonnos").doesNotContain("@" + domain);
        MailBenchAccess.sendDue(app);
        List<MimeMessage> received = received();
        assertThat(received).hasSize(2);
        MimeMessage fi = to(received, "maija@" + domain);
        MimeMessage sv = to(received, "sven@" + domain);
        assertThat(fi.getSubject()).isEqualTo("Tulokset on julkaistu: Suunnitelmaluonnos");
        assertThat(sv.getSubject()).isEqualTo("Resultaten har publicerats: Planutkast");
        String fiBody = text(fi);
        assertThat(fiBody)
                .contains("https://hyte.example.fi/o/" + f.slug + "/fi/consultations/" + f.consultation + "/we-did")
                .contains("Osoitteesi on nyt poistettu Hytestä.")
                .doesNotContain("/mail/unsubscribe");
        assertThat(text(sv))
                .contains("https://hyte.example.fi/o/" + f.slug + "/sv/consultations/" + f.consultation + "/we-did");
        assertThat(fi.getHeader("List-Unsubscribe")).isNull();
        // Once sent, not even the outbox keeps the resident's address.
        assertThat(jdbc.sql("select count(*) from mail_outbox where organisation_id = ? and recipient_address like ?")
                        .params(f.org.id().value(), "%@" + domain)
                        .query(Integer.class)
                        .single())
                .isZero();
        MailBenchAccess.sendDue(app);
        assertThat(received()).as("never twice").hasSize(2);
    }

    @Test
    void aConsultationWithoutResultsMailsNobodyAndKeepsTheAddresses() {
        answer("Koulupsykologille pääsee liian hitaasti.", "odottaa@" + domain, "fi");
        f.close();
        // Unanswered comments: it cannot be concluded, so the results are not out.
        assertThat(loop.conclude(f.org.tenant(), f.consultation, Instant.now()))
                .contains("participation.loop.problem.unanswered");
        assertThat(addresses()).isEqualTo(1);
        MailBenchAccess.sendDue(app);
        assertThat(received()).isEmpty();
        assertThat(jdbc.sql("select count(*) from mail_outbox where organisation_id = ?")
                        .param(f.org.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void councilSecretariesAreInvitedAndRemindedOnceEachBeforeAndOnTheDeadline() throws Exception {
        UUID youth = fixtures.body(f.org, BodyType.YOUTH_COUNCIL, "Nuorisovaltuusto " + domain);
        UUID older = fixtures.body(f.org, BodyType.OLDER_PEOPLE_COUNCIL, "Vanhusneuvosto " + domain);
        UUID secretary = fixtures.person(f.org, "Sihteeri Saara", null, Role.VIEWER);
        structure.addMember(f.org.tenant(), youth, secretary, MemberRole.SECRETARY);
        UUID olderSecretary = fixtures.person(f.org, "Sihteeri Sven", null, Role.EDITOR);
        structure.addMember(f.org.tenant(), older, olderSecretary, MemberRole.SECRETARY);
        jdbc.sql("update app_user set email = ? where username = ?")
                .params("saara@" + domain, f.org.user(Role.VIEWER))
                .update();
        jdbc.sql("update app_user set email = ? where username = ?")
                .params("sven@" + domain, f.org.user(Role.EDITOR))
                .update();
        Consultation c = consultations.find(f.org.id(), f.consultation).orElseThrow();
        setup.update(
                f.org.tenant(),
                new Consultation(
                        c.id(),
                        c.organisation(),
                        c.planId(),
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        c.moderation(),
                        true,
                        List.of(youth, older),
                        c.version()));
        LocalDate today = LocalDate.of(2027, 3, 1);
        LocalDate deadline = today.plusDays(20);
        notices.run(today);
        statements.setDeadline(f.org.tenant(), f.consultation, youth, deadline, version(youth));
        statements.setDeadline(f.org.tenant(), f.consultation, older, deadline, version(older));
        assertThat(kinds()).containsExactly("STATEMENT_REQUESTED", "STATEMENT_REQUESTED");

        notices.run(today.plusDays(1));
        notices.run(today.plusDays(12));
        assertThat(kinds()).as("nothing more until 7 days before").hasSize(2);
        notices.run(deadline.minusDays(7));
        notices.run(deadline.minusDays(7));
        notices.run(deadline.minusDays(3));
        assertThat(kinds())
                .containsExactly(
                        "STATEMENT_REQUESTED", "STATEMENT_REQUESTED", "STATEMENT_REMINDER", "STATEMENT_REMINDER");

        // The older people's council gives its statement: only the youth council is reminded on the day.
        statements.enter(
                f.org.tenant(),
                f.consultation,
                older,
                true,
                deadline.minusDays(2),
                "§ 4",
                "Lausunto.",
                null,
                version(older));
        notices.run(deadline);
        notices.run(deadline);
        notices.run(deadline.plusDays(1));
        assertThat(kinds()).hasSize(5);

        MailBenchAccess.sendDue(app);
        List<MimeMessage> saara = received().stream()
                .filter(m -> recipient(m).equals("saara@" + domain))
                .toList();
        assertThat(saara).hasSize(3);
        assertThat(saara.get(0).getSubject()).startsWith("Lausuntopyyntö: Nuorisovaltuusto");
        assertThat(text(saara.get(0)))
                .contains("https://hyte.example.fi/participation/consultations/" + f.consultation + "/councils");
        assertThat(saara.stream().map(this::subject)).anyMatch(s -> s.startsWith("Muistutus: Nuorisovaltuusto"));
        assertThat(saara.stream().map(ParticipationMailTests::text))
                .anyMatch(b -> b.contains("(7 päivän päästä)"))
                .anyMatch(b -> b.contains("Määräaika on tänään."));
        assertThat(received().stream().filter(m -> recipient(m).equals("sven@" + domain)))
                .as("the council that answered is not reminded on the day")
                .hasSize(2);
    }

    private void answer(String text, String email, String language) {
        Instant now = Instant.now();
        Consultation c = consultations.find(f.org.id(), f.consultation).orElseThrow();
        Answering.Outcome outcome = answering.submit(
                c,
                new Answering.Submission(
                        tokens.issue(f.consultation, now),
                        null,
                        null,
                        null,
                        null,
                        email,
                        Map.of(f.section.id(), text),
                        Map.of(),
                        null,
                        language),
                "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250),
                now);
        assertThat(outcome.status()).isEqualTo("PUBLISHED");
    }

    private int addresses() {
        return jdbc.sql("select count(*) from consultation_email e join consultation_response r on r.id ="
                        + " e.response_id where r.consultation_id = ?")
                .param(f.consultation)
                .query(Integer.class)
                .single();
    }

    private int version(UUID body) {
        return jdbc.sql("select version from council_statement where consultation_id = ? and body_id = ?")
                .params(f.consultation, body)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private List<String> kinds() {
        return jdbc.sql("select kind from mail_outbox where organisation_id = ? order by created_at, kind")
                .param(f.org.id().value())
                .query(String.class)
                .list();
    }

    private List<MimeMessage> received() {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).endsWith("@" + domain))
                .toList();
    }

    /** The plain-text part of a message, decoded. */
    private static String text(MimeMessage m) {
        try {
            List<String> found = new java.util.ArrayList<>();
            collect(m.getContent(), found);
            return String.join("\n", found);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Object content, List<String> found) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    found.add((String) part.getContent());
                } else {
                    collect(part.getContent(), found);
                }
            }
        }
    }

    private static MimeMessage to(List<MimeMessage> messages, String address) {
        return messages.stream()
                .filter(m -> recipient(m).equals(address))
                .findFirst()
                .orElseThrow();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
