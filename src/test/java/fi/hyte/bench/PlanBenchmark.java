package fi.hyte.bench;

import static fi.hyte.bench.BenchHyte.percentile;
import static fi.hyte.bench.BenchHyte.time;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.OwnValue;
import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.domain.Dimension;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.support.Fixtures;
import fi.hyte.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wellbeing plan at the size of a large municipality's (issue 5): 8 policy lines, 50 goals with
 * two indicators each, 500 measures over 8 sectors and the evaluations of about half of them, in an
 * organisation linked to Kerava so that the targets are judged against real Sotkanet values (the
 * demo's). Measured in one run: the tree page, its htmx fragment and the progress page under 20
 * signed-in users (wrk) against a static file of the same server; the XLSX and CSV exports; the
 * round-trip import of all 500 measure rows (changed, the same file again, every row refused); the
 * database statements per request; the heap around the export and the import. Prints RESULT lines
 * that {@code bench/plan.sh} gathers into a table.
 *
 * <p>Run: {@code bench/plan.sh}, which runs this class in a fresh JVM with a 512 MB heap.
 */
public final class PlanBenchmark {

    static final String KERAVA = "245";
    static final int LINES = 8;
    static final int GOALS_PER_LINE = 50 / LINES;
    static final int GOALS = 50;
    static final int MEASURES_PER_GOAL = 10;
    static final int SECTORS = 8;
    static final int PEOPLE_PER_SECTOR = 5;
    static final int EVALUATED_YEAR = 2025;
    static final int SESSIONS = 20;
    static final int WEB_SECONDS = Integer.getInteger("hyte.bench.web-seconds", 15);
    static final int WARMUP_SECONDS = Integer.getInteger("hyte.bench.warmup-seconds", 8);
    static final int ALONE = Integer.getInteger("hyte.bench.alone", 50);
    /** The parts to run (after building the plan), e.g. "pages" alone while profiling the pages. */
    static final List<String> PARTS = List.of(System.getProperty("hyte.bench.parts", "statements,pages,exports,imports")
            .split(","));

    static final int EXPORT_WARMUP = 10;
    static final int EXPORTS = Integer.getInteger("hyte.bench.exports", 30);
    static final int IMPORT_WARMUP = 2;
    static final int IMPORTS = Integer.getInteger("hyte.bench.imports", 7);
    static final String STATIC = "/css/hyte.css";

    private PlanBenchmark() {}

    public static void main(String[] args) throws Exception {
        // pg_stat_statements counts the statements each request sends; nothing else is tuned.
        try (BenchHyte hyte = BenchHyte.start(
                "plan",
                (database, work) -> database.setServerConfig("shared_preload_libraries", "pg_stat_statements"),
                "hyte.demo.enabled=true",
                "hyte.demo.password=bench-demo-salasana-2026")) {
            new Run(hyte.app(), hyte.work()).all();
        }
    }

    private static final class Run {

        private final ConfigurableApplicationContext app;
        private final JdbcClient jdbc;
        private final Path work;
        private final String base;
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private Fixtures.Org org;
        private Tenant coordinator;
        private final List<UUID> sectors = new ArrayList<>();
        private UUID plan;
        private List<String> sessions;
        private Path sessionFile;

        Run(ConfigurableApplicationContext app, Path work) {
            this.app = app;
            this.jdbc = app.getBean(JdbcClient.class);
            this.work = work;
            this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        }

        void all() throws Exception {
            build();
            signIn();
            if (PARTS.contains("statements")) {
                statements();
            }
            if (PARTS.contains("alone")) {
                alone();
            }
            if (PARTS.contains("pages")) {
                pages();
            }
            if (PARTS.contains("exports")) {
                exports();
            }
            if (PARTS.contains("imports")) {
                imports();
            }
        }

        /**
         * The organisation (linked to Kerava), its sectors, people and a board, and the plan: 8 lines,
         * 50 goals (683 and another indicator with Kerava values each; two goals in three with
         * baselines and targets), 500 measures, and the 2025 evaluations of every other measure and
         * every other goal, all through {@link PlanEditing} as the pages would save them.
         */
        private void build() {
            long start = System.nanoTime();
            Fixtures fixtures = app.getBean(Fixtures.class);
            PlanEditing editing = app.getBean(PlanEditing.class);
            org = fixtures.organisation("bench", RegionKind.MUNICIPALITY, KERAVA);
            coordinator = new Tenant(
                    org.id(),
                    app.getBean(UserAccounts.class)
                            .find(org.user(Role.COORDINATOR))
                            .orElseThrow(),
                    "Kaisa Koordinaattori",
                    Role.COORDINATOR);
            List<String> sectorNames = List.of(
                    "Sivistys",
                    "Vapaa-aika",
                    "Kaupunkiympäristö",
                    "Elinvoima",
                    "Konserni",
                    "Kirjasto",
                    "Nuoriso",
                    "Ruokapalvelut");
            List<List<UUID>> people = new ArrayList<>();
            for (int s = 0; s < SECTORS; s++) {
                UUID sector = fixtures.sector(org, sectorNames.get(s));
                sectors.add(sector);
                List<UUID> ofSector = new ArrayList<>();
                for (int p = 0; p < PEOPLE_PER_SECTOR; p++) {
                    ofSector.add(fixtures.person(org, "Henkilö " + (s + 1) + "." + (p + 1), sector));
                }
                people.add(ofSector);
            }
            UUID board = fixtures.body(org, BodyType.WELLBEING_GROUP, "Hyvinvointiryhmä");
            plan = editing.createPlan(
                            coordinator,
                            new Plan(
                                    null,
                                    LocalizedText.of("Hyvinvointisuunnitelma 2025–2029", "Välfärdsplan 2025–2029"),
                                    2025,
                                    2029,
                                    "Kaupunkistrategia 2030",
                                    null,
                                    false,
                                    0))
                    .id();
            List<UUID> dimensions = app.getBean(PlanReading.class).dimensions(org.id()).stream()
                    .map(Dimension::id)
                    .toList();
            Map<Integer, Map<Integer, BigDecimal>> values = keravaValues();
            List<Integer> others =
                    values.keySet().stream().filter(id -> id != 683).sorted().toList();
            TargetGroup[] groups = TargetGroup.values();
            MeasureStatus[] statuses = {
                MeasureStatus.PLANNED, MeasureStatus.ONGOING, MeasureStatus.ONGOING, MeasureStatus.DONE,
                MeasureStatus.LATE, MeasureStatus.ONGOING, MeasureStatus.PLANNED, MeasureStatus.CANCELLED
            };
            List<Evaluation> evaluations = new ArrayList<>();
            int goalNumber = 0;
            int measureNumber = 0;
            for (int l = 0; l < LINES; l++) {
                UUID line = editing.saveLine(
                        coordinator,
                        new PolicyLine(
                                null,
                                plan,
                                0,
                                l + 1,
                                LocalizedText.of("Hyvinvointilinjaus " + (l + 1), "Välfärdslinje " + (l + 1)),
                                LocalizedText.of("Linjauksen " + (l + 1) + " kuvaus: mitä ja miksi.", null),
                                "Strategia " + (l + 1),
                                0));
                int goalsHere = l < GOALS - GOALS_PER_LINE * LINES ? GOALS_PER_LINE + 1 : GOALS_PER_LINE;
                for (int g = 0; g < goalsHere; g++, goalNumber++) {
                    int n = goalNumber;
                    UUID owner = n % 5 == 4 ? null : people.get(n % SECTORS).get(0);
                    UUID goal = editing.saveGoal(
                            coordinator,
                            new Goal(
                                    null,
                                    plan,
                                    line,
                                    0,
                                    g + 1,
                                    LocalizedText.of("Tavoite " + (n + 1) + ": hyvinvointi paranee", null),
                                    LocalizedText.of("Tavoitteen " + (n + 1) + " kuvaus.", null),
                                    List.of(dimensions.get(n % dimensions.size())),
                                    List.of(groups[n % groups.length], groups[(n + 3) % groups.length]),
                                    n % 3 == 0 ? "Erot alueiden välillä" : null,
                                    owner,
                                    owner == null && n % 10 == 4 ? board : null,
                                    0,
                                    null,
                                    null));
                    int version = 0;
                    for (int indicator : List.of(683, others.get(n % others.size()))) {
                        editing.saveGoalIndicator(
                                coordinator, target(goal, indicator, values.get(indicator), n), version);
                        version++;
                    }
                    if (n % 2 == 0) {
                        evaluations.add(evaluation(goal, null, n));
                    }
                    for (int m = 0; m < MEASURES_PER_GOAL; m++, measureNumber++) {
                        int k = measureNumber;
                        int sectorIndex = (n + m) % SECTORS;
                        UUID measure = editing.saveMeasure(
                                coordinator,
                                measure(goal, m + 1, k, sectorIndex, people, statuses[k % statuses.length]));
                        if (k % 2 == 0) {
                            evaluations.add(evaluation(null, measure, k));
                        }
                    }
                }
            }
            editing.saveProgress(coordinator, plan, List.of(), evaluations);
            System.out.printf(
                    "RESULT build lines=%d goals=%d goal_indicators=%d measures=%d evaluations=%d sectors=%d people=%d"
                            + " seconds=%.1f%n",
                    LINES,
                    goalNumber,
                    goalNumber * 2,
                    measureNumber,
                    evaluations.size(),
                    SECTORS,
                    SECTORS * PEOPLE_PER_SECTOR,
                    (System.nanoTime() - start) / 1e9);
        }

        /** Kerava's total values by indicator and year, of every indicator the demo has values of. */
        private Map<Integer, Map<Integer, BigDecimal>> keravaValues() {
            IndicatorRegion kerava = app.getBean(Comparisons.class)
                    .ownRegion(org.id())
                    .orElseThrow(() -> new IllegalStateException("The organisation has no region"));
            List<Integer> ids = jdbc.sql("select distinct indicator_id from indicator_value where region_id = ?"
                            + " and gender = 0 and value is not null order by indicator_id")
                    .param(kerava.id())
                    .query(Integer.class)
                    .list();
            Map<Integer, Map<Integer, BigDecimal>> values = new HashMap<>();
            for (OwnValue v : app.getBean(IndicatorCatalog.class).ownValues(org.id(), ids, 1990)) {
                if (v.gender().equals("total")) {
                    values.computeIfAbsent(v.indicatorId(), i -> new HashMap<>())
                            .put(v.year(), v.value());
                }
            }
            if (!values.containsKey(683) || values.size() < 10) {
                throw new IllegalStateException("Kerava has too few indicators with values: " + values.keySet());
            }
            return values;
        }

        /**
         * Two goals in three get a baseline four years before the latest value (or the latest) and a
         * target 10 % better by 2029; the third only names its indicator.
         */
        private static GoalIndicator target(UUID goal, int indicator, Map<Integer, BigDecimal> values, int n) {
            boolean decrease = n % 2 == 0;
            TargetDirection direction = decrease ? TargetDirection.DECREASE : TargetDirection.INCREASE;
            if (n % 3 == 2) {
                return new GoalIndicator(null, goal, indicator, "total", null, null, null, null, direction, 0);
            }
            int latest = values.keySet().stream().max(Integer::compare).orElseThrow();
            int year = values.containsKey(latest - 4) ? latest - 4 : latest;
            BigDecimal baseline = values.get(year);
            BigDecimal target =
                    baseline.multiply(new BigDecimal(decrease ? "0.9" : "1.1")).setScale(1, RoundingMode.HALF_UP);
            return new GoalIndicator(null, goal, indicator, "total", year, baseline, target, 2029, direction, 0);
        }

        private Measure measure(
                UUID goal, int position, int k, int sectorIndex, List<List<UUID>> people, MeasureStatus status) {
            UUID sector = sectors.get(sectorIndex);
            UUID owner = k % 10 == 9 ? null : people.get(sectorIndex).get(k % PEOPLE_PER_SECTOR);
            List<UUID> partners = k % 3 == 0 ? List.of(sectors.get((sectorIndex + 1) % SECTORS)) : List.of();
            LocalDate starts = LocalDate.of(2025, 1 + (k % 4) * 3, 1);
            LocalDate ends = switch (k % 4) {
                case 0 -> LocalDate.of(2026, 6, 30);
                case 1 -> LocalDate.of(2027, 12, 31);
                case 2 -> LocalDate.of(2029, 12, 31);
                default -> null;
            };
            boolean euros = k % 4 != 3;
            int progress = switch (status) {
                case DONE -> 100;
                case PLANNED, CANCELLED -> 0;
                default -> (k * 7) % 90 + 5;
            };
            return new Measure(
                    null,
                    plan,
                    goal,
                    0,
                    position,
                    LocalizedText.of("Toimenpide " + (k + 1) + ": toimintaa kuntalaisten hyvinvoinniksi", null),
                    LocalizedText.of("Toimenpiteen " + (k + 1) + " kuvaus ja kohderyhmä.", null),
                    sector,
                    owner,
                    partners,
                    k % 5 == 0 ? "Järjestöt, seurakunta" : null,
                    starts,
                    ends,
                    k % 2 == 0 ? new BigDecimal("0.5").add(BigDecimal.valueOf(k % 4, 1)) : null,
                    euros ? BigDecimal.valueOf(1000L + (k * 937L) % 99_000L) : null,
                    k % 7 == 0 ? "STEA" : null,
                    k % 7 == 0 ? new BigDecimal("15000") : null,
                    k % 11 == 0 ? "Liikuntahalli" : null,
                    euros ? "TA 2025 / " + (sectorIndex + 1) : null,
                    euros,
                    status,
                    progress,
                    0,
                    null,
                    null);
        }

        private static Evaluation evaluation(UUID goal, UUID measure, int n) {
            Realisation[] realised = Realisation.values();
            return new Evaluation(
                    null,
                    goal,
                    measure,
                    EVALUATED_YEAR,
                    realised[n % realised.length],
                    "Arvio vuodelta 2025: toteutui suunnitellusti " + n + ".",
                    n % 3 == 0 ? "Kouluterveyskysely 2025" : null,
                    n % 4 == 0 ? "https://example.org/arvio/" + n : null,
                    0,
                    null,
                    null);
        }

        /** 20 sessions of the coordinator through the sign-in form, each of which opens the tree once. */
        private void signIn() throws Exception {
            sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                WebSession session = new WebSession(base);
                WebSession.Response signedIn = session.signIn(org.user(Role.COORDINATOR), Fixtures.PASSWORD);
                if (signedIn.status() != 302 || signedIn.location().contains("error")) {
                    throw new IllegalStateException("Could not sign in: " + signedIn.location());
                }
                sessions.add(session.cookie("SESSION"));
            }
            // One after another: a session's first page stores its CSRF token, which concurrent first
            // requests of one session would both try to insert.
            for (String session : sessions) {
                get(tree(), session, false);
            }
            sessionFile = work.resolve("sessions");
            Files.write(sessionFile, sessions);
        }

        private String tree() {
            return "/plan/" + plan;
        }

        private String progress() {
            return "/plan/" + plan + "/progress";
        }

        /** One GET as a signed-in user; a page must answer 200. */
        private byte[] get(String path, String session, boolean htmx) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Cookie", "SESSION=" + session)
                    .header("Accept", "text/html");
            if (htmx) {
                request.header("HX-Request", "true");
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        }

        /**
         * The statements each request sends to PostgreSQL (pg_stat_statements, reset before it) and
         * their time in the database, with the most frequent statements: where a request's time goes.
         */
        private void statements() throws Exception {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            String session = sessions.get(0);
            // The first request of each kind compiles templates and statements; count the second.
            Map<String, Callable<byte[]>> requests = new LinkedHashMap<>();
            requests.put("tree", () -> get(tree(), session, false));
            requests.put("fragment", () -> get(tree(), session, true));
            requests.put("progress", () -> get(progress(), session, false));
            requests.put("xlsx", () -> get("/plan/" + plan + "/export.xlsx", session, false));
            requests.put("csv", () -> get("/plan/" + plan + "/export.csv", session, false));
            requests.put("static", () -> get(STATIC, session, false));
            for (Map.Entry<String, Callable<byte[]>> request : requests.entrySet()) {
                request.getValue().call();
                jdbc.sql("select pg_stat_statements_reset()")
                        .query(Object.class)
                        .list();
                long start = System.nanoTime();
                int bytes = request.getValue().call().length;
                double millis = (System.nanoTime() - start) / 1e6;
                reportStatements(request.getKey(), millis, bytes);
            }
        }

        private void reportStatements(String label, double millis, int bytes) {
            List<Map<String, Object>> rows = jdbc.sql("select calls, total_exec_time, query from pg_stat_statements"
                            + " where query not like '%pg_stat_statements%' order by calls desc, total_exec_time desc")
                    .query()
                    .listOfRows();
            long calls = rows.stream()
                    .mapToLong(r -> ((Number) r.get("calls")).longValue())
                    .sum();
            double dbMillis = rows.stream()
                    .mapToDouble(r -> ((Number) r.get("total_exec_time")).doubleValue())
                    .sum();
            System.out.printf(
                    "RESULT statements request=%s statements=%d db_ms=%.1f request_ms=%.1f bytes=%d%n",
                    label, calls, dbMillis, millis, bytes);
            rows.stream().limit(8).forEach(r -> {
                String query = r.get("query").toString().replaceAll("\\s+", " ");
                System.out.printf(
                        "STATEMENT %s calls=%s ms=%.2f %s%n",
                        label,
                        r.get("calls"),
                        ((Number) r.get("total_exec_time")).doubleValue(),
                        query.substring(0, Math.min(160, query.length())));
            });
        }

        /**
         * The tree page, its htmx fragment and the progress page for 20 users, as in the indicator
         * benchmark: each warmed up, then alone (one request after another), then 20 users pausing
         * 0.5–1.5 s between clicks, then 20 connections without pause; the static file of the same
         * server is measured the same ways, first and last, as the baseline.
         */
        private void pages() throws Exception {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("tree", tree());
            pages.put("fragment", tree());
            pages.put("progress", progress());
            int measures = count(
                    new String(get(tree(), sessions.get(0), false), StandardCharsets.UTF_8), "plan-node--measure");
            if (measures != 500) {
                throw new IllegalStateException("The tree shows " + measures + " measures, not 500");
            }
            String fragment = new String(get(tree(), sessions.get(0), true), StandardCharsets.UTF_8);
            if (fragment.contains("<html") || count(fragment, "plan-node--measure") != 500) {
                throw new IllegalStateException("The htmx request did not get the tree fragment");
            }
            Map<String, String> staticFirst = load(STATIC, "static", false);
            List<Map<String, String>> results = new ArrayList<>();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                results.add(load(page.getValue(), page.getKey(), page.getKey().equals("fragment")));
            }
            Map<String, String> staticLast = load(STATIC, "static", false);
            double staticRps = (Double.parseDouble(staticFirst.get("saturated_rps"))
                            + Double.parseDouble(staticLast.get("saturated_rps")))
                    / 2;
            double staticThinkP95 =
                    (Double.parseDouble(staticFirst.get("think_p95")) + Double.parseDouble(staticLast.get("think_p95")))
                            / 2;
            for (Map<String, String> result : Stream.concat(
                            Stream.of(staticFirst), Stream.concat(results.stream(), Stream.of(staticLast)))
                    .toList()) {
                System.out.printf(
                        "RESULT page_%s alone_median_ms=%s alone_p95_ms=%s think_p50_ms=%s think_p95_ms=%s think_rps=%s"
                                + " saturated_p50_ms=%s saturated_p95_ms=%s saturated_rps=%s rps_ratio_to_static=%.3f"
                                + " think_p95_ratio_to_static=%.1f bytes=%s failures=%s%n",
                        result.get("label"),
                        result.get("alone_median"),
                        result.get("alone_p95"),
                        result.get("think_p50"),
                        result.get("think_p95"),
                        result.get("think_rps"),
                        result.get("saturated_p50"),
                        result.get("saturated_p95"),
                        result.get("saturated_rps"),
                        Double.parseDouble(result.get("saturated_rps")) / staticRps,
                        Double.parseDouble(result.get("think_p95")) / staticThinkP95,
                        result.get("bytes"),
                        result.get("failures"));
            }
        }

        /** Each page alone, one request after another after a warm-up: a page's own cost, for profiling. */
        private void alone() throws Exception {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("static", STATIC);
            pages.put("tree", tree());
            pages.put("fragment", tree());
            pages.put("progress", progress());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                boolean htmx = page.getKey().equals("fragment");
                int[] bytes = new int[1];
                double[] millis =
                        time(ALONE, ALONE, () -> bytes[0] = get(page.getValue(), sessions.get(0), htmx).length);
                System.out.printf(
                        "RESULT alone_%s runs=%d median_ms=%.1f p95_ms=%.1f bytes=%d%n",
                        page.getKey(), ALONE, percentile(millis, 50), percentile(millis, 95), bytes[0]);
            }
        }

        private static String header(String label) {
            return label.equals("fragment") ? "HX-Request: true" : null;
        }

        /**
         * One page: a warm-up, alone, 20 users with pauses, 20 connections without. Each page has its
         * own warm-up right before it, so that each is measured in the same state whatever ran before.
         */
        private Map<String, String> load(String path, String label, boolean htmx) throws Exception {
            Wrk.run(base + path, sessionFile, SESSIONS, 0, WARMUP_SECONDS, header(label));
            double[] alone = new double[ALONE];
            int bytes = 0;
            for (int i = 0; i < ALONE; i++) {
                long start = System.nanoTime();
                bytes = get(path, sessions.get(i % SESSIONS), htmx).length;
                alone[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(alone);
            Map<String, String> thinking =
                    Wrk.run(base + path, sessionFile, SESSIONS, 1000, WEB_SECONDS, header(label));
            Map<String, String> saturated = Wrk.run(base + path, sessionFile, SESSIONS, 0, WEB_SECONDS, header(label));
            Map<String, String> result = new HashMap<>();
            result.put("label", label);
            result.put("alone_median", String.format("%.1f", percentile(alone, 50)));
            result.put("alone_p95", String.format("%.1f", percentile(alone, 95)));
            result.put("think_p50", thinking.get("p50"));
            result.put("think_p95", thinking.get("p95"));
            result.put("think_rps", thinking.get("rps"));
            result.put("saturated_p50", saturated.get("p50"));
            result.put("saturated_p95", saturated.get("p95"));
            result.put("saturated_rps", saturated.get("rps"));
            result.put("bytes", Integer.toString(bytes));
            result.put("failures", Long.toString(Wrk.failures(thinking) + Wrk.failures(saturated)));
            return result;
        }

        /**
         * XLSX of the whole plan and of one sector, and CSV of the whole plan, each fetched over HTTP
         * by one user, after a warm-up; the static file fetched the same way is the baseline. Then the
         * heap around three more whole-plan exports.
         */
        private void exports() throws Exception {
            String session = sessions.get(0);
            String whole = "/plan/" + plan + "/export.xlsx?year=" + EVALUATED_YEAR;
            String sector = "/plan/" + plan + "/export.xlsx?year=" + EVALUATED_YEAR + "&sector=" + sectors.get(0);
            String csv = "/plan/" + plan + "/export.csv?year=" + EVALUATED_YEAR;
            int rows = measureRows(get(whole, session, false));
            if (rows != 500) {
                throw new IllegalStateException("The export holds " + rows + " measures, not 500");
            }
            int sectorRows = measureRows(get(sector, session, false));
            double[] baseline = time(EXPORT_WARMUP, EXPORTS, () -> get(STATIC, session, false));
            double baselineMedian = percentile(baseline, 50);
            Map<String, String> downloads = new LinkedHashMap<>();
            downloads.put("xlsx_plan", whole);
            downloads.put("xlsx_sector", sector);
            downloads.put("csv_plan", csv);
            for (Map.Entry<String, String> download : downloads.entrySet()) {
                int[] bytes = new int[1];
                double[] millis = time(EXPORT_WARMUP, EXPORTS, () -> {
                    bytes[0] = get(download.getValue(), session, false).length;
                    return null;
                });
                System.out.printf(
                        "RESULT export_%s measures=%d runs=%d median_ms=%.1f p95_ms=%.1f max_ms=%.1f bytes=%d"
                                + " static_median_ms=%.2f ratio_to_static=%.0f%n",
                        download.getKey(),
                        download.getKey().equals("xlsx_sector") ? sectorRows : 500,
                        EXPORTS,
                        percentile(millis, 50),
                        percentile(millis, 95),
                        millis[millis.length - 1],
                        bytes[0],
                        baselineMedian,
                        percentile(millis, 50) / baselineMedian);
            }
            HeapSampler heap = null;
            double peak = 0;
            double peakAfterGc = 0;
            double before = 0;
            for (int i = 0; i < 3; i++) {
                heap = HeapSampler.start(5);
                before = Math.max(before, heap.beforeMb());
                get(whole, session, false);
                heap.stop();
                peak = Math.max(peak, heap.peakMb());
                peakAfterGc = Math.max(peakAfterGc, heap.peakAfterGcMb());
            }
            System.out.printf(
                    "RESULT heap_export before_mb=%.0f peak_mb=%.0f peak_after_gc_mb=%.0f after_mb=%.0f max_mb=%.0f%n",
                    before,
                    peak,
                    peakAfterGc,
                    HeapSampler.afterGcMb(),
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        }

        /**
         * The round trip of all 500 measure rows, each run as a user does it: export the year 2025,
         * fill status, progress and the evaluation in every measure row (new values each run, so that
         * every run saves 500 measures and 500 evaluations), import. Only the import's POST is timed.
         * Then the same file again (nothing changes), and a file filled from an export older than the
         * last import (every row refused: changed by someone since the export). The static file
         * fetched the same way is the baseline.
         */
        private void imports() throws Exception {
            WebSession importer = new WebSession(base);
            importer.signIn(org.user(Role.COORDINATOR), Fixtures.PASSWORD);
            String exportPath = "/plan/" + plan + "/export.xlsx?year=" + EVALUATED_YEAR;
            String importPath = "/plan/" + plan + "/import";
            String session = sessions.get(0);
            int[] round = {0};
            byte[][] previous = new byte[2][];
            Callable<Double> changeRun = () -> {
                byte[] exported = get(exportPath, session, false);
                byte[] filled = fill(exported, ++round[0]);
                long start = System.nanoTime();
                WebSession.Response response = importer.postFile(importPath, "file", "suunnitelma.xlsx", filled);
                double millis = (System.nanoTime() - start) / 1e6;
                List<Integer> counts = counts(response);
                // From the second run on every status differs from the last run's; the first may happen to
                // leave a measure's status and progress as built.
                if ((round[0] > 1 && counts.get(0) != 500) || counts.get(1) + counts.get(2) != 500) {
                    throw new IllegalStateException("The import did not save 500 + 500: " + counts);
                }
                previous[0] = previous[1];
                previous[1] = filled;
                return millis;
            };
            List<Double> changed = new ArrayList<>();
            for (int i = 0; i < IMPORT_WARMUP + IMPORTS; i++) {
                double millis = changeRun.call();
                if (i >= IMPORT_WARMUP) {
                    changed.add(millis);
                }
            }
            byte[] last = previous[1];
            double[] same = time(1, 5, () -> {
                WebSession.Response response = importer.postFile(importPath, "file", "suunnitelma.xlsx", last);
                if (!response.body().contains("Tiedostossa ei ollut muutoksia")) {
                    throw new IllegalStateException("The same file again changed something: " + counts(response));
                }
                return null;
            });
            // The file of the run before the last, filled in again: its hidden versions are those of an export
            // older than the last import, so every row's evaluation (and most rows' status) was changed since.
            byte[] stale = fill(previous[0], 1000);
            int[] problems = new int[1];
            double[] refused = time(1, 5, () -> {
                WebSession.Response response = importer.postFile(importPath, "file", "vanha.xlsx", stale);
                problems[0] = problemCount(response);
                if (problems[0] < 500) {
                    throw new IllegalStateException("Not every row was refused: " + problems[0]);
                }
                return null;
            });
            double[] baseline = time(3, 15, () -> get(STATIC, session, false));
            double baselineMedian = percentile(baseline, 50);
            double[] changes =
                    changed.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    "RESULT import_changed rows=500 runs=%d median_ms=%.0f p95_ms=%.0f min_ms=%.0f max_ms=%.0f"
                            + " static_median_ms=%.2f ratio_to_static=%.0f%n",
                    changes.length,
                    percentile(changes, 50),
                    percentile(changes, 95),
                    changes[0],
                    changes[changes.length - 1],
                    baselineMedian,
                    percentile(changes, 50) / baselineMedian);
            System.out.printf(
                    "RESULT import_same_file rows=500 runs=%d median_ms=%.0f p95_ms=%.0f%n",
                    same.length, percentile(same, 50), percentile(same, 95));
            System.out.printf(
                    "RESULT import_all_refused rows=500 problems=%d runs=%d median_ms=%.0f p95_ms=%.0f%n",
                    problems[0], refused.length, percentile(refused, 50), percentile(refused, 95));
            // The statements of one more changing import, and the heap around two more.
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
            double millis = changeRun.call();
            reportStatements("import", millis, previous[1].length);
            double before = 0;
            double peak = 0;
            double peakAfterGc = 0;
            for (int i = 0; i < 2; i++) {
                byte[] filled = fill(get(exportPath, session, false), ++round[0]);
                HeapSampler heap = HeapSampler.start(5);
                before = Math.max(before, heap.beforeMb());
                counts(importer.postFile(importPath, "file", "suunnitelma.xlsx", filled));
                heap.stop();
                peak = Math.max(peak, heap.peakMb());
                peakAfterGc = Math.max(peakAfterGc, heap.peakAfterGcMb());
            }
            System.out.printf(
                    "RESULT heap_import before_mb=%.0f peak_mb=%.0f peak_after_gc_mb=%.0f after_mb=%.0f max_mb=%.0f%n",
                    before,
                    peak,
                    peakAfterGc,
                    HeapSampler.afterGcMb(),
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        }

        /**
         * Every measure row filled in as in run {@code round}: a status other than the last run's,
         * a progress, and an evaluation whose text names the run.
         */
        private static byte[] fill(byte[] xlsx, int round) throws IOException {
            String[] statuses = {"Käynnissä", "Myöhässä", "Valmis"};
            String[] realised = {"Kyllä", "Osittain", "Ei"};
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.getSheet("Toimenpiteet");
                int status = column(sheet, "Tila");
                int progress = column(sheet, "Edistyminen (%)");
                int realisedColumn = column(sheet, "Toteutuiko");
                int assessment = column(sheet, "Arvio");
                int evidence = column(sheet, "Näyttö");
                int link = column(sheet, "Linkki");
                int i = 0;
                for (Row row : sheet) {
                    Cell id = row.getCell(0);
                    if (row.getRowNum() == 0
                            || id == null
                            || id.getCellType() != CellType.STRING
                            || !id.getStringCellValue().startsWith("TP-")) {
                        continue;
                    }
                    set(row, status, statuses[(i + round) % statuses.length]);
                    set(row, progress, (i * 7 + round * 13) % 101);
                    set(row, realisedColumn, realised[(i + round) % realised.length]);
                    set(row, assessment, "Kierros " + round + ": toimenpide " + (i + 1) + " eteni, arvio kirjattu.");
                    set(row, evidence, "Seurantaraportti " + round);
                    set(row, link, "https://example.org/seuranta/" + round + "/" + (i + 1));
                    i++;
                }
                workbook.write(out);
                return out.toByteArray();
            }
        }

        private static void set(Row row, int column, Object value) {
            Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }

        private static int column(Sheet sheet, String header) {
            for (Cell cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals(header)) {
                    return cell.getColumnIndex();
                }
            }
            throw new IllegalStateException("No column " + header);
        }

        private static int measureRows(byte[] xlsx) throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                int rows = 0;
                for (Row row : workbook.getSheet("Toimenpiteet")) {
                    Cell id = row.getCell(0);
                    if (id != null
                            && id.getCellType() == CellType.STRING
                            && id.getStringCellValue().startsWith("TP-")) {
                        rows++;
                    }
                }
                return rows;
            }
        }

        /** The result page's counts: measures updated, evaluations added, changed, rows unchanged. */
        private static List<Integer> counts(WebSession.Response response) {
            if (response.status() != 200) {
                throw new IllegalStateException("The import answered " + response.status());
            }
            List<Integer> counts = new ArrayList<>();
            Matcher matcher = Pattern.compile("<dd>(\\d+)</dd>").matcher(response.body());
            while (matcher.find()) {
                counts.add(Integer.valueOf(matcher.group(1)));
            }
            if (counts.size() != 4) {
                throw new IllegalStateException("The import saved nothing: " + problemCount(response)
                        + " problems, e.g. " + problems(response));
            }
            return counts;
        }

        /** The first problems the result page lists, as text. */
        private static List<String> problems(WebSession.Response response) {
            List<String> rows = new ArrayList<>();
            Matcher row = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(response.body());
            while (row.find() && rows.size() < 5) {
                rows.add(row.group(1)
                        .replaceAll("<[^>]+>", " ")
                        .replaceAll("\\s+", " ")
                        .strip());
            }
            return rows;
        }

        /** The number of problems the result page reports (0 if it reports none). */
        private static int problemCount(WebSession.Response response) {
            // The count is written in the user's language: 1 000 in Finnish, with a no-break space.
            Matcher matcher = Pattern.compile("id=\"problems-title\">[^<]*: ([\\d\\s\u00a0\u202f]+)<")
                    .matcher(response.body());
            return matcher.find() ? Integer.parseInt(matcher.group(1).replaceAll("\\D", "")) : 0;
        }

        private static int count(String text, String part) {
            int found = 0;
            for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
                found++;
            }
            return found;
        }
    }
}
