package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Sign-in with an organisation's OpenID Connect provider, the whole redirect flow in Chromium against
 * a real OIDC server in this JVM (mock-oauth2-server: discovery, JWKS-signed ID tokens, nonce, PKCE):
 * the operator adds the provider on its pages, an invited person is linked at the first sign-in, an
 * unknown or unverified one is refused, a token for another audience or an expired one is refused,
 * roles follow groups, logout ends both sessions, and an unreachable provider gives a clear page.
 */
@HyteSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTests {

    static final String CLIENT_ID = "hyte-test-client";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    MockOAuth2Server idp;
    Playwright playwright;
    Browser browser;
    Fixtures.Org org;
    String issuerId;

    @BeforeAll
    void start() {
        idp = new MockOAuth2Server();
        idp.start();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        String prefix = "sso" + Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation(prefix);
        issuerId = prefix;
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signInWithPassword(page, "admin", HyteSpringTest.DEMO_PASSWORD);
            addProvider(page, "Testi-IdP", idp.issuerUrl(issuerId).toString(), "", violations);
            addProvider(
                    page,
                    "Ryhmä-IdP",
                    idp.issuerUrl(issuerId).toString(),
                    "hyte-paakayttajat=ADMIN\nhyte-katselijat=VIEWER",
                    violations);
            addProvider(page, "Kadonnut-IdP", "http://127.0.0.1:9/ei-ole", "", violations);
            page.navigate(url("/operator/sign-in"));
            assertThat(page.locator("table").first().textContent()).contains("Testi-IdP", "Ryhmä-IdP");
            violations.addAll(axe(page, "operator-sign-in"));
        }
        assertThat(violations).isEmpty();
    }

    @AfterAll
    void stop() {
        browser.close();
        playwright.close();
        idp.shutdown();
    }

    @Test
    void invitedPersonIsLinkedAtFirstSignInAndBySubjectAfterwards() {
        UserId aino = invited("aino", "aino.sso@" + org.prefix() + ".example", Role.EDITOR);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            enqueue(
                    "aino-subject",
                    CLIENT_ID,
                    Map.of("email", "Aino.SSO@" + org.prefix() + ".example", "email_verified", true),
                    3600);
            signInWith(page, "Testi-IdP");
            assertThat(page.url()).isEqualTo(url("/"));
            assertThat(page.locator(".user-menu__name").textContent()).isEqualTo(org.prefix() + " Aino");
            assertThat(linkedUser("aino-subject")).contains(aino);
            assertThat(audited(aino, "sign-in")).isEqualTo(1);
            assertThat(audited(aino, "sign-in-link")).isEqualTo(1);
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            // The e-mail claim changed at the provider: the link by subject still holds.
            enqueue("aino-subject", CLIENT_ID, Map.of("email", "toinen@muualla.example", "email_verified", true), 3600);
            signInWith(page, "Testi-IdP");
            assertThat(page.locator(".user-menu__name").textContent()).isEqualTo(org.prefix() + " Aino");
            assertThat(audited(aino, "sign-in")).isEqualTo(2);
        }
    }

    @Test
    void unknownPersonIsRefusedWithAClearMessageAndNoAccountIsMade() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            int accountsBefore = accounts();
            enqueue(
                    "tuntematon",
                    CLIENT_ID,
                    Map.of("email", "tuntematon@" + org.prefix() + ".example", "email_verified", true),
                    3600);
            signInWith(page, "Testi-IdP");
            assertThat(page.url()).endsWith("/login?sso=unknown");
            assertThat(page.locator("[role=alert]").textContent()).contains("tunnustasi ei ole kutsuttu Hyteen");
            assertThat(accounts()).isEqualTo(accountsBefore);
            assertThat(linkedUser("tuntematon")).isEmpty();
            assertThat(axe(page, "login-refused")).isEmpty();
            page.navigate(url("/"));
            assertThat(page.url()).contains("/login");
        }
    }

    @Test
    void anUnverifiedEmailClaimDoesNotTakeOverAnInvitedAccount() {
        invited("bertta", "bertta.sso@" + org.prefix() + ".example", Role.EDITOR);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            enqueue(
                    "hyokkaaja",
                    CLIENT_ID,
                    Map.of("email", "bertta.sso@" + org.prefix() + ".example", "email_verified", false),
                    3600);
            signInWith(page, "Testi-IdP");
            assertThat(page.url()).endsWith("/login?sso=unverified");
            assertThat(linkedUser("hyokkaaja")).isEmpty();
        }
    }

    /**
     * The provider signed it properly, but for another service: the ID-token check Hyte's sign-in uses
     * (Spring's OIDC decoder with the keys from the provider's JWKS) refuses it. Not driven through the
     * browser: mock-oauth2-server always issues the ID token for the client that asks for it.
     */
    @Test
    void idTokenForAnotherAudienceIsRefused() {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(
                        idp.issuerUrl(issuerId).toString())
                .registrationId("audience-check")
                .clientId(CLIENT_ID)
                .clientSecret("salainen-testiarvo")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .build();
        JwtDecoder decoder = new OidcIdTokenDecoderFactory().createDecoder(registration);
        String forOthers = idp.issueToken(
                        issuerId,
                        "joku-muu-palvelu",
                        new DefaultOAuth2TokenCallback(
                                issuerId, "cecilia-subject", "JWT", List.of("joku-muu-palvelu"), Map.of(), 3600))
                .serialize();
        String forHyte = idp.issueToken(
                        issuerId,
                        CLIENT_ID,
                        new DefaultOAuth2TokenCallback(
                                issuerId, "cecilia-subject", "JWT", List.of(CLIENT_ID), Map.of(), 3600))
                .serialize();
        assertThat(decoder.decode(forHyte).getSubject()).isEqualTo("cecilia-subject");
        assertThatThrownBy(() -> decoder.decode(forOthers))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void expiredTokenIsRefused() {
        invited("daavid", "daavid.sso@" + org.prefix() + ".example", Role.VIEWER);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            enqueue(
                    "daavid-subject",
                    CLIENT_ID,
                    Map.of("email", "daavid.sso@" + org.prefix() + ".example", "email_verified", true),
                    -3600);
            signInWith(page, "Testi-IdP");
            assertThat(page.url()).endsWith("/login?sso=failed");
            assertThat(linkedUser("daavid-subject")).isEmpty();
        }
    }

    @Test
    void callbackWithAStateNobodyAskedForIsRefused() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            String registration = page.navigate(url("/login")) == null ? "" : providerPath(page, "Testi-IdP");
            String id = registration.substring(registration.lastIndexOf('/') + 1);
            page.navigate(url("/login/oauth2/code/" + id + "?code=keksitty&state=vaara"));
            assertThat(page.url()).endsWith("/login?sso=failed");
        }
    }

    @Test
    void rolesFollowTheGroupsAtEverySignInAndLeavingTheGroupsRemovesTheRole() {
        UserId eero = invited("eero", "eero.sso@" + org.prefix() + ".example", Role.EDITOR);
        String email = "eero.sso@" + org.prefix() + ".example";
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            enqueue(
                    "eero-subject",
                    CLIENT_ID,
                    Map.of("email", email, "email_verified", true, "groups", List.of("hyte-paakayttajat", "muu")),
                    3600);
            signInWith(page, "Ryhmä-IdP");
            assertThat(users.roleIn(eero, org.id())).contains(Role.ADMIN);
            page.navigate(url("/admin/users"));
            assertThat(page.locator("h1").textContent()).isNotBlank();
            assertThat(page.url()).endsWith("/admin/users");
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            enqueue(
                    "eero-subject",
                    CLIENT_ID,
                    Map.of("email", email, "email_verified", true, "groups", List.of("hyte-katselijat")),
                    3600);
            signInWith(page, "Ryhmä-IdP");
            assertThat(users.roleIn(eero, org.id())).contains(Role.VIEWER);
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            enqueue(
                    "eero-subject",
                    CLIENT_ID,
                    Map.of("email", email, "email_verified", true, "groups", List.of()),
                    3600);
            signInWith(page, "Ryhmä-IdP");
            assertThat(page.url()).endsWith("/login?sso=noRole");
            assertThat(users.roleIn(eero, org.id())).isEmpty();
        }
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'membership' and entity_id = ?"
                                + " and after_state->>'provider' = 'Ryhmä-IdP' or (entity_type = 'membership'"
                                + " and entity_id = ? and before_state->>'provider' = 'Ryhmä-IdP') order by id")
                        .params(eero.value().toString(), eero.value().toString())
                        .query(String.class)
                        .list())
                .containsExactly("UPDATE", "UPDATE", "DELETE");
    }

    @Test
    void signingOutEndsTheHyteSessionAndTheProviders() {
        invited("fanni", "fanni.sso@" + org.prefix() + ".example", Role.VIEWER);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            enqueue(
                    "fanni-subject",
                    CLIENT_ID,
                    Map.of("email", "fanni.sso@" + org.prefix() + ".example", "email_verified", true),
                    3600);
            signInWith(page, "Testi-IdP");
            assertThat(page.url()).isEqualTo(url("/"));
            List<String> visited = new ArrayList<>();
            page.onRequest(request -> visited.add(request.url()));
            page.locator(".user-menu form button").click();
            page.waitForURL("**/login?logout");
            assertThat(visited)
                    .anyMatch(u ->
                            u.startsWith(idp.endSessionEndpointUrl(issuerId).toString())
                                    && u.contains("id_token_hint="));
            assertThat(page.locator("[role=status]").textContent()).contains("Olet kirjautunut ulos");
            page.navigate(url("/"));
            assertThat(page.url()).contains("/login");
        }
    }

    @Test
    void unreachableProviderEndsOnTheSignInPageWherePasswordsStillWork() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=en"));
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName(org.prefix() + " kunta – Kadonnut-IdP")
                                    .setExact(false))
                    .click();
            page.waitForURL("**/login?sso=unreachable");
            assertThat(page.locator("[role=alert]").textContent()).contains("could not be reached");
            assertThat(axe(page, "login-unreachable")).isEmpty();
            signInWithPassword(page, org.user(Role.VIEWER), Fixtures.PASSWORD);
            assertThat(page.url()).isEqualTo(url("/"));
        }
    }

    @Test
    void passwordSignInTurnedOffForAnOrganisationIsRefusedButItsProviderWorks() {
        Fixtures.Org closed = fixtures.organisation("ssokiinni" + Long.toString(System.nanoTime(), 36));
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signInWithPassword(page, "admin", HyteSpringTest.DEMO_PASSWORD);
            page.navigate(url("/operator/sign-in"));
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName("Estä salasanalla kirjautuminen: " + closed.prefix() + " kunta"))
                    .click();
            page.waitForLoadState();
            assertThat(page.locator("[role=status]").first().textContent()).contains("tallennettu");
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signInWithPassword(page, closed.user(Role.EDITOR), Fixtures.PASSWORD);
            assertThat(page.url()).endsWith("/login?sso=formOff");
            assertThat(page.locator("[role=alert]").textContent()).contains("organisaation tunnuksella");
        }
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where entity_type = 'sign-in-policy' and organisation_id = ?")
                        .param(closed.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void providerSecretIsSealedAndNeverShownAgain() {
        String stored = jdbc.sql("select encode(client_secret, 'escape') from sign_in_provider where name = 'Testi-IdP'"
                        + " and organisation_id = ?")
                .param(org.id().value())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("salainen-testiarvo");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            signInWithPassword(page, "admin", HyteSpringTest.DEMO_PASSWORD);
            page.navigate(url("/operator/sign-in"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Testi-IdP"))
                    .first()
                    .click();
            page.waitForLoadState();
            assertThat(page.content()).doesNotContain("salainen-testiarvo");
            assertThat(page.locator("#clientSecret").inputValue()).isEmpty();
            assertThat(axe(page, "operator-sign-in-provider")).isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tarkista yhteys"))
                    .click();
            page.waitForLoadState();
            assertThat(page.locator("[role=status]").first().textContent()).contains("kirjautuminen sillä voi toimia");
        }
        assertThat(jdbc.sql("select after_state::text from audit_event where entity_type = 'sign-in-provider'"
                                + " and organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allSatisfy(state -> assertThat(state).doesNotContain("salainen-testiarvo"));
    }

    // --- helpers

    private void addProvider(Page page, String name, String issuer, String groupRoles, List<String> violations) {
        page.navigate(url("/operator/sign-in/new"));
        if (violations.isEmpty()) {
            violations.addAll(axe(page, "operator-sign-in-new"));
        }
        page.locator("#organisation").selectOption(org.id().value().toString());
        page.locator("#name").fill(name);
        page.locator("#issuer").fill(issuer);
        page.locator("#clientId").fill(CLIENT_ID);
        page.locator("#clientSecret").fill("salainen-testiarvo");
        page.locator("#groupRoles").fill(groupRoles);
        page.locator("form.stack button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.url()).as(() -> page.locator("main").textContent()).endsWith("/operator/sign-in");
    }

    private void signInWith(Page page, String providerName) {
        page.navigate(url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(org.prefix() + " kunta – " + providerName))
                .click();
        page.waitForURL(u -> u.startsWith(url("/")) && !u.contains("/oauth2/") && !u.contains("/login/oauth2/"));
        page.waitForLoadState();
    }

    private String providerPath(Page page, String providerName) {
        return page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(org.prefix() + " kunta – " + providerName))
                .getAttribute("href");
    }

    private void enqueue(String subject, String audience, Map<String, Object> claims, long expirySeconds) {
        idp.enqueueCallback(
                new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(audience), claims, expirySeconds));
    }

    private UserId invited(String name, String email, Role role) {
        UserId id = users.insert(
                org.prefix() + "-" + name, org.prefix() + " " + capitalised(name), email, "{noop}x", false, false);
        users.grant(id, org.id(), role);
        return id;
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private Optional<UserId> linkedUser(String subject) {
        return jdbc.sql("select user_id from sign_in_link where subject = ?")
                .param(subject)
                .query((rs, i) -> new UserId(rs.getObject(1, java.util.UUID.class)))
                .optional();
    }

    private int audited(UserId user, String type) {
        return jdbc.sql(
                        "select count(*) from audit_event where entity_type = ? and entity_id = ? and organisation_id = ?")
                .params(type, user.value().toString(), org.id().value())
                .query(Integer.class)
                .single();
    }

    private int accounts() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single();
    }

    private void signInWithPassword(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form.stack button[type=submit]").click();
        page.waitForLoadState();
    }

    private List<String> axe(Page page, String name) {
        return Axe.scan(page, "sso-" + name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
