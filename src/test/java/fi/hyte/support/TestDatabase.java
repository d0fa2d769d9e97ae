package fi.hyte.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One real PostgreSQL for the whole test run: the machine's server when HYTE_TEST_DATABASE_URL is
 * set (CI's second pass runs on PostgreSQL 15), otherwise an embedded one in a temporary folder.
 * Its schema is emptied at the start, and its address published as hyte.test.database.* system
 * properties for {@link HyteSpringTest}.
 */
public class TestDatabase implements LauncherSessionListener {

    private static EmbeddedPostgres embedded;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("hyte.test.database.url") != null) {
            return;
        }
        String url = System.getenv("HYTE_TEST_DATABASE_URL");
        String user = System.getenv().getOrDefault("HYTE_TEST_DATABASE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("HYTE_TEST_DATABASE_PASSWORD", "postgres");
        if (url == null || url.isBlank()) {
            try {
                Path dir = Files.createTempDirectory("hyte-test-pg");
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("The test database at " + url + " cannot be reached", e);
        }
        System.setProperty("hyte.test.database.url", url);
        System.setProperty("hyte.test.database.username", user);
        System.setProperty("hyte.test.database.password", password);
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // The run is over; the temporary folder goes with the machine.
            }
            embedded = null;
        }
    }
}
