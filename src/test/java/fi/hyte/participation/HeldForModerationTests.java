package fi.hyte.participation;

import static fi.hyte.participation.PublicHttp.answer;
import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a moderator must see first: a text with a personal identity code, an e-mail address or a
 * link is held whatever the consultation's moderation, and under pre-moderation even a clean
 * answer waits until it is approved.
 */
@HyteSpringTest
class HeldForModerationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Publishing publishing;

    @Autowired
    ConsultationSetup setup;

    @Autowired
    Consultations consultations;

    @Autowired
    JdbcClient jdbc;

    record Opened(Org org, UUID consultation, String page) {}

    Opened open(String moderation) {
        String suffix = Long.toString(System.nanoTime(), 36);
        Org org = fixtures.organisation("held" + suffix);
        String slug = "held-" + suffix;
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        Instant opens = Instant.now().minusSeconds(3600);
        UUID id = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Liikuntapaikkojen kuuleminen", null),
                        LocalizedText.of("Johdanto", null),
                        opens,
                        opens.plusSeconds(86_400 * 7),
                        moderation,
                        false,
                        List.of(),
                        0),
                List.of(new ConsultationSetup.SectionChoice("T-1", LocalizedText.of("Liikunta", null))));
        Consultation c = consultations.find(org.id(), id).orElseThrow();
        setup.update(
                org.tenant(),
                new Consultation(
                        id,
                        org.id(),
                        null,
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        moderation,
                        true,
                        List.of(),
                        c.version()));
        return new Opened(org, id, "/o/" + slug + "/fi/consultations/" + id);
    }

    private record Held(UUID response, String status, String reason) {}

    private Held send(PublicHttp web, Opened opened, String text) {
        HttpResponse<String> sent =
                web.post(opened.page(), answer(web.get(opened.page()).body(), text, Map.of()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return jdbc.sql("select r.id, r.status, r.held_reason from consultation_response r join consultation_answer a"
                        + " on a.response_id = r.id where r.consultation_id = ? and a.text = ?")
                .params(opened.consultation(), text)
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .single();
    }

    private void assertHeld(String text, String reason, String queueMessage) {
        PublicHttp web = new PublicHttp(port);
        Opened opened = open("POST");
        Held held = send(web, opened, text);
        assertThat(held.status()).isEqualTo("HELD");
        assertThat(held.reason()).isEqualTo(reason);
        assertThat(web.get(opened.page()).body()).doesNotContain(text);
        Response queue = WebSession.signedIn(port, opened.org().user(Role.COORDINATOR), Fixtures.PASSWORD)
                .get("/participation/moderation");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(text).contains(queueMessage);
    }

    @Test
    void aTextWithAPersonalIdentityCodeIsHeldForTheModerator() {
        assertHeld(
                "Hakemukseni tunnus on 131052-308T, ottakaa yhteyttä",
                "IDENTITY_CODE",
                "tekstissä näyttää olevan henkilötunnus");
    }

    @Test
    void aTextWithAnEmailAddressIsHeldForTheModerator() {
        assertHeld(
                "Kirjoittakaa minulle maija.virtanen@posti.invalid asiasta",
                "EMAIL",
                "tekstissä näyttää olevan sähköpostiosoite");
    }

    @Test
    void aTextWithALinkIsHeldForTheModerator() {
        assertHeld("Katsokaa mallia osoitteesta https://esimerkki.invalid/puisto", "LINK", "tekstissä on linkki");
    }

    @Test
    void underPreModerationACleanAnswerIsHeldUntilApproved() {
        PublicHttp web = new PublicHttp(port);
        Opened opened = open("PRE");
        String text = "Lisää penkkejä uimarannalle, kiitos";
        Held held = send(web, opened, text);
        assertThat(held.status()).isEqualTo("HELD");
        assertThat(held.reason()).isEqualTo("PRE_MODERATION");
        assertThat(web.get(opened.page()).body()).doesNotContain(text);
        WebSession moderator = WebSession.signedIn(port, opened.org().user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(moderator.get("/participation/moderation").body())
                .contains(text)
                .contains("kuulemisessa hyväksytään vastaukset ennen julkaisua");
        int version = jdbc.sql("select version from consultation_response where id = ?")
                .param(held.response())
                .query(Integer.class)
                .single();
        Response approved = moderator.post(
                "/participation/moderation/" + held.response(),
                Map.of("action", "approve", "version", String.valueOf(version)));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(web.get(opened.page()).body()).contains(text);
    }
}
