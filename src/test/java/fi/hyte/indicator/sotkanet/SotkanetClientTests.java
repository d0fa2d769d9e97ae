package fi.hyte.indicator.sotkanet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.indicator.IndicatorSettings;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.support.SotkanetStub;
import fi.hyte.support.SotkanetStub.Failure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Sotkanet client's retries, back-off and bounds, against the local stub (never the live service). */
class SotkanetClientTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SotkanetStub stub = SotkanetStub.instance();

    @BeforeEach
    @AfterEach
    void clean() {
        stub.reset();
    }

    @Test
    void pauseDoublesFromTheRetryPause() {
        Duration base = Duration.ofMillis(250);
        assertThat(SotkanetClient.pause(0, base, null)).isEqualTo(Duration.ofMillis(250));
        assertThat(SotkanetClient.pause(1, base, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(SotkanetClient.pause(2, base, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SotkanetClient.pause(3, base, null)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void pauseHonoursRetryAfterUpToItsCap() {
        Duration base = Duration.ofMillis(10);
        assertThat(SotkanetClient.pause(0, base, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(SotkanetClient.pause(0, base, Duration.ofHours(2))).isEqualTo(SotkanetClient.MAX_RETRY_AFTER);
        assertThat(SotkanetClient.pause(4, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .as("the back-off, when longer than what was asked")
                .isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        ZonedDateTime now = ZonedDateTime.of(2025, 9, 9, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(SotkanetClient.retryAfter(headers("7"), now)).contains(Duration.ofSeconds(7));
        assertThat(SotkanetClient.retryAfter(
                        headers(now.plusSeconds(30).format(DateTimeFormatter.RFC_1123_DATE_TIME)), now))
                .contains(Duration.ofSeconds(30));
        assertThat(SotkanetClient.retryAfter(headers("soon"), now)).isEmpty();
        assertThat(SotkanetClient.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true), now))
                .isEmpty();
    }

    @Test
    void onlyServerErrorsAndTooManyRequestsAreRetried() {
        assertThat(SotkanetClient.retryable(500)).isTrue();
        assertThat(SotkanetClient.retryable(503)).isTrue();
        assertThat(SotkanetClient.retryable(429)).isTrue();
        assertThat(SotkanetClient.retryable(400)).isFalse();
        assertThat(SotkanetClient.retryable(404)).isFalse();
    }

    @Test
    void transientFailuresAreRetriedUntilTheAnswerComes() {
        stub.fail("^/regions$", 1, Failure.SERVER_ERROR);
        stub.fail("^/regions$", 1, Failure.DROP_CONNECTION);

        JsonNode regions = client(stub.url(), 3, 2).regions();

        assertThat(regions.size()).isEqualTo(511);
        assertThat(stub.requests("^/regions$")).isEqualTo(3);
    }

    @Test
    void serviceThatKeepsFailingIsUnavailableAfterEveryRetry() {
        stub.failAlways("^/indicators$", Failure.SERVER_ERROR);
        SotkanetClient client = client(stub.url(), 2, 2);

        assertThatThrownBy(client::indicators)
                .isInstanceOf(SotkanetUnavailableException.class)
                .hasMessageContaining(stub.url() + "/indicators")
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("3 attempts");
        assertThat(stub.requests("^/indicators$")).isEqualTo(3);
    }

    @Test
    void clientErrorIsNotRetried() {
        stub.failAlways("^/regions$", Failure.BAD_REQUEST);

        assertThatThrownBy(client(stub.url(), 3, 2)::regions)
                .isInstanceOf(SotkanetClient.RefusedException.class)
                .hasMessageContaining("HTTP 400");
        assertThat(stub.requests("^/regions$")).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsAsked() {
        stub.fail("^/indicators/186$", 1, Failure.BUSY);
        long started = System.nanoTime();

        JsonNode record = client(stub.url(), 1, 2).indicator(186).orElseThrow();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(record.path("data-updated").asString()).isEqualTo("2025-04-29");
        assertThat(stub.requests("^/indicators/186$")).isEqualTo(2);
    }

    @Test
    void unknownIndicatorIsEmpty() {
        assertThat(client(stub.url(), 3, 2).indicator(999_999_999)).isEmpty();
        assertThat(stub.requests("^/indicators/999999999$")).isEqualTo(1);
    }

    @Test
    void valuesAreTheCsvOfTheYearsAndGendersAsked() {
        byte[] body = client(stub.url(), 0, 2).values(683, List.of(2015, 2016), List.of(Gender.TOTAL));

        List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("indicator,region,year,gender,primary value,absolute value");
        assertThat(lines).contains("683,20,2015,total,7.2,8914");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",2015,") || l.contains(",2016,"));
        assertThat(stub.requests().get(0)).isEqualTo("/csv?indicator=683&years=2015&years=2016&genders=total");
    }

    @Test
    void answerThatIsNotCsvIsRefused() {
        stub.failAlways("^/csv", Failure.MAINTENANCE_PAGE);

        assertThatThrownBy(() -> client(stub.url(), 3, 2).values(683, List.of(2023), List.of(Gender.TOTAL)))
                .isInstanceOf(SotkanetClient.RefusedException.class)
                .hasMessageContaining("not Sotkanet's CSV");
    }

    @Test
    void unreachableServiceNamesItsAddress() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SotkanetClient client = client("http://127.0.0.1:" + closed + "/rest/1.1", 1, 2);

        assertThatThrownBy(client::regions)
                .isInstanceOfSatisfying(SotkanetUnavailableException.class, e -> {
                    assertThat(e.host()).isEqualTo("127.0.0.1:" + closed);
                    assertThat(e.messageKey()).isEqualTo("indicator.sotkanet.unavailable");
                })
                .hasMessageContaining("Sotkanet cannot be reached at http://127.0.0.1:" + closed + "/rest/1.1/regions")
                .hasMessageContaining("2 attempts");
    }

    @Test
    void noMoreRequestsRunAtOnceThanTheConcurrencyAllows() throws Exception {
        SotkanetClient client = client(stub.url(), 0, 2);
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try {
            SotkanetStub.Hold hold = stub.hold("^/regions$");
            try {
                for (int i = 0; i < 5; i++) {
                    calls.add(CompletableFuture.supplyAsync(client::regions, callers));
                }
                Thread.sleep(500);
                assertThat(stub.requests("^/regions$"))
                        .as("requests let through while held")
                        .isEqualTo(2);
            } finally {
                hold.release();
            }
            for (CompletableFuture<JsonNode> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).size()).isEqualTo(511);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(stub.requests("^/regions$")).isEqualTo(5);
    }

    private static SotkanetClient client(String url, int retries, int concurrency) {
        return new SotkanetClient(
                new IndicatorSettings(
                        url, "-", Duration.ofSeconds(10), retries, Duration.ofMillis(10), concurrency, 1 << 20),
                JSON);
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
    }
}
