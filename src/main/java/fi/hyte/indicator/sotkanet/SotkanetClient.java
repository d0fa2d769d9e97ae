package fi.hyte.indicator.sotkanet;

import fi.hyte.indicator.IndicatorSettings;
import fi.hyte.indicator.domain.Gender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * THL Sotkanet's REST 1.1 interface: the indicator list, one indicator's metadata, the region list and
 * one indicator's values as CSV. Each request has a timeout; connection failures, timeouts, 5xx and
 * 429 answers are tried again after doubling pauses (or the pause the service asks for with
 * Retry-After); other 4xx answers are not. At most {@code concurrency} requests run at once, however
 * many threads ask, so that a refresh never floods a public service.
 */
@Component
public class SotkanetClient {

    /** The longest pause a Retry-After header can impose on one retry. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(SotkanetClient.class);
    private static final String USER_AGENT = "Hyte";
    private static final Pattern CSV_HEADER = Pattern.compile(
            "\"?indicator\"?\\s*[;,]\\s*\"?region\"?\\s*[;,]\\s*\"?year\"?\\s*[;,].*", Pattern.CASE_INSENSITIVE);

    private final String base;
    private final Duration timeout;
    private final int retries;
    private final Duration retryPause;
    private final Semaphore permits;
    private final HttpClient http;
    private final JsonMapper json;

    public SotkanetClient(IndicatorSettings settings, JsonMapper json) {
        String url = settings.sotkanetBaseUrl().strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = settings.timeout();
        this.retries = Math.max(0, settings.retries());
        this.retryPause = settings.retryPause();
        this.permits = new Semaphore(Math.max(1, settings.concurrency()), true);
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.json = json;
    }

    /** Where requests go, e.g. https://sotkanet.fi/rest/1.1. */
    public String baseUrl() {
        return base;
    }

    /** {@code GET /indicators}: every indicator with its titles, organisation and genders (a JSON array). */
    public JsonNode indicators() {
        return parse(ok(get(uri("/indicators"), "application/json")));
    }

    /** {@code GET /indicators/{id}}: one indicator's full record, or empty when Sotkanet does not know it. */
    public Optional<JsonNode> indicator(int id) {
        Answer answer = get(uri("/indicators/" + id), "application/json");
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(ok(answer)));
    }

    /** {@code GET /regions}: every region with its category, code, titles and memberships (a JSON array). */
    public JsonNode regions() {
        return parse(ok(get(uri("/regions"), "application/json")));
    }

    /** The address of one indicator's values for the given years and genders. */
    public URI valuesUri(int indicator, Collection<Integer> years, Collection<Gender> genders) {
        if (years.isEmpty() || genders.isEmpty()) {
            throw new IllegalArgumentException("Values need at least one year and one gender");
        }
        StringBuilder path = new StringBuilder("/csv?indicator=").append(indicator);
        years.forEach(year -> path.append("&years=").append(year));
        genders.forEach(gender -> path.append("&genders=").append(gender.code()));
        return uri(path.toString());
    }

    /**
     * {@code GET /csv?indicator=…&years=…&genders=…}: the values as Sotkanet's CSV, whole. An answer
     * that does not begin with the CSV header (an error page served as 200, say) is refused.
     */
    public byte[] values(int indicator, Collection<Integer> years, Collection<Gender> genders) {
        Answer answer = ok(get(valuesUri(indicator, years, genders), "text/csv"));
        if (!CSV_HEADER.matcher(firstLine(answer.body())).matches()) {
            throw new RefusedException(answer.uri(), answer.status(), "the answer is not Sotkanet's CSV");
        }
        return answer.body();
    }

    /**
     * The pause before retry number {@code retry} (0 for the first): {@code retryPause × 2^retry}, or
     * longer when the service asked for it with Retry-After, though never longer than {@link
     * #MAX_RETRY_AFTER} for its sake.
     */
    static Duration pause(int retry, Duration retryPause, Duration retryAfter) {
        Duration backOff = retryPause.multipliedBy(1L << Math.min(retry, 20));
        if (retryAfter == null || retryAfter.isNegative()) {
            return backOff;
        }
        Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        return asked.compareTo(backOff) > 0 ? asked : backOff;
    }

    /** Whether an answer with this status is worth asking again: the service is down or busy. */
    static boolean retryable(int status) {
        return status >= 500 || status == 429;
    }

    /** Retry-After as seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpHeaders headers, ZonedDateTime now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.chars().allMatch(Character::isDigit)) {
            return text.length() > 9
                    ? Optional.of(MAX_RETRY_AFTER)
                    : Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Answer get(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        for (int attempt = 1; ; attempt++) {
            String failure;
            Throwable cause = null;
            Duration retryAfter = null;
            try {
                HttpResponse<byte[]> response = sendOnce(request);
                if (!retryable(response.statusCode())) {
                    return new Answer(uri, response.statusCode(), response.body());
                }
                failure = "HTTP " + response.statusCode();
                retryAfter = retryAfter(response.headers(), ZonedDateTime.now()).orElse(null);
            } catch (IOException e) {
                failure = e.getMessage() == null
                        ? e.getClass().getSimpleName()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
                cause = e;
            }
            if (attempt > retries) {
                LOG.warn("Sotkanet request {} failed {} times, lastly: {}", uri, attempt, failure);
                throw new SotkanetUnavailableException(uri, attempt, failure, cause);
            }
            Duration pause = pause(attempt - 1, retryPause, retryAfter);
            LOG.info("Sotkanet request {} failed ({}); trying again in {} ms", uri, failure, pause.toMillis());
            sleep(pause);
        }
    }

    private HttpResponse<byte[]> sendOnce(HttpRequest request) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to call Sotkanet", e);
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Sotkanet", e);
        } finally {
            permits.release();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to call Sotkanet again", e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static Answer ok(Answer answer) {
        if (answer.status() < 200 || answer.status() > 299) {
            throw new RefusedException(answer.uri(), answer.status(), "HTTP " + answer.status());
        }
        return answer;
    }

    private JsonNode parse(Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new RefusedException(answer.uri(), answer.status(), "the answer is not JSON");
        }
    }

    private static String firstLine(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
                ? 3
                : 0;
        int end = start;
        while (end < body.length && end - start < 1000 && body[end] != '\n' && body[end] != '\r') {
            end++;
        }
        return new String(body, start, end - start, StandardCharsets.UTF_8).strip();
    }

    private record Answer(URI uri, int status, byte[] body) {}

    /**
     * Sotkanet answered, but not with what was asked: a 4xx other than 429, or a body that is not
     * what the endpoint gives. Asking again would not help.
     */
    public static class RefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient URI uri;
        private final int status;

        public RefusedException(URI uri, int status, String why) {
            super("Sotkanet refused " + uri + ": " + why);
            this.uri = uri;
            this.status = status;
        }

        public URI uri() {
            return uri;
        }

        public int status() {
            return status;
        }
    }
}
