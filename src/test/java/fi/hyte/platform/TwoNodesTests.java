package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.HyteApplication;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Hyte nodes on one PostgreSQL: a user signed in on one is signed in on the other and sees the
 * other's changes. This is how Hyte grows past one machine.
 */
class TwoNodesTests {

    @Test
    void sessionAndChangesAreSharedBetweenNodes() {
        try (ConfigurableApplicationContext first = node();
                ConfigurableApplicationContext second = node()) {
            Fixtures.Org org =
                    first.getBean(Fixtures.class).organisation("solmu" + Long.toString(System.nanoTime(), 36));
            WebSession onFirst = WebSession.signedIn(port(first), org.user(Role.COORDINATOR), Fixtures.PASSWORD);
            String name = "Kahden solmun toimiala " + System.nanoTime();
            assertThat(onFirst.post("/sectors", Map.of("nameFi", name, "position", "9"))
                            .status())
                    .isEqualTo(302);

            WebSession onSecond = onFirst.on(port(second));
            var page = onSecond.get("/sectors");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(name).contains(org.prefix() + " COORDINATOR");
            assertThat(new WebSession(port(second)).get("/sectors").status()).isEqualTo(302);
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
                        "--management.endpoints.web.exposure.include=health",
                        "--hyte.documents.warm-up=false",
                        "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
