package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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
 * Issue 14 §2: a consultation on a topic (e.g. a decision under assessment) has sections the
 * coordinator wrote (heading and text, ordered, at most twelve) that residents comment on like a
 * goal; a bilingual organisation cannot open it without them in Swedish; they freeze when it opens.
 */
@HyteSpringTest
class TopicSectionsTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<LoopFixture> loops;

    @Autowired
    Publishing publishing;

    @Autowired
    ConsultationSetup setup;

    @Autowired
    Consultations consultations;

    @Autowired
    JdbcClient jdbc;

    LoopFixture f;
    WebSession coordinator;
    UUID topic;

    @BeforeEach
    void aTopicConsultationNotYetPublished() {
        f = loops.getObject();
        coordinator = WebSession.signedIn(port, f.org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        LocalDateTime now = LocalDateTime.now().withSecond(0).withNano(0);
        Response created = coordinator.post(
                "/participation/consultations",
                Map.of(
                        "titleFi", "Koulukuljetusten muutos",
                        "titleSv", "Ändrade skolskjutsar",
                        "introFi", "Päätös on arvioitavana.",
                        "introSv", "Beslutet bedöms.",
                        "opensAt", now.minusHours(1).toString(),
                        "closesAt", now.plusDays(14).toString(),
                        "moderation", "POST"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        topic = UUID.fromString(
                created.location().replaceAll(".*/consultations/", "").replaceAll("[?#].*", ""));
    }

    Response section(Map<String, String> form) {
        return coordinator.post("/participation/consultations/" + topic + "/sections", form);
    }

    Map<String, String> publishForm() {
        Consultation c = consultations.find(f.org.id(), topic).orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("titleFi", c.title().fi());
        form.put("titleSv", c.title().sv());
        form.put("introFi", c.intro().fi());
        form.put("introSv", c.intro().sv());
        form.put(
                "opensAt",
                LocalDateTime.ofInstant(c.opensAt(), java.time.ZoneId.of("Europe/Helsinki"))
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString());
        form.put(
                "closesAt",
                LocalDateTime.ofInstant(c.closesAt(), java.time.ZoneId.of("Europe/Helsinki"))
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString());
        form.put("moderation", "POST");
        form.put("published", "true");
        form.put("version", Integer.toString(c.version()));
        return form;
    }

    @Test
    void theCoordinatorsOwnSectionsAreOrderedShownAndCommentedOnLikeGoals() {
        assertThat(section(Map.of(
                                "headingFi", "Reitit",
                                "headingSv", "Rutter",
                                "textFi", "Uudet reitit kulkevat koulun kautta.",
                                "textSv", "De nya rutterna går via skolan."))
                        .status())
                .isEqualTo(302);
        section(Map.of(
                "headingFi", "Aikataulut",
                "headingSv", "Tidtabeller",
                "textFi", "Ensimmäinen vuoro lähtee seitsemältä.",
                "textSv", "Den första turen går klockan sju."));
        List<Consultation.Section> sections = consultations.sections(f.org.id(), topic);
        assertThat(sections).extracting(s -> s.title().fi()).containsExactly("Reitit", "Aikataulut");
        assertThat(sections).allMatch(Consultation.Section::own);
        section(Map.of("section", sections.get(1).id().toString(), "action", "UP"));
        assertThat(consultations.sections(f.org.id(), topic))
                .extracting(s -> s.title().fi())
                .containsExactly("Aikataulut", "Reitit");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'consultationSection' and"
                                + " organisation_id = ?")
                        .param(f.org.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        assertThat(coordinator
                        .post("/participation/consultations/" + topic, publishForm())
                        .status())
                .isEqualTo(302);
        PublicHttp resident = new PublicHttp(port);
        String page =
                resident.get("/o/" + f.slug + "/fi/consultations/" + topic).body();
        assertThat(page)
                .contains("Ensimmäinen vuoro lähtee seitsemältä.")
                .contains("Uudet reitit kulkevat koulun kautta.")
                .containsPattern("Aikataulut[\\s\\S]*Reitit");
        assertThat(resident.get("/o/" + f.slug + "/sv/consultations/" + topic).body())
                .contains("Den första turen går klockan sju.");
        HttpResponse<String> sent = resident.post(
                "/o/" + f.slug + "/fi/consultations/" + topic,
                PublicHttp.answer(page, "Seitsemältä on liian aikaisin.", Map.of()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(jdbc.sql("select a.text from consultation_answer a join consultation_section s on s.id ="
                                + " a.section_id where s.consultation_id = ? and s.title_fi = 'Aikataulut'")
                        .param(topic)
                        .query(String.class)
                        .list())
                .containsExactly("Seitsemältä on liian aikaisin.");
    }

    @Test
    void aBilingualOrganisationCannotOpenItWithoutSwedishSections() {
        publishing.setBilingual(f.org.tenant(), true);
        section(Map.of("headingFi", "Reitit", "textFi", "Uudet reitit kulkevat koulun kautta."));
        Response refused = coordinator.post("/participation/consultations/" + topic, publishForm());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Kaksikielisessä organisaatiossa kuulemista ei voi avata, ennen kuin jokaisella"
                        + " kommentoitavalla osalla on otsikko ja teksti myös ruotsiksi.");
        assertThat(consultations.find(f.org.id(), topic).orElseThrow().published())
                .isFalse();
        UUID id = consultations.sections(f.org.id(), topic).get(0).id();
        section(Map.of(
                "section", id.toString(),
                "headingFi", "Reitit",
                "headingSv", "Rutter",
                "textFi", "Uudet reitit kulkevat koulun kautta.",
                "textSv", "De nya rutterna går via skolan."));
        assertThat(coordinator
                        .post("/participation/consultations/" + topic, publishForm())
                        .status())
                .isEqualTo(302);
        assertThat(consultations.find(f.org.id(), topic).orElseThrow().published())
                .isTrue();
    }

    @Test
    void sectionsAreFrozenOnceTheConsultationIsOpen() {
        section(Map.of("headingFi", "Reitit", "textFi", "Uudet reitit kulkevat koulun kautta."));
        coordinator.get("/participation/consultations/" + topic);
        assertThat(coordinator
                        .post("/participation/consultations/" + topic, publishForm())
                        .status())
                .isEqualTo(302);
        coordinator.get("/participation/consultations/" + topic);
        UUID id = consultations.sections(f.org.id(), topic).get(0).id();
        List<String> add = setup.ownSection(
                f.org.tenant(),
                topic,
                new ConsultationSetup.SectionChange(
                        null, "SAVE", LocalizedText.of("Uusi", null), LocalizedText.of("Teksti", null)),
                Instant.now());
        assertThat(add).containsExactly("participation.section.problem.frozen");
        Response edit = section(Map.of("section", id.toString(), "headingFi", "Muutettu", "textFi", "Muutettu"));
        assertThat(edit.status()).isEqualTo(302);
        assertThat(coordinator.get("/participation/consultations/" + topic).body())
                .contains("Kuuleminen on jo avoinna, joten sen kommentoitavia osia ei voi enää muuttaa.");
        section(Map.of("section", id.toString(), "action", "REMOVE"));
        assertThat(consultations.sections(f.org.id(), topic))
                .extracting(s -> s.title().fi())
                .containsExactly("Reitit");
    }

    @Test
    void badSectionsAreRefusedAndTheLimitHolds() {
        assertThat(setup.ownSection(
                        f.org.tenant(),
                        topic,
                        new ConsultationSetup.SectionChange(
                                null, "SAVE", LocalizedText.of(null, "Rutter"), LocalizedText.of(null, null)),
                        Instant.now()))
                .containsExactly("participation.section.problem.heading", "participation.section.problem.text");
        section(Map.of("headingFi", "x".repeat(201), "textFi", "Teksti"));
        assertThat(consultations.sections(f.org.id(), topic)).isEmpty();
        for (int i = 1; i <= Consultation.MAX_OWN_SECTIONS; i++) {
            assertThat(setup.ownSection(
                            f.org.tenant(),
                            topic,
                            new ConsultationSetup.SectionChange(
                                    null, "SAVE", LocalizedText.of("Osa " + i, null), LocalizedText.of("Teksti", null)),
                            Instant.now()))
                    .isEmpty();
        }
        assertThat(setup.ownSection(
                        f.org.tenant(),
                        topic,
                        new ConsultationSetup.SectionChange(
                                null, "SAVE", LocalizedText.of("Liikaa", null), LocalizedText.of("Teksti", null)),
                        Instant.now()))
                .containsExactly("participation.section.problem.tooMany");
        assertThat(consultations.sections(f.org.id(), topic)).hasSize(Consultation.MAX_OWN_SECTIONS);
    }
}
