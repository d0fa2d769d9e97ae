package fi.hyte.bench;

import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Server time of a password sign-in (the POST of the form) against an OpenID Connect sign-in (the
 * redirect to the provider plus the callback, which exchanges the code and checks the ID token),
 * in the same run, alternating, against mock-oauth2-server on this machine. Prints medians and p95s.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=fi.hyte.bench.SignInBenchmark
 * -Dexec.classpathScope=test}
 */
public final class SignInBenchmark {

    static final int WARMUP = 30;
    static final int MEASURED = 150;
    static final String SECRET_KEY = "dGVzdGktYXZhaW4tam9rYS1laS1vbGUtc2FsYWluZW4=";

    private SignInBenchmark() {}

    public static void main(String[] args) throws Exception {
        MockOAuth2Server idp = new MockOAuth2Server();
        idp.start();
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try (BenchHyte hyte = BenchHyte.start(
                "sign-in",
                "hyte.secret-key=" + SECRET_KEY,
                "hyte.bootstrap.admin-username=operaattori",
                "hyte.bootstrap.admin-password=operaattorin-salasana",
                "hyte.security.max-failed-logins=1000")) {
            ConfigurableApplicationContext app = hyte.app();
            int port = hyte.port();
            Fixtures.Org org = app.getBean(Fixtures.class).organisation("bench");
            Users users = app.getBean(Users.class);
            String password = "penkkitestin-salasana";
            UserId person = users.insert(
                    "bench-henkilo",
                    "Bench Henkilö",
                    "henkilo@bench.example",
                    app.getBean(PasswordEncoder.class).encode(password),
                    false,
                    false);
            users.grant(person, org.id(), Role.EDITOR);

            WebSession operator = WebSession.signedIn(port, "operaattori", "operaattorin-salasana");
            var saved = operator.post(
                    "/operator/sign-in",
                    Map.of(
                            "organisation", org.id().value().toString(),
                            "name", "Bench-IdP",
                            "issuer", idp.issuerUrl("bench").toString(),
                            "clientId", "hyte-bench",
                            "clientSecret", "salainen",
                            "usernameClaim", "email",
                            "groupClaim", "groups",
                            "groupRoles", "",
                            "enabled", "true",
                            "version", "0"));
            if (saved.status() != 302) {
                throw new IllegalStateException("provider not saved: " + saved.status());
            }
            String registration = "p-"
                    + app.getBean(JdbcClient.class)
                            .sql("select id from sign_in_provider")
                            .query(String.class)
                            .single();

            List<Long> form = new ArrayList<>();
            List<Long> oidc = new ArrayList<>();
            List<Long> oidcHyteOnly = new ArrayList<>();
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                WebSession visitor = new WebSession(port);
                visitor.get("/login");
                long start = System.nanoTime();
                var signedIn = visitor.post("/login", Map.of("username", "bench-henkilo", "password", password));
                long formTime = System.nanoTime() - start;
                check(signedIn.status() == 302 && signedIn.location().endsWith("/"), "form: " + signedIn.location());

                WebSession sso = new WebSession(port);
                sso.get("/login");
                idp.enqueueCallback(new DefaultOAuth2TokenCallback(
                        "bench",
                        "bench-subject",
                        "JWT",
                        List.of("hyte-bench"),
                        Map.of("email", "henkilo@bench.example", "email_verified", true),
                        3600));
                start = System.nanoTime();
                var redirect = sso.get("/oauth2/authorization/" + registration);
                long toProvider = System.nanoTime() - start;
                HttpResponse<Void> authorized = http.send(
                        HttpRequest.newBuilder(URI.create(redirect.location()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                URI callback =
                        URI.create(authorized.headers().firstValue("Location").orElseThrow());
                start = System.nanoTime();
                var back = sso.get(callback.getRawPath() + "?" + callback.getRawQuery());
                long fromProvider = System.nanoTime() - start;
                check(back.status() == 302 && back.location().endsWith("/"), "oidc: " + back.location());
                if (i >= WARMUP) {
                    form.add(formTime);
                    oidc.add(toProvider + fromProvider);
                    oidcHyteOnly.add(toProvider);
                }
            }
            System.out.printf(
                    "password sign-in (POST /login):                median %.1f ms, p95 %.1f ms%n",
                    median(form), p95(form));
            System.out.printf(
                    "OIDC sign-in (redirect + callback):            median %.1f ms, p95 %.1f ms%n",
                    median(oidc), p95(oidc));
            System.out.printf("  of which the redirect to the provider:       median %.1f ms%n", median(oidcHyteOnly));
            System.out.printf(
                    "OIDC minus password (medians):                 %.1f ms (n = %d each)%n",
                    median(oidc) - median(form), MEASURED);
        } finally {
            idp.shutdown();
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double p95(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6;
    }
}
