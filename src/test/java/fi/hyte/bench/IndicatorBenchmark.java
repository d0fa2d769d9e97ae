package fi.hyte.bench;

import static fi.hyte.bench.BenchHyte.percentile;

import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.IndicatorPageCache;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.IndicatorValues;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indicator knowledge base at national scale (issue 4): a bulk import of millions of values
 * against plain PostgreSQL COPY of the same file in the same run, with the heap sampled during both;
 * one indicator × all municipalities × 20 years read back; the indicator page under 20 signed-in
 * users (wrk) against a static file of the same server; and the table's size. The values repeat
 * the real rows of Sotkanet's indicator 683 over more indicators, years and genders. Prints RESULT
 * lines that {@code bench/indicators.sh} gathers into a table.
 *
 * <p>Run: {@code bench/indicators.sh [values]}, which runs this class in a fresh JVM with a 512 MB
 * heap for 2 M values and for the given number (20 M by default).
 */
public final class IndicatorBenchmark {

    static final Path REAL_ROWS = Path.of(
            System.getProperty("hyte.shared-data", "../shared/data"),
            "sotkanet_values/sotkanet_683_diabetes_2015_2023_all_regions.csv");
    static final int FIRST_REAL_YEAR = 2015;
    static final int REAL_YEARS = 9;
    static final int FIRST_YEAR = 1984;
    static final int LAST_YEAR = 2023;
    static final int PAGE_INDICATOR = 683;
    static final String KERAVA = "245";
    static final List<String> PEERS = List.of("186", "858", "106");
    static final int SESSIONS = 20;
    static final int QUERY_WARMUP = 100;
    static final int QUERIES = Integer.getInteger("hyte.bench.queries", 500);
    static final int WEB_SECONDS = Integer.getInteger("hyte.bench.web-seconds", 15);
    static final int WARMUP_SECONDS = Integer.getInteger("hyte.bench.warmup-seconds", 8);
    static final int PAGE_ROUNDS = Integer.getInteger("hyte.bench.page-rounds", 1);
    static final long CACHE_VALUES = 250_000;

    private IndicatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 20_000_000L;
        // Settings that apply alike to COPY and to the import: more shared memory and fewer checkpoints.
        try (BenchHyte hyte = BenchHyte.start(
                "indicators",
                (database, work) -> database.setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("max_wal_size", "8GB")
                        .setServerConfig("checkpoint_timeout", "30min")
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", work.resolve("pglog").toString())
                        .setServerConfig("log_min_duration_statement", "1000"))) {
            new Run(hyte.app(), hyte.work(), target).all();
        }
    }

    private static final class Run {

        private final ConfigurableApplicationContext app;
        private final JdbcClient jdbc;
        private final Path work;
        private final long target;
        private List<Integer> indicatorIds;
        private long rows;

        Run(ConfigurableApplicationContext app, Path work, long target) {
            this.app = app;
            this.jdbc = app.getBean(JdbcClient.class);
            this.work = work;
            this.target = target;
        }

        void all() throws Exception {
            Path file = work.resolve("values.csv");
            generate(file);
            double copySeconds = copy(file);
            double importSeconds = importValues(file);
            Files.delete(file);
            System.out.printf(
                    "RESULT import_ratio values=%d import_rows_per_s=%.0f copy_rows_per_s=%.0f ratio=%.2f%n",
                    rows, rows / importSeconds, rows / copySeconds, copySeconds / importSeconds);
            sizes();
            // The bulk load leaves gigabytes of dirty pages: write them out now, so that the checkpointer
            // does not compete with the timed reads below on two cores.
            jdbc.sql("checkpoint").update();
            query();
            jdbc.sql("checkpoint").update();
            page();
            reindex();
            statements();
        }

        /**
         * The real rows of indicator 683 (465 regions × 2015–2023), repeated: over indicators (683
         * and the catalogue's first ids), years 1984–2023 (year y takes the row of 2015 + (y - 2015) mod 9) and
         * genders (total as published, male and female a deterministic few per cent either side).
         */
        private void generate(Path file) throws IOException {
            Map<Integer, String[][]> real = new LinkedHashMap<>();
            try (BufferedReader in = Files.newBufferedReader(REAL_ROWS)) {
                in.readLine();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] cells = line.split(",", -1);
                    if (!cells[3].equals("total")) {
                        continue;
                    }
                    real.computeIfAbsent(Integer.valueOf(cells[1]), r -> new String[REAL_YEARS][])[
                                    Integer.parseInt(cells[2]) - FIRST_REAL_YEAR] =
                            new String[] {cells[4], cells[5]};
                }
            }
            int perIndicator = real.size() * (LAST_YEAR - FIRST_YEAR + 1) * 3;
            int count = (int) Math.ceil((double) target / perIndicator);
            List<Integer> catalogue = jdbc.sql("select id from indicator where organisation_id is null order by id")
                    .query(Integer.class)
                    .list();
            indicatorIds = new ArrayList<>();
            indicatorIds.add(PAGE_INDICATOR);
            catalogue.stream()
                    .filter(id -> id != PAGE_INDICATOR)
                    .limit(count - 1L)
                    .forEach(indicatorIds::add);
            long start = System.nanoTime();
            byte[] newline = {'\n'};
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                out.write(ascii("indicator;region;year;gender;primary value;absolute value\n"));
                for (int indicator : indicatorIds) {
                    for (Map.Entry<Integer, String[][]> region : real.entrySet()) {
                        String prefix = indicator + ";" + region.getKey() + ";";
                        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                            String[] values = region.getValue()[Math.floorMod(year - FIRST_REAL_YEAR, REAL_YEARS)];
                            int spread = Math.floorMod((indicator * 31 + region.getKey()) * 31 + year, 21) - 10;
                            String[][] genders = variants(values, spread);
                            for (int g = 0; g < 3; g++) {
                                out.write(ascii(prefix + year + ";" + genders[g][0] + ";" + genders[g][1] + ";"
                                        + genders[g][2]));
                                out.write(newline);
                                rows++;
                            }
                        }
                    }
                }
            }
            System.out.printf(
                    "RESULT generate values=%d indicators=%d regions=%d years=%d-%d file_mb=%.0f seconds=%.1f%n",
                    rows,
                    indicatorIds.size(),
                    real.size(),
                    FIRST_YEAR,
                    LAST_YEAR,
                    Files.size(file) / 1048576.0,
                    (System.nanoTime() - start) / 1e9);
        }

        /** Total as published; male and female the value ± spread per cent (one decimal), counts split. */
        private static String[][] variants(String[] total, int spread) {
            if (total[0].isEmpty() || total[1].isEmpty()) {
                return new String[][] {
                    {"total", total[0], total[1]}, {"male", total[0], total[1]}, {"female", total[0], total[1]}
                };
            }
            BigDecimal value = new BigDecimal(total[0]);
            long absolute = Long.parseLong(total[1]);
            BigDecimal factor = BigDecimal.valueOf(spread, 2);
            long male = Math.round(absolute * (100 + spread) / 200.0);
            return new String[][] {
                {"total", total[0], total[1]},
                {
                    "male",
                    value.multiply(BigDecimal.ONE.add(factor))
                            .setScale(1, RoundingMode.HALF_UP)
                            .toPlainString(),
                    Long.toString(male)
                },
                {
                    "female",
                    value.multiply(BigDecimal.ONE.subtract(factor))
                            .setScale(1, RoundingMode.HALF_UP)
                            .toPlainString(),
                    Long.toString(absolute - male)
                }
            };
        }

        /** (a) The baseline: PostgreSQL's own COPY of the same file into an equivalent table. */
        private double copy(Path file) throws Exception {
            jdbc.sql(
                            "create table bench_copy (indicator_id int, region_id int, year smallint, gender text,"
                                    + " value numeric, absolute_value numeric, primary key (indicator_id, region_id, year, gender))")
                    .update();
            jdbc.sql("checkpoint").update();
            HeapSampler heap = HeapSampler.start();
            long start = System.nanoTime();
            long copied;
            try (Connection connection = app.getBean(DataSource.class).getConnection();
                    InputStream in = Files.newInputStream(file)) {
                copied = connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy bench_copy (indicator_id, region_id, year, gender, value, absolute_value)"
                                        + " from stdin (format csv, delimiter ';', header)",
                                in,
                                1 << 16);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.stop();
            long total = jdbc.sql("select pg_total_relation_size('bench_copy')")
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "RESULT copy values=%d seconds=%.1f rows_per_s=%.0f heap_before_mb=%.0f heap_peak_mb=%.0f"
                            + " total_mb=%.0f%n",
                    copied, seconds, copied / seconds, heap.beforeMb(), heap.peakMb(), total / 1048576.0);
            jdbc.sql("drop table bench_copy").update();
            return seconds;
        }

        /** (b) Hyte's own import of the same file into the empty value table, as a Sotkanet batch. */
        private double importValues(Path file) throws IOException {
            jdbc.sql("truncate indicator_value, indicator_value_change").update();
            jdbc.sql("checkpoint").update();
            ValueImport values = app.getBean(ValueImport.class);
            AtomicLong staged = new AtomicLong();
            AtomicLong lastProgress = new AtomicLong();
            HeapSampler heap = HeapSampler.start();
            long start = System.nanoTime();
            ValueImport.Result result;
            try (InputStream in = Files.newInputStream(file)) {
                result = values.run(
                        new ValueImport.Request(
                                null,
                                null,
                                true,
                                null,
                                ValueImport.Source.sotkanet("SOTKANET"),
                                "bench",
                                null,
                                false,
                                false),
                        in,
                        done -> {
                            staged.set(done);
                            lastProgress.set(System.nanoTime());
                        });
            }
            long end = System.nanoTime();
            heap.stop();
            if (!result.accepted() || result.added() != rows) {
                throw new IllegalStateException("The import did not add every row: " + result);
            }
            double seconds = (end - start) / 1e9;
            System.out.printf(
                    "RESULT import values=%d seconds=%.1f rows_per_s=%.0f staged_s=%.1f merge_s=%.1f"
                            + " heap_before_mb=%.0f heap_peak_mb=%.0f heap_peak_after_gc_mb=%.0f heap_max_mb=%.0f%n",
                    result.added(),
                    seconds,
                    result.added() / seconds,
                    (lastProgress.get() - start) / 1e9,
                    (end - lastProgress.get()) / 1e9,
                    heap.beforeMb(),
                    heap.peakMb(),
                    heap.peakAfterGcMb(),
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return seconds;
        }

        private void sizes() {
            long start = System.nanoTime();
            jdbc.sql("vacuum (analyze) indicator_value").update();
            double vacuum = (System.nanoTime() - start) / 1e9;
            long total = jdbc.sql("select pg_total_relation_size('indicator_value')")
                    .query(Long.class)
                    .single();
            long table = jdbc.sql("select pg_relation_size('indicator_value')")
                    .query(Long.class)
                    .single();
            long index = jdbc.sql("select pg_relation_size('indicator_value_pkey')")
                    .query(Long.class)
                    .single();
            jdbc.sql("create extension if not exists pageinspect").update();
            int levels = jdbc.sql("select level + 1 from bt_metap('indicator_value_pkey')")
                    .query(Integer.class)
                    .single();
            System.out.printf(
                    "RESULT size values=%d total_mb=%.1f table_mb=%.1f pkey_mb=%.1f bytes_per_value=%.1f"
                            + " table_bytes_per_value=%.1f pkey_bytes_per_value=%.1f btree_levels=%d vacuum_analyze_s=%.1f%n",
                    rows,
                    total / 1048576.0,
                    table / 1048576.0,
                    index / 1048576.0,
                    (double) total / rows,
                    (double) table / rows,
                    (double) index / rows,
                    levels,
                    vacuum);
        }

        /**
         * The primary key rebuilt: rows arrive in the file's region order, not the key's, so the
         * loaded index has half-full pages; a rebuilt one shows what routine maintenance recovers.
         */
        private void reindex() {
            long start = System.nanoTime();
            jdbc.sql("reindex index indicator_value_pkey").update();
            double seconds = (System.nanoTime() - start) / 1e9;
            long index = jdbc.sql("select pg_relation_size('indicator_value_pkey')")
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "RESULT reindex values=%d seconds=%.1f pkey_mb=%.1f pkey_bytes_per_value=%.1f%n",
                    rows, seconds, index / 1048576.0, (double) index / rows);
        }

        /** One indicator × today's municipalities × 20 years, total gender: a county's comparison table. */
        private void query() {
            IndicatorValues values = app.getBean(IndicatorValues.class);
            List<Integer> municipalities = app.getBean(IndicatorRegions.class).currentMunicipalities().stream()
                    .map(IndicatorRegion::id)
                    .toList();
            Random random = new Random(42);
            for (int i = 0; i < QUERY_WARMUP; i++) {
                values.of(List.of(pick(random)), municipalities, List.of(Gender.TOTAL), 2004, 2023);
            }
            double[] millis = new double[QUERIES];
            int read = 0;
            for (int i = 0; i < QUERIES; i++) {
                int indicator = pick(random);
                long start = System.nanoTime();
                read = values.of(List.of(indicator), municipalities, List.of(Gender.TOTAL), 2004, 2023)
                        .size();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(
                    "RESULT query values=%d municipalities=%d years=2004-2023 rows_read=%d runs=%d median_ms=%.2f"
                            + " p95_ms=%.2f max_ms=%.2f%n",
                    rows,
                    municipalities.size(),
                    read,
                    QUERIES,
                    percentile(millis, 50),
                    percentile(millis, 95),
                    millis[millis.length - 1]);
            jdbc.sql("explain (analyze, buffers) select indicator_id, region_id, year, gender, value, absolute_value"
                            + " from indicator_value where indicator_id = any(?) and region_id = any(?)"
                            + " and gender = any(?) and year >= ? and year <= ?"
                            + " order by indicator_id, region_id, gender, year")
                    .params(
                            new Integer[] {pick(random)},
                            municipalities.toArray(Integer[]::new),
                            new Short[] {Gender.TOTAL.stored()},
                            2004,
                            2023)
                    .query(String.class)
                    .list()
                    .forEach(line -> System.out.println("PLAN " + line));
        }

        private int pick(Random random) {
            return indicatorIds.get(random.nextInt(indicatorIds.size()));
        }

        /**
         * The indicator page of a municipality (Kerava, with its county, region, country and three
         * peers) for 20 signed-in users, against /css/hyte.css of the same server, both with wrk and
         * bench/sessions.lua as in bench/foundation.sh.
         */
        private void page() throws Exception {
            Fixtures.Org org = app.getBean(Fixtures.class).organisation("bench", RegionKind.MUNICIPALITY, KERAVA);
            IndicatorRegions regions = app.getBean(IndicatorRegions.class);
            Comparisons comparisons = app.getBean(Comparisons.class);
            for (String code : PEERS) {
                comparisons.addPeer(
                        org.id(), regions.find("KUNTA", code).orElseThrow().id());
            }
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(signIn(http, base, org.user(Role.COORDINATOR)));
            }
            String path = "/indicators/" + PAGE_INDICATOR;
            // Each user opens the page once, one after another: a session's first page stores its CSRF
            // token, which concurrent first requests of one session would both try to insert.
            HttpResponse<String> check = null;
            for (String session : sessions) {
                check = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Cookie", "SESSION=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (check.statusCode() != 200 || !check.body().contains("Kerava")) {
                    throw new IllegalStateException("The indicator page did not show Kerava: " + check.statusCode());
                }
            }
            Path file = work.resolve("sessions");
            Files.write(file, sessions);
            // Without the page cache (every request reads and analyses the values, as before it) and
            // with it, alternately in the same run; each with its own warm-up.
            IndicatorPageCache cache = app.getBean(IndicatorPageCache.class);
            for (int round = 0; round < PAGE_ROUNDS; round++) {
                cache.limit(0);
                measure(
                        "page_nocache",
                        http,
                        base,
                        path,
                        sessions,
                        file,
                        check.body().length());
                cache.limit(CACHE_VALUES);
                measure("page", http, base, path, sessions, file, check.body().length());
            }
        }

        private void measure(
                String line, HttpClient http, String base, String path, List<String> sessions, Path file, int bytes)
                throws Exception {
            String css = "/css/hyte.css";
            Wrk.run(base + css, file, SESSIONS, 0, WARMUP_SECONDS, null);
            Wrk.run(base + path, file, SESSIONS, 0, WARMUP_SECONDS, null);
            double[] alone = new double[50];
            for (int i = 0; i < alone.length; i++) {
                long start = System.nanoTime();
                http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Cookie", "SESSION=" + sessions.get(i % SESSIONS))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                alone[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(alone);
            Map<String, String> thinking = Wrk.run(base + path, file, SESSIONS, 1000, WEB_SECONDS, null);
            Map<String, String> staticBefore = Wrk.run(base + css, file, SESSIONS, 0, WEB_SECONDS, null);
            Map<String, String> saturated = Wrk.run(base + path, file, SESSIONS, 0, WEB_SECONDS, null);
            Map<String, String> staticAfter = Wrk.run(base + css, file, SESSIONS, 0, WEB_SECONDS, null);
            double staticRps =
                    (Double.parseDouble(staticBefore.get("rps")) + Double.parseDouble(staticAfter.get("rps"))) / 2;
            System.out.printf(
                    "RESULT " + line
                            + " values=%d page=%s users=%d alone_median_ms=%.1f alone_p95_ms=%.1f think_p50_ms=%s think_p95_ms=%s think_rps=%s"
                            + " saturated_p50_ms=%s saturated_p95_ms=%s saturated_rps=%s static_p95_ms=%s static_rps=%.0f"
                            + " ratio_to_static=%.2f page_bytes=%d errors=%s load=%s%n",
                    rows,
                    path,
                    SESSIONS,
                    percentile(alone, 50),
                    percentile(alone, 95),
                    thinking.get("p50"),
                    thinking.get("p95"),
                    thinking.get("rps"),
                    saturated.get("p50"),
                    saturated.get("p95"),
                    saturated.get("rps"),
                    staticBefore.get("p95") + "/" + staticAfter.get("p95"),
                    staticRps,
                    Double.parseDouble(saturated.get("rps")) / staticRps,
                    bytes,
                    Stream.of(thinking, staticBefore, saturated, staticAfter)
                            .mapToLong(r -> Long.parseLong(r.get("errors")) + Long.parseLong(r.get("non2xx")))
                            .sum(),
                    loadAverage());
        }

        private static String loadAverage() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException e) {
                return "?";
            }
        }

        private static String signIn(HttpClient http, String base, String username) throws Exception {
            HttpResponse<String> form = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            if (!token.find()) {
                throw new IllegalStateException("No sign-in form");
            }
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<Void> signedIn = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "SESSION=" + session(form))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("Could not sign in: " + signedIn.statusCode() + " " + location);
            }
            return session(signedIn);
        }

        private static String session(HttpResponse<?> response) {
            return response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("SESSION="))
                    .map(c -> c.substring("SESSION=".length(), c.indexOf(';')))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException("No session cookie"));
        }

        /** PostgreSQL's own log of the statements that took more than a second: where the import's time went. */
        private void statements() throws IOException {
            Path logs = work.resolve("pglog");
            if (!Files.isDirectory(logs)) {
                return;
            }
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.sorted().toList()) {
                    for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                        int at = line.indexOf("duration: ");
                        if (at >= 0) {
                            String text = line.substring(at);
                            System.out.println("STATEMENT " + text.substring(0, Math.min(text.length(), 220)));
                        }
                    }
                }
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
