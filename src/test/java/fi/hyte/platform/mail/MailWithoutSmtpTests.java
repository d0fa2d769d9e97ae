package fi.hyte.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With demo data and no SMTP server, nothing is sent and the administrators see what would have
 * been: the demo's digests and summary, each with its text and HTML.
 */
@HyteSpringTest
class MailWithoutSmtpTests {

    @LocalServerPort
    int port;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoShowsWhatWouldHaveBeenSentAndSendsNothing() {
        assertThat(delivery.configured()).isFalse();
        // The test database is shared with test contexts that do send (to their own SMTP servers),
        // which may have sent the demo's digests already: build this week's again, as at start.
        jdbc.sql("delete from mail_run where organisation_id = ? and kind = 'DIGEST'")
                .param(OrganisationCatalog.DEMO_MUNICIPALITY.value())
                .update();
        jdbc.sql("delete from mail_outbox where organisation_id = ? and kind = 'DIGEST'")
                .param(OrganisationCatalog.DEMO_MUNICIPALITY.value())
                .update();
        runs.digest(
                OrganisationCatalog.DEMO_MUNICIPALITY, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")));
        // What counts is that nothing changes here.
        int handledBefore = jdbc.sql("select count(*) from mail_outbox where status <> 'QUEUED'")
                .query(Integer.class)
                .single();
        assertThat(delivery.sendDue()).isZero();
        UUID digest = jdbc.sql("select o.id from mail_outbox o join app_user u on u.id = o.recipient_id"
                        + " where o.organisation_id = ? and o.kind = 'DIGEST' and u.username = 'koordinaattori'")
                .param(OrganisationCatalog.DEMO_MUNICIPALITY.value())
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select count(*) from mail_outbox where status <> 'QUEUED'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(handledBefore);

        WebSession admin = WebSession.signedIn(port, "admin", HyteSpringTest.DEMO_PASSWORD);
        String page = admin.get("/admin/mail").body();
        assertThat(page)
                .contains("Sähköpostipalvelinta (SMTP) ei ole määritetty")
                .contains("Hyte: viikkokooste, viikko ")
                .contains("Hyte: kuukausikatsaus ")
                .contains("laura.nieminen@kerava.example");
        String message = admin.get("/admin/mail/messages/" + digest).body();
        assertThat(message)
                .contains("Tämä viesti olisi lähetetty")
                .contains("Hei Laura Nieminen,")
                .contains("/admin/mail/messages/" + digest + "/html");
        assertThat(admin.get("/admin/mail/messages/" + digest + "/html").body())
                .contains("<html")
                .contains("Laura Nieminen");
        assertThat(admin.get("/admin/mail/messages/" + digest + "?lang=sv").body())
                .contains("Detta meddelande skulle ha skickats");
    }
}
