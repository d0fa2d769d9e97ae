package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Old indicator data says so: the age of every latest value, the "old data" mark past the
 * organisation's own threshold, which a coordinator sets on the organisation page; and a county
 * compares itself with its own municipalities, not with a county above it.
 */
@HyteSpringTest
class OldDataTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    IndicatorSets sets;

    @Autowired
    OrganisationCatalog organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void overviewMarksValuesOlderThanTheThresholdAndTheCoordinatorMovesTheThreshold() {
        Org org = fixtures.organisation("vanha" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "245");
        sets.adoptSuggestions(org.id());
        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        String page = viewer.get("/indicators").body();
        int age = organisations.freshness(org.id()).age(2011);
        assertThat(page)
                .contains("vanha tieto")
                .contains(age + " vuotta vanha")
                .contains("indikaattorin viimeisin arvo on yli 3 vuotta vanha (vanhin vuodelta 2011)")
                .contains("Uusimaa (maakunta)")
                .contains("Vs. hyvinvointialue tai maakunta")
                .doesNotContain(">Vs. hyvinvointialue<");
        // A viewer cannot move the threshold.
        assertThat(viewer.post("/organisation/data-settings", Map.of("staleAfterYears", "30", "version", "0"))
                        .status())
                .isEqualTo(403);

        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String profile = coordinator.get("/organisation").body();
        assertThat(profile).contains("Vanhan tiedon raja").contains("yli 3 vuotta vanha");
        int version = version(org);
        Response refused = coordinator.post(
                "/organisation/data-settings", Map.of("staleAfterYears", "0", "version", "" + version));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Anna vuosimäärä 1–30.");
        assertThat(organisations.freshness(org.id()).staleAfterYears()).isEqualTo(3);

        int entries = auditEntries(org);
        assertThat(coordinator
                        .post("/organisation/data-settings", Map.of("staleAfterYears", "3", "version", "" + version))
                        .status())
                .isEqualTo(302);
        assertThat(auditEntries(org))
                .as("a save that changes nothing writes no entry")
                .isEqualTo(entries);

        assertThat(coordinator
                        .post("/organisation/data-settings", Map.of("staleAfterYears", "30", "version", "" + version))
                        .status())
                .isEqualTo(302);
        assertThat(auditEntries(org)).isEqualTo(entries + 1);
        assertThat(viewer.get("/indicators").body())
                .contains(age + " vuotta vanha")
                .doesNotContain("vanha tieto");
        // The version the form was opened with is gone: the second save is refused, not lost.
        Response stale = coordinator.post(
                "/organisation/data-settings", Map.of("staleAfterYears", "5", "version", "" + version));
        assertThat(stale.body()).contains("conflict");
        assertThat(organisations.freshness(org.id()).staleAfterYears()).isEqualTo(30);
    }

    @Test
    void indicatorPageSaysWhichYearsAChangeAcrossMissingYearsCompares() {
        Org org = fixtures.organisation("vali" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "245");
        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        // Municipal elections: 2008 and 2012, nothing between.
        String page = viewer.get("/indicators/3076").body();
        assertThat(page)
                .contains("vuosien 2008 ja 2012 välillä (välivuosilta ei tietoa)")
                .contains("Sotkanet 3076")
                .contains("vanha tieto");
    }

    @Test
    void countyComparesWithItsMunicipalitiesAndTheCountry() {
        Org county =
                fixtures.organisation("hva" + Long.toString(System.nanoTime(), 36), RegionKind.WELLBEING_COUNTY, "04");
        sets.adoptSuggestions(county.id());
        WebSession viewer = WebSession.signedIn(port, county.user(Role.VIEWER), Fixtures.PASSWORD);
        String page = viewer.get("/indicators").body();
        assertThat(page)
                .contains("Omat kunnat")
                .doesNotContain("Vs. hyvinvointialue")
                .contains("Paras: Kerava")
                .contains("Heikoin: Vantaa")
                .contains("indikaattorista ei ole tietoa omalta alueelta");
        assertThat(viewer.get("/indicators/683").body()).contains("Omat kunnat").contains("Vs. koko maa");
    }

    private int version(Org org) {
        return jdbc.sql("select version from organisation where id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
    }

    private int auditEntries(Org org) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type = 'organisation'")
                .param(org.id().value())
                .query(Integer.class)
                .single();
    }
}
