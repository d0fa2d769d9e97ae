package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.OrganisationStructure;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Councils' statements: invited councils get a deadline and a reminder on the coordinator's page;
 * the coordinator or the council's secretary enters the statement with meeting date and section,
 * published under the body's name, or records that none was given; a second entry on the same
 * version is refused.
 */
@HyteSpringTest
class CouncilStatementTests {

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
    OrganisationStructure structure;

    @Autowired
    JdbcClient jdbc;

    PublicHttp web;
    Org org;
    String slug;
    UUID youth;
    UUID older;
    UUID board;
    UUID consultation;

    @BeforeEach
    void aConsultationWithInvitedCouncils() {
        web = new PublicHttp(port);
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("neuv" + suffix);
        slug = "neuv-" + suffix;
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        youth = fixtures.body(org, BodyType.YOUTH_COUNCIL, "Nuorisovaltuusto " + suffix);
        older = fixtures.body(org, BodyType.OLDER_PEOPLE_COUNCIL, "Vanhusneuvosto " + suffix);
        board = fixtures.body(org, BodyType.BOARD, "Hallitus " + suffix);
        UUID secretary = fixtures.person(org, "Sihteeri Saara", null, Role.VIEWER);
        structure.addMember(org.tenant(), youth, secretary, MemberRole.SECRETARY);
        Instant opens = Instant.now().minusSeconds(3600);
        consultation = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Luonnos kuultavana", null),
                        LocalizedText.of("Johdanto", null),
                        opens,
                        opens.plusSeconds(86_400 * 30),
                        "POST",
                        false,
                        List.of(youth, older, board),
                        0),
                List.of());
        Consultation c = consultations.find(org.id(), consultation).orElseThrow();
        setup.update(
                org.tenant(),
                new Consultation(
                        c.id(),
                        org.id(),
                        null,
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        "POST",
                        true,
                        c.invitedBodies(),
                        c.version()));
    }

    private String url() {
        return "/participation/consultations/" + consultation + "/councils";
    }

    private int version(UUID body) {
        return jdbc.sql("select version from council_statement where consultation_id = ? and body_id = ?")
                .params(consultation, body)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Test
    void theCoordinatorSetsADeadlineSeesTheReminderAndEntersTheStatementPublishedUnderTheBodysName() {
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response page = coordinator.get(url());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Nuorisovaltuusto")
                .contains("Vanhusneuvosto")
                .doesNotContain("Hallitus ");
        String yesterday = LocalDate.now().minusDays(1).toString();
        assertThat(coordinator
                        .post(
                                url(),
                                Map.of(
                                        "body",
                                        youth.toString(),
                                        "version",
                                        "0",
                                        "action",
                                        "deadline",
                                        "deadline",
                                        yesterday))
                        .status())
                .isEqualTo(302);
        assertThat(coordinator.get(url()).body()).contains("Muistutus: lausunnon määräaika");
        Response missing = coordinator.post(
                url(),
                Map.of(
                        "body",
                        youth.toString(),
                        "version",
                        String.valueOf(version(youth)),
                        "action",
                        "given",
                        "section",
                        "§ 7",
                        "textFi",
                        "Nuoret toivovat lisää harrastuksia."));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body())
                .contains("Anna kokouksen päivämäärä.")
                .contains("Nuoret toivovat lisää harrastuksia.");
        Response given = coordinator.post(
                url(),
                Map.of(
                        "body",
                        youth.toString(),
                        "version",
                        String.valueOf(version(youth)),
                        "action",
                        "given",
                        "meetingDate",
                        "2026-12-01",
                        "section",
                        "§ 7",
                        "textFi",
                        "Nuoret toivovat lisää harrastuksia."));
        assertThat(given.status()).isEqualTo(302);
        assertThat(coordinator.get(url()).body()).doesNotContain("Muistutus: lausunnon määräaika");
        String publicPage =
                web.get("/o/" + slug + "/fi/consultations/" + consultation).body();
        assertThat(publicPage)
                .contains("Vaikuttamistoimielinten lausunnot")
                .contains("Nuorisovaltuusto")
                .contains("§ 7")
                .contains("Nuoret toivovat lisää harrastuksia.");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'councilStatement' and entity_id = ?")
                        .param(consultation + "/" + youth)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void noStatementGivenIsRecordedAndPublished() {
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(coordinator
                        .post(url(), Map.of("body", older.toString(), "version", "0", "action", "none"))
                        .status())
                .isEqualTo(302);
        assertThat(web.get("/o/" + slug + "/sv/consultations/" + consultation).body())
                .contains("Vanhusneuvosto")
                .contains("Inget utlåtande gavs.");
    }

    @Test
    void theCouncilsSecretaryEntersItsStatementButNoOtherCouncils() {
        WebSession secretary = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        Response page = secretary.get(url());
        assertThat(page.status()).isEqualTo(200);
        assertThat(secretary
                        .post(
                                url(),
                                Map.of(
                                        "body", youth.toString(),
                                        "version", "0",
                                        "action", "given",
                                        "meetingDate", "2026-11-30",
                                        "section", "§ 3",
                                        "textFi", "Sihteerin kirjaama lausunto."))
                        .status())
                .isEqualTo(302);
        assertThat(secretary
                        .post(url(), Map.of("body", older.toString(), "version", "0", "action", "none"))
                        .status())
                .isEqualTo(403);
        assertThat(secretary
                        .post(
                                url(),
                                Map.of(
                                        "body", youth.toString(),
                                        "version", "0",
                                        "action", "deadline",
                                        "deadline", "2027-01-01"))
                        .status())
                .isEqualTo(403);
        assertThat(web.get("/o/" + slug + "/fi/consultations/" + consultation).body())
                .contains("Sihteerin kirjaama lausunto.");
    }

    @Test
    void aSecondEntryOnTheSameVersionIsRefusedAndShowsWhoWasFirst() {
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        assertThat(coordinator
                        .post(url(), Map.of("body", older.toString(), "version", "0", "action", "none"))
                        .status())
                .isEqualTo(302);
        Response later = admin.post(
                url(),
                Map.of(
                        "body", older.toString(),
                        "version", "0",
                        "action", "given",
                        "meetingDate", "2026-12-02",
                        "textFi", "Myöhässä kirjattu."));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body())
                .contains(org.prefix() + " COORDINATOR kirjasi lausunnon ensin")
                .contains("Myöhässä kirjattu.");
        assertThat(jdbc.sql("select state from council_statement where consultation_id = ? and body_id = ?")
                        .params(consultation, older)
                        .query(String.class)
                        .single())
                .isEqualTo("NONE");
        assertThat(coordinator
                        .post(url(), Map.of("body", board.toString(), "version", "0", "action", "none"))
                        .status())
                .as("a body that is not an influence council")
                .isEqualTo(404);
    }
}
