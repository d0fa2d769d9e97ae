package fi.hyte.bench;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.platform.LocalizedText;
import fi.hyte.support.Fixtures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Abuse of a public consultation (issue 14 §9): one client posting 1,000 different answers (all but
 * five must be refused by the throttle, which PostgreSQL counts), and readers of the consultation
 * page alone and then with 20 answers a second from distinct clients (X-Forwarded-For from
 * loopback, which Hyte trusts); every accepted answer must be stored exactly once. Prints medians
 * and p95s.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=fi.hyte.bench.ParticipationAbuseBenchmark
 * -Dexec.classpathScope=test -Dexec.args="READERS SECONDS"} (default 20 readers, 20 s per phase)
 */
public final class ParticipationAbuseBenchmark {

    static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    static final Pattern SECTION = Pattern.compile("name=\"(section-[0-9a-f-]{36})\"");

    private ParticipationAbuseBenchmark() {}

    public static void main(String[] args) throws Exception {
        int readers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try (BenchHyte hyte = BenchHyte.start("abuse")) {
            ConfigurableApplicationContext app = hyte.app();
            int port = hyte.port();
            Fixtures.Org org = app.getBean(Fixtures.class).organisation("bench");
            app.getBean(Publishing.class)
                    .save(
                            org.tenant(),
                            new PublicSite(
                                    org.id(),
                                    "bench",
                                    true,
                                    false,
                                    LocalizedText.of("Yhteenveto", null),
                                    LocalizedText.of(null, null),
                                    null,
                                    null,
                                    LocalizedText.of(null, null),
                                    "PARTIAL",
                                    LocalizedText.of(null, null),
                                    "a@example.fi",
                                    LocalDate.now(),
                                    0,
                                    -1));
            ConsultationSetup setup = app.getBean(ConsultationSetup.class);
            Instant opens = Instant.now().minusSeconds(60);
            UUID id = setup.create(
                    org.tenant(),
                    new Consultation(
                            null,
                            org.id(),
                            null,
                            LocalizedText.of("Penkkitesti", null),
                            LocalizedText.of("Johdanto", null),
                            opens,
                            opens.plusSeconds(86_400),
                            "POST",
                            false,
                            List.of(),
                            0),
                    List.of(new ConsultationSetup.SectionChoice("T-1", LocalizedText.of("Puistot", null))));
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
            String page = "http://localhost:" + port + "/o/bench/fi/consultations/" + id;
            String form = get(http, page).body();
            Matcher token = TOKEN.matcher(form);
            Matcher section = SECTION.matcher(form);
            check(token.find() && section.find(), "form fields");
            String tokenValue = token.group(1);
            String field = section.group(1);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            // 1. One client, 1,000 different answers.
            List<Long> refusedTimes = new ArrayList<>();
            int accepted = 0;
            for (int i = 0; i < 1000; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = post(http, page, tokenValue, field, "Sama asiakas " + i, "198.51.100.7");
                long took = System.nanoTime() - start;
                if (r.statusCode() == 302) {
                    accepted++;
                } else {
                    check(r.statusCode() == 422 && r.body().contains("Odota kymmenen minuuttia"), "refusal");
                    refusedTimes.add(took);
                }
            }
            long stored = count(jdbc, id);
            System.out.printf(
                    "one client, 1000 posts: accepted %d, refused %d, stored %d; refusal median %.1f ms, p95 %.1f"
                            + " ms%n",
                    accepted, refusedTimes.size(), stored, ms(refusedTimes, 50), ms(refusedTimes, 95));
            check(accepted == 5 && stored == 5, "all but five refused");

            // 2. Readers alone, then readers with 20 answers a second from distinct clients.
            List<Long> alone = read(http, page, readers, seconds, null);
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            ScheduledExecutorService writers = Executors.newScheduledThreadPool(4);
            java.util.concurrent.ExecutorService posting = Executors.newCachedThreadPool();
            // The clock fires every 50 ms and hands each answer to its own thread, so a slow answer
            // does not lower the rate.
            writers.scheduleAtFixedRate(
                    () -> posting.execute(() -> {
                        int n = sent.incrementAndGet();
                        String client = "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
                        HttpResponse<String> r =
                                post(http, page, tokenValue, field, "Eri asiakas " + n + " kertoo", client);
                        if (r.statusCode() == 302) {
                            ok.incrementAndGet();
                        }
                    }),
                    0,
                    50,
                    TimeUnit.MILLISECONDS);
            List<Long> mixed = read(http, page, readers, seconds, writers);
            posting.shutdown();
            posting.awaitTermination(60, TimeUnit.SECONDS);
            long distinct = jdbc.sql(
                            "select count(distinct a.text) from consultation_answer a join consultation_response r"
                                    + " on r.id = a.response_id where r.consultation_id = ? and a.text like 'Eri asiakas %'")
                    .param(id)
                    .query(Long.class)
                    .single();
            long rows = jdbc.sql("select count(*) from consultation_answer a join consultation_response r on r.id ="
                            + " a.response_id where r.consultation_id = ? and a.text like 'Eri asiakas %'")
                    .param(id)
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "%d readers alone: %d reads, median %.1f ms, p95 %.1f ms%n",
                    readers, alone.size(), ms(alone, 50), ms(alone, 95));
            System.out.printf(
                    "%d readers + %d answers sent (%.1f/s, %d accepted, %d stored, %d distinct): %d reads, median %.1f"
                            + " ms, p95 %.1f ms, p95 ratio %.2f%n",
                    readers,
                    sent.get(),
                    sent.get() / (double) seconds,
                    ok.get(),
                    rows,
                    distinct,
                    mixed.size(),
                    ms(mixed, 50),
                    ms(mixed, 95),
                    ms(mixed, 95) / ms(alone, 95));
            check(rows == ok.get() && distinct == rows, "every accepted answer stored exactly once");
        }
    }

    private static List<Long> read(
            HttpClient http, String page, int readers, int seconds, ScheduledExecutorService writers)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    HttpResponse<String> r = get(http, page);
                    if (r.statusCode() == 200) {
                        times.add(System.nanoTime() - start);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        if (writers != null) {
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new ArrayList<>(times);
    }

    private static long count(JdbcClient jdbc, UUID consultation) {
        return jdbc.sql("select count(*) from consultation_response where consultation_id = ?")
                .param(consultation)
                .query(Long.class)
                .single();
    }

    private static HttpResponse<String> get(HttpClient http, String url) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(
            HttpClient http, String url, String token, String field, String text, String client) {
        String body = "token=" + enc(token) + "&website=&" + enc(field) + "=" + enc(text) + "&nickname=&email=";
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Forwarded-For", client)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
