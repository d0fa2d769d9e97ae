package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.participation.domain.JoysAndWorries;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublicSites;
import fi.hyte.platform.OrganisationId;
import fi.hyte.support.HyteSpringTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo municipality shows the whole loop (§8): its closed consultation has 60 comments, two
 * removed with reasons, the youth council's and the older people's council's statements and a
 * published "you said, we did"; the public front page has eight key indicators and a plain-language
 * summary; a joys-and-worries collection is open.
 */
@HyteSpringTest
class DemoClosedConsultationTests {

    static final OrganisationId DEMO = OrganisationCatalog.DEMO_MUNICIPALITY;

    @LocalServerPort
    int port;

    @Autowired
    CouncilStatements statements;

    @Autowired
    PublicSites sites;

    @Autowired
    JoysAndWorries joys;

    @Autowired
    ParticipationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemosClosedConsultationHasCommentsRemovalsTwoCouncilStatementsAndItsPublishedAnswers() {
        UUID closed = jdbc.sql("select id from consultation where organisation_id = ? and concluded_at is not null")
                .param(DEMO.value())
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select count(*) from consultation_answer a join consultation_response r on r.id ="
                                + " a.response_id where r.consultation_id = ? and a.text is not null")
                        .param(closed)
                        .query(Long.class)
                        .single())
                .isEqualTo(60);
        assertThat(jdbc.sql("select removed_reason from consultation_response where consultation_id = ? and status ="
                                + " 'REMOVED' and removed_reason is not null")
                        .param(closed)
                        .query(String.class)
                        .list())
                .hasSize(2);

        List<CouncilStatements.Statement> given = statements.published(DEMO, closed);
        assertThat(given).hasSize(2).allMatch(s -> s.state().equals("GIVEN"));
        assertThat(given)
                .extracting(s -> s.bodyName().fi())
                .containsExactlyInAnyOrder("Nuorisovaltuusto", "Vanhusneuvosto");
        assertThat(given)
                .allMatch(s ->
                        s.text().fi().startsWith("Esimerkki:") && s.text().sv().startsWith("Exempel:"));

        PublicSite site = sites.of(DEMO).orElseThrow();
        PublicHttp web = new PublicHttp(port);
        String base = "/o/" + site.slug() + "/fi";
        HttpResponse<String> consultation = web.get(base + "/consultations/" + closed);
        assertThat(consultation.statusCode()).isEqualTo(200);
        assertThat(consultation.body()).contains("Nuorisovaltuusto").contains("Vanhusneuvosto");
        // The two removed comments come last (page 2 of 50 a page): the public sees why, never a blank comment.
        assertThat(web.get(base + "/consultations/" + closed + "?page=2").body())
                .contains("Moderaattori poisti viestin. Syy: toisen henkilötietoja")
                .contains("Moderaattori poisti viestin. Syy: häirintä tai loukkaava sisältö")
                .doesNotContain("040 123 4567");
        HttpResponse<String> weDid = web.get(base + "/consultations/" + closed + "/we-did");
        assertThat(weDid.statusCode()).isEqualTo(200);
        assertThat(weDid.body()).contains("Kouluruoka");
    }

    @Test
    void theDemosFrontPageHasEightKeyIndicatorsAPlainLanguageSummaryAndAnOpenJoysCollection() {
        PublicSite site = sites.of(DEMO).orElseThrow();
        assertThat(site.summary().fi()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from public_indicator where organisation_id = ?")
                        .param(DEMO.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(8);
        HttpResponse<String> front = new PublicHttp(port).get("/o/" + site.slug() + "/fi");
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(front.body()).contains(site.summary().fi().substring(0, 40));

        Instant now = Instant.now();
        assertThat(joys.collections(DEMO)).anyMatch(c -> c.published() && c.isOpen(now));
        int year = LocalDate.now().getYear();
        assertThat(catalog.joysAndWorries(DEMO, year))
                .isNotEmpty()
                .extracting(ParticipationCatalog.JoyWorryTheme::kind)
                .contains("JOY", "WORRY");
    }
}
