package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in, throttling, CSRF, headers, roles and error pages, over real HTTP. */
@HyteSpringTest
class SecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Test
    void twoFirstRequestsOfOneSessionAtOnceBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            WebSession tabs = WebSession.signedIn(port, "katselija", HyteSpringTest.DEMO_PASSWORD);
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> tabs.get("/indicators"));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> tabs.get("/maturity"));
            assertThat(first.get().status()).isEqualTo(200);
            assertThat(second.get().status()).isEqualTo(200);
        }
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        Response response = new WebSession(port).get("/people");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/login");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessageInFinnish() {
        WebSession visitor = new WebSession(port);
        Response response = visitor.signIn("koordinaattori", "väärä-salasana");
        assertThat(response.location()).endsWith("/login?error");
        assertThat(visitor.get("/login?error").body()).contains("Käyttäjätunnus tai salasana on väärin");
    }

    @Test
    void repeatedFailuresPauseTheAccountEvenWithTheRightPassword() {
        String username = "katselija";
        WebSession visitor = new WebSession(port);
        for (int i = 0; i < 5; i++) {
            visitor.signIn(username, "väärin-" + i);
        }
        Response paused = visitor.signIn(username, HyteSpringTest.DEMO_PASSWORD);
        assertThat(paused.location()).endsWith("/login?paused");
        assertThat(visitor.get("/login?paused&lang=en").body()).contains("Too many failed attempts");
        jdbc.sql("delete from login_throttle where username = ?")
                .param(username)
                .update();
        assertThat(new WebSession(port)
                        .signIn(username, HyteSpringTest.DEMO_PASSWORD)
                        .location())
                .doesNotContain("paused")
                .doesNotContain("error");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Response page = new WebSession(port).get("/login");
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void sessionCookieIsHttpOnlySecureAndSameSite() {
        WebSession visitor = new WebSession(port);
        visitor.get("/login");
        Response signedIn =
                visitor.post("/login", Map.of("username", "koordinaattori", "password", HyteSpringTest.DEMO_PASSWORD));
        assertThat(signedIn.header("Set-Cookie"))
                .contains("SESSION=")
                .contains("HttpOnly")
                .contains("Secure")
                .contains("SameSite=Lax");
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        WebSession coordinator = WebSession.signedIn(port, "koordinaattori", HyteSpringTest.DEMO_PASSWORD);
        Response response = coordinator.postRaw(
                "/sectors", "nameFi=Ilman+tunnistetta&position=1", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from sector where name_fi = 'Ilman tunnistetta'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void viewerCannotChangeAnything() {
        WebSession viewer = WebSession.signedIn(port, "katselija", HyteSpringTest.DEMO_PASSWORD);
        assertThat(viewer.get("/people").status()).isEqualTo(200);
        Response response = viewer.post("/sectors", Map.of("nameFi", "Katselijan toimiala", "position", "1"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("Sinulla ei ole oikeutta tähän").doesNotContain("Exception");
        assertThat(viewer.get("/admin/users").status()).isEqualTo(403);
        assertThat(viewer.get("/operator/organisations").status()).isEqualTo(403);
    }

    @Test
    void unknownPageAnswers404InTheChosenLanguageWithoutInternals() {
        WebSession coordinator = WebSession.signedIn(port, "koordinaattori", HyteSpringTest.DEMO_PASSWORD);
        Response swedish = coordinator.get("/people/not-a-uuid?lang=sv");
        assertThat(swedish.status()).isEqualTo(404);
        assertThat(swedish.body())
                .contains("lang=\"sv\"")
                .doesNotContain("Exception")
                .doesNotContain("at fi.hyte");
        Response english = coordinator.get("/people/00000000-0000-0000-0000-000000000000?lang=en");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.body()).contains("Page not found");
    }

    @Test
    void languageChoiceIsRemembered() {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/login").body()).contains("<html lang=\"fi\"");
        assertThat(visitor.get("/login?lang=sv").body()).contains("<html lang=\"sv\"");
        assertThat(visitor.get("/login").body()).contains("<html lang=\"sv\"");
        assertThat(visitor.get("/login?lang=xx").body()).contains("<html lang=\"sv\"");
    }

    @Test
    void oversizedRequestIsRefusedAndSavesNothing() {
        WebSession coordinator = WebSession.signedIn(port, "koordinaattori", HyteSpringTest.DEMO_PASSWORD);
        String huge = "x".repeat(1_200_000);
        Response response = coordinator.post("/sectors", Map.of("nameFi", huge, "position", "1"));
        assertThat(response.status()).isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from sector where length(name_fi) > 1000")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void healthIsPublicAndMetricsOnlyFromThisHost() {
        WebSession anonymous = new WebSession(port);
        Response health = anonymous.get("/actuator/health", "*/*");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        Response metrics = anonymous.get("/actuator/prometheus", "*/*");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void metricsAreRefusedToAnotherHostThatClaimsToBeLoopback() throws Exception {
        String address = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                // An IPv6 unique local address (fd00::/8) first: Tomcat's default trusts it as a proxy.
                .sorted(java.util.Comparator.comparing(a -> a instanceof java.net.Inet6Address ? 0 : 1))
                .map(a -> a instanceof java.net.Inet6Address
                        ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]"
                        : a.getHostAddress())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the machine has no non-loopback address"));
        Response spoofed = new WebSession("http://" + address + ":" + port)
                .withHeader("X-Forwarded-For", "127.0.0.1")
                .get("/actuator/prometheus", "*/*");
        assertThat(spoofed.status()).as("refused: sent to sign in").isEqualTo(302);
        assertThat(spoofed.location()).endsWith("/login");
        assertThat(spoofed.body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void administratorCannotTakeOverAnAccountOfAnotherOrganisation() {
        Fixtures.Org own = fixtures.organisation("oma" + Long.toString(System.nanoTime(), 36));
        Fixtures.Org other = fixtures.organisation("toinen" + Long.toString(System.nanoTime(), 36));
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);

        Response taken = admin.post(
                "/admin/users",
                Map.of("username", other.user(Role.ADMIN), "displayName", "Kaappari", "email", "", "role", "ADMIN"));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("Tämä käyttäjätunnus on jo käytössä.");
        assertThat(accounts.members(own.id())).noneMatch(m -> m.name().equals(other.prefix() + " ADMIN"));

        UserId shared = accounts.ensureDemoUser(
                own.id(), Role.VIEWER, other.user(Role.VIEWER), "Jaettu", Fixtures.PASSWORD, false);
        admin.post("/admin/users/" + shared.value() + "/password", Map.of());
        assertThat(admin.get("/admin/users").body()).contains("Tätä tunnusta käytetään myös muualla");
        assertThat(WebSession.signedIn(port, other.user(Role.VIEWER), Fixtures.PASSWORD)
                        .get("/")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void operatorLinksAnExistingAccountToAnotherOrganisation() {
        Fixtures.Org org = fixtures.organisation("linkki" + Long.toString(System.nanoTime(), 36));
        WebSession operator = WebSession.signedIn(port, "admin", HyteSpringTest.DEMO_PASSWORD);
        Response linked = operator.post(
                "/operator/organisations/memberships",
                Map.of(
                        "username",
                        "hva-koordinaattori",
                        "organisation",
                        org.id().toString(),
                        "role",
                        "VIEWER"));
        assertThat(linked.location()).endsWith("/operator/organisations");
        assertThat(operator.get("/operator/organisations").body()).contains("Tunnus liitetty organisaatioon.");
        assertThat(accounts.members(org.id())).anyMatch(m -> m.name().equals("Maria Salonen"));

        WebSession coordinator = WebSession.signedIn(port, "hva-koordinaattori", HyteSpringTest.DEMO_PASSWORD);
        coordinator.post("/organisation/switch", Map.of("organisation", org.id().toString()));
        assertThat(coordinator.get("/organisation").body()).contains(org.prefix() + " kunta");

        Response unknown = operator.post(
                "/operator/organisations/memberships",
                Map.of("username", "ei-ole-olemassa", "organisation", org.id().toString(), "role", "VIEWER"));
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(operator.get("/operator/organisations").body()).contains("Käyttäjätunnusta ei löytynyt.");
        WebSession viewer = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        assertThat(viewer.post(
                                "/operator/organisations/memberships",
                                Map.of(
                                        "username",
                                        org.user(Role.VIEWER),
                                        "organisation",
                                        org.id().toString(),
                                        "role",
                                        "ADMIN"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void temporaryPasswordMustBeChangedBeforeAnythingElse() {
        WebSession admin = WebSession.signedIn(port, "admin", HyteSpringTest.DEMO_PASSWORD);
        String username = "uusi.kayttaja." + System.nanoTime();
        Response added = admin.post(
                "/admin/users",
                Map.of("username", username, "displayName", "Uusi Käyttäjä", "email", "", "role", "VIEWER"));
        assertThat(added.status()).isEqualTo(200);
        String page = added.body();
        String temporary = page.replaceAll("(?s).*<p class=\"temporary-password\">([^<]+)</p>.*", "$1");
        assertThat(temporary).hasSize(16);

        WebSession newcomer = new WebSession(port);
        assertThat(newcomer.signIn(username, temporary).location()).endsWith("/account/password");
        assertThat(newcomer.get("/people").location()).endsWith("/account/password");
        Response weak = newcomer.post(
                "/account/password",
                Map.of("currentPassword", temporary, "newPassword", "lyhyt", "confirmPassword", "lyhyt"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("Salasanassa on oltava 12–128 merkkiä");
        Response changed = newcomer.post(
                "/account/password",
                Map.of(
                        "currentPassword", temporary,
                        "newPassword", "oma-pitka-salalause",
                        "confirmPassword", "oma-pitka-salalause"));
        assertThat(changed.location()).endsWith("/");
        assertThat(newcomer.get("/people").status()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, username, "oma-pitka-salalause")
                        .get("/")
                        .status())
                .isEqualTo(200);
    }
}
