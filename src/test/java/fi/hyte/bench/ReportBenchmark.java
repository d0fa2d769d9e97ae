package fi.hyte.bench;

import static fi.hyte.bench.BenchHyte.percentile;

import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.Participant;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.OrganisationSetup;
import fi.hyte.organisation.domain.OrganisationType;
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
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.Block;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Composer;
import fi.hyte.report.domain.Handling;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportExports;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportStatus;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.report.domain.Snapshot;
import fi.hyte.support.Fixtures;
import fi.hyte.support.WebSession;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wellbeing report at the size of issue 12 §11: a report of 60 sections and 150 blocks (100
 * indicator charts of 20 years × 5 regions, the progress of a plan of 50 goals and 500 measures, the
 * maturity matrix), built through the report module's own services in an organisation linked to
 * Kerava (with its county, region, country and one peer: five regions). Measured in one run: a
 * section page and the whole draft preview under 20 signed-in users, freezing (lock + approval),
 * the public page under 50 users against a static file of the same server, PDF and DOCX from the
 * snapshot with peak heap, and composing a county's regional report with 30 member municipalities.
 * Prints RESULT lines.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=fi.hyte.bench.ReportBenchmark
 * -Dexec.classpathScope=test} (needs {@code wrk} and {@code ../shared/data}).
 */
public final class ReportBenchmark {

    static final Path REAL_ROWS = IndicatorBenchmark.REAL_ROWS;
    static final int FIRST_REAL_YEAR = IndicatorBenchmark.FIRST_REAL_YEAR;
    static final int REAL_YEARS = IndicatorBenchmark.REAL_YEARS;
    static final int FIRST_YEAR = 2004;
    static final int LAST_YEAR = 2023;
    static final int INDICATORS = 100;
    static final int SECTIONS = 60;
    static final int BLOCKS = 150;
    static final String KERAVA = "245";
    static final String PEER = "186";
    /** Pohjois-Pohjanmaa: the wellbeing services county with 30 municipalities. */
    static final String COUNTY = "19";

    static final int LINES = 8;
    static final int GOALS = 50;
    static final int MEASURES_PER_GOAL = 10;
    static final int SECTORS = 8;
    static final int SESSIONS = 20;
    static final int PUBLIC_USERS = 50;
    static final int WEB_SECONDS = Integer.getInteger("hyte.bench.web-seconds", 15);
    static final int WARMUP_SECONDS = Integer.getInteger("hyte.bench.warmup-seconds", 6);
    static final int ALONE = Integer.getInteger("hyte.bench.alone", 20);
    static final int FREEZES = Integer.getInteger("hyte.bench.freezes", 3);
    static final int FILES = Integer.getInteger("hyte.bench.files", 3);
    static final int REGIONAL = Integer.getInteger("hyte.bench.regional", 7);
    static final String STATIC = "/css/hyte.css";
    /** What to measure after building the report: any of parts,pages,freeze,files,regional (all by default). */
    static final List<String> PARTS =
            List.of(System.getProperty("hyte.bench.parts", "parts,pages,freeze,files,regional")
                    .split(","));

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (BenchHyte hyte = BenchHyte.start("report")) {
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
        private final List<Integer> indicatorIds = new ArrayList<>();
        private Fixtures.Org org;
        private Tenant tenant;
        private final List<UUID> sectors = new ArrayList<>();
        private final List<UUID> goals = new ArrayList<>();
        private UUID plan;
        private UUID report;
        private UUID sampleSection;
        private UUID chartSection;
        private Path sessionFile;
        private List<String> sessions;

        Run(ConfigurableApplicationContext app, Path work) {
            this.app = app;
            this.jdbc = app.getBean(JdbcClient.class);
            this.work = work;
            this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        }

        void all() throws Exception {
            System.out.println("RESULT load_average start=" + loadAverage());
            values();
            organisation();
            plan();
            maturity();
            report();
            signIn();
            if (PARTS.contains("parts")) {
                parts();
            }
            if (PARTS.contains("pages")) {
                pages();
            }
            if (PARTS.contains("freeze")) {
                Snapshot snapshot = freeze();
                publicPage(snapshot);
                if (PARTS.contains("files")) {
                    files(snapshot);
                }
            }
            if (PARTS.contains("regional")) {
                regional();
            }
            System.out.println("RESULT load_average end=" + loadAverage());
        }

        /**
         * As in {@link IndicatorBenchmark}: the real rows of indicator 683 (all regions, 2015–2023)
         * repeated over 100 indicators (683 and the catalogue's first ids) and the years 2004–2023,
         * total only, imported as one Sotkanet batch.
         */
        private void values() throws IOException {
            long start = System.nanoTime();
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
            indicatorIds.add(683);
            jdbc
                    .sql("select id from indicator where organisation_id is null order by id")
                    .query(Integer.class)
                    .list()
                    .stream()
                    .filter(id -> id != 683)
                    .limit(INDICATORS - 1)
                    .forEach(indicatorIds::add);
            Path file = work.resolve("values.csv");
            long rows = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                out.write("indicator;region;year;gender;primary value;absolute value\n"
                        .getBytes(StandardCharsets.US_ASCII));
                for (int indicator : indicatorIds) {
                    for (Map.Entry<Integer, String[][]> region : real.entrySet()) {
                        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                            String[] v = region.getValue()[Math.floorMod(year - FIRST_REAL_YEAR, REAL_YEARS)];
                            if (v == null) {
                                continue;
                            }
                            out.write((indicator + ";" + region.getKey() + ";" + year + ";total;" + v[0] + ";" + v[1]
                                            + "\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            rows++;
                        }
                    }
                }
            }
            ValueImport.Result result;
            try (InputStream in = Files.newInputStream(file)) {
                result = app.getBean(ValueImport.class)
                        .run(
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
                                done -> {});
            }
            Files.delete(file);
            if (!result.accepted()) {
                throw new IllegalStateException("The values were refused: " + result);
            }
            jdbc.sql("analyze").update();
            System.out.printf(
                    "RESULT values rows=%d added=%d indicators=%d regions=%d years=%d-%d seconds=%.1f%n",
                    rows,
                    result.added(),
                    indicatorIds.size(),
                    real.size(),
                    FIRST_YEAR,
                    LAST_YEAR,
                    (System.nanoTime() - start) / 1e9);
        }

        private void organisation() {
            Fixtures fixtures = app.getBean(Fixtures.class);
            org = fixtures.organisation("bench", RegionKind.MUNICIPALITY, KERAVA);
            tenant = new Tenant(org.id(), null, "Kaisa Koordinaattori", Role.COORDINATOR);
            app.getBean(Comparisons.class)
                    .addPeer(
                            org.id(),
                            app.getBean(IndicatorRegions.class)
                                    .find("KUNTA", PEER)
                                    .orElseThrow()
                                    .id());
            for (int s = 0; s < SECTORS; s++) {
                sectors.add(fixtures.sector(org, "Toimiala " + (s + 1)));
            }
            fixtures.body(org, BodyType.WELLBEING_GROUP, "Hyvinvointiryhmä");
        }

        /** As in {@link PlanBenchmark}, condensed: 8 lines, 50 goals with 2 indicators each, 500 measures, evaluations of half. */
        private void plan() {
            long start = System.nanoTime();
            PlanEditing editing = app.getBean(PlanEditing.class);
            plan = editing.createPlan(
                            org.tenant(),
                            new Plan(
                                    null,
                                    LocalizedText.of("Hyvinvointisuunnitelma 2025–2028", "Välfärdsplan 2025–2028"),
                                    2025,
                                    2028,
                                    "Kaupunkistrategia 2030",
                                    null,
                                    false,
                                    0))
                    .id();
            List<UUID> dimensions = app.getBean(PlanReading.class).dimensions(org.id()).stream()
                    .map(Dimension::id)
                    .toList();
            TargetGroup[] groups = TargetGroup.values();
            MeasureStatus[] statuses = {
                MeasureStatus.PLANNED, MeasureStatus.ONGOING, MeasureStatus.ONGOING, MeasureStatus.DONE,
                MeasureStatus.LATE, MeasureStatus.ONGOING, MeasureStatus.PLANNED, MeasureStatus.CANCELLED
            };
            Realisation[] realised = Realisation.values();
            List<Evaluation> evaluations = new ArrayList<>();
            int measureNumber = 0;
            List<UUID> lines = new ArrayList<>();
            for (int l = 0; l < LINES; l++) {
                lines.add(editing.saveLine(
                        org.tenant(),
                        new PolicyLine(
                                null,
                                plan,
                                0,
                                l + 1,
                                LocalizedText.of("Hyvinvointilinjaus " + (l + 1), null),
                                LocalizedText.of("Linjauksen " + (l + 1) + " kuvaus.", null),
                                null,
                                0)));
            }
            for (int n = 0; n < GOALS; n++) {
                UUID goal = editing.saveGoal(
                        org.tenant(),
                        new Goal(
                                null,
                                plan,
                                lines.get(n % LINES),
                                0,
                                n / LINES + 1,
                                LocalizedText.of("Tavoite " + (n + 1) + ": hyvinvointi paranee", null),
                                LocalizedText.of("Tavoitteen " + (n + 1) + " kuvaus.", null),
                                List.of(dimensions.get(n % dimensions.size())),
                                List.of(groups[n % groups.length]),
                                null,
                                null,
                                null,
                                0,
                                null,
                                null));
                goals.add(goal);
                int version = 0;
                for (int indicator : List.of(683, indicatorIds.get(1 + n % (INDICATORS - 1)))) {
                    BigDecimal baseline = new BigDecimal("10.0");
                    editing.saveGoalIndicator(
                            org.tenant(),
                            new GoalIndicator(
                                    null,
                                    goal,
                                    indicator,
                                    "total",
                                    n % 3 == 2 ? null : 2019,
                                    n % 3 == 2 ? null : baseline,
                                    n % 3 == 2 ? null : new BigDecimal("9.0"),
                                    n % 3 == 2 ? null : 2028,
                                    TargetDirection.DECREASE,
                                    0),
                            version++);
                }
                if (n % 2 == 0) {
                    evaluations.add(evaluation(goal, null, n, realised));
                }
                for (int m = 0; m < MEASURES_PER_GOAL; m++, measureNumber++) {
                    int k = measureNumber;
                    MeasureStatus status = statuses[k % statuses.length];
                    UUID measure = editing.saveMeasure(
                            org.tenant(),
                            new Measure(
                                    null,
                                    plan,
                                    goal,
                                    0,
                                    m + 1,
                                    LocalizedText.of("Toimenpide " + (k + 1) + ": toimintaa hyvinvoinniksi", null),
                                    LocalizedText.of("Toimenpiteen " + (k + 1) + " kuvaus.", null),
                                    sectors.get((n + m) % SECTORS),
                                    null,
                                    List.of(),
                                    null,
                                    LocalDate.of(2025, 1 + (k % 4) * 3, 1),
                                    k % 2 == 0 ? LocalDate.of(2027, 12, 31) : null,
                                    null,
                                    BigDecimal.valueOf(1000L + (k * 937L) % 99_000L),
                                    null,
                                    null,
                                    null,
                                    "TA 2025",
                                    true,
                                    status,
                                    status == MeasureStatus.DONE ? 100 : (k * 7) % 90,
                                    0,
                                    null,
                                    null));
                    if (k % 2 == 0) {
                        evaluations.add(evaluation(null, measure, k, realised));
                    }
                }
            }
            editing.saveProgress(org.tenant(), plan, List.of(), evaluations);
            System.out.printf(
                    "RESULT plan goals=%d measures=%d evaluations=%d seconds=%.1f%n",
                    GOALS, measureNumber, evaluations.size(), (System.nanoTime() - start) / 1e9);
        }

        private static Evaluation evaluation(UUID goal, UUID measure, int n, Realisation[] realised) {
            return new Evaluation(
                    null,
                    goal,
                    measure,
                    2025,
                    realised[n % realised.length],
                    "Arvio vuodelta 2025: toteutui suunnitellusti " + n + ".",
                    null,
                    null,
                    0,
                    null,
                    null);
        }

        /** A closed PROMEQ round of 10 respondents with agreed levels: the matrix the report shows. */
        private void maturity() {
            Assessments assessments = app.getBean(Assessments.class);
            Rounds rounds = app.getBean(Rounds.class);
            List<Assessments.Invitee> invitees = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                invitees.add(new Assessments.Invitee("Vastaaja " + i, null));
            }
            UUID round = assessments.open(
                    org.tenant(),
                    MaturityModels.PROMEQ,
                    "Kierros 2025",
                    LocalDate.of(2025, 10, 1),
                    null,
                    true,
                    invitees);
            List<String> criteria = List.of("strategy", "collaboration", "goals", "concept", "inequality");
            int i = 0;
            for (Participant participant : rounds.participants(org.id(), round)) {
                for (String criterion : criteria) {
                    rounds.saveAnswer(
                            org.id(),
                            new fi.hyte.maturity.domain.Answer(
                                    participant.id(), criterion, 1 + (i++ % 4), "Perustelu", null));
                }
                rounds.markSubmitted(org.id(), participant.id(), true, 0);
            }
            assessments.endAnswering(org.tenant(), round);
            int level = 1;
            for (String criterion : criteria) {
                assessments.agree(org.tenant(), round, criterion, 1 + level++ % 4, "Yhteinen näkemys", -1);
            }
            assessments.close(org.tenant(), round);
        }

        /**
         * An extended report from the outline, grown to 60 sections (each with Markdown text), and
         * blocks added through {@link ReportWork#addBlock} up to 150: the outline's own, the 100
         * indicator charts (two to a section in sections 4–53), the progress of goals to fill up,
         * and at least one plan progress and one maturity matrix.
         */
        private void report() {
            long start = System.nanoTime();
            ReportWork work = app.getBean(ReportWork.class);
            Reports reports = app.getBean(Reports.class);
            report = work.start(
                    tenant,
                    new ReportWork.NewReport(
                            ReportKind.EXTENDED,
                            LocalizedText.of("Laaja hyvinvointikertomus 2025–2028", "Välfärdsberättelse 2025–2028"),
                            2025,
                            2028,
                            null,
                            false,
                            false));
            for (int i = reports.sections(org.id(), report).size(); i < SECTIONS; i++) {
                work.addSection(tenant, report, LocalizedText.of("Luku " + (i + 1), "Kapitel " + (i + 1)));
            }
            List<Section> sections = reports.sections(org.id(), report);
            for (Section s : sections) {
                work.saveSection(
                        tenant,
                        report,
                        s.id(),
                        new ReportWork.SectionText(
                                s.title(),
                                LocalizedText.of(
                                        markdown(s.title().fi(), "fi"),
                                        markdown(s.title().fi(), "sv")),
                                null,
                                null,
                                null),
                        s.version());
            }
            List<Block> existing = reports.blocks(org.id(), report);
            boolean hasPlan = existing.stream().anyMatch(b -> b.kind() == BlockKind.PLAN_PROGRESS);
            boolean hasMaturity = existing.stream().anyMatch(b -> b.kind() == BlockKind.MATURITY);
            int blocks = existing.size();
            for (int i = 0; i < INDICATORS; i++) {
                Section s = sections.get(3 + i / 2);
                work.addBlock(
                        tenant,
                        report,
                        s.id(),
                        new ReportWork.NewBlock(BlockKind.INDICATOR, indicatorIds.get(i), null, null, null, true),
                        id -> true);
                blocks++;
            }
            if (!hasPlan) {
                add(work, sections.get(54), BlockKind.PLAN_PROGRESS, null);
                blocks++;
            }
            if (!hasMaturity) {
                add(work, sections.get(55), BlockKind.MATURITY, null);
                blocks++;
            }
            for (int g = 0; blocks < BLOCKS; g++, blocks++) {
                add(work, sections.get(3 + (g % 50)), BlockKind.GOAL_PROGRESS, goals.get(g % GOALS));
            }
            Report r = work.find(tenant, report);
            work.saveSettings(
                    tenant,
                    report,
                    new ReportWork.Settings(
                            r.title(),
                            plan,
                            false,
                            r.changeThreshold(),
                            LocalizedText.of("Kuntalaisten hyvinvointi on pääosin hyvällä tasolla.", null),
                            null),
                    r.version());
            List<Block> all = reports.blocks(org.id(), report);
            Map<BlockKind, Long> kinds = new LinkedHashMap<>();
            all.forEach(b -> kinds.merge(b.kind(), 1L, Long::sum));
            // The sections measured: the fourth (the inequality gaps, two indicator charts and one goal's
            // progress) and the 51st (two indicator charts).
            sampleSection = sections.get(3).id();
            chartSection = sections.get(50).id();
            long sampleBlocks = all.stream()
                    .filter(b -> b.sectionId().equals(sampleSection))
                    .count();
            System.out.printf(
                    "RESULT report sections=%d blocks=%d kinds=%s sample_section_blocks=%d seconds=%.1f%n",
                    reports.sections(org.id(), report).size(),
                    all.size(),
                    kinds.toString().replace(" ", ""),
                    sampleBlocks,
                    (System.nanoTime() - start) / 1e9);
        }

        private void add(ReportWork work, Section s, BlockKind kind, UUID goal) {
            work.addBlock(
                    tenant, report, s.id(), new ReportWork.NewBlock(kind, null, null, goal, null, false), id -> true);
        }

        private static String markdown(String title, String lang) {
            String p = lang.equals("fi")
                    ? "Luvussa kuvataan kuntalaisten hyvinvoinnin tilaa ja sen muutosta. Tiedot ovat THL:n"
                            + " Sotkanetista, ja niitä verrataan hyvinvointialueeseen ja koko maahan."
                    : "Kapitlet beskriver invånarnas välfärd och hur den har förändrats. Uppgifterna kommer från"
                            + " THL:s Sotkanet och jämförs med välfärdsområdet och hela landet.";
            return "## " + title + "\n\n" + p + "\n\n- **Vahvuus:** liikunta\n- *Haaste:* yksinäisyys\n\n" + p;
        }

        /**
         * Where a page's time goes, one call after another (median of 7 after 3 warm-ups): one block
         * of each kind composed alone (as the section page composes each of its blocks), the indicator
         * set's overview (which the inequality block and the section page's block form each read),
         * and the whole report composed in one language (the preview's part before Thymeleaf).
         */
        private void parts() {
            Composer composer = app.getBean(Composer.class);
            Reports reports = app.getBean(Reports.class);
            Report r = app.getBean(ReportWork.class).find(tenant, report);
            Locale fi = Locale.forLanguageTag("fi");
            Map<BlockKind, Block> one = new LinkedHashMap<>();
            reports.blocks(org.id(), report).forEach(b -> one.putIfAbsent(b.kind(), b));
            one.forEach((kind, b) -> System.out.printf(
                    "RESULT part block_%s median_ms=%.1f%n",
                    kind, median(() -> fresh(() -> composer.block(org.id(), r, b, fi, TODAY)))));
            fi.hyte.indicator.IndicatorCatalog catalog = app.getBean(fi.hyte.indicator.IndicatorCatalog.class);
            System.out.printf(
                    "RESULT part set_overview items=%d median_ms=%.1f%n",
                    catalog.setOverview(org.id()).items().size(), median(() -> catalog.setOverview(org.id())));
            Composer.Composed composed = composer.compose(org.id(), r, fi, TODAY);
            System.out.printf(
                    "RESULT part compose_report values=%d regions_of_683=%d median_ms=%.1f%n",
                    composed.data().values().size(),
                    composed.data().values().stream()
                            .filter(v -> v.indicatorId() == 683)
                            .map(v -> v.region())
                            .distinct()
                            .count(),
                    median(() -> fresh(() -> composer.compose(org.id(), r, fi, TODAY))));
            System.out.printf(
                    "RESULT part compose_report_kept median_ms=%.2f%n",
                    median(() -> composer.compose(org.id(), r, fi, TODAY)));
        }

        /**
         * Composed afresh: in a transaction that writes, the composer neither keeps nor reuses (what
         * a page shows after any change to the data it is composed from).
         */
        private <T> T fresh(Supplier<T> work) {
            return new org.springframework.transaction.support.TransactionTemplate(
                            app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                    .execute(status -> work.get());
        }

        private static double median(Supplier<Object> work) {
            for (int i = 0; i < 3; i++) {
                work.get();
            }
            double[] times = new double[7];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                work.get();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            return times[3];
        }

        /** 20 sessions of the coordinator through the sign-in form, each of which opens the report once. */
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
                get("/reports/" + report, session);
            }
            sessionFile = work.resolve("sessions");
            Files.write(sessionFile, sessions);
        }

        private byte[] get(String path, String session) throws Exception {
            return get(path, session, null);
        }

        private byte[] get(String path, String session, String header) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
            if (header != null) {
                String[] pair = header.split(":\\s*", 2);
                request.header(pair[0], pair[1]);
            }
            if (session != null) {
                request.header("Cookie", "SESSION=" + session);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        }

        /**
         * A section fragment (the section as the report shows it), the section's editing page and the
         * whole draft preview: alone, then 20 users pausing 0.5–1.5 s; the static file before and after.
         */
        private void pages() throws Exception {
            String section = "/reports/" + report + "/sections/" + sampleSection;
            String preview = "/reports/" + report + "/preview";
            String page = new String(get(preview, sessions.get(0)), StandardCharsets.UTF_8);
            int figures = count(page, "<svg");
            System.out.printf("RESULT preview_content bytes=%d svg=%d%n", page.length(), figures);
            Map<String, String> staticFirst = load(STATIC, "static", SESSIONS);
            // The section as the report shows it, alone (the fragment the section page loads with htmx).
            Map<String, String> fragmentResult =
                    load(section + "/content", "section_fragment", SESSIONS, "HX-Request: true");
            Map<String, String> sectionResult = load(section, "section", SESSIONS);
            Map<String, String> chartsResult =
                    load("/reports/" + report + "/sections/" + chartSection, "section_two_charts", SESSIONS);
            Map<String, String> previewResult = load(preview, "preview", SESSIONS);
            Map<String, String> staticLast = load(STATIC, "static", SESSIONS);
            for (Map<String, String> r :
                    List.of(staticFirst, fragmentResult, sectionResult, chartsResult, previewResult, staticLast)) {
                print(r);
            }
            afterAChange(section, "section");
            afterAChange(preview, "preview");
        }

        /**
         * A page asked right after an edit of the section's text (as saving it would, one character
         * more each time), so that nothing kept can be shown: the page is composed and written out
         * afresh, what the first reader after any change waits for.
         */
        private void afterAChange(String path, String label) throws Exception {
            int n = label.equals("preview") ? Math.max(5, ALONE / 2) : ALONE;
            double[] times = new double[n];
            for (int i = 0; i < n; i++) {
                jdbc.sql("update report_section set body_fi = coalesce(body_fi, '') || ? where id = ?")
                        .params(String.valueOf(i % 10), sampleSection)
                        .update();
                long start = System.nanoTime();
                get(path, sessions.get(i % SESSIONS));
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT page_%s_after_change requests=%d median_ms=%.1f p95_ms=%.1f load=%s%n",
                    label,
                    n,
                    percentile(times, 50),
                    percentile(times, 95),
                    loadAverage());
        }

        /**
         * One page: a warm-up with wrk, then ALONE requests one after another, then {@code users}
         * connections pausing 0.5–1.5 s between requests (bench/sessions.lua, think time 1000 ms).
         */
        private Map<String, String> load(String path, String label, int users) throws Exception {
            return load(path, label, users, null);
        }

        /** As above, each request with one more header (e.g. "Accept-Encoding: gzip", as a browser sends it). */
        private Map<String, String> load(String path, String label, int users, String header) throws Exception {
            // The public page is asked as a resident asks it: without a cookie (a signed-in reader's
            // request is rendered for them, never answered from the kept pages).
            Path asking = label.startsWith("public") ? Files.writeString(work.resolve("no-sessions"), "") : sessionFile;
            Wrk.run(base + path, asking, users, 1000, WARMUP_SECONDS, header);
            int alone = label.equals("preview") ? Math.max(5, ALONE / 2) : ALONE;
            double[] times = new double[alone];
            int bytes = 0;
            for (int i = 0; i < alone; i++) {
                long start = System.nanoTime();
                bytes = get(path, label.startsWith("public") ? null : sessions.get(i % SESSIONS), header).length;
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            Map<String, String> thinking = Wrk.run(base + path, asking, users, 1000, WEB_SECONDS, header);
            Map<String, String> result = new LinkedHashMap<>();
            result.put("label", label);
            result.put("users", Integer.toString(users));
            result.put("alone_median_ms", String.format(Locale.ROOT, "%.1f", percentile(times, 50)));
            result.put("alone_p95_ms", String.format(Locale.ROOT, "%.1f", percentile(times, 95)));
            result.put("p50_ms", thinking.get("p50"));
            result.put("p95_ms", thinking.get("p95"));
            result.put("p99_ms", thinking.get("p99"));
            result.put("rps", thinking.get("rps"));
            result.put("requests", thinking.get("requests"));
            result.put("failures", Long.toString(Wrk.failures(thinking)));
            result.put("bytes", Integer.toString(bytes));
            result.put("load", loadAverage());
            return result;
        }

        private static void print(Map<String, String> r) {
            StringBuilder line = new StringBuilder("RESULT page_" + r.get("label"));
            r.forEach((k, v) -> {
                if (!k.equals("label")) {
                    line.append(' ').append(k).append('=').append(v);
                }
            });
            System.out.println(line);
        }

        /**
         * Freezing: review (set directly: the synthetic report's readiness gaps, e.g. alternative
         * texts, are not the point here), then the timed part, {@link ReportWork#lock} (composes the
         * report in fi, sv and en) and the approval that writes the snapshot. Repeated by reopening
         * the approved report for a correction; the last snapshot is published.
         */
        private Snapshot freeze() {
            ReportWork work = app.getBean(ReportWork.class);
            Reports reports = app.getBean(Reports.class);
            double[] lockMs = new double[FREEZES];
            double[] handleMs = new double[FREEZES];
            double[] total = new double[FREEZES];
            UUID snapshot = null;
            for (int i = 0; i < FREEZES; i++) {
                if (i > 0) {
                    work.correct(tenant, report, "Korjaus " + i);
                }
                if (reports.changeStatus(org.id(), report, ReportStatus.DRAFT, ReportStatus.REVIEW, null, null) != 1) {
                    throw new IllegalStateException("Not a draft");
                }
                long start = System.nanoTime();
                work.lock(tenant, report, TODAY);
                long locked = System.nanoTime();
                snapshot = work.handle(
                                tenant,
                                report,
                                new ReportWork.HandlingForm(
                                        null,
                                        "Kunnanvaltuusto",
                                        TODAY,
                                        "§ " + (10 + i),
                                        null,
                                        Handling.Outcome.APPROVED,
                                        null),
                                TODAY)
                        .orElseThrow();
                long end = System.nanoTime();
                lockMs[i] = (locked - start) / 1e6;
                handleMs[i] = (end - locked) / 1e6;
                total[i] = (end - start) / 1e6;
            }
            Snapshot s = reports.snapshot(org.id(), snapshot).orElseThrow();
            work.publish(tenant, report);
            System.out.printf(
                    "RESULT freeze runs=%d total_ms=%s median_ms=%.0f lock_median_ms=%.0f approve_median_ms=%.0f"
                            + " snapshot_kb=%.0f load=%s%n",
                    FREEZES,
                    Arrays.toString(sorted(total)).replace(" ", ""),
                    percentile(sorted(total), 50),
                    percentile(sorted(lockMs), 50),
                    percentile(sorted(handleMs), 50),
                    s.content().length() / 1024.0,
                    loadAverage());
            return s;
        }

        /** The public page under 50 users without a cookie, as residents ask it, against the static file. */
        private void publicPage(Snapshot snapshot) throws Exception {
            tools.jackson.databind.json.JsonMapper json = app.getBean(tools.jackson.databind.json.JsonMapper.class);
            System.out.printf(
                    "RESULT part read_snapshot kb=%.0f median_ms=%.1f%n",
                    snapshot.content().length() / 1024.0,
                    median(() -> fi.hyte.report.domain.Frozen.read(json, snapshot.content())));
            String path = "/public/reports/" + report + "/fi";
            Map<String, String> staticFirst = load(STATIC, "static", PUBLIC_USERS);
            Map<String, String> page = load(path, "public", PUBLIC_USERS);
            // As a browser asks for it: the page kept gzip-compressed (session 5).
            Map<String, String> gzip = load(path, "public_gzip", PUBLIC_USERS, "Accept-Encoding: gzip");
            Map<String, String> staticLast = load(STATIC, "static", PUBLIC_USERS);
            double staticP95 =
                    (Double.parseDouble(staticFirst.get("p95_ms")) + Double.parseDouble(staticLast.get("p95_ms"))) / 2;
            double staticMedian = (Double.parseDouble(staticFirst.get("alone_median_ms"))
                            + Double.parseDouble(staticLast.get("alone_median_ms")))
                    / 2;
            for (Map<String, String> r : List.of(page, gzip)) {
                r.put(
                        "p95_ratio_to_static",
                        String.format(Locale.ROOT, "%.1f", Double.parseDouble(r.get("p95_ms")) / staticP95));
                r.put(
                        "alone_ratio_to_static",
                        String.format(
                                Locale.ROOT, "%.1f", Double.parseDouble(r.get("alone_median_ms")) / staticMedian));
            }
            for (Map<String, String> r : List.of(staticFirst, page, gzip, staticLast)) {
                print(r);
            }
        }

        /** PDF and DOCX of the snapshot, made in this thread: the first (cold), then the median of the rest, with peak heap. */
        private void files(Snapshot snapshot) {
            ReportExports exports = app.getBean(ReportExports.class);
            for (String format : List.of("pdf", "docx")) {
                timeFile(format, () -> exports.make(snapshot, format, "fi"));
            }
        }

        private void timeFile(String format, Supplier<byte[]> make) {
            HeapSampler heap = HeapSampler.start(10);
            long start = System.nanoTime();
            byte[] bytes = make.get();
            double cold = (System.nanoTime() - start) / 1e6;
            double[] times = new double[Math.max(1, FILES - 1)];
            // CPU of the whole process (the export's threads and the collector's) and collections'
            // time over the warm runs: on a shared machine the wall-clock is mostly waiting for a core.
            double[] cpu = new double[times.length];
            long gcBefore = gcMillis();
            for (int i = 0; i < times.length; i++) {
                long cpuStart = processCpuNanos();
                start = System.nanoTime();
                bytes = make.get();
                times[i] = (System.nanoTime() - start) / 1e6;
                cpu[i] = (processCpuNanos() - cpuStart) / 1e6;
            }
            long gc = gcMillis() - gcBefore;
            heap.stop();
            Arrays.sort(cpu);
            System.out.printf(
                    "RESULT file_%s_cpu warm_process_cpu_ms=%s warm_process_cpu_median_ms=%.0f warm_gc_ms_total=%d%n",
                    format, Arrays.toString(cpu).replace(" ", ""), percentile(cpu, 50), gc);
            Arrays.sort(times);
            System.out.printf(
                    "RESULT file_%s cold_ms=%.0f warm_ms=%s warm_median_ms=%.0f kb=%.0f heap_before_mb=%.0f"
                            + " heap_peak_mb=%.0f heap_peak_after_gc_mb=%.0f heap_max_mb=%.0f load=%s%n",
                    format,
                    cold,
                    Arrays.toString(times).replace(" ", ""),
                    percentile(times, 50),
                    bytes.length / 1024.0,
                    heap.beforeMb(),
                    heap.peakMb(),
                    heap.peakAfterGcMb(),
                    Runtime.getRuntime().maxMemory() / 1048576.0,
                    loadAverage());
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        private static long gcMillis() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                    .sum();
        }

        /**
         * Pohjois-Pohjanmaa's county and its 30 municipalities as organisations; a regional report
         * from its outline with the same 100 indicator charts added, composed (Finnish) after warm-ups.
         */
        private void regional() {
            OrganisationSetup setup = app.getBean(OrganisationSetup.class);
            OrganisationId county = setup.create(
                    OrganisationType.WELLBEING_COUNTY,
                    LocalizedText.of("Pohjois-Pohjanmaan hyvinvointialue", null),
                    RegionKind.WELLBEING_COUNTY,
                    COUNTY,
                    null,
                    "bench");
            List<String> members = jdbc.sql("select code from region where kind = 'MUNICIPALITY' and county_code = ?"
                            + " order by code")
                    .param(COUNTY)
                    .query(String.class)
                    .list();
            for (String code : members) {
                setup.create(
                        OrganisationType.MUNICIPALITY,
                        LocalizedText.of("Kunta " + code, null),
                        RegionKind.MUNICIPALITY,
                        code,
                        null,
                        "bench");
            }
            Tenant countyTenant = new Tenant(county, null, "Maria Salonen", Role.COORDINATOR);
            ReportWork work = app.getBean(ReportWork.class);
            Reports reports = app.getBean(Reports.class);
            UUID regional = work.start(
                    countyTenant,
                    new ReportWork.NewReport(
                            ReportKind.REGIONAL,
                            LocalizedText.of("Alueellinen hyvinvointikertomus 2025–2028", null),
                            2025,
                            2028,
                            null,
                            false,
                            false));
            List<Section> sections = reports.sections(county, regional);
            for (int i = 0; i < INDICATORS; i++) {
                work.addBlock(
                        countyTenant,
                        regional,
                        sections.get(Math.min(sections.size() - 1, 1 + i % (sections.size() - 1)))
                                .id(),
                        new ReportWork.NewBlock(BlockKind.INDICATOR, indicatorIds.get(i), null, null, null, false),
                        id -> true);
            }
            if (reports.blocks(county, regional).stream().noneMatch(b -> b.kind() == BlockKind.MEMBER_REPORTS)) {
                work.addBlock(
                        countyTenant,
                        regional,
                        sections.get(0).id(),
                        new ReportWork.NewBlock(BlockKind.MEMBER_REPORTS, null, null, null, null, false),
                        id -> true);
            }
            Composer composer = app.getBean(Composer.class);
            Report r = work.find(countyTenant, regional);
            Locale fi = Locale.forLanguageTag("fi");
            long start = System.nanoTime();
            Composer.Composed first = fresh(() -> composer.compose(county, r, fi, TODAY));
            double cold = (System.nanoTime() - start) / 1e6;
            double[] times = new double[REGIONAL];
            for (int i = 0; i < REGIONAL; i++) {
                start = System.nanoTime();
                fresh(() -> composer.compose(county, r, fi, TODAY));
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            long memberItems = first.content().sections().stream()
                    .flatMap(s -> s.blocks().stream())
                    .filter(b -> b.kind().equals("MEMBER_REPORTS"))
                    .mapToLong(b -> b.items().size())
                    .sum();
            System.out.printf(
                    "RESULT regional members=%d blocks=%d member_items=%d values=%d first_ms=%.0f median_ms=%.0f"
                            + " p95_ms=%.0f load=%s%n",
                    members.size(),
                    reports.blocks(county, regional).size(),
                    memberItems,
                    first.data().values().size(),
                    cold,
                    percentile(times, 50),
                    percentile(times, 95),
                    loadAverage());
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            found++;
        }
        return found;
    }
}
