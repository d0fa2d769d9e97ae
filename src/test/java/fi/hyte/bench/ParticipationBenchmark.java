package fi.hyte.bench;

import static fi.hyte.bench.BenchHyte.percentile;
import static fi.hyte.bench.BenchHyte.time;

import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public site and consultations under load (issue 14 §9), each against the static file
 * {@code /css/hyte.css} of the same server in the same run:
 *
 * <ol>
 *   <li>{@code plan}: the published plan page (8 policy lines, 40 goals, 160 measures) under 200
 *       connections (wrk -c200) with the rendered-page cache and without it, its 304 answers
 *       (If-None-Match) under 200 connections and one, and its first render after each of 20
 *       publications;
 *   <li>{@code mix}: one client posting 1,000 different answers (all but five refused); then 200
 *       readers of a consultation page (500 published comments) alone, with 20 answers a second
 *       from distinct clients for 60 s, and alone again; every accepted answer stored exactly once;
 *   <li>{@code summary}: a consultation of 20,000 answers (two sections, three questions): its
 *       summary page and its XLSX, with the heap sampled.
 * </ol>
 *
 * Prints RESULT lines that {@code bench/participation.sh} gathers into tables.
 *
 * <p>Run: {@code bench/participation.sh} (a fresh JVM with a 512 MB heap and a fresh embedded
 * PostgreSQL); {@code -Dhyte.bench.phases=plan,mix,summary} chooses phases,
 * {@code -Dhyte.bench.web-seconds=15}, {@code -Dhyte.bench.mix-seconds=60},
 * {@code -Dhyte.bench.answers=20000} the sizes.
 */
public final class ParticipationBenchmark {

    static final String STATIC = "/css/hyte.css";
    static final int CONNECTIONS = Integer.getInteger("hyte.bench.connections", 200);
    static final int WEB_SECONDS = Integer.getInteger("hyte.bench.web-seconds", 15);
    static final int WARMUP_SECONDS = Integer.getInteger("hyte.bench.warmup-seconds", 5);
    static final int MIX_SECONDS = Integer.getInteger("hyte.bench.mix-seconds", 60);
    static final int PER_SECOND = Integer.getInteger("hyte.bench.answers-per-second", 20);
    static final int SEEDED_COMMENTS = Integer.getInteger("hyte.bench.seeded-comments", 500);
    static final int ANSWERS = Integer.getInteger("hyte.bench.answers", 20_000);
    /** The plan page's parts: cached, gzip, 304, c1 (one connection), uncached. */
    static final Set<String> PLAN_PARTS =
            Set.of(System.getProperty("hyte.bench.plan-parts", "cached,gzip,304,c1,uncached")
                    .split(","));

    static final Set<String> PHASES =
            Set.of(System.getProperty("hyte.bench.phases", "plan,mix,summary").split(","));

    private ParticipationBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (BenchHyte hyte = BenchHyte.start("participation")) {
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
        private UUID plan;

        Run(ConfigurableApplicationContext app, Path work) {
            this.app = app;
            this.jdbc = app.getBean(JdbcClient.class);
            this.work = work;
            this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        }

        void all() throws Exception {
            build();
            System.out.printf("RESULT load before=%s%n", load());
            if (PHASES.contains("plan")) {
                planPage();
            }
            if (PHASES.contains("mix")) {
                mix();
            }
            if (PHASES.contains("summary")) {
                summary();
            }
            System.out.printf("RESULT load after=%s%n", load());
        }

        private static String load() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).trim().replace(' ', '_');
            } catch (IOException e) {
                return "unknown";
            }
        }

        /** An online site with a published plan of 8 lines, 40 goals and 160 measures, in Finnish and Swedish. */
        private void build() {
            long start = System.nanoTime();
            org = app.getBean(Fixtures.class).organisation("bench", RegionKind.MUNICIPALITY, "245");
            PlanEditing editing = app.getBean(PlanEditing.class);
            plan = editing.createPlan(
                            org.tenant(),
                            new Plan(
                                    null,
                                    new LocalizedText("Hyvinvointisuunnitelma 2025–2028", "Välfärdsplan", null),
                                    2025,
                                    2028,
                                    null,
                                    null,
                                    false,
                                    0))
                    .id();
            MeasureStatus[] statuses = MeasureStatus.values();
            for (int l = 0; l < 8; l++) {
                UUID line = editing.saveLine(
                        org.tenant(),
                        new PolicyLine(
                                null,
                                plan,
                                0,
                                l + 1,
                                new LocalizedText("Linjaus " + (l + 1), "Riktlinje " + (l + 1), null),
                                LocalizedText.of("Linjauksen kuvaus, joka kertoo mitä tavoitellaan.", null),
                                null,
                                0));
                for (int g = 0; g < 5; g++) {
                    UUID goal = editing.saveGoal(
                            org.tenant(),
                            new Goal(
                                    null,
                                    null,
                                    line,
                                    0,
                                    g + 1,
                                    new LocalizedText("Tavoite " + (l + 1) + "." + (g + 1), "Mål " + (g + 1), null),
                                    LocalizedText.of("Tavoitteen kuvaus asukkaille selkokielellä.", null),
                                    List.of(),
                                    List.of(),
                                    null,
                                    null,
                                    null,
                                    0,
                                    null,
                                    null));
                    for (int m = 0; m < 4; m++) {
                        editing.saveMeasure(
                                org.tenant(),
                                new Measure(
                                        null,
                                        null,
                                        goal,
                                        0,
                                        m + 1,
                                        new LocalizedText(
                                                "Toimenpide " + (m + 1) + " tavoitteelle " + (g + 1), null, null),
                                        LocalizedText.of("Mitä tehdään ja kenen kanssa.", null),
                                        null,
                                        null,
                                        List.of(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        false,
                                        statuses[(l + g + m) % statuses.length],
                                        (l * 7 + g * 13 + m * 29) % 101,
                                        0,
                                        null,
                                        null));
                    }
                }
            }
            Publishing publishing = app.getBean(Publishing.class);
            publishing.save(
                    org.tenant(),
                    new PublicSite(
                            org.id(),
                            "bench",
                            true,
                            false,
                            LocalizedText.of("Kunnan hyvinvointisuunnitelma selkokielellä.", null),
                            LocalizedText.of("Hyvinvointikoordinaattori", null),
                            "hyte@example.fi",
                            null,
                            LocalizedText.of("Tietosuojaseloste", null),
                            "PARTIAL",
                            LocalizedText.of(null, null),
                            "saavutettavuus@example.fi",
                            LocalDate.now(),
                            0,
                            -1));
            publishing.publishPlan(org.tenant(), plan, LocalDate.now());
            System.out.printf("RESULT build seconds=%.1f%n", (System.nanoTime() - start) / 1e9);
        }

        // ---------------------------------------------------------------- 1. the published plan page

        private void planPage() throws Exception {
            String page = "/o/bench/fi/plan";
            HttpResponse<String> first = get(page, Map.of());
            check(first.statusCode() == 200, "plan page " + first.statusCode());
            check(first.headers().firstValue("Set-Cookie").isEmpty(), "no cookie");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            System.out.printf("RESULT plan_page bytes=%d%n", first.body().length());
            Map<String, String> staticFirst = load("static", STATIC, CONNECTIONS, null);
            List<Map<String, String>> results = new java.util.ArrayList<>(List.of(staticFirst));
            if (PLAN_PARTS.contains("cached")) {
                results.add(load("plan_cached", page, CONNECTIONS, null));
            }
            if (PLAN_PARTS.contains("gzip")) {
                // As a browser asks: the kept gzip bytes (Content-Encoding: gzip).
                results.add(load("plan_gzip", page, CONNECTIONS, "Accept-Encoding: gzip"));
            }
            if (PLAN_PARTS.contains("304")) {
                results.add(load("plan_304", page, CONNECTIONS, "If-None-Match: " + etag));
            }
            Map<String, String> staticLast = load("static_again", STATIC, CONNECTIONS, null);
            results.add(staticLast);
            Map<String, String> staticOne = null;
            if (PLAN_PARTS.contains("c1")) {
                results.add(load("plan_304_c1", page, 1, "If-None-Match: " + etag));
                staticOne = load("static_c1", STATIC, 1, null);
                results.add(staticOne);
            }
            if (PLAN_PARTS.contains("uncached")) {
                // Last, as its backlog of renders would spill into the next measurement.
                cache(false);
                results.add(load("plan_uncached", page, CONNECTIONS, null));
                cache(true);
            }
            double staticRps = (rps(staticFirst) + rps(staticLast)) / 2;
            double staticP95 = (p95(staticFirst) + p95(staticLast)) / 2;
            for (Map<String, String> r : results) {
                boolean one = r.get("label").endsWith("_c1");
                System.out.printf(
                        "RESULT page_%s connections=%d p50_ms=%s p95_ms=%s p99_ms=%s rps=%s rps_ratio_to_static=%.2f"
                                + " p95_ratio_to_static=%.2f failures=%s non2xx=%s load1=%s%n",
                        r.get("label"),
                        one ? 1 : CONNECTIONS,
                        r.get("p50"),
                        r.get("p95"),
                        r.get("p99"),
                        r.get("rps"),
                        rps(r) / (one ? rps(staticOne) : staticRps),
                        p95(r) / (one ? p95(staticOne) : staticP95),
                        r.get("errors"),
                        r.get("non2xx"),
                        r.get("load"));
            }
            // The first render after a publication: each publication changes the ETag, so the
            // page is read and rendered again, once.
            Publishing publishing = app.getBean(Publishing.class);
            double[] publish = new double[20];
            double[] firstRender = new double[20];
            double[] second = new double[20];
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                publishing.publishPlan(org.tenant(), plan, LocalDate.now());
                publish[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                HttpResponse<String> r = get(page, Map.of("If-None-Match", etag));
                firstRender[i] = (System.nanoTime() - start) / 1e6;
                check(r.statusCode() == 200, "a publication changes the page");
                String now = r.headers().firstValue("ETag").orElseThrow();
                check(!now.equals(etag), "a publication changes the ETag");
                etag = now;
                start = System.nanoTime();
                check(get(page, Map.of()).statusCode() == 200, "again");
                second[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(publish);
            Arrays.sort(firstRender);
            Arrays.sort(second);
            System.out.printf(
                    "RESULT plan_first_render runs=20 median_ms=%.1f p95_ms=%.1f max_ms=%.1f publish_median_ms=%.1f"
                            + " cached_median_ms=%.1f%n",
                    percentile(firstRender, 50),
                    percentile(firstRender, 95),
                    firstRender[19],
                    percentile(publish, 50),
                    percentile(second, 50));
        }

        private Map<String, String> load(String label, String path, int connections, String header) throws Exception {
            Wrk.runPublic(base + path, connections, WARMUP_SECONDS, header);
            Map<String, String> r = Wrk.runPublic(base + path, connections, WEB_SECONDS, header);
            r.put("label", label);
            r.put("load", loadAverage());
            return r;
        }

        /** The kept rendered pages (platform.web.KeptPages) on or off. */
        private void cache(boolean on) {
            app.getBean(fi.hyte.platform.web.KeptPages.class).enable(on);
        }

        // ---------------------------------------------------------------- 2. readers and answers

        private void mix() throws Exception {
            Consultation c = consultation("Penkkitesti", List.of("Puistot"), false);
            String page = base + "/o/bench/fi/consultations/" + c.id();
            String form = get(page.substring(base.length()), Map.of()).body();
            Matcher token = ParticipationAbuseBenchmark.TOKEN.matcher(form);
            Matcher section = ParticipationAbuseBenchmark.SECTION.matcher(form);
            check(token.find() && section.find(), "form fields");
            String tokenValue = token.group(1);
            String field = section.group(1);

            // One client, 1,000 different answers: five accepted.
            double[] refused = new double[995];
            int accepted = 0;
            int r = 0;
            for (int i = 0; i < 1000; i++) {
                long start = System.nanoTime();
                int status = post(page, tokenValue, field, "Sama asiakas " + i, "198.51.100.7");
                double took = (System.nanoTime() - start) / 1e6;
                if (status == 302) {
                    accepted++;
                } else {
                    check(status == 422, "refusal " + status);
                    if (r < refused.length) {
                        refused[r] = took;
                    }
                    r++;
                }
            }
            long storedOne = jdbc.sql(
                            "select count(distinct r.id) from consultation_response r join consultation_answer a"
                                    + " on a.response_id = r.id where r.consultation_id = ? and a.text like 'Sama asiakas %'")
                    .param(c.id())
                    .query(Long.class)
                    .single();
            Arrays.sort(refused);
            System.out.printf(
                    "RESULT one_client posts=1000 accepted=%d refused=%d stored=%d refusal_median_ms=%.1f"
                            + " refusal_p95_ms=%.1f met=%s%n",
                    accepted,
                    r,
                    storedOne,
                    percentile(refused, 50),
                    percentile(refused, 95),
                    accepted == 5 && r == 995 && storedOne == 5);

            // Published comments from distinct clients, so that the page is of a real size.
            AtomicInteger client = new AtomicInteger();
            for (int i = 0; i < SEEDED_COMMENTS; i++) {
                int n = client.incrementAndGet();
                check(
                        post(page, tokenValue, field, "Aiempi kommentti " + n + " puistoista", address(n)) == 302,
                        "seed");
            }
            byte[] seeded = get(page.substring(base.length()), Map.of()).body().getBytes(StandardCharsets.UTF_8);

            Map<String, String> staticFirst = Wrk.runPublic(base + STATIC, CONNECTIONS, WEB_SECONDS, null);
            Wrk.runPublic(page, CONNECTIONS, WARMUP_SECONDS * 2, null);
            int half = Math.max(WEB_SECONDS, MIX_SECONDS / 2);
            Map<String, String> alone = Wrk.runPublic(page, CONNECTIONS, half, null);

            AtomicInteger sent = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger otherStatus = new AtomicInteger();
            List<Double> answerTimes = java.util.Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            ExecutorService posting = Executors.newCachedThreadPool();
            String mark = "Eri asiakas " + Long.toString(System.nanoTime(), 36) + " ";
            clock.scheduleAtFixedRate(
                    () -> posting.execute(() -> {
                        int n = sent.incrementAndGet();
                        long start = System.nanoTime();
                        int status =
                                post(page, tokenValue, field, mark + n + " kertoo", address(client.incrementAndGet()));
                        answerTimes.add((System.nanoTime() - start) / 1e6);
                        if (status == 302) {
                            ok.incrementAndGet();
                        } else {
                            otherStatus.incrementAndGet();
                        }
                    }),
                    0,
                    1000 / PER_SECOND,
                    TimeUnit.MILLISECONDS);
            Map<String, String> mixed = Wrk.runPublic(page, CONNECTIONS, MIX_SECONDS, null);
            clock.shutdown();
            clock.awaitTermination(10, TimeUnit.SECONDS);
            posting.shutdown();
            posting.awaitTermination(60, TimeUnit.SECONDS);
            Map<String, String> aloneAfter = Wrk.runPublic(page, CONNECTIONS, half, null);
            Map<String, String> staticLast = Wrk.runPublic(base + STATIC, CONNECTIONS, WEB_SECONDS, null);

            long rows = jdbc.sql("select count(*) from consultation_answer a join consultation_response r on r.id ="
                            + " a.response_id where r.consultation_id = ? and a.text like ?")
                    .params(c.id(), mark + "%")
                    .query(Long.class)
                    .single();
            long distinct = jdbc.sql(
                            "select count(distinct a.text) from consultation_answer a join"
                                    + " consultation_response r on r.id = a.response_id where r.consultation_id = ? and a.text like ?")
                    .params(c.id(), mark + "%")
                    .query(Long.class)
                    .single();
            byte[] after = get(page.substring(base.length()), Map.of()).body().getBytes(StandardCharsets.UTF_8);
            double readOnlyP95 = (p95(alone) + p95(aloneAfter)) / 2;
            double staticP95 = (p95(staticFirst) + p95(staticLast)) / 2;
            double[] answers = answerTimes.stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            for (var e : List.of(
                    Map.entry("static", staticFirst),
                    Map.entry("read_only_before", alone),
                    Map.entry("mixed", mixed),
                    Map.entry("read_only_after", aloneAfter),
                    Map.entry("static_again", staticLast))) {
                System.out.printf(
                        "RESULT mix_%s connections=%d p50_ms=%s p95_ms=%s p99_ms=%s rps=%s p95_ratio_to_static=%.2f"
                                + " failures=%s non2xx=%s%n",
                        e.getKey(),
                        CONNECTIONS,
                        e.getValue().get("p50"),
                        e.getValue().get("p95"),
                        e.getValue().get("p99"),
                        e.getValue().get("rps"),
                        p95(e.getValue()) / staticP95,
                        e.getValue().get("errors"),
                        e.getValue().get("non2xx"));
            }
            System.out.printf(
                    "RESULT mix_answers seconds=%d sent=%d per_second=%.1f accepted=%d other=%d stored=%d distinct=%d"
                            + " answer_median_ms=%.1f answer_p95_ms=%.1f page_bytes_before=%d page_bytes_after=%d"
                            + " readers_p95_ratio_to_read_only=%.2f exactly_once=%s%n",
                    MIX_SECONDS,
                    sent.get(),
                    sent.get() / (double) MIX_SECONDS,
                    ok.get(),
                    otherStatus.get(),
                    rows,
                    distinct,
                    answers.length == 0 ? Double.NaN : percentile(answers, 50),
                    answers.length == 0 ? Double.NaN : percentile(answers, 95),
                    seeded.length,
                    after.length,
                    p95(mixed) / readOnlyP95,
                    rows == ok.get() && distinct == rows);
        }

        private static String address(int n) {
            return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
        }

        /** A published consultation open now, post-moderated, with these sections; optionally three questions. */
        private Consultation consultation(String title, List<String> sections, boolean questions) {
            ConsultationSetup setup = app.getBean(ConsultationSetup.class);
            Instant opens = Instant.now().minusSeconds(60);
            UUID id = setup.create(
                    org.tenant(),
                    new Consultation(
                            null,
                            org.id(),
                            null,
                            LocalizedText.of(title, null),
                            LocalizedText.of("Johdanto kuulemiseen.", null),
                            opens,
                            opens.plusSeconds(86_400),
                            "POST",
                            false,
                            List.of(),
                            0),
                    sections.stream()
                            .map(s -> new ConsultationSetup.SectionChoice("T-" + s, LocalizedText.of(s, null)))
                            .toList());
            if (questions) {
                jdbc.sql("insert into consultation_question (id, organisation_id, consultation_id, position, kind,"
                                + " text_fi, choices) values (gen_random_uuid(), ?, ?, 1, 'SCALE', 'Kuinka tyytyväinen olet?',"
                                + " '[]'), (gen_random_uuid(), ?, ?, 2, 'CHOICE', 'Mikä on tärkein?', cast(? as jsonb)),"
                                + " (gen_random_uuid(), ?, ?, 3, 'TEXT', 'Mitä muuta?', '[]')")
                        .params(
                                org.id().value(),
                                id,
                                org.id().value(),
                                id,
                                "[{\"fi\":\"Puistot\"},{\"fi\":\"Liikunta\"},{\"fi\":\"Kirjasto\"}]",
                                org.id().value(),
                                id)
                        .update();
            }
            Consultation c = app.getBean(Consultations.class).find(org.id(), id).orElseThrow();
            setup.update(
                    org.tenant(),
                    new Consultation(
                            id,
                            org.id(),
                            null,
                            c.title(),
                            c.intro(),
                            c.opensAt(),
                            c.closesAt(),
                            "POST",
                            true,
                            List.of(),
                            c.version()));
            return app.getBean(Consultations.class).find(org.id(), id).orElseThrow();
        }

        // ---------------------------------------------------------------- 3. 20,000 answers

        private void summary() throws Exception {
            Consultation c = consultation("Suuri kuuleminen", List.of("Puistot", "Liikunta"), true);
            long start = System.nanoTime();
            List<UUID> sections = jdbc.sql(
                            "select id from consultation_section where consultation_id = ? order by position")
                    .param(c.id())
                    .query(UUID.class)
                    .list();
            List<UUID> questions = jdbc.sql(
                            "select id from consultation_question where consultation_id = ? order by position")
                    .param(c.id())
                    .query(UUID.class)
                    .list();
            String[] ages = {"UNDER_18", "18_29", "30_44", "45_64", "65_74", "75_PLUS"};
            jdbc.sql("insert into consultation_response (id, organisation_id, consultation_id, submitted_at, nickname,"
                            + " age_group, postal_area, status, content_hash)"
                            + " select gen_random_uuid(), ?, ?, now() - (n || ' seconds')::interval,"
                            + " case when n % 3 = 0 then 'Nimimerkki ' || n end, (?::text[])[1 + n % 7],"
                            + " case when n % 4 = 0 then '0' || (4200 + n % 30) end,"
                            + " case when n % 50 = 0 then 'REMOVED' when n % 40 = 0 then 'HELD' else 'PUBLISHED' end,"
                            + " md5('bench' || n) from generate_series(1, ?) n")
                    .params(org.id().value(), c.id(), ages, ANSWERS)
                    .update();
            jdbc.sql("insert into consultation_answer (response_id, organisation_id, section_id, text)"
                            + " select r.id, r.organisation_id, (?::uuid[])[1 + (row_number() over ()) % 2],"
                            + " case when r.content_hash like 'a%' then '=SUM(A1:A9) kaava' else"
                            + " 'Kommentti puistoista ja liikuntapaikoista, jossa on pari lausetta tekstiä. ' ||"
                            + " r.content_hash end from consultation_response r where r.consultation_id = ?")
                    .params(sections.toArray(new UUID[0]), c.id())
                    .update();
            jdbc.sql("insert into consultation_answer (response_id, organisation_id, question_id, scale)"
                            + " select id, organisation_id, ?, 1 + abs(hashtext(content_hash)) % 5 from consultation_response"
                            + " where consultation_id = ?")
                    .params(questions.get(0), c.id())
                    .update();
            jdbc.sql("insert into consultation_answer (response_id, organisation_id, question_id, choice)"
                            + " select id, organisation_id, ?, 1 + abs(hashtext(content_hash || 'c')) % 3 from"
                            + " consultation_response where consultation_id = ?")
                    .params(questions.get(1), c.id())
                    .update();
            jdbc.sql("insert into consultation_answer (response_id, organisation_id, question_id, text)"
                            + " select id, organisation_id, ?, 'Vapaa vastaus ' || content_hash from consultation_response"
                            + " where consultation_id = ? and substr(content_hash, 1, 1) < '8'")
                    .params(questions.get(2), c.id())
                    .update();
            jdbc.sql("vacuum analyze").update();
            long answers = jdbc.sql("select count(*) from consultation_answer a join consultation_response r on r.id ="
                            + " a.response_id where r.consultation_id = ?")
                    .param(c.id())
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "RESULT summary_build responses=%d answer_rows=%d seconds=%.1f%n",
                    ANSWERS, answers, (System.nanoTime() - start) / 1e9);

            WebSession session = new WebSession(base);
            WebSession.Response signedIn = session.signIn(org.user(Role.COORDINATOR), Fixtures.PASSWORD);
            check(signedIn.status() == 302 && !signedIn.location().contains("error"), "sign-in");
            String cookie = session.cookie("SESSION");
            String summary = "/participation/consultations/" + c.id() + "/summary";
            int[] bytes = new int[1];
            double[] page = time(3, 20, () -> bytes[0] = signedGet(summary, cookie).length);
            double[] baseline = time(20, 100, () -> signedGet(STATIC, cookie));
            System.out.printf(
                    "RESULT summary_page runs=20 median_ms=%.1f p95_ms=%.1f bytes=%d static_median_ms=%.2f"
                            + " ratio_to_static=%.0f met=%s%n",
                    percentile(page, 50),
                    percentile(page, 95),
                    bytes[0],
                    percentile(baseline, 50),
                    percentile(page, 50) / percentile(baseline, 50),
                    percentile(page, 95) <= 500);

            String xlsx = summary + ".xlsx";
            signedGet(xlsx, cookie);
            double[] times = new double[5];
            double peak = 0;
            double peakAfterGc = 0;
            double before = 0;
            for (int i = 0; i < times.length; i++) {
                HeapSampler heap = HeapSampler.start(20);
                long t = System.nanoTime();
                bytes[0] = signedGet(xlsx, cookie).length;
                times[i] = (System.nanoTime() - t) / 1e6;
                heap.stop();
                before = heap.beforeMb();
                peak = Math.max(peak, heap.peakMb());
                peakAfterGc = Math.max(peakAfterGc, heap.peakAfterGcMb());
            }
            Arrays.sort(times);
            System.out.printf(
                    "RESULT summary_xlsx runs=5 median_ms=%.0f max_ms=%.0f bytes=%d heap_before_mb=%.0f heap_peak_mb=%.0f"
                            + " heap_peak_after_gc_mb=%.0f max_heap_mb=%d met=%s%n",
                    percentile(times, 50),
                    times[times.length - 1],
                    bytes[0],
                    before,
                    peak,
                    peakAfterGc,
                    Runtime.getRuntime().maxMemory() / 1048576,
                    times[times.length - 1] <= 5000);
        }

        // ---------------------------------------------------------------- HTTP

        private HttpResponse<String> get(String path, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            headers.forEach(request::header);
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private byte[] signedGet(String path, String session) throws Exception {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Cookie", "SESSION=" + session)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            check(response.statusCode() == 200, path + " answered " + response.statusCode());
            return response.body();
        }

        private int post(String url, String token, String field, String text, String client) {
            String body = "token=" + enc(token) + "&website=&" + enc(field) + "=" + enc(text) + "&nickname=&email=";
            try {
                return http.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .header("X-Forwarded-For", client)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The one-minute load average as the measurement ends (the machine is shared). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double rps(Map<String, String> r) {
        return Double.parseDouble(r.get("rps"));
    }

    private static double p95(Map<String, String> r) {
        return Double.parseDouble(r.get("p95"));
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
