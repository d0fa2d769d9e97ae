package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.domain.Plan;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * Feedback on a measure of the public plan: an anonymous form with the public forms' protections;
 * it lands in the responsible sector's list, staff answer it, and it is published with its answer
 * only if the resident allowed it.
 */
@HyteSpringTest
class MeasureFeedbackTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Publishing publishing;

    @Autowired
    fi.hyte.support.PlanFixtures planFixtures;

    @Autowired
    JdbcClient jdbc;

    PublicHttp web;
    Org org;
    String slug;
    UUID sector;
    String form;

    @BeforeEach
    void aPublishedPlanWithAMeasure() {
        web = new PublicHttp(port);
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("pal" + suffix);
        slug = "pal-" + suffix;
        sector = fixtures.sector(org, "Liikuntapalvelut " + suffix);
        fixtures.person(org, "Toimialan Tiina", sector, Role.EDITOR);
        Plan plan = planFixtures.withOneMeasure(
                org, "Suunnitelma " + suffix, "Linja", "Tavoite", "Liikuntakerhot kouluihin", sector);
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        publishing.publishPlan(org.tenant(), plan.id(), LocalDate.now());
        String planPage = web.get("/o/" + slug + "/fi/plan").body();
        Matcher link =
                Pattern.compile("href=\"(/o/[^\"]+/plan/feedback/[^\"]+)\"").matcher(planPage);
        assertThat(link.find())
                .as("the plan page links each measure to its feedback form")
                .isTrue();
        form = link.group(1);
    }

    private HttpResponse<String> give(String text, Map<String, String> overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("token", PublicHttp.token(web.get(form).body()));
        fields.put("website", "");
        fields.put("text", text);
        fields.put("nickname", "Liikkuja");
        fields.putAll(overrides);
        return web.post(form, fields);
    }

    private UUID id(String text) {
        return jdbc.sql("select id from measure_feedback where organisation_id = ? and text = ?")
                .params(org.id().value(), text)
                .query(UUID.class)
                .single();
    }

    @Test
    void feedbackLandsInTheSectorsListAndIsPublishedWithItsAnswerWhenAllowed() {
        HttpResponse<String> page = web.get(form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(page.body()).contains("Liikuntakerhot kouluihin").contains("Tietosuoja");
        assertThat(give("Kerhoja myös iltaisin", Map.of("mayPublish", "true")).statusCode())
                .isEqualTo(302);
        assertThat(give("Yksityinen palaute", Map.of()).statusCode()).isEqualTo(302);
        WebSession staff = WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD);
        Response list = staff.get("/participation/feedback");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Kerhoja myös iltaisin").contains("Yksityinen palaute");
        assertThat(staff.get("/participation/feedback?sector=NONE").body()).doesNotContain("Kerhoja myös iltaisin");
        assertThat(web.get(form).body()).doesNotContain("Kerhoja myös iltaisin");
        UUID allowed = id("Kerhoja myös iltaisin");
        UUID secret = id("Yksityinen palaute");
        assertThat(staff.post(
                                "/participation/feedback/" + allowed,
                                Map.of(
                                        "action",
                                        "answer",
                                        "version",
                                        "0",
                                        "answerFi",
                                        "Iltakerhot alkavat tammikuussa."))
                        .status())
                .isEqualTo(302);
        assertThat(staff.post(
                                "/participation/feedback/" + secret,
                                Map.of("action", "answer", "version", "0", "answerFi", "Kiitos, otamme huomioon."))
                        .status())
                .isEqualTo(302);
        String shown = web.get(form).body();
        assertThat(shown).contains("Kerhoja myös iltaisin").contains("Iltakerhot alkavat tammikuussa.");
        assertThat(shown).doesNotContain("Yksityinen palaute").doesNotContain("Kiitos, otamme huomioon.");
        Response late = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD)
                .post(
                        "/participation/feedback/" + allowed,
                        Map.of("action", "answer", "version", "0", "answerFi", "Toinen vastaus"));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body()).contains("vastasi palautteeseen ensin").contains("Toinen vastaus");
        assertThat(WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD)
                        .post(
                                "/participation/feedback/" + allowed,
                                Map.of("action", "answer", "version", "1", "answerFi", "Katsoja"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusedFeedbackIsExplainedKeepsTheTextAndStoresNothing() {
        HttpResponse<String> empty = give("  ", Map.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Vastaus on tyhjä.");
        HttpResponse<String> nickname = give("Hyvä toimenpide", Map.of("nickname", "maija@example.fi"));
        assertThat(nickname.body())
                .contains("Nimimerkki ei saa olla sähköpostiosoite tai puhelinnumero")
                .contains("Hyvä toimenpide");
        HttpResponse<String> token = give("Vanha lomake", Map.of("token", "1.abcdefghijklmnopqrstuvwxyz"));
        assertThat(token.body()).contains("Lomake oli vanhentunut.");
        assertThat(give("Hunaja", Map.of("website", "x")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from measure_feedback where organisation_id = ?")
                        .param(org.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(give("Palaute " + i, Map.of()).statusCode()).isEqualTo(302);
        }
        assertThat(give("Palaute 1", Map.of()).statusCode()).isEqualTo(422);
        assertThat(give("Kuudes palaute", Map.of()).body()).contains("Odota kymmenen minuuttia");
    }

    @Test
    void feedbackWithPersonalDataIsHeldUntilAModeratorShowsOrHidesIt() {
        give("Soittakaa 040 765 4321", Map.of("mayPublish", "true"));
        UUID held = id("Soittakaa 040 765 4321");
        assertThat(jdbc.sql("select status from measure_feedback where id = ?")
                        .param(held)
                        .query(String.class)
                        .single())
                .isEqualTo("HELD");
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        coordinator.post(
                "/participation/feedback/" + held, Map.of("action", "answer", "version", "0", "answerFi", "Vastaus"));
        assertThat(web.get(form).body()).doesNotContain("Soittakaa");
        Response noReason = coordinator.post(
                "/participation/feedback/" + held, Map.of("action", "hide", "version", "1", "reason", ""));
        assertThat(noReason.body()).contains("Valitse syy luettelosta.");
        assertThat(coordinator
                        .post(
                                "/participation/feedback/" + held,
                                Map.of("action", "hide", "version", "1", "reason", "PERSONAL_DATA"))
                        .status())
                .isEqualTo(302);
        assertThat(coordinator.get("/participation/feedback").body())
                .contains("Moderaattori poisti viestin. Syy: toisen henkilötietoja");
        assertThat(web.get(form).body()).doesNotContain("Soittakaa");
        assertThat(web.get("/o/" + slug + "/fi/plan/feedback/EI-OLE").statusCode())
                .isEqualTo(404);
    }
}
