package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.participation.domain.Publishing;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.participation.domain.YouSaidWeDid.Reply;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.time.Instant;
import java.time.LocalDate;
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
 * "You said, we did": every comment is answered directly or through its theme under the outcome's
 * rules, a consultation is not concluded while anything is unanswered (the count is told), the
 * answers form the public "Kuulimme – teimme" page in Finnish and Swedish, the public plan names the
 * themes that shaped a goal or measure, and the answer rates reach the module's root API.
 */
@HyteSpringTest
class YouSaidWeDidTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<LoopFixture> loops;

    @Autowired
    Publishing publishing;

    @Autowired
    YouSaidWeDid loop;

    @Autowired
    ParticipationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    LoopFixture f;

    @BeforeEach
    void aConsultationWithComments() {
        f = loops.getObject();
        assertThat(f.comment("Koulupsykologille pääsee liian hitaasti.", "UNDER_18", "04200")
                        .status())
                .isEqualTo("PUBLISHED");
        f.comment("Jonot mielenterveyspalveluihin ovat pitkät.", "18_29", "04200");
        f.comment("Kouluruoka on mautonta.", "30_44", "04230");
    }

    @Test
    void aConsultationIsNotConcludedWhileItemsAreUnansweredAndTheCountIsTold() {
        WebSession coordinator = WebSession.signedIn(port, f.org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response open = follow(coordinator, "/participation/consultations/" + f.consultation + "/conclude", Map.of());
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body())
                .contains("Kuuleminen on vielä auki.")
                .contains("Kuulemista ei voi päättää: 3 kohtaa on vielä vastaamatta.");
        f.close();
        assertThat(follow(coordinator, "/participation/consultations/" + f.consultation + "/conclude", Map.of())
                        .body())
                .contains("Kuulemista ei voi päättää: 3 kohtaa on vielä vastaamatta.");

        Response theme = follow(
                coordinator,
                "/participation/consultations/" + f.consultation + "/themes",
                Map.of("titleFi", "Mielenterveyspalveluihin pääsy", "titleSv", "Tillgång till mentalvård"));
        assertThat(theme.status()).isEqualTo(200);
        UUID themeId = loop.themes(f.org.id(), f.consultation).get(0).id();
        List<YouSaidWeDid.Comment> comments = loop.comments(f.org.id(), f.consultation);
        follow(
                coordinator,
                "/participation/consultations/" + f.consultation + "/group?comment="
                        + comments.get(0).id() + "&comment=" + comments.get(1).id(),
                Map.of("theme", themeId.toString()));
        assertThat(loop.themes(f.org.id(), f.consultation).get(0).comments()).isEqualTo(2);
        // The theme's answer answers its two comments too: one theme and one comment remain.
        Response covered = follow(
                coordinator,
                "/participation/consultations/" + f.consultation + "/answer",
                Map.of(
                        "targetKind", "THEME",
                        "target", themeId.toString(),
                        "outcome", "PLAN_CHANGED",
                        "textFi", "Lisäsimme koulupsykologeja.",
                        "textSv", "Vi lade till skolpsykologer.",
                        "links", f.measureRef));
        assertThat(covered.status()).isEqualTo(200);
        assertThat(loop.progress(f.org.id(), f.consultation).unanswered()).isEqualTo(1);
        assertThat(follow(coordinator, "/participation/consultations/" + f.consultation + "/conclude", Map.of())
                        .body())
                .contains("Kuulemista ei voi päättää: 1 kohtaa on vielä vastaamatta.");

        UUID food = comments.get(2).id();
        assertThat(follow(
                                coordinator,
                                "/participation/consultations/" + f.consultation + "/answer",
                                Map.of("targetKind", "COMMENT", "target", food.toString(), "outcome", "NOT_TAKEN"))
                        .body())
                .contains("Kerro, miksi asiaa ei viety eteenpäin.");
        assertThat(loop.answers(f.org.id(), f.consultation)).doesNotContainKey(food);
        follow(
                coordinator,
                "/participation/consultations/" + f.consultation + "/answer",
                Map.of(
                        "targetKind", "COMMENT",
                        "target", food.toString(),
                        "outcome", "ELSEWHERE",
                        "elsewhereUrl", "https://www.kuntalaisaloite.fi"));
        assertThat(loop.progress(f.org.id(), f.consultation).unanswered()).isZero();
        assertThat(follow(coordinator, "/participation/consultations/" + f.consultation + "/conclude", Map.of())
                        .body())
                .contains("Kuuleminen päätetty");
        assertThat(loop.progress(f.org.id(), f.consultation).concludedAt()).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type in"
                                + " ('participationOutcome', 'participationTheme')")
                        .param(f.org.id().value())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void eachOutcomeHasItsRulesAndABrokenRuleSavesNothing() {
        UUID comment = loop.comments(f.org.id(), f.consultation).get(0).id();
        assertThat(loop.answer(
                        f.org.tenant(), f.consultation, reply(comment, "PLAN_CHANGED", "Muutimme", null, List.of())))
                .containsExactly("participation.loop.problem.links");
        assertThat(loop.answer(f.org.tenant(), f.consultation, reply(comment, "COVERED", null, null, List.of("T-999"))))
                .contains("participation.loop.problem.links");
        assertThat(loop.answer(f.org.tenant(), f.consultation, reply(comment, "NOT_TAKEN", " ", null, List.of())))
                .containsExactly("participation.loop.problem.reason");
        assertThat(loop.answer(f.org.tenant(), f.consultation, reply(comment, "ELSEWHERE", null, null, List.of())))
                .containsExactly("participation.loop.problem.elsewhere");
        assertThat(loop.answer(
                        f.org.tenant(),
                        f.consultation,
                        reply(comment, "ELSEWHERE", null, "javascript:alert(1)", List.of())))
                .contains("participation.loop.problem.url");
        assertThat(loop.answer(f.org.tenant(), f.consultation, reply(comment, "MAYBE", "x", null, List.of())))
                .containsExactly("participation.loop.problem.outcome");
        assertThat(loop.answers(f.org.id(), f.consultation)).isEmpty();
        publishing.setBilingual(f.org.tenant(), true);
        assertThat(loop.answer(f.org.tenant(), f.consultation, reply(comment, "NOT_TAKEN", "Ei nyt", null, List.of())))
                .containsExactly("participation.loop.problem.swedish");
        assertThat(loop.answer(
                        f.org.tenant(),
                        f.consultation,
                        new Reply("COMMENT", comment, "NOT_TAKEN", "Ei nyt", "Inte nu", null, List.of(), null)))
                .isEmpty();
        // Two people answering the same comment: the later, with the stale version, is refused.
        assertThatThrownBy(() -> loop.answer(
                        f.org.tenant(),
                        f.consultation,
                        new Reply("COMMENT", comment, "COVERED", null, null, null, List.of(f.goalRef), 5)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(loop.answers(f.org.id(), f.consultation).get(comment).outcome())
                .isEqualTo("NOT_TAKEN");
    }

    @Test
    void theAnswersFormThePublicPageAndThePlanNamesTheThemesThatShapedIt() {
        loop.addTheme(
                f.org.tenant(),
                f.consultation,
                new LocalizedText("Mielenterveyspalveluihin pääsy", "Tillgång till mentalvård", null));
        UUID theme = loop.themes(f.org.id(), f.consultation).get(0).id();
        List<YouSaidWeDid.Comment> comments = loop.comments(f.org.id(), f.consultation);
        loop.group(
                f.org.tenant(),
                f.consultation,
                theme,
                List.of(comments.get(0).id(), comments.get(1).id()));
        assertThat(loop.answer(
                        f.org.tenant(),
                        f.consultation,
                        new Reply(
                                "THEME",
                                theme,
                                "PLAN_CHANGED",
                                "Lisäsimme koulupsykologeja.",
                                "Vi lade till skolpsykologer.",
                                null,
                                List.of(f.goalRef, f.measureRef),
                                null)))
                .isEmpty();
        publishing.publishPlan(f.org.tenant(), f.plan.id(), LocalDate.now());
        WebSession resident = new WebSession(port);
        String weDid = "/o/" + f.slug + "/%s/consultations/" + f.consultation + "/we-did";
        Response fi = resident.get(weDid.formatted("fi"));
        assertThat(fi.status()).isEqualTo(200);
        assertThat(fi.body())
                .contains("Kuulimme – teimme")
                .contains("Mielenterveyspalveluihin pääsy")
                .contains("Lisäsimme koulupsykologeja.")
                .contains("Muutimme suunnitelmaa")
                .contains(f.measureRef)
                .doesNotContain("Kouluruoka on mautonta");
        assertThat(fi.headers().get("Set-Cookie")).isNull();
        Response sv = resident.get(weDid.formatted("sv"));
        assertThat(sv.body()).contains("Vi lade till skolpsykologer.").contains("Tillgång till mentalvård");
        Response plan = resident.get("/o/" + f.slug + "/fi/plan");
        assertThat(plan.body()).contains("Asukkaiden kommenteista:").contains("Mielenterveyspalveluihin pääsy");
        assertThat(resident.get("/o/" + f.slug + "/fi/consultations/" + UUID.randomUUID() + "/we-did")
                        .status())
                .isEqualTo(404);

        ParticipationCatalog.ConsultationRate rate = catalog.answerRates(f.org.id()).consultations().stream()
                .filter(r -> r.consultation().equals(f.consultation))
                .findFirst()
                .orElseThrow();
        assertThat(rate.items()).isEqualTo(4);
        assertThat(rate.answered()).isEqualTo(3);
        assertThat(rate.percent()).isEqualTo(75);
    }

    @Test
    void theDemoHasAConcludedConsultationWithSixtyCommentsTwoRemovedAndAnOpenJoysCollection() {
        fi.hyte.platform.OrganisationId demo = fi.hyte.organisation.OrganisationCatalog.DEMO_MUNICIPALITY;
        UUID closed = jdbc.sql("select id from consultation where organisation_id = ? and concluded_at is not null")
                .param(demo.value())
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select count(*) from consultation_answer a join consultation_response r on r.id ="
                                + " a.response_id where r.consultation_id = ? and a.text is not null")
                        .param(closed)
                        .query(Long.class)
                        .single())
                .isEqualTo(60);
        assertThat(jdbc.sql("select removed_reason from consultation_response where consultation_id = ? and status ="
                                + " 'REMOVED' order by removed_reason")
                        .param(closed)
                        .query(String.class)
                        .list())
                .containsExactly("HARASSMENT", "PERSONAL_DATA");
        YouSaidWeDid.Progress progress = loop.progress(demo, closed);
        assertThat(progress.items())
                .as("58 comments, 6 themes and the 2 councils' statements")
                .isEqualTo(58 + 6 + 2);
        assertThat(progress.unanswered()).isZero();
        assertThat(loop.answers(demo, closed).values())
                .extracting(YouSaidWeDid.Answer::outcome)
                .contains("PLAN_CHANGED", "COVERED", "NOT_TAKEN", "ELSEWHERE");
        YouSaidWeDid.Theme food = loop.themes(demo, closed).stream()
                .filter(t -> t.title().fi().equals("Kouluruoka"))
                .findFirst()
                .orElseThrow();
        assertThat(food.comments()).isEqualTo(4);
        assertThat(loop.answers(demo, closed).get(food.id()).elsewhereUrl())
                .isEqualTo("https://www.kuntalaisaloite.fi");
        assertThat(catalog.joysAndWorries(demo, 2026))
                .extracting(ParticipationCatalog.JoyWorryTheme::kind)
                .contains("JOY", "WORRY");
        assertThat(catalog.joysAndWorries(demo, 2026)).allMatch(ParticipationCatalog.JoyWorryTheme::example);
    }

    /** Posts as a browser does: follows the redirect, so that each answer's message is shown once. */
    private static Response follow(WebSession session, String path, Map<String, String> form) {
        Response response = session.post(path, form);
        if (response.status() == 302 && response.location() != null) {
            String location =
                    response.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
            return session.get(location);
        }
        return response;
    }

    private static Reply reply(UUID comment, String outcome, String fi, String url, List<String> links) {
        return new Reply("COMMENT", comment, outcome, fi, null, url, links, null);
    }

    static Instant now() {
        return Instant.now();
    }
}
