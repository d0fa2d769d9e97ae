package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** After signing in each role lands where its work is; a failed sign-in keeps the typed username. */
@HyteSpringTest
class LandingTests {

    @LocalServerPort
    int port;

    @Autowired
    PlanReading reading;

    @Test
    void editorLandsOnOwnResponsibilitiesViewerOnProgressAndCoordinatorOnTheOverview() {
        String plan = "/plan/"
                + reading.current(OrganisationCatalog.DEMO_MUNICIPALITY, LocalDate.now())
                        .orElseThrow()
                        .id();
        assertThat(new WebSession(port)
                        .signIn("toimittaja", HyteSpringTest.DEMO_PASSWORD)
                        .location())
                .endsWith(plan + "/mine");
        assertThat(new WebSession(port)
                        .signIn("katselija", HyteSpringTest.DEMO_PASSWORD)
                        .location())
                .endsWith(plan + "/progress");
        assertThat(new WebSession(port)
                        .signIn("koordinaattori", HyteSpringTest.DEMO_PASSWORD)
                        .location())
                .endsWith("/");
        // A page asked for before signing in still wins.
        WebSession viewer = new WebSession(port);
        viewer.get("/people");
        assertThat(viewer.signIn("katselija", HyteSpringTest.DEMO_PASSWORD).location())
                .contains("/people");
    }

    @Test
    void failedSignInKeepsTheUsernameButNeverThePassword() {
        WebSession visitor = new WebSession(port);
        visitor.get("/login");
        var failed = visitor.post("/login", Map.of("username", "toimittaja", "password", "väärä-salasana-123"));
        assertThat(failed.location()).contains("/login?error");
        String page = visitor.get("/login?error").body();
        assertThat(page).contains("value=\"toimittaja\"").doesNotContain("väärä-salasana-123");
        assertThat(new WebSession(port).get("/login").body()).doesNotContain("value=\"toimittaja\"");
    }
}
