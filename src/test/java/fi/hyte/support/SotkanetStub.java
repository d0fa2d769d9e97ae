package fi.hyte.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sotkanet REST 1.1 on a local port, answering with the real responses recorded in ../shared/data
 * (see its PROVENANCE.md): the 2015 indicator and region lists, the 2025 per-indicator metadata (the
 * 2015 list entry for indicators without it) and the 683 values as the CSV endpoint, filtered by the
 * years and genders asked for; other indicators' CSV is the header alone. Tests can make it fail for
 * a pattern of requests, hold requests until released, and count what was asked. One runs per test
 * JVM, started like {@link TestDatabase}; its address is the system property hyte.test.sotkanet.url,
 * and it is also set as the Sotkanet address (with the schedule off) of every application the test
 * run starts, so that no test reaches the live service.
 */
public class SotkanetStub implements LauncherSessionListener {

    /** How a request is made to fail. */
    public enum Failure {
        /** 500 Internal Server Error. */
        SERVER_ERROR,
        /** The connection is closed without an answer. */
        DROP_CONNECTION,
        /** 429 Too Many Requests with Retry-After: 1. */
        BUSY,
        /** 400 Bad Request. */
        BAD_REQUEST,
        /** 200 with an HTML maintenance page instead of the data. */
        MAINTENANCE_PAGE
    }

    public static final String URL_PROPERTY = "hyte.test.sotkanet.url";
    static final String PREFIX = "/rest/1.1";

    private static SotkanetStub running;

    private HttpServer server;
    private ExecutorService threads;
    private byte[] indicatorList;
    private byte[] regionList;
    private final Map<Integer, byte[]> indicators = new HashMap<>();
    private String valuesHeader;
    private List<String> values683;
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Hold> holds = new CopyOnWriteArrayList<>();

    /** The stub of this test JVM, started if need be. */
    public static synchronized SotkanetStub instance() {
        if (running == null) {
            SotkanetStub stub = new SotkanetStub();
            stub.begin();
            running = stub;
            System.setProperty(URL_PROPERTY, stub.url());
            // Also for applications that tests start without @HyteSpringTest: never the live service.
            System.setProperty("hyte.indicators.sotkanet-base-url", stub.url());
            System.setProperty("hyte.indicators.refresh-cron", "-");
        }
        return running;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        instance();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (SotkanetStub.class) {
            if (running != null) {
                running.server.stop(0);
                running.threads.shutdownNow();
                running = null;
            }
        }
    }

    /** The base address, like https://sotkanet.fi/rest/1.1. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + PREFIX;
    }

    /** Forgets failures, holds and the request log. */
    public void reset() {
        rules.clear();
        holds.forEach(Hold::release);
        holds.clear();
        log.clear();
    }

    /** Requests whose path and query (after /rest/1.1) match the pattern fail this many times. */
    public void fail(String pattern, int times, Failure how) {
        rules.add(new Rule(Pattern.compile(pattern), new AtomicInteger(times), how));
    }

    /** Requests whose path and query match the pattern always fail. */
    public void failAlways(String pattern, Failure how) {
        rules.add(new Rule(Pattern.compile(pattern), new AtomicInteger(-1), how));
    }

    /** Requests matching the pattern wait (at most a minute) until the returned hold is released. */
    public Hold hold(String pattern) {
        Hold hold = new Hold(Pattern.compile(pattern), new CountDownLatch(1));
        holds.add(hold);
        return hold;
    }

    /** How many requests, path and query after /rest/1.1 (e.g. {@code /csv?indicator=683&…}), matched. */
    public int requests(String pattern) {
        Pattern p = Pattern.compile(pattern);
        return (int) log.stream().filter(r -> p.matcher(r).find()).count();
    }

    /** Every request so far, path and query after /rest/1.1. */
    public List<String> requests() {
        return List.copyOf(log);
    }

    /** Requests matching a pattern wait until this is released. */
    public record Hold(Pattern pattern, CountDownLatch latch) {
        public void release() {
            latch.countDown();
        }
    }

    private record Rule(Pattern pattern, AtomicInteger remaining, Failure how) {
        boolean take(String request) {
            if (!pattern.matcher(request).find()) {
                return false;
            }
            int left = remaining.getAndUpdate(n -> n > 0 ? n - 1 : n);
            return left != 0;
        }
    }

    private void begin() {
        load(Path.of(System.getProperty("hyte.shared-data", "../shared/data")));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "sotkanet-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext(PREFIX + "/", this::handle);
        server.start();
    }

    private void load(Path data) {
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("The recorded Sotkanet responses are not at " + data.toAbsolutePath()
                    + " (tests expect ../shared beside the project)");
        }
        JsonMapper json = JsonMapper.builder().build();
        try {
            indicatorList = Files.readAllBytes(data.resolve("sotkanet_catalogue_2015/sotkanet_indicators_2015.json"));
            regionList = Files.readAllBytes(data.resolve("sotkanet_catalogue_2015/sotkanet_regions_2015.json"));
            for (JsonNode entry : json.readTree(indicatorList)) {
                indicators.put(entry.path("id").asInt(), json.writeValueAsBytes(entry));
            }
            List<JsonNode> metadata = new ArrayList<>();
            try (Stream<Path> files = Files.list(data.resolve("sotkanet_indicator_metadata_2025"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    metadata.add(json.readTree(file.toFile()));
                }
            }
            // Where both recordings hold an indicator, the later one wins.
            metadata.sort(Comparator.comparing(doc -> doc.path("generated_at").asString()));
            for (JsonNode doc : metadata) {
                for (var entry : doc.path("indicators").properties()) {
                    ObjectNode record = ((ObjectNode) entry.getValue()).deepCopy();
                    record.remove("indicator_id");
                    indicators.put(Integer.valueOf(entry.getKey()), json.writeValueAsBytes(record));
                }
            }
            List<String> lines = Files.readAllLines(
                    data.resolve("sotkanet_values/sotkanet_683_diabetes_2015_2023_all_regions.csv"),
                    StandardCharsets.UTF_8);
            valuesHeader = lines.get(0);
            values683 = lines.subList(1, lines.size()).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
            String query = exchange.getRequestURI().getRawQuery();
            String request = query == null ? path : path + "?" + query;
            log.add(request);
            for (Hold hold : holds) {
                if (hold.pattern().matcher(request).find()) {
                    hold.latch().await(1, TimeUnit.MINUTES);
                }
            }
            for (Rule rule : rules) {
                if (rule.take(request)) {
                    fail(exchange, rule.how());
                    return;
                }
            }
            answer(exchange, path, query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, String path, String query) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", new byte[0]);
        } else if (path.equals("/indicators")) {
            send(exchange, 200, "application/json", indicatorList);
        } else if (path.equals("/regions")) {
            send(exchange, 200, "application/json", regionList);
        } else if (path.matches("/indicators/\\d{1,9}")) {
            byte[] record = indicators.get(Integer.valueOf(path.substring("/indicators/".length())));
            if (record == null) {
                send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "application/json", record);
            }
        } else if (path.equals("/csv")) {
            Map<String, Set<String>> params = parameters(query);
            Set<String> indicator = params.getOrDefault("indicator", Set.of());
            if (indicator.size() != 1) {
                send(exchange, 400, "text/plain", "indicator is required".getBytes(StandardCharsets.UTF_8));
                return;
            }
            StringBuilder csv = new StringBuilder(valuesHeader).append('\n');
            if (indicator.contains("683")) {
                Set<String> years = params.get("years");
                Set<String> genders = params.get("genders");
                for (String line : values683) {
                    String[] cells = line.split(",", -1);
                    if ((years == null || years.contains(cells[2]))
                            && (genders == null || genders.contains(cells[3]))) {
                        csv.append(line).append('\n');
                    }
                }
            }
            send(exchange, 200, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void fail(HttpExchange exchange, Failure how) throws IOException {
        switch (how) {
            case SERVER_ERROR ->
                send(exchange, 500, "text/plain", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
            case BUSY -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "text/plain", "Too Many Requests".getBytes(StandardCharsets.UTF_8));
            }
            case BAD_REQUEST -> send(exchange, 400, "text/plain", "Bad Request".getBytes(StandardCharsets.UTF_8));
            case MAINTENANCE_PAGE ->
                send(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<!DOCTYPE html>\n<html><body><h1>Huoltokatko</h1></body></html>\n"
                                .getBytes(StandardCharsets.UTF_8));
            case DROP_CONNECTION -> {
                // Closing the exchange before any answer closes the connection: the client reads nothing.
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, Set<String>> parameters(String query) {
        Map<String, Set<String>> params = new HashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new HashSet<>()).add(value);
        }
        return params;
    }
}
