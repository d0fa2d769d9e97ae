package fi.hyte.bench;

import fi.hyte.HyteApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hyte as a benchmark runs it: an embedded PostgreSQL in its own work folder (under
 * {@code -Dhyte.bench.dir}, default the temporary folder) and the whole application on a free
 * port, without the demo data or the scheduled Sotkanet refresh unless the benchmark asks. Closing
 * it stops both and deletes the work folder.
 */
final class BenchHyte implements AutoCloseable {

    private final Path work;
    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext app;

    private BenchHyte(Path work, EmbeddedPostgres postgres, ConfigurableApplicationContext app) {
        this.work = work;
        this.postgres = postgres;
        this.app = app;
    }

    /** Starts Hyte with the default settings, each of {@code settings} ("key=value") replacing one. */
    static BenchHyte start(String name, String... settings) throws IOException {
        return start(name, (database, work) -> database, settings);
    }

    /**
     * As {@link #start(String, String...)}, with PostgreSQL's own settings changed by {@code database},
     * which is given the work folder too.
     */
    static BenchHyte start(
            String name,
            BiFunction<EmbeddedPostgres.Builder, Path, EmbeddedPostgres.Builder> database,
            String... settings)
            throws IOException {
        Path base = Path.of(System.getProperty("hyte.bench.dir", System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(Files.createDirectories(base), "hyte-bench-" + name);
        EmbeddedPostgres postgres = null;
        try {
            postgres = database.apply(
                            EmbeddedPostgres.builder()
                                    .setDataDirectory(work.resolve("pg"))
                                    .setCleanDataDirectory(true),
                            work)
                    .start();
            Map<String, String> options = new LinkedHashMap<>();
            options.put("server.port", "0");
            options.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            options.put("spring.datasource.username", "postgres");
            options.put("spring.datasource.password", "postgres");
            options.put("hyte.demo.enabled", "false");
            options.put("hyte.indicators.refresh-cron", "-");
            options.put("server.servlet.session.cookie.secure", "false");
            options.put("logging.level.root", "WARN");
            for (String setting : settings) {
                int equals = setting.indexOf('=');
                options.put(setting.substring(0, equals), setting.substring(equals + 1));
            }
            String[] args = options.entrySet().stream()
                    .map(option -> "--" + option.getKey() + "=" + option.getValue())
                    .toArray(String[]::new);
            return new BenchHyte(work, postgres, new SpringApplicationBuilder(HyteApplication.class).run(args));
        } catch (IOException | RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            delete(work);
            throw e;
        }
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    Path work() {
        return work;
    }

    int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            app.close();
        } finally {
            try {
                postgres.close();
            } finally {
                delete(work);
            }
        }
    }

    /** Milliseconds of each of {@code runs} runs after {@code warmup} unmeasured ones, sorted. */
    static double[] time(int warmup, int runs, Callable<?> action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.call();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
