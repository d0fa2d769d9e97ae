package fi.hyte.search;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One search over the organisation's plan, people, bodies and indicators, and only its own. */
@HyteSpringTest
class SearchTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void findsPlanGoalsPeopleBodiesAndIndicatorsOfTheOwnOrganisation() {
        WebSession viewer = WebSession.signedIn(port, "katselija", HyteSpringTest.DEMO_PASSWORD);
        String page = viewer.get("/search?q=harrastus").body();
        assertThat(page).contains("Suunnitelma").contains("T-1").contains("mieluisa harrastus");
        assertThat(viewer.get("/search?q=nieminen").body()).contains("Laura Nieminen");
        assertThat(viewer.get("/search?q=hyvinvointiryhm%C3%A4&kind=BODIES").body())
                .contains("/bodies/")
                .doesNotContain("hits-plan");
        assertThat(viewer.get("/search?q=diabetes&kind=INDICATORS").body()).contains("/indicators/683");
        // Searching in place: htmx gets the results alone.
        String fragment = viewer.getHtmx("/search?q=harrastus").body();
        assertThat(fragment).contains("id=\"results\"").doesNotContain("<header");
        // A word nothing has, and a kind that does not exist: no error, nothing found.
        assertThat(viewer.get("/search?q=zzqxw&kind=NOPE").body()).contains("Ei osumia");
    }

    @Test
    void findsWellbeingReportsAndDecisionCasesByTitleOrNumber() {
        WebSession viewer = WebSession.signedIn(port, "katselija", HyteSpringTest.DEMO_PASSWORD);
        String reports = viewer.get("/search?q=vuosiraportti&kind=REPORTS").body();
        assertThat(reports)
                .contains("id=\"hits-reports\"")
                .contains("Hyvinvoinnin vuosiraportti 2026")
                .contains("href=\"/reports/")
                .doesNotContain("hits-plan");
        String cases = viewer.get("/search?q=KER%2F240%2F2025").body();
        assertThat(cases).contains("id=\"hits-cases\"").contains("KER/240/2025").contains("href=\"/impact/cases/");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/impact/cases/[^\"]+)\"")
                .matcher(cases);
        assertThat(link.find()).isTrue();
        assertThat(viewer.get(link.group(1)).status()).as("the hit opens").isEqualTo(200);
        assertThat(viewer.get("/search?q=vuosiraportti&lang=sv").body()).contains("Välfärdsberättelser");
    }

    @Test
    void anotherOrganisationFindsNothingOfTheDemoMunicipality() {
        var org = fixtures.organisation("haku" + Long.toString(System.nanoTime(), 36));
        WebSession other = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        String page = other.get("/search?q=harrastus").body();
        assertThat(page).doesNotContain("mieluisa harrastus").contains("Ei osumia");
        assertThat(other.get("/search?q=nieminen").body()).doesNotContain("Laura Nieminen");
        assertThat(other.get("/search?q=vuosiraportti").body()).doesNotContain("hits-reports");
        assertThat(other.get("/search?q=KER%2F240%2F2025").body()).doesNotContain("hits-cases");
    }
}
