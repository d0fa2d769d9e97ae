package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in throttling holds under parallel attempts, per username and per client, and on the password
 * page too. Each test comes from its own client address, forwarded by the (trusted, local) proxy.
 */
@HyteSpringTest
class SignInThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyParallelWrongPasswordsForOneUserHashAtMostFiveTimes() throws Exception {
        Fixtures.Org org = fixtures.organisation("rinnakkain" + Long.toString(System.nanoTime(), 36));
        String client = clientAddress();
        List<WebSession> visitors = IntStream.range(0, 20)
                .mapToObj(i -> new WebSession(port).withHeader("X-Forwarded-For", client))
                .toList();
        visitors.forEach(v -> v.get("/login"));
        double before = hashes();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Response>> attempts = visitors.stream()
                    .map(v -> CompletableFuture.supplyAsync(
                            () -> v.post("/login", Map.of("username", org.user(Role.VIEWER), "password", "arvaus")),
                            pool))
                    .toList();
            for (CompletableFuture<Response> attempt : attempts) {
                assertThat(attempt.get().location()).matches(".*/login\\?(error|paused)");
            }
        } finally {
            pool.shutdown();
        }

        assertThat(hashes() - before).isLessThanOrEqualTo(5);
        assertThat(new WebSession(port)
                        .withHeader("X-Forwarded-For", clientAddress())
                        .signIn(org.user(Role.VIEWER), Fixtures.PASSWORD)
                        .location())
                .endsWith("/login?paused");
    }

    @Test
    void sixWrongCurrentPasswordsPauseThePasswordPage() {
        Fixtures.Org org = fixtures.organisation("vaihto" + Long.toString(System.nanoTime(), 36));
        WebSession editor = WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD)
                .withHeader("X-Forwarded-For", clientAddress());
        Map<String, String> wrong = Map.of(
                "currentPassword", "väärä-nykyinen",
                "newPassword", "uusi-pitka-salalause",
                "confirmPassword", "uusi-pitka-salalause");
        for (int i = 0; i < 5; i++) {
            assertThat(editor.post("/account/password", wrong).body()).contains("Nykyinen salasana on väärin");
        }
        double before = hashes();
        String hashBefore = passwordHash(org.user(Role.EDITOR));

        Response sixth = editor.post("/account/password", wrong);
        Response right = editor.post(
                "/account/password",
                Map.of(
                        "currentPassword", Fixtures.PASSWORD,
                        "newPassword", "uusi-pitka-salalause",
                        "confirmPassword", "uusi-pitka-salalause"));

        assertThat(sixth.status()).isEqualTo(200);
        assertThat(sixth.body()).contains("Liian monta epäonnistunutta yritystä");
        assertThat(right.body()).contains("Liian monta epäonnistunutta yritystä");
        assertThat(hashes() - before).as("no hash while paused").isZero();
        assertThat(passwordHash(org.user(Role.EDITOR)))
                .as("the password was not changed")
                .isEqualTo(hashBefore);
        assertThat(new WebSession(port)
                        .withHeader("X-Forwarded-For", clientAddress())
                        .signIn(org.user(Role.EDITOR), Fixtures.PASSWORD)
                        .location())
                .as("the same count pauses signing in")
                .endsWith("/login?paused");
    }

    @Test
    void oneClientTryingManyUsernamesIsPaused() {
        String client = clientAddress();
        Fixtures.Org org = fixtures.organisation("suihku" + Long.toString(System.nanoTime(), 36));
        double before = hashes();
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            Response attempt = new WebSession(port)
                    .withHeader("X-Forwarded-For", client)
                    .signIn("arvattu-" + i + "-" + System.nanoTime(), "arvaus-" + i);
            if (attempt.location().endsWith("/login?paused")) {
                refused++;
            }
        }

        assertThat(refused).isGreaterThanOrEqualTo(10);
        assertThat(hashes() - before).isLessThanOrEqualTo(30);
        assertThat(new WebSession(port)
                        .withHeader("X-Forwarded-For", client)
                        .signIn(org.user(Role.VIEWER), Fixtures.PASSWORD)
                        .location())
                .as("the client is paused, whichever account it tries")
                .endsWith("/login?paused");
        assertThat(new WebSession(port)
                        .withHeader("X-Forwarded-For", clientAddress())
                        .signIn(org.user(Role.VIEWER), Fixtures.PASSWORD)
                        .location())
                .as("another client is not")
                .doesNotContain("paused")
                .doesNotContain("error");
    }

    private String passwordHash(String username) {
        return jdbc.sql("select password_hash from app_user where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    /** The hashes computed so far, as the operator's monitoring reads them. */
    private double hashes() {
        String scrape =
                new WebSession(port).get("/actuator/prometheus", "text/plain").body();
        Matcher total = Pattern.compile("(?m)^hyte_password_hashes_total(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(scrape);
        assertThat(total.find()).as("the metric hyte_password_hashes_total").isTrue();
        return Double.parseDouble(total.group(1));
    }

    /** A documentation address (RFC 5737) of its own for each caller. */
    private static String clientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 255) + "." + random.nextInt(1, 255);
    }
}
