package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.HyteApplication;
import fi.hyte.platform.database.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With no database configured, Hyte starts its own PostgreSQL under the data folder with demo data;
 * a second start reuses the data and adds no duplicates.
 */
class FreshStartTests {

    @Test
    void secondStartReusesTheEmbeddedDatabaseWithoutDuplicates() throws Exception {
        Path dataDir = Files.createTempDirectory("hyte-fresh");
        Map<String, Integer> first = countsAfterStart(dataDir);
        assertThat(first.get("organisation")).isEqualTo(2);
        assertThat(first.get("app_user")).isEqualTo(5);
        assertThat(first.get("region")).isEqualTo(350);
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        EmbeddedDatabase.stop(dataDir);
        Map<String, Integer> second = countsAfterStart(dataDir);
        EmbeddedDatabase.stop(dataDir);
        assertThat(second).isEqualTo(first);
    }

    private static Map<String, Integer> countsAfterStart(Path dataDir) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HyteApplication.class)
                .run(
                        "--server.port=0",
                        "--hyte.data-dir=" + dataDir,
                        "--hyte.demo.password=ensimmainen-kaynnistys",
                        "--management.endpoints.web.exposure.include=health",
                        "--spring.jmx.enabled=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            return Map.of(
                    "organisation", count(jdbc, "organisation"),
                    "app_user", count(jdbc, "app_user"),
                    "person", count(jdbc, "person"),
                    "body_member", count(jdbc, "body_member"),
                    "region", count(jdbc, "region"),
                    "responsibility", count(jdbc, "responsibility"));
        }
    }

    private static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
