package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import fi.hyte.HyteApplication;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Hyte nodes on one PostgreSQL and one OpenID Connect provider: the provider is added on one
 * node, a person signs in through it there and is signed in on the other node too (the session,
 * the provider and the link live in the database).
 */
class SingleSignOnTwoNodesTests {

    @Test
    void signedInWithTheProviderOnOneNodeIsSignedInOnTheOther() {
        MockOAuth2Server idp = new MockOAuth2Server();
        idp.start();
        try (ConfigurableApplicationContext first = node();
                ConfigurableApplicationContext second = node();
                Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            String prefix = "ssosolmu" + Long.toString(System.nanoTime(), 36);
            Fixtures.Org org = first.getBean(Fixtures.class).organisation(prefix);
            Users users = first.getBean(Users.class);
            UserId person = users.insert(
                    prefix + "-gunnar", prefix + " Gunnar", "gunnar@" + prefix + ".example", "{noop}x", false, false);
            users.grant(person, org.id(), Role.EDITOR);
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                page.navigate(url(first, "/login"));
                page.locator("#username").fill("admin");
                page.locator("#password").fill(HyteSpringTest.DEMO_PASSWORD);
                page.locator("form.stack button[type=submit]").click();
                page.waitForLoadState();
                page.navigate(url(first, "/operator/sign-in/new"));
                page.locator("#organisation").selectOption(org.id().value().toString());
                page.locator("#name").fill("Solmu-IdP");
                page.locator("#issuer").fill(idp.issuerUrl(prefix).toString());
                page.locator("#clientId").fill("hyte-solmut");
                page.locator("#clientSecret").fill("salainen-testiarvo");
                page.locator("form.stack button[type=submit]").click();
                page.waitForLoadState();
                assertThat(page.url()).endsWith("/operator/sign-in");
            }
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                idp.enqueueCallback(new DefaultOAuth2TokenCallback(
                        prefix,
                        "gunnar-subject",
                        "JWT",
                        List.of("hyte-solmut"),
                        Map.of("email", "gunnar@" + prefix + ".example", "email_verified", true),
                        3600));
                // The provider was added on the first node; the second one knows it from the database.
                page.navigate(url(second, "/login"));
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(prefix + " kunta – Solmu-IdP"))
                        .click();
                page.waitForURL(url(second, "/"));
                assertThat(page.locator(".user-menu__name").textContent()).isEqualTo(prefix + " Gunnar");
                // Browsers send localhost's cookies to every port: the same session, now on the other node.
                page.navigate(url(first, "/sectors"));
                assertThat(page.url()).isEqualTo(url(first, "/sectors"));
                assertThat(page.locator(".user-menu__name").textContent()).isEqualTo(prefix + " Gunnar");
            }
        } finally {
            idp.shutdown();
        }
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(HyteApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + System.getProperty("hyte.test.database.url"),
                        "--spring.datasource.username=" + System.getProperty("hyte.test.database.username"),
                        "--spring.datasource.password=" + System.getProperty("hyte.test.database.password"),
                        "--hyte.demo.enabled=true",
                        "--hyte.demo.password=" + HyteSpringTest.DEMO_PASSWORD,
                        "--hyte.secret-key=" + HyteSpringTest.SECRET_KEY,
                        "--management.endpoints.web.exposure.include=health",
                        "--hyte.documents.warm-up=false",
                        "--spring.jmx.enabled=false");
    }

    private static String url(ConfigurableApplicationContext node, String path) {
        return "http://localhost:"
                + ((WebServerApplicationContext) node).getWebServer().getPort() + path;
    }
}
