package fi.hyte.participation;

import static fi.hyte.participation.PublicHttp.answer;
import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.participation.domain.Retention;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moderation, abuse and privacy: moderators approve, hide and edit with a listed reason that the
 * public sees; the later of two moderators is refused and told what the other did; residents flag
 * (throttled); a workshop code lifts the throttle; an author withdraws with the private link; and
 * the retention purge removes client hashes, day keys, old e-mail addresses and removed text.
 */
@HyteSpringTest
class ModerationTests {

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
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    PublicHttp web;
    Org org;
    String slug;
    UUID consultation;
    String page;

    @BeforeEach
    void anOpenConsultation() {
        web = new PublicHttp(port);
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("mod" + suffix);
        slug = "mod-" + suffix;
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        consultation = open(org, "POST");
        page = "/o/" + slug + "/fi/consultations/" + consultation;
    }

    UUID open(Org org, String moderation) {
        Instant opens = Instant.now().minusSeconds(3600);
        UUID id = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Puistojen kuuleminen", null),
                        LocalizedText.of("Johdanto", null),
                        opens,
                        opens.plusSeconds(86_400 * 7),
                        moderation,
                        false,
                        List.of(),
                        0),
                List.of(new ConsultationSetup.SectionChoice("T-1", LocalizedText.of("Puistot", null))));
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
        return id;
    }

    private UUID send(String text, Map<String, String> overrides) {
        HttpResponse<String> sent = web.post(page, answer(web.get(page).body(), text, overrides));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return jdbc.sql("select r.id from consultation_response r join consultation_answer a on a.response_id = r.id"
                        + " where r.consultation_id = ? and a.text = ?")
                .params(consultation, text)
                .query(UUID.class)
                .single();
    }

    private int version(UUID response) {
        return jdbc.sql("select version from consultation_response where id = ?")
                .param(response)
                .query(Integer.class)
                .single();
    }

    @Test
    void aHeldAnswerWaitsInTheQueueAndShowsOnceApproved() {
        UUID held = send("Soita minulle 040 123 4567 niin kerron", Map.of());
        WebSession moderator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response queue = moderator.get("/participation/moderation");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body())
                .contains("Soita minulle 040 123 4567")
                .contains("tekstissä näyttää olevan puhelinnumero");
        assertThat(web.get(page).body()).doesNotContain("040 123 4567");
        Response approved = moderator.post(
                "/participation/moderation/" + held,
                Map.of("action", "approve", "version", String.valueOf(version(held))));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("Soita minulle 040 123 4567");
        assertThat(moderator.get("/participation/moderation").body()).contains("Moderoitavaa ei ole.");
        assertThat(WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD)
                        .get("/participation/moderation")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aHiddenAnswerShowsAsRemovedByTheModeratorWithTheReasonAndIsAudited() {
        UUID answer = send("Naapurini Matti on idiootti", Map.of());
        WebSession moderator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response noReason = moderator.post(
                "/participation/moderation/" + answer,
                Map.of("action", "hide", "version", String.valueOf(version(answer)), "reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("Valitse syy luettelosta.");
        Response other = moderator.post(
                "/participation/moderation/" + answer,
                Map.of("action", "hide", "version", String.valueOf(version(answer)), "reason", "OTHER", "note", ""));
        assertThat(other.body()).contains("Kirjoita syy, kun valitset");
        assertThat(web.get(page).body()).contains("Naapurini Matti on idiootti");
        Response hidden = moderator.post(
                "/participation/moderation/" + answer,
                Map.of("action", "hide", "version", String.valueOf(version(answer)), "reason", "HARASSMENT"));
        assertThat(hidden.status()).isEqualTo(302);
        String body = web.get(page).body();
        assertThat(body)
                .doesNotContain("Naapurini Matti")
                .contains("Moderaattori poisti viestin. Syy: häirintä tai loukkaava sisältö");
        assertThat(web.get("/o/" + slug + "/sv/consultations/" + consultation).body())
                .contains("Moderatorn tog bort meddelandet. Orsak: trakasserier");
        assertThat(web.get("/o/" + slug + "/en/consultations/" + consultation).body())
                .contains("Removed by the moderator. Reason: harassment or offensive content");
        String audit = jdbc.sql("select string_agg(after_state::text, ' ') from audit_event where entity_id = ?")
                .param(answer.toString())
                .query(String.class)
                .single();
        assertThat(audit).contains("REMOVED").contains("HARASSMENT").doesNotContain("idiootti");
    }

    @Test
    void theLaterOfTwoModeratorsIsRefusedAndSeesWhatTheOtherDid() {
        UUID answer = send("Roskaa roskaa osta halvalla", Map.of());
        int seen = version(answer);
        WebSession first = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        WebSession second = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        assertThat(first.post(
                                "/participation/moderation/" + answer,
                                Map.of("action", "hide", "version", String.valueOf(seen), "reason", "SPAM"))
                        .status())
                .isEqualTo(302);
        Response later = second.post(
                "/participation/moderation/" + answer,
                Map.of(
                        "action",
                        "edit",
                        "version",
                        String.valueOf(seen),
                        "reason",
                        "OFF_TOPIC",
                        "text-s" + section(),
                        "Muokattu"));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body())
                .contains("Toinen moderaattori ehti ensin")
                .contains(org.prefix() + " COORDINATOR")
                .contains("piilotettu")
                .contains("roskaviesti tai mainos");
        assertThat(jdbc.sql("select status from consultation_response where id = ?")
                        .param(answer)
                        .query(String.class)
                        .single())
                .isEqualTo("REMOVED");
    }

    @Test
    void anEditShowsTheModeratorsTextMarkedWithTheReasonAndKeepsTheOriginalApart() {
        UUID answer = send("Hyvä puisto, naapurin Liisa Virtanen asuu Koivutie 3", Map.of());
        WebSession moderator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response empty = moderator.post(
                "/participation/moderation/" + answer,
                Map.of(
                        "action",
                        "edit",
                        "version",
                        String.valueOf(version(answer)),
                        "reason",
                        "PERSONAL_DATA",
                        "text-s" + section(),
                        " "));
        assertThat(empty.body()).contains("Muokattu teksti ei voi olla tyhjä.");
        Response edited = moderator.post(
                "/participation/moderation/" + answer,
                Map.of(
                        "action",
                        "edit",
                        "version",
                        String.valueOf(version(answer)),
                        "reason",
                        "PERSONAL_DATA",
                        "text-s" + section(),
                        "Hyvä puisto, [poistettu]"));
        assertThat(edited.status()).isEqualTo(302);
        assertThat(web.get(page).body())
                .contains("Hyvä puisto, [poistettu]")
                .contains("Moderaattori muokkasi viestiä. Syy: toisen henkilötietoja")
                .doesNotContain("Liisa Virtanen");
        assertThat(jdbc.sql("select original_text from consultation_answer where response_id = ?")
                        .param(answer)
                        .query(String.class)
                        .single())
                .contains("Liisa Virtanen");
    }

    @Test
    void residentsFlagAPublishedAnswerAndASixthFlagWithinTenMinutesIsRefused() {
        for (int i = 1; i <= 5; i++) {
            send("Kommentti numero " + i, Map.of());
        }
        List<UUID> answers = jdbc.sql(
                        "select id from consultation_response where consultation_id = ? order by" + " submitted_at")
                .param(consultation)
                .query(UUID.class)
                .list();
        assertThat(answers).hasSize(5);
        String body = web.get(page).body();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> flagged = web.post(
                    page + "/flag",
                    Map.of(
                            "token",
                            PublicHttp.token(body),
                            "response",
                            answers.get(i).toString()));
            assertThat(flagged.statusCode()).isEqualTo(302);
            assertThat(flagged.headers().firstValue("Location"))
                    .get()
                    .asString()
                    .contains("flagged=1");
        }
        assertThat(web.get(page + "?flagged=1").body()).contains("Kiitos ilmoituksesta.");
        // Five different answers flagged; the sixth flag needs an answer this client has not flagged yet.
        jdbc.sql("update consultation_flag set response_id = ? where consultation_id = ?")
                .params(answers.get(0), consultation)
                .update();
        HttpResponse<String> sixth = web.post(
                page + "/flag",
                Map.of(
                        "token",
                        PublicHttp.token(body),
                        "response",
                        answers.get(4).toString()));
        assertThat(sixth.statusCode()).isEqualTo(422);
        assertThat(sixth.body()).contains("Olet ilmoittanut jo viisi viestiä");
        assertThat(web.post(
                                page + "/flag",
                                Map.of(
                                        "token",
                                        "1.x",
                                        "response",
                                        answers.get(1).toString()))
                        .body())
                .contains("Lomake oli vanhentunut.");
        WebSession moderator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(moderator.get("/participation/moderation").body()).contains("ilmoittivat asiattomaksi");
    }

    @Test
    void aWorkshopCodeLiftsTheThrottleForAClassroomOnOneNetwork() {
        for (int i = 1; i <= 5; i++) {
            send("Luokan vastaus " + i, Map.of());
        }
        String form = web.get(page).body();
        assertThat(web.post(page, answer(form, "Kuudes ilman koodia", Map.of())).body())
                .contains("Odota kymmenen minuuttia");
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response bad =
                coordinator.post("/participation/consultations/" + consultation + "/workshop", Map.of("code", "x!"));
        assertThat(bad.body()).contains("Työpajakoodissa on 4–20 kirjainta");
        assertThat(coordinator
                        .post("/participation/consultations/" + consultation + "/workshop", Map.of("code", "luokka7b"))
                        .status())
                .isEqualTo(302);
        HttpResponse<String> wrong = web.post(page, answer(form, "Väärä koodi", Map.of("workshop", "ARVAUS")));
        assertThat(wrong.body()).contains("Odota kymmenen minuuttia").contains("Väärä koodi");
        for (int i = 6; i <= 12; i++) {
            assertThat(web.post(page, answer(form, "Luokan vastaus " + i, Map.of("workshop", "Luokka7B")))
                            .statusCode())
                    .isEqualTo(302);
        }
        assertThat(jdbc.sql("select count(*) from consultation_response where consultation_id = ?")
                        .param(consultation)
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
    }

    @Test
    void theAuthorWithdrawsTheirAnswerWithThePrivateLink() {
        HttpResponse<String> sent = web.post(
                page, answer(web.get(page).body(), "Peruttava kommentti", Map.of("email", "asukas@example.fi")));
        String location =
                URLDecoder.decode(sent.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("withdraw=([A-Za-z0-9_-]{43})").matcher(location);
        assertThat(token.find()).as(location).isTrue();
        HttpResponse<String> thanks = web.get(location.substring(location.indexOf("/o/")));
        assertThat(thanks.headers().firstValue("Cache-Control")).hasValue("no-store");
        String link = "/o/" + slug + "/fi/withdraw/" + token.group(1);
        assertThat(thanks.body()).contains(link);
        assertThat(jdbc.sql("select count(*) from consultation_response where withdraw_hash like ?")
                        .param("%" + token.group(1) + "%")
                        .query(Long.class)
                        .single())
                .as("the token itself is never stored")
                .isZero();
        HttpResponse<String> confirm = web.get(link);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Peruttava kommentti").contains("Tietosuoja");
        assertThat(web.post(link, Map.of()).statusCode()).isEqualTo(302);
        assertThat(web.get(page).body()).doesNotContain("Peruttava kommentti");
        assertThat(jdbc.sql("select count(*) from consultation_email where email = 'asukas@example.fi'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(web.get(link).statusCode()).isEqualTo(404);
        assertThat(web.get("/o/" + slug + "/fi/withdraw/" + "a".repeat(43)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theRetentionPurgeRemovesHashesDayKeysOldAddressesAndRemovedText() {
        UUID removed = send("Poistettava teksti", Map.of("email", "vanha@example.fi"));
        UUID kept = send("Pysyvä teksti", Map.of());
        WebSession moderator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        moderator.post(
                "/participation/moderation/" + removed,
                Map.of("action", "hide", "version", String.valueOf(version(removed)), "reason", "SPAM"));
        Instant now = Instant.now();
        retention.purge(now);
        assertThat(jdbc.sql("select count(*) from consultation_response where consultation_id = ? and client_hash is"
                                + " not null")
                        .param(consultation)
                        .query(Long.class)
                        .single())
                .as("hashes younger than 48 h stay")
                .isEqualTo(2);
        jdbc.sql(
                        "update consultation_response set submitted_at = now() - interval '49 hours' where consultation_id = ?")
                .param(consultation)
                .update();
        jdbc.sql("update consultation_email set created_at = now() - interval '13 months' where response_id = ?")
                .param(removed)
                .update();
        jdbc.sql("insert into participation_key (name, secret) values (?, '\\x00') on conflict do nothing")
                .param("client-" + LocalDate.now().minusDays(5))
                .update();
        Retention.Purged first = retention.purge(now);
        assertThat(first.clientHashes()).isGreaterThanOrEqualTo(2);
        assertThat(first.dayKeys()).isGreaterThanOrEqualTo(1);
        assertThat(first.emails()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from consultation_response where consultation_id = ? and client_hash is"
                                + " not null")
                        .param(consultation)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select text from consultation_answer where response_id = ?")
                        .param(removed)
                        .query(String.class)
                        .single())
                .as("removed text stays until 12 months after the consultation closed")
                .isEqualTo("Poistettava teksti");
        jdbc.sql("update consultation set opens_at = now() - interval '14 months', closes_at = now() - interval '13"
                        + " months' where id = ?")
                .param(consultation)
                .update();
        retention.purge(now);
        assertThat(jdbc.sql("select text from consultation_answer where response_id = ?")
                        .param(removed)
                        .query(String.class)
                        .optional()
                        .orElse(null))
                .isNull();
        assertThat(jdbc.sql("select text from consultation_answer where response_id = ?")
                        .param(kept)
                        .query(String.class)
                        .single())
                .isEqualTo("Pysyvä teksti");
    }

    @Test
    void anEmptyAnswerOrANicknameLikeAPhoneNumberIsRefusedInTheReadersLanguageKeepingTheText() {
        String en = "/o/" + slug + "/en/consultations/" + consultation;
        HttpResponse<String> phone =
                web.post(en, answer(web.get(en).body(), "Kept comment", Map.of("nickname", "040 123 4567")));
        assertThat(phone.statusCode()).isEqualTo(422);
        assertThat(phone.body()).contains("Kept comment").contains("lang=\"en\"");
        assertThat(phone.body()).containsPattern("(?i)nickname");
        String sv = "/o/" + slug + "/sv/consultations/" + consultation;
        HttpResponse<String> empty = web.post(sv, answer(web.get(sv).body(), "   ", Map.of("nickname", "Bra namn")));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Bra namn").contains("lang=\"sv\"");
        assertThat(jdbc.sql("select count(*) from consultation_response where consultation_id = ?")
                        .param(consultation)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID section() {
        return consultations.sections(org.id(), consultation).get(0).id();
    }
}
