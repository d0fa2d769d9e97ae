package fi.hyte.bench;

import static fi.hyte.bench.BenchHyte.percentile;
import static fi.hyte.bench.BenchHyte.time;

import fi.hyte.impact.ImpactCatalog;
import fi.hyte.impact.domain.Assessment;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.domain.Dimension;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.support.Fixtures;
import fi.hyte.support.WebSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The impact assessment at the size of a large municipality's decade (issue 13 §12): 10,000
 * decided cases over 2022–2026 (each with the proposal assessed on every row of the default
 * template over both terms and the zero alternative on four rows, a third with a follow-up linked
 * to one of 50 plan goals), and one case being assessed with 4 alternatives × 60 rows × 2 terms.
 * Measured in one run, against a static file of the same server: the matrix page under 20
 * signed-in users (wrk), a cell save over htmx, the cross-check, the share of key decisions
 * assessed, the decisions touching a goal (API and pages), and the DOCX and PDF of the case.
 * Prints RESULT lines that {@code bench/impact.sh} gathers into tables.
 *
 * <p>Run: {@code bench/impact.sh}, which runs this class in a fresh JVM with a 512 MB heap.
 */
public final class ImpactBenchmark {

    static final int CASES = Integer.getInteger("hyte.bench.cases", 10_000);
    static final int GOALS = 50;
    static final int SECTORS = 8;
    static final int ROWS = 60;
    static final int ALTERNATIVES = 4;
    static final int SESSIONS = 20;
    static final int WEB_SECONDS = Integer.getInteger("hyte.bench.web-seconds", 15);
    static final int WARMUP_SECONDS = Integer.getInteger("hyte.bench.warmup-seconds", 6);
    static final int ALONE = Integer.getInteger("hyte.bench.alone", 100);
    static final int YEAR = 2025;
    static final String STATIC = "/css/hyte.css";

    /**
     * The parts to run, comma-separated ({@code -Dhyte.bench.parts=inprocess,pages,cells,exports}, all by
     * default) and the pages of the pages part ({@code -Dhyte.bench.pages=case}, all by default): on a
     * shared machine a short run of one part, e.g. {@code -Dhyte.bench.parts=pages -Dhyte.bench.pages=case
     * -Dhyte.bench.web-seconds=5}, measures one thing against the static file of the same run.
     */
    static final java.util.Set<String> PARTS = parts("hyte.bench.parts", "inprocess,pages,cells,exports");

    static final java.util.Set<String> PAGES =
            parts("hyte.bench.pages", "matrix,case,decisions_goal,decisions_year,goal_page,share");

    private static java.util.Set<String> parts(String property, String all) {
        return java.util.Set.of(System.getProperty(property, all).split(","));
    }

    /** The load average of the last minute, printed beside the figures (the machine is shared). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "–";
        }
    }

    private ImpactBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (BenchHyte hyte = BenchHyte.start("impact")) {
            new Run(hyte.app(), hyte.work()).all();
        }
        System.exit(0);
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
        private final List<UUID> goals = new ArrayList<>();
        private UUID matrixCase;
        private List<String> sessions;
        private Path sessionFile;
        private WebSession editor;

        Run(ConfigurableApplicationContext app, Path work) {
            this.app = app;
            this.jdbc = app.getBean(JdbcClient.class);
            this.work = work;
            this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        }

        void all() throws Exception {
            build();
            signIn();
            for (String part : List.of("inprocess", "pages", "cells", "exports")) {
                if (!PARTS.contains(part)) {
                    continue;
                }
                System.out.printf("RESULT load_before_%s loadavg=%s%n", part, loadAverage());
                switch (part) {
                    case "inprocess" -> inProcess();
                    case "pages" -> pages();
                    case "cells" -> cellSaves();
                    default -> exports();
                }
                System.out.printf("RESULT load_after_%s loadavg=%s%n", part, loadAverage());
            }
        }

        private void build() {
            long start = System.nanoTime();
            Fixtures fixtures = app.getBean(Fixtures.class);
            PlanEditing editing = app.getBean(PlanEditing.class);
            org = fixtures.organisation("bench", RegionKind.MUNICIPALITY, "245");
            coordinator = new Tenant(
                    org.id(),
                    app.getBean(UserAccounts.class)
                            .find(org.user(Role.COORDINATOR))
                            .orElseThrow(),
                    "Kaisa Koordinaattori",
                    Role.COORDINATOR);
            List<UUID> sectors = new ArrayList<>();
            for (int s = 0; s < SECTORS; s++) {
                sectors.add(fixtures.sector(org, "Toimiala " + (s + 1)));
            }
            List<UUID> bodies = List.of(
                    fixtures.body(org, BodyType.COUNCIL, "Valtuusto"),
                    fixtures.body(org, BodyType.BOARD, "Kunnanhallitus"),
                    fixtures.body(org, BodyType.COMMITTEE, "Sivistyslautakunta"),
                    fixtures.body(org, BodyType.COMMITTEE, "Tekninen lautakunta"));
            UUID plan = editing.createPlan(
                            coordinator,
                            new Plan(
                                    null,
                                    LocalizedText.of("Hyvinvointisuunnitelma 2025–2029", null),
                                    2025,
                                    2029,
                                    null,
                                    null,
                                    false,
                                    0))
                    .id();
            List<UUID> dimensions = app.getBean(PlanReading.class).dimensions(org.id()).stream()
                    .map(Dimension::id)
                    .toList();
            UUID line = editing.saveLine(
                    coordinator, new PolicyLine(null, plan, 0, 1, LocalizedText.of("Linjaus", null), null, null, 0));
            for (int g = 0; g < GOALS; g++) {
                goals.add(editing.saveGoal(
                        coordinator,
                        new Goal(
                                null,
                                plan,
                                line,
                                0,
                                g + 1,
                                LocalizedText.of("Tavoite " + (g + 1), null),
                                null,
                                List.of(dimensions.get(g % dimensions.size())),
                                List.of(TargetGroup.values()[g % TargetGroup.values().length]),
                                null,
                                null,
                                null,
                                0,
                                null,
                                null)));
            }
            // The organisation's template: version 1 (the defaults with the plan's dimensions), then
            // version 2 with areas as extra group rows up to 60 rows, for the big matrix.
            Templates templates = app.getBean(Templates.class);
            TemplateContent first = templates.latest(org.id()).content();
            List<TemplateContent.Row> rows = new ArrayList<>(first.rows());
            for (int i = rows.size(); i < ROWS; i++) {
                rows.add(new TemplateContent.Row(
                        "area" + i, "groups", true, LocalizedText.of("Asuinalue " + i, "Bostadsområde " + i)));
            }
            templates.saveNew(
                    coordinator,
                    1,
                    new TemplateContent(
                            first.name(),
                            first.sources(),
                            first.accumulationMonths(),
                            first.shareThreshold(),
                            first.eurosThreshold(),
                            first.rules(),
                            first.exclusions(),
                            rows,
                            List.of(LocalizedText.of("Keskusta", null), LocalizedText.of("Kylä", null)),
                            first.wording(),
                            null),
                    "60 riviä");
            List<String> firstRows =
                    first.rows().stream().map(TemplateContent.Row::key).toList();
            backgroundCases(sectors, bodies, firstRows);
            matrixCase(bodies.get(0), sectors.get(0), rows);
            jdbc.sql("vacuum analyze").update();
            System.out.printf(
                    "RESULT build cases=%d cells=%d follow_ups=%d matrix_cells=%d seconds=%.1f%n",
                    count("impact_case"),
                    count("impact_cell"),
                    count("impact_follow_up"),
                    jdbc.sql("select count(*) from impact_cell where case_id = ?")
                            .param(matrixCase)
                            .query(Integer.class)
                            .single(),
                    (System.nanoTime() - start) / 1e9);
        }

        private int count(String table) {
            return jdbc.sql("select count(*) from " + table)
                    .query(Integer.class)
                    .single();
        }

        /**
         * The decided cases, by SQL in bulk (as if years of use): 2,000 a year over 2022–2026, bodies
         * and sectors in turn; seven in ten required (of those nine in ten frozen ten days before the
         * decision, one in twenty skipped with a reason), the needs tests answered yes in turn.
         */
        private void backgroundCases(List<UUID> sectors, List<UUID> bodies, List<String> rowKeys) {
            jdbc.sql("create temporary table bench_case as select n, gen_random_uuid() as id,"
                            + " gen_random_uuid() as proposal, gen_random_uuid() as zero,"
                            + " (date '2022-01-01' + (n * 1826 / ?)) as decided_on from generate_series(0, ? - 1) n")
                    .params(CASES, CASES)
                    .update();
            jdbc.sql("insert into impact_case (id, organisation_id, title_fi, body_id, sector_id, status,"
                            + " not_assessed_reason, need, template_version, screening, needs, decided_body_id,"
                            + " decided_on, decision_paragraph, chosen_alternative, frozen_at, meeting_on, starts_on)"
                            + " select id, ?, 'Päätös ' || n, (?::uuid[])[1 + n % 4], (?::uuid[])[1 + n % 8],"
                            + " case when n % 20 = 7 then 'NOT_ASSESSED' when n % 3 = 0 then 'FOLLOW_UP' else 'DECIDED' end,"
                            + " case when n % 20 = 7 then 'Kiireellinen asia, ei aikaa arvioida' end,"
                            + " case when n % 10 < 7 then 'REQUIRED' when n % 10 < 9 then 'RECOMMENDED' else 'NOT_REQUIRED' end,"
                            + " 1, jsonb_build_object('answered', true, 'yes', jsonb_build_array('network'),"
                            + " 'groups', jsonb_build_array('children'), 'areas', jsonb_build_array(case when n % 2 = 0"
                            + " then 'Keskusta' else 'Kylä' end)),"
                            + " jsonb_build_object('concernsPeople', n % 2 = 0, 'gendersDiffer', n % 4 = 1,"
                            + " 'concernsChildren', n % 3 = 0),"
                            + " case when n % 20 <> 7 then (?::uuid[])[1 + n % 4] end,"
                            + " case when n % 20 <> 7 then decided_on end, '§ ' || (n % 200 + 1),"
                            + " case when n % 20 <> 7 then proposal end,"
                            + " case when n % 20 <> 7 and n % 10 <> 3 then decided_on - 10 end,"
                            + " decided_on, decided_on - 90 from bench_case")
                    .params(
                            org.id().value(),
                            bodies.toArray(new UUID[0]),
                            sectors.toArray(new UUID[0]),
                            bodies.toArray(new UUID[0]))
                    .update();
            jdbc.sql(
                            "insert into impact_alternative (id, organisation_id, case_id, position, kind, name_fi, cost_euros)"
                                    + " select proposal, ?, id, 1, 'PROPOSAL', 'Päätösehdotus', 100000 + n from bench_case"
                                    + " union all select zero, ?, id, 2, 'ZERO', 'Nollavaihtoehto', null from bench_case")
                    .params(org.id().value(), org.id().value())
                    .update();
            String[] directions = {"POSITIVE", "NONE", "NEGATIVE", "NONE", "UNCERTAIN", "NONE", "POSITIVE"};
            jdbc.sql("insert into impact_cell (id, organisation_id, case_id, alternative_id, row_key, term, direction,"
                            + " magnitude, reasoning, updated_by)"
                            + " select gen_random_uuid(), ?, c.id, c.proposal, r.key, t.term,"
                            + " (?::text[])[1 + (c.n + r.i + t.i) % 7],"
                            + " case when (?::text[])[1 + (c.n + r.i + t.i) % 7] <> 'NONE' then 'MODERATE' end,"
                            + " 'Perustelu ' || c.n, 'bench'"
                            + " from bench_case c cross join unnest(?::text[]) with ordinality r(key, i)"
                            + " cross join (values ('SHORT', 0), ('LONG', 1)) t(term, i)"
                            + " union all select gen_random_uuid(), ?, c.id, c.zero, r.key, 'SHORT', 'NONE', null, null, 'bench'"
                            + " from bench_case c cross join unnest(?::text[]) r(key)")
                    .params(
                            org.id().value(),
                            directions,
                            directions,
                            rowKeys.toArray(new String[0]),
                            org.id().value(),
                            rowKeys.subList(0, 4).toArray(new String[0]))
                    .update();
            jdbc.sql("insert into impact_follow_up (id, organisation_id, case_id, what, expected, due_on, goal_id)"
                            + " select gen_random_uuid(), ?, id, 'Seurattava asia ' || n,"
                            + " (array['INCREASE','DECREASE','MAINTAIN','CHECK'])[1 + n % 4], decided_on + 365,"
                            + " (?::uuid[])[1 + (n / 3) % ?] from bench_case where n % 3 = 0 and n % 20 <> 7")
                    .params(org.id().value(), goals.toArray(new UUID[0]), GOALS)
                    .update();
        }

        /** The case being assessed: made as the page makes it, then 4 alternatives × 60 rows × 2 terms by SQL. */
        private void matrixCase(UUID body, UUID sector, List<TemplateContent.Row> rows) {
            Preparation preparation = app.getBean(Preparation.class);
            UUID editorId = app.getBean(UserAccounts.class)
                    .find(org.user(Role.EDITOR))
                    .orElseThrow()
                    .value();
            matrixCase = preparation.create(
                    coordinator,
                    new fi.hyte.impact.domain.DecisionCase(
                            null,
                            LocalizedText.of("Kouluverkon uudistus", "Skolnätets reform"),
                            LocalizedText.of("Neljä vaihtoehtoa kouluverkolle.", null),
                            body,
                            sector,
                            List.of(editorId),
                            "D/1/2026",
                            null,
                            java.time.LocalDate.of(2026, 1, 10),
                            null,
                            java.time.LocalDate.of(2026, 6, 1),
                            null,
                            null,
                            null,
                            0,
                            fi.hyte.impact.domain.Screening.none(),
                            fi.hyte.impact.domain.NeedsTests.none(),
                            fi.hyte.impact.domain.DecisionCase.Decision.none(),
                            null,
                            null,
                            null,
                            false,
                            null,
                            0),
                    false);
            jdbc.sql("update impact_case set status = 'ASSESSING', need = 'REQUIRED', screening = jsonb_build_object("
                            + "'answered', true, 'yes', jsonb_build_array('network'), 'groups', jsonb_build_array('children'),"
                            + " 'areas', jsonb_build_array('Keskusta')) where id = ?")
                    .param(matrixCase)
                    .update();
            for (int a = 3; a <= ALTERNATIVES; a++) {
                jdbc.sql(
                                "insert into impact_alternative (id, organisation_id, case_id, position, kind, name_fi, cost_euros)"
                                        + " values (gen_random_uuid(), ?, ?, ?, 'OTHER', ?, 250000)")
                        .params(org.id().value(), matrixCase, a, "Vaihtoehto " + a)
                        .update();
            }
            String[] directions = {"NEGATIVE", "POSITIVE", "UNCERTAIN", "NONE"};
            jdbc.sql("insert into impact_cell (id, organisation_id, case_id, alternative_id, row_key, term, direction,"
                            + " magnitude, reasoning, evidence, mitigation, updated_by)"
                            + " select gen_random_uuid(), ?, ?, a.id, r.key, t.term, (?::text[])[1 + (a.position + r.i + t.i) % 4],"
                            + " 'MODERATE', 'Perustelu: vaikutus ryhmään ' || r.key || ' vaihtoehdossa ' || a.position || '.',"
                            + " 'Kouluterveyskysely 2025', 'Lievennys: kuljetus järjestetään.', 'bench'"
                            + " from impact_alternative a cross join unnest(?::text[]) with ordinality r(key, i)"
                            + " cross join (values ('SHORT', 0), ('LONG', 1)) t(term, i) where a.case_id = ?")
                    .params(
                            org.id().value(),
                            matrixCase,
                            directions,
                            rows.stream().map(TemplateContent.Row::key).toArray(String[]::new),
                            matrixCase)
                    .update();
        }

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
            for (String session : sessions) {
                get(matrix(), session);
            }
            sessionFile = work.resolve("sessions");
            Files.write(sessionFile, sessions);
            editor = new WebSession(base);
            editor.signIn(org.user(Role.EDITOR), Fixtures.PASSWORD);
        }

        private String matrix() {
            return "/impact/cases/" + matrixCase + "/matrix";
        }

        private byte[] get(String path, String session) throws Exception {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Cookie", "SESSION=" + session)
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        }

        /** The read APIs in the server's JVM, one call after another after a warm-up. */
        private void inProcess() throws Exception {
            CaseReading reading = app.getBean(CaseReading.class);
            ImpactCatalog catalog = app.getBean(ImpactCatalog.class);
            Assessment read = reading.of(coordinator, matrixCase);
            // Not read as current data (no revision): the cross-check is computed on every call.
            Assessment a = new Assessment(
                    read.decisionCase(),
                    read.template(),
                    read.alternatives(),
                    read.cells(),
                    read.hearings(),
                    read.followUps(),
                    read.screening());
            int[] size = new int[1];
            report(
                    "crosscheck",
                    time(
                            20,
                            ALONE,
                            () -> size[0] = reading.crossCheck(coordinator, a).size()),
                    size);
            // Read as the case page reads it: kept by the organisation's revision after the first.
            report(
                    "crosscheck_kept",
                    time(
                            20,
                            ALONE,
                            () -> size[0] =
                                    reading.crossCheck(coordinator, read).size()),
                    size);
            report(
                    "read_and_crosscheck",
                    time(
                            20,
                            ALONE,
                            () -> size[0] = reading.crossCheck(coordinator, reading.of(coordinator, matrixCase))
                                    .size()),
                    size);
            report(
                    "share_assessed",
                    time(
                            20,
                            ALONE,
                            () -> size[0] =
                                    (int) catalog.shareAssessed(org.id(), YEAR).required()),
                    size);
            report(
                    "share_report",
                    time(
                            20,
                            ALONE,
                            () -> size[0] =
                                    catalog.shareReport(org.id(), YEAR).byBody().size()),
                    size);
            int[] goal = new int[1];
            report(
                    "goal_decisions",
                    time(
                            20,
                            ALONE,
                            () -> size[0] = catalog.touching(org.id(), goals.get(goal[0]++ % GOALS))
                                    .size()),
                    size);
        }

        private static void report(String label, double[] millis, int[] size) {
            System.out.printf(
                    "RESULT api_%s runs=%d median_ms=%.2f p95_ms=%.2f size=%d%n",
                    label, millis.length, percentile(millis, 50), percentile(millis, 95), size[0]);
        }

        /** Pages under 20 users, as in the plan benchmark, against the static file first and last. */
        private void pages() throws Exception {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("matrix", matrix());
            pages.put("case", "/impact/cases/" + matrixCase);
            pages.put("decisions_goal", "/impact/decisions?goal=" + goals.get(0));
            pages.put("decisions_year", "/impact/decisions?year=" + YEAR);
            pages.put("goal_page", "/plan/goals/" + goals.get(0));
            pages.put("share", "/impact/share?year=" + YEAR);
            pages.keySet().retainAll(PAGES);
            List<Map<String, String>> results = new ArrayList<>();
            results.add(load(STATIC, "static"));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                results.add(load(page.getValue(), page.getKey()));
            }
            results.add(load(STATIC, "static_again"));
            double staticRps = (Double.parseDouble(results.get(0).get("saturated_rps"))
                            + Double.parseDouble(results.get(results.size() - 1).get("saturated_rps")))
                    / 2;
            double staticP95 = (Double.parseDouble(results.get(0).get("think_p95"))
                            + Double.parseDouble(results.get(results.size() - 1).get("think_p95")))
                    / 2;
            double staticAlone = (Double.parseDouble(results.get(0).get("alone_median"))
                            + Double.parseDouble(results.get(results.size() - 1).get("alone_median")))
                    / 2;
            for (Map<String, String> r : results) {
                System.out.printf(
                        "RESULT page_%s alone_median_ms=%s alone_p95_ms=%s alone_ratio_to_static=%.1f think_p50_ms=%s"
                                + " think_p95_ms=%s think_p95_ratio_to_static=%.1f saturated_p95_ms=%s saturated_rps=%s"
                                + " rps_ratio_to_static=%.3f bytes=%s failures=%s%n",
                        r.get("label"),
                        r.get("alone_median"),
                        r.get("alone_p95"),
                        Double.parseDouble(r.get("alone_median")) / staticAlone,
                        r.get("think_p50"),
                        r.get("think_p95"),
                        Double.parseDouble(r.get("think_p95")) / staticP95,
                        r.get("saturated_p95"),
                        r.get("saturated_rps"),
                        Double.parseDouble(r.get("saturated_rps")) / staticRps,
                        r.get("bytes"),
                        r.get("failures"));
            }
        }

        private Map<String, String> load(String path, String label) throws Exception {
            Wrk.run(base + path, sessionFile, SESSIONS, 0, WARMUP_SECONDS, null);
            double[] alone = new double[ALONE];
            int bytes = 0;
            for (int i = 0; i < ALONE; i++) {
                long start = System.nanoTime();
                bytes = get(path, sessions.get(i % SESSIONS)).length;
                alone[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(alone);
            Map<String, String> thinking = Wrk.run(base + path, sessionFile, SESSIONS, 1000, WEB_SECONDS, null);
            Map<String, String> saturated = Wrk.run(base + path, sessionFile, SESSIONS, 0, WEB_SECONDS, null);
            Map<String, String> result = new HashMap<>();
            result.put("label", label);
            result.put("alone_median", String.format("%.2f", percentile(alone, 50)));
            result.put("alone_p95", String.format("%.2f", percentile(alone, 95)));
            result.put("think_p50", thinking.get("p50"));
            result.put("think_p95", thinking.get("p95"));
            result.put("saturated_p95", saturated.get("p95"));
            result.put("saturated_rps", saturated.get("rps"));
            result.put("bytes", Integer.toString(bytes));
            result.put("failures", Long.toString(Wrk.failures(thinking) + Wrk.failures(saturated)));
            return result;
        }

        /**
         * Cell saves as the matrix sends them (htmx; the answer is the saved cell's view), one user
         * after another, each on a cell not saved before (version 0), against the static file.
         */
        private void cellSaves() throws Exception {
            List<Map<String, Object>> cells = jdbc.sql(
                            "select alternative_id, row_key, term from impact_cell where case_id = ? order by row_key, term, alternative_id")
                    .param(matrixCase)
                    .query()
                    .listOfRows();
            int[] next = new int[1];
            Callable<Object> save = () -> {
                Map<String, Object> c = cells.get(next[0]++);
                WebSession.Response saved = editor.postRawHtmx(
                        "/impact/cases/" + matrixCase + "/cell",
                        Map.of(
                                "alternative",
                                c.get("alternative_id").toString(),
                                "row",
                                c.get("row_key").toString(),
                                "term",
                                c.get("term").toString(),
                                "direction",
                                "NEGATIVE",
                                "magnitude",
                                "SMALL",
                                "reasoning",
                                "Tallennettu uudelleen " + next[0],
                                "version",
                                "0"));
                if (saved.status() != 200 || !saved.body().contains("Tallennettu uudelleen")) {
                    throw new IllegalStateException("The cell was not saved: " + saved.status());
                }
                return null;
            };
            double[] millis = time(40, Math.min(300, cells.size() - 40), save);
            double[] baseline = time(20, 200, () -> get(STATIC, sessions.get(0)));
            System.out.printf(
                    "RESULT cell_save runs=%d median_ms=%.2f p95_ms=%.2f static_median_ms=%.2f ratio_to_static=%.1f%n",
                    millis.length,
                    percentile(millis, 50),
                    percentile(millis, 95),
                    percentile(baseline, 50),
                    percentile(millis, 50) / percentile(baseline, 50));
        }

        private void exports() throws Exception {
            double[] baseline = time(10, 50, () -> get(STATIC, sessions.get(0)));
            for (String kind : List.of("pdf", "docx")) {
                String path = "/impact/cases/" + matrixCase + "/export." + kind + "?lang=fi";
                int[] bytes = new int[1];
                double[] millis = time(3, 15, () -> bytes[0] = get(path, sessions.get(0)).length);
                System.out.printf(
                        "RESULT export_%s runs=%d median_ms=%.0f p95_ms=%.0f bytes=%d static_median_ms=%.2f"
                                + " ratio_to_static=%.0f%n",
                        kind,
                        millis.length,
                        percentile(millis, 50),
                        percentile(millis, 95),
                        bytes[0],
                        percentile(baseline, 50),
                        percentile(millis, 50) / percentile(baseline, 50));
            }
        }
    }
}
