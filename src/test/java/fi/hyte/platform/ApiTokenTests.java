package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal API tokens: created and revoked in the UI, used with {@code Authorization: Bearer}, over real HTTP. */
@HyteSpringTest
@TestPropertySource(properties = "hyte.demo.api-token=" + ApiTokenTests.DEMO_TOKEN)
class ApiTokenTests {

    static final String DEMO_TOKEN = "hyte_ZGVtby10b2tlbi1mb3ItdGVzdHMtb25seS0xMjM0NTY";
    private static final Pattern TOKEN = Pattern.compile("hyte_[A-Za-z0-9_-]{43}");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    List<DemoContent> demoContent;

    private final HttpClient http = HttpClient.newHttpClient();

    Org org;
    WebSession coordinator;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation("avain" + Long.toString(System.nanoTime(), 36));
        coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
    }

    @Test
    void tokenCreatedInTheUiActsAsItsUserInItsOrganisationWithTheCurrentRole() {
        String token = create(coordinator, "Yöllinen päivitys");

        ApiResponse answer = api("GET", "/api/v1/token", token);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("user").asString()).isEqualTo(org.user(Role.COORDINATOR));
        assertThat(body.path("organisation").path("id").asString())
                .isEqualTo(org.id().toString());
        assertThat(body.path("organisation").path("name").path("fi").asString()).isEqualTo(org.prefix() + " kunta");
        assertThat(body.path("role").asString()).isEqualTo("COORDINATOR");
        assertThat(answer.header("Set-Cookie")).as("no session for API calls").isNull();

        users.grant(userId(Role.COORDINATOR), org.id(), Role.EDITOR);
        assertThat(json.readTree(api("GET", "/api/v1/token", token).body())
                        .path("role")
                        .asString())
                .isEqualTo("EDITOR");
    }

    @Test
    void tokenIsShownOnlyOnce() {
        Response created = coordinator.post("/account/tokens", Map.of("name", "Raportointi"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).contains("no-store");

        String first = created.body();
        Matcher shown = TOKEN.matcher(first);
        assertThat(shown.find()).isTrue();
        assertThat(first).contains("sitä ei näytetä enää uudelleen");

        String again = coordinator.get("/account/tokens").body();
        assertThat(again).contains("Raportointi").contains("Voimassa").doesNotContain(shown.group());
        assertThat(TOKEN.matcher(again).find()).isFalse();
    }

    @Test
    void newTokenIsNeverKeptInTheSessionTable() {
        String token = create(coordinator, "Istunnoton");

        assertThat(jdbc.sql("select count(*) from spring_session_attributes"
                                + " where position(convert_to(?, 'UTF8') in attribute_bytes) > 0")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void databaseKeepsOnlyTheHashOfTheToken() {
        String token = create(coordinator, "Tiiviste");

        String row = jdbc.sql("select t::text from api_token t where user_id = ?")
                .param(userId(Role.COORDINATOR).value())
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(token).doesNotContain(token.substring(5));
        assertThat(jdbc.sql("select token_hash from api_token where user_id = ?")
                        .param(userId(Role.COORDINATOR).value())
                        .query(String.class)
                        .single())
                .isEqualTo(sha256(token));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'apiToken'"
                                + " and (after_state::text like ? or after_state::text like ?)")
                        .params("%" + token.substring(5) + "%", "%" + sha256(token) + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes"
                                + " where position(convert_to(?, 'UTF8') in attribute_bytes) > 0")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .as("the token is not left in the session once shown")
                .isZero();
    }

    @Test
    void creatingAndRevokingAreAuditedWithoutTheToken() {
        String token = create(coordinator, "Audit");
        UUID id = tokenId(Role.COORDINATOR);
        coordinator.post("/account/tokens/" + id + "/revoke", Map.of());

        List<String> actions = jdbc.sql("select action || ' ' || after_state::text from audit_event"
                        + " where entity_type = 'apiToken' and entity_id = ? order by id")
                .param(id.toString())
                .query(String.class)
                .list();
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0)).startsWith("CREATE").contains("Audit").doesNotContain(token.substring(5));
        assertThat(actions.get(1)).startsWith("UPDATE").contains("\"revoked\": true");
    }

    @Test
    void tokenNeedsAName() {
        Response blank = coordinator.post("/account/tokens", Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("Tämä tieto on pakollinen.");
        Response tooLong = coordinator.post("/account/tokens", Map.of("name", "x".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.body()).contains("Nimessä voi olla enintään 100 merkkiä.");
        assertThat(jdbc.sql("select count(*) from api_token where user_id = ?")
                        .param(userId(Role.COORDINATOR).value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void revokedTokenIsRefusedWith401InTheAskedLanguage() {
        String token = create(coordinator, "Kertakäyttö");
        Response revoked = coordinator.post("/account/tokens/" + tokenId(Role.COORDINATOR) + "/revoke", Map.of());
        assertThat(revoked.location()).endsWith("/account/tokens");
        assertThat(coordinator.get("/account/tokens").body())
                .contains("API-avain peruttu")
                .contains("Peruttu ");

        ApiResponse finnish = api("GET", "/api/v1/token", token);
        assertThat(finnish.status()).isEqualTo(401);
        assertThat(finnish.header("Content-Type")).startsWith("application/json");
        assertThat(finnish.header("WWW-Authenticate")).startsWith("Bearer");
        JsonNode body = json.readTree(finnish.body());
        assertThat(body.path("error").asString()).isEqualTo("unauthorized");
        assertThat(body.path("message").asString()).contains("voimassa olevan API-avaimen");

        assertThat(json.readTree(api("GET", "/api/v1/token", token, "sv-FI,sv;q=0.9")
                                .body())
                        .path("message")
                        .asString())
                .contains("giltig API-nyckel");
        assertThat(json.readTree(api("GET", "/api/v1/token", token, "en-GB,en;q=0.8")
                                .body())
                        .path("message")
                        .asString())
                .contains("valid API token");
    }

    @Test
    void protectedApiWithoutTokenAnswers401Json() {
        ApiResponse get = api("GET", "/api/v1/token", null);
        assertThat(get.status()).isEqualTo(401);
        assertThat(json.readTree(get.body()).path("error").asString()).isEqualTo("unauthorized");
        assertThat(get.header("Set-Cookie")).isNull();

        // No CSRF token is asked for: without an API token, a POST is 401, not 403.
        ApiResponse post = api("POST", "/api/v1/sotkanet/refresh", null);
        assertThat(post.status()).isEqualTo(401);
        assertThat(json.readTree(post.body()).path("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersOfThePages() {
        ApiResponse refused = api("GET", "/api/v1/token", null);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refused.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(refused.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void garbageTokenAnswers401() {
        for (String garbage :
                List.of("nonsense", "hyte_", "hyte_" + "A".repeat(43), "hyte_" + "A".repeat(42) + "!", "' or 1=1 --")) {
            ApiResponse answer = api("GET", "/api/v1/token", garbage);
            assertThat(answer.status()).as(garbage).isEqualTo(401);
            assertThat(json.readTree(answer.body()).path("error").asString()).isEqualTo("unauthorized");
        }
    }

    @Test
    void sessionCookieDoesNotAuthenticateTheApi() {
        Response answer = coordinator.get("/api/v1/token", "application/json");
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void openDataNeedsNoToken() {
        for (String path : List.of("/api/v1/regions", "/api/v1/indicators/683", "/api/v1/openapi.json")) {
            assertThat(api("GET", path, null).status()).as(path).isNotIn(401, 403);
        }
    }

    @Test
    void anotherUserCannotRevokeMyToken() {
        String token = create(coordinator, "Oma");
        UUID id = tokenId(Role.COORDINATOR);
        Org other = fixtures.organisation("toinen" + Long.toString(System.nanoTime(), 36));
        for (WebSession stranger : List.of(
                WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD),
                WebSession.signedIn(port, other.user(Role.ADMIN), Fixtures.PASSWORD))) {
            Response refused = stranger.post("/account/tokens/" + id + "/revoke", Map.of());
            assertThat(refused.status()).isEqualTo(404);
            assertThat(stranger.get("/account/tokens").body()).doesNotContain("Oma");
        }
        assertThat(api("GET", "/api/v1/token", token).status()).isEqualTo(200);
        assertThat(jdbc.sql("select revoked_at is null from api_token where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void tokenStopsWorkingWhenItsUserLeavesTheOrganisation() {
        String token = create(coordinator, "Lähtijä");
        assertThat(api("GET", "/api/v1/token", token).status()).isEqualTo(200);
        users.revoke(userId(Role.COORDINATOR), org.id());
        assertThat(api("GET", "/api/v1/token", token).status()).isEqualTo(401);
    }

    @Test
    void removingAUserRevokesTheirTokensForGood() {
        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        String token = create(viewer, "Katselijan avain");
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        Response removed = admin.post("/admin/users/" + userId(Role.VIEWER).value() + "/remove", Map.of());
        assertThat(removed.location()).endsWith("/admin/users");
        assertThat(api("GET", "/api/v1/token", token).status()).isEqualTo(401);

        users.grant(userId(Role.VIEWER), org.id(), Role.VIEWER);
        assertThat(api("GET", "/api/v1/token", token).status()).isEqualTo(401);
    }

    @Test
    void roleRulesAnswer403JsonAndKnowSystemOperators() {
        String token = create(WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD), "Ei operaattori");
        ApiResponse refused = api("GET", "/api/v1/operator/organisations", token, "en");
        assertThat(refused.status()).isEqualTo(403);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.path("error").asString()).isEqualTo("forbidden");
        assertThat(body.path("message").asString()).contains("does not allow");

        assertThat(api("GET", "/api/v1/operator/organisations", DEMO_TOKEN).status())
                .as("the demo administrator is a system operator")
                .isNotIn(401, 403);
    }

    @Test
    void demoAdministratorHasTheConfiguredTokenAfterEveryStart() {
        JsonNode body = json.readTree(api("GET", "/api/v1/token", DEMO_TOKEN).body());
        assertThat(body.path("user").asString()).isEqualTo("admin");
        assertThat(body.path("organisation").path("name").path("fi").asString()).isEqualTo("Kerava (demo)");
        assertThat(body.path("role").asString()).isEqualTo("ADMIN");

        jdbc.sql("update api_token set revoked_at = now() where token_hash = ?")
                .param(sha256(DEMO_TOKEN))
                .update();
        DemoContent demoToken = demoContent.stream()
                .filter(content -> content.getClass().getSimpleName().equals("DemoApiToken"))
                .findFirst()
                .orElseThrow();
        demoToken.seed();
        demoToken.seed();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? and name = 'Demo'"
                                + " and revoked_at is null")
                        .param(sha256(DEMO_TOKEN))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(api("GET", "/api/v1/token", DEMO_TOKEN).status()).isEqualTo(200);
    }

    /** Creates a token in the UI as the given user and reads it from the page shown once. */
    private String create(WebSession session, String name) {
        Response created = session.post("/account/tokens", Map.of("name", name));
        assertThat(created.status()).isEqualTo(200);
        Matcher token = TOKEN.matcher(created.body());
        assertThat(token.find()).as("the new token is shown").isTrue();
        return token.group();
    }

    private UserId userId(Role role) {
        return users.idOf(org.user(role)).orElseThrow();
    }

    private UUID tokenId(Role role) {
        return jdbc.sql("select id from api_token where user_id = ?")
                .param(userId(role).value())
                .query(UUID.class)
                .single();
    }

    private ApiResponse api(String method, String path, String token) {
        return api(method, path, token, null);
    }

    private ApiResponse api(String method, String path, String token, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an API call answered. */
    record ApiResponse(int status, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
