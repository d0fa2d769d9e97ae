package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14 §1: a consultation run on otakantaa.fi (or a kuntalaisaloite.fi initiative) is recorded
 * by a coordinator with its link, dates, participants and summary; its themes go through "you said,
 * we did" like any other consultation's, and the public site shows it with the link out.
 */
@HyteSpringTest
class OutsideConsultationTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<LoopFixture> loops;

    @Autowired
    Publishing publishing;

    @Autowired
    Consultations consultations;

    @Autowired
    Answering answering;

    @Autowired
    FormTokens tokens;

    @Autowired
    YouSaidWeDid loop;

    @Autowired
    ParticipationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    LoopFixture f;
    WebSession coordinator;

    @BeforeEach
    void anOrganisationWithAPublicSite() {
        f = loops.getObject();
        coordinator = WebSession.signedIn(port, f.org.user(Role.COORDINATOR), Fixtures.PASSWORD);
    }

    Map<String, String> valid() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service", "OTAKANTAA");
        form.put("url", "https://www.otakantaa.fi/fi-FI/projects/nuorten-tilat");
        form.put("titleFi", "Nuorten tilat keskustan alueella");
        form.put("titleSv", "Ungdomslokaler i centrum");
        form.put("summaryFi", "Nuoret toivoivat iltaisin avoinna olevaa tilaa.");
        form.put("summarySv", "De unga önskade en lokal som är öppen på kvällarna.");
        form.put("opensOn", LocalDate.now().minusDays(40).toString());
        form.put("closesOn", LocalDate.now().minusDays(10).toString());
        form.put("participants", "312");
        form.put("published", "true");
        return form;
    }

    UUID record(Map<String, String> form) {
        Response created = coordinator.post("/participation/consultations/outside", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return UUID.fromString(
                created.location().replaceAll(".*/consultations/", "").replaceAll("/outside.*", ""));
    }

    @Test
    void anOutsideConsultationsThemesGoThroughYouSaidWeDidAndThePublicPageLinksOut() {
        UUID id = record(valid());
        Consultation c = consultations.find(f.org.id(), id).orElseThrow();
        assertThat(c.title().fi()).isEqualTo("Nuorten tilat keskustan alueella");
        assertThat(c.planId()).isEqualTo(f.plan.id());
        assertThat(consultations.outside(f.org.id(), id))
                .contains(new Consultation.Outside(
                        "OTAKANTAA", "https://www.otakantaa.fi/fi-FI/projects/nuorten-tilat", 312));
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where entity_type = 'outsideConsultation' and entity_id = ?")
                        .param(id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // The regular consultation page leads to the outside one's own form.
        assertThat(coordinator.get("/participation/consultations/" + id).location())
                .endsWith("/outside");

        PublicHttp resident = new PublicHttp(port);
        HttpResponse<String> page = resident.get("/o/" + f.slug + "/fi/consultations/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Keskustelu käytiin palvelussa otakantaa.fi")
                .contains("href=\"https://www.otakantaa.fi/fi-FI/projects/nuorten-tilat\"")
                .contains("Osallistujia 312.")
                .contains("Nuoret toivoivat iltaisin avoinna olevaa tilaa.")
                .doesNotContain("name=\"token\"");
        assertThat(resident.get("/o/" + f.slug + "/sv/consultations/" + id).body())
                .contains("Diskussionen fördes i tjänsten otakantaa.fi")
                .contains("De unga önskade en lokal");
        // Residents answer there, never here.
        assertThat(answering
                        .submit(
                                c,
                                new Answering.Submission(
                                        tokens.issue(id, java.time.Instant.now()),
                                        "",
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of(),
                                        Map.of(),
                                        null,
                                        "fi"),
                                "127.0.0.1",
                                java.time.Instant.now())
                        .problems())
                .isNotEmpty();

        // What was said there becomes themes, answered with outcomes linked to the plan.
        assertThat(loop.addTheme(f.org.tenant(), id, fi.hyte.platform.LocalizedText.of("Iltatila nuorille", null)))
                .isEmpty();
        UUID theme = loop.themes(f.org.id(), id).get(0).id();
        assertThat(loop.progress(f.org.id(), id).unanswered()).isEqualTo(1);
        assertThat(catalog.answerRates(f.org.id()).consultations().stream()
                        .filter(r -> r.consultation().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .items())
                .isEqualTo(1);
        assertThat(loop.conclude(f.org.tenant(), id, java.time.Instant.now())).isNotEmpty();
        assertThat(loop.answer(
                        f.org.tenant(),
                        id,
                        new YouSaidWeDid.Reply(
                                "THEME",
                                theme,
                                "PLAN_CHANGED",
                                "Nuorisotila on auki iltaisin.",
                                null,
                                null,
                                List.of(f.measureRef),
                                null)))
                .isEmpty();
        assertThat(loop.progress(f.org.id(), id).unanswered()).isZero();
        assertThat(loop.conclude(f.org.tenant(), id, java.time.Instant.now())).isEmpty();
        assertThat(resident.get("/o/" + f.slug + "/fi/consultations/" + id + "/we-did")
                        .body())
                .contains("Iltatila nuorille")
                .contains("Nuorisotila on auki iltaisin.");
        publishing.publishPlan(f.org.tenant(), f.plan.id(), LocalDate.now());
        assertThat(resident.get("/o/" + f.slug + "/fi/plan").body()).contains("Iltatila nuorille");
        assertThat(coordinator
                        .get("/participation/consultations/" + id + "/summary")
                        .body())
                .contains("Iltatila nuorille")
                .contains("otakantaa.fi")
                .contains("312");
    }

    @Test
    void badInputGetsFieldMessagesInTheUsersLanguageAndSavesNothing() {
        int before = count();
        Map<String, String> bad = valid();
        bad.put("url", "javascript:alert(1)");
        bad.put("closesOn", LocalDate.now().minusDays(50).toString());
        bad.put("participants", "paljon");
        Response fi = coordinator.post("/participation/consultations/outside", bad);
        assertThat(fi.status()).isEqualTo(200);
        assertThat(fi.body())
                .contains("Anna osoite, joka alkaa https:// tai http://.")
                .contains("Päättymispäivä ei voi olla ennen avautumispäivää.")
                .contains("Anna osallistujien määrä kokonaislukuna.")
                .contains("javascript:alert(1)");
        publishing.setBilingual(f.org.tenant(), true);
        Map<String, String> finnishOnly = valid();
        finnishOnly.remove("titleSv");
        finnishOnly.remove("summarySv");
        assertThat(coordinator
                        .post("/participation/consultations/outside", finnishOnly)
                        .body())
                .contains("Kaksikielisen organisaation kuulemisella on oltava otsikko ja johdanto myös ruotsiksi.")
                .contains("Kaksikielinen organisaatio kirjaa yhteenvedon myös ruotsiksi.");
        publishing.setBilingual(f.org.tenant(), false);
        Map<String, String> ftp = valid();
        ftp.put("url", "ftp://example.fi/x");
        ftp.put("service", "FACEBOOK");
        Response sv = coordinator.post("/participation/consultations/outside?lang=sv", ftp);
        assertThat(sv.body())
                .contains("Ange en adress som börjar med https:// eller http://.")
                .contains("Välj en tjänst.");
        Map<String, String> date = valid();
        date.put("opensOn", "eilen");
        date.put("url", "https://");
        Response en = coordinator.post("/participation/consultations/outside?lang=en", date);
        assertThat(en.body())
                .contains("Give the day as yyyy-mm-dd.")
                .contains("Give an address starting with https:// or http://.");
        assertThat(count()).isEqualTo(before);

        // A change to a recorded one is checked the same way and changes nothing.
        UUID id = record(valid());
        Map<String, String> change = valid();
        change.put("url", "http:/nowhere");
        change.put("version", "1");
        assertThat(coordinator
                        .post("/participation/consultations/" + id + "/outside", change)
                        .body())
                .contains("Give an address starting with https:// or http://.");
        assertThat(consultations.outside(f.org.id(), id).orElseThrow().url())
                .isEqualTo("https://www.otakantaa.fi/fi-FI/projects/nuorten-tilat");
    }

    @Test
    void thePublicFrontPageLinksToKuntalaisaloiteAndOtakantaa() {
        String front = new PublicHttp(port).get("/o/" + f.slug + "/fi").body();
        assertThat(front)
                .contains("href=\"https://www.kuntalaisaloite.fi\"")
                .contains("href=\"https://www.otakantaa.fi\"");
    }

    int count() {
        return jdbc.sql("select count(*) from consultation where organisation_id = ?")
                .param(f.org.id().value())
                .query(Integer.class)
                .single();
    }
}
