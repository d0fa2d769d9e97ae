package fi.hyte.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.AuditLog.AuditEntry;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Saving over HTTP: validation, concurrent edits, the audit trail and htmx fragments. */
@HyteSpringTest
class EditingTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Sectors sectors;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    Org org;
    WebSession coordinator;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation("muokkaus" + Long.toString(System.nanoTime(), 36));
        coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
    }

    @Test
    void laterSaveOfSameSectorIsRefusedAndShowsTheOtherChange() {
        UUID id = fixtures.sector(org, "Sivistystoimi");
        WebSession colleague = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        Response first = colleague.post(
                "/sectors/" + id,
                Map.of("nameFi", "Kasvatus ja oppiminen", "nameSv", "", "position", "1", "version", "0"));
        assertThat(first.status()).isEqualTo(302);

        Response late = coordinator.post(
                "/sectors/" + id, Map.of("nameFi", "Opetustoimi", "nameSv", "", "position", "1", "version", "0"));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body())
                .contains("Joku muu muutti näitä tietoja sillä välin")
                .contains(org.prefix() + " ADMIN")
                .contains("Kasvatus ja oppiminen")
                .contains("value=\"Opetustoimi\"")
                .contains("name=\"version\" value=\"1\"");
        assertThat(sectors.find(org.id(), id).orElseThrow().name().fi()).isEqualTo("Kasvatus ja oppiminen");

        Response deliberate = coordinator.post(
                "/sectors/" + id, Map.of("nameFi", "Opetustoimi", "nameSv", "", "position", "1", "version", "1"));
        assertThat(deliberate.status()).isEqualTo(302);
        assertThat(sectors.find(org.id(), id).orElseThrow().name().fi()).isEqualTo("Opetustoimi");
    }

    @Test
    void onlyTheSystemOperatorChangesTheTypeOrOfficialRegion() {
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        String page = admin.get("/organisation").body();
        assertThat(page).doesNotContain("<select id=\"type\"").contains("type=\"hidden\" id=\"type\"");
        Response county = admin.post(
                "/organisation",
                Map.of("type", "MUNICIPALITY", "nameFi", "Siirtyvä", "region", "WELLBEING_COUNTY:04", "version", "0"));
        assertThat(county.status()).isEqualTo(200);
        assertThat(county.body()).contains("Vain järjestelmän ylläpitäjä voi muuttaa");
        Response type = admin.post(
                "/organisation",
                Map.of("type", "WELLBEING_COUNTY", "nameFi", "Siirtyvä", "region", "", "version", "0"));
        assertThat(type.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from organisation where id = ? and region_code is null"
                                + " and type = 'MUNICIPALITY' and name_fi <> 'Siirtyvä'")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .isOne();
        Response renamed = admin.post(
                "/organisation", Map.of("type", "MUNICIPALITY", "nameFi", "Uusi nimi", "region", "", "version", "0"));
        assertThat(renamed.status()).as("the administrator still renames it").isEqualTo(302);
    }

    @Test
    void organisationIsLinkedToAnOfficialRegionFromTheList() {
        jdbc.sql("update app_user set operator = true where username = ?")
                .param(org.user(Role.ADMIN))
                .update();
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        Response unknown = admin.post(
                "/organisation",
                Map.of("type", "MUNICIPALITY", "nameFi", "Uusi nimi", "region", "MUNICIPALITY:999", "version", "0"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("Valitse alue luettelosta.");
        Response saved = admin.post(
                "/organisation",
                Map.of(
                        "type",
                        "MUNICIPALITY",
                        "nameFi",
                        "Vantaan kaupunki",
                        "region",
                        "MUNICIPALITY:092",
                        "version",
                        "0"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get("/organisation").body()).contains("Vantaa (092)").contains("Vantaan kaupunki");
        assertThat(coordinator
                        .post(
                                "/organisation",
                                Map.of("type", "MUNICIPALITY", "nameFi", "X", "region", "", "version", "1"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void everyChangeIsAuditedWithBeforeAndAfter() {
        coordinator.post(
                "/sectors", Map.of("nameFi", "Liikuntapalvelut", "nameSv", "Idrottstjänster", "position", "2"));
        UUID id = sectors.of(org.id()).get(0).id();
        coordinator.post(
                "/sectors/" + id, Map.of("nameFi", "Liikunta", "nameSv", "Idrott", "position", "2", "version", "0"));
        coordinator.post("/sectors/" + id + "/delete", Map.of("version", "1"));

        List<AuditEntry> trail = audit.recent(org.id(), 10, 0).stream()
                .filter(e -> e.entityId().equals(id.toString()))
                .toList();
        assertThat(trail).extracting(AuditEntry::action).containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(trail).extracting(AuditEntry::actorName).containsOnly(org.prefix() + " COORDINATOR");
        AuditEntry update = trail.get(1);
        assertThat(update.beforeState()).contains("Liikuntapalvelut");
        assertThat(update.afterState()).contains("\"fi\": \"Liikunta\"");

        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        assertThat(admin.get("/admin/audit").body())
                .contains("Liikuntapalvelut")
                .contains("Liikunta");
        assertThat(coordinator.get("/admin/audit").status()).isEqualTo(403);
    }

    @Test
    void invalidPersonIsRefusedWithMessagesAndNothingIsSaved() {
        int before = count("person");
        Response response = coordinator.post(
                "/people/new",
                Map.of("name", "", "affiliation", "STAFF", "email", "ei-sähköposti", "phone", "abc", "version", "0"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("Korjaa nämä tiedot")
                .contains("Tämä tieto on pakollinen.")
                .contains("Anna sähköpostiosoite muodossa nimi@esimerkki.fi.")
                .contains("aria-invalid=\"true\"");
        assertThat(count("person")).isEqualTo(before);

        Response swedish =
                coordinator.post("/people/new?lang=sv", Map.of("name", "", "affiliation", "STAFF", "version", "0"));
        assertThat(swedish.body()).contains("lang=\"sv\"").doesNotContain("Tämä tieto on pakollinen.");
    }

    @Test
    void personCannotBePlacedInAnotherOrganisationsSector() {
        Org stranger = fixtures.organisation("toinen" + Long.toString(System.nanoTime(), 36));
        UUID foreignSector = fixtures.sector(stranger, "Vieras toimiala");
        int before = count("person");
        Response response = coordinator.post(
                "/people/new",
                Map.of(
                        "name",
                        "Testi Henkilö",
                        "affiliation",
                        "STAFF",
                        "sectorId",
                        foreignSector.toString(),
                        "version",
                        "0"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Valitse toimiala luettelosta.");
        assertThat(count("person")).isEqualTo(before);
    }

    @Test
    void addingAMemberWithHtmxReturnsOnlyTheMemberList() {
        UUID body = fixtures.body(org, BodyType.WELLBEING_GROUP, "Hyvinvointiryhmä");
        UUID person = fixtures.person(org, "Maija Meikäläinen", null);
        coordinator.get("/bodies/" + body);
        Response fragment = coordinator.postRawHtmx(
                "/bodies/" + body + "/members", Map.of("personId", person.toString(), "role", "CHAIR"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body())
                .startsWith("<section id=\"members\"")
                .contains("Maija Meikäläinen")
                .contains("Jäsen lisätty.")
                .doesNotContain("<html");
        Response page = coordinator.get("/bodies/" + body);
        assertThat(page.body()).contains("<html").contains("Maija Meikäläinen");
    }

    @Test
    void peopleSearchAnswersHtmxWithRowsOnly() {
        fixtures.person(org, "Aino Aaltonen", null);
        fixtures.person(org, "Bertta Berg", null);
        Response rows = coordinator.getHtmx("/people?q=aalt");
        assertThat(rows.body()).startsWith("<tbody").contains("Aino Aaltonen").doesNotContain("Bertta Berg");
        assertThat(coordinator.get("/people?q=aalt").body()).contains("<html").contains("Aino Aaltonen");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
    }
}
