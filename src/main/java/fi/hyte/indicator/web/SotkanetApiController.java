package fi.hyte.indicator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.hyte.indicator.sotkanet.SotkanetRefresh;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.jobs.Jobs;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automation of the Sotkanet refresh with a personal API token: a system operator starts it, and the
 * one who started a job (or an operator) follows it. Answers are JSON in the language asked for with
 * Accept-Language (Finnish by default).
 */
@RestController
class SotkanetApiController {

    private static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("en"));
    private static final int MAX_INDICATORS = 10_000;
    private static final int MAX_YEARS = 200;

    private final SotkanetRefresh refresh;
    private final MessageSource messages;
    private final JsonMapper json;

    SotkanetApiController(SotkanetRefresh refresh, MessageSource messages, JsonMapper json) {
        this.refresh = refresh;
        this.messages = messages;
        this.json = json;
    }

    /** The JSON body of a refresh request: {@code {"indicators": [683], "years": [2020, 2021]}}, both optional. */
    record RefreshRequest(List<Integer> indicators, List<Integer> years) {}

    /** The answer to a started refresh: the job and where to follow it. */
    record Started(UUID job, String status) {}

    /** A refusal or an error, as {@code {"error": …, "message": …}}; a conflict also names the running job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refusal(String error, String message, UUID job, String status) {}

    /** A job's state; result is the job's own JSON (for a refresh: updated, unchanged, failed, …). */
    record JobStatus(
            UUID id,
            String kind,
            String scope,
            String status,
            long done,
            long total,
            int errors,
            int percent,
            String message,
            String messageText,
            JsonNode result,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {}

    @PostMapping(path = "/api/v1/sotkanet/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> refreshWithBody(
            Tenant tenant, @RequestBody RefreshRequest body, HttpServletRequest request) {
        tenant.requireOperator();
        Optional<List<Integer>> indicators = check(body.indicators(), 1, Integer.MAX_VALUE, MAX_INDICATORS);
        Optional<List<Integer>> years = check(body.years(), 1900, 2100, MAX_YEARS);
        if (indicators.isEmpty() || years.isEmpty()) {
            return badRequest(request);
        }
        return start(tenant, indicators.get(), years.get(), request);
    }

    /**
     * The same with parameters, {@code ?indicators=683,186&years=2020&years=2021}, for a request without
     * a JSON body. (The body is required above so that a bodiless request maps here alone.)
     */
    @PostMapping("/api/v1/sotkanet/refresh")
    ResponseEntity<Object> refreshWithParameters(
            Tenant tenant,
            @RequestParam(required = false) List<String> indicators,
            @RequestParam(required = false) List<String> years,
            HttpServletRequest request) {
        tenant.requireOperator();
        Optional<List<Integer>> indicatorIds =
                numbers(indicators).flatMap(n -> check(n, 1, Integer.MAX_VALUE, MAX_INDICATORS));
        Optional<List<Integer>> yearList = numbers(years).flatMap(n -> check(n, 1900, 2100, MAX_YEARS));
        if (indicatorIds.isEmpty() || yearList.isEmpty()) {
            return badRequest(request);
        }
        return start(tenant, indicatorIds.get(), yearList.get(), request);
    }

    @GetMapping("/api/v1/jobs/{id}")
    ResponseEntity<Object> job(Tenant tenant, @PathVariable UUID id, HttpServletRequest request) {
        Optional<Jobs.Job> job = refresh.visibleJob(id, tenant.user(), tenant.operator());
        if (job.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new Refusal("notFound", text("indicator.job.notFound", request), null, null));
        }
        Jobs.Job j = job.get();
        return ResponseEntity.ok(new JobStatus(
                j.id(),
                j.kind(),
                j.scope(),
                j.status(),
                j.done(),
                j.total(),
                j.errors(),
                j.percent(),
                j.message(),
                messageText(j.message(), request),
                j.result() == null ? null : json.readTree(j.result()),
                j.startedAt(),
                j.finishedAt()));
    }

    private ResponseEntity<Object> start(
            Tenant tenant, List<Integer> indicators, List<Integer> years, HttpServletRequest request) {
        Optional<UUID> started = refresh.start(tenant.user(), indicators, years);
        if (started.isEmpty()) {
            Optional<UUID> running = refresh.running().map(Jobs.Job::id);
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new Refusal(
                            "conflict",
                            text("indicator.sotkanet.running", request),
                            running.orElse(null),
                            running.map(id -> statusPath(id, request)).orElse(null)));
        }
        String status = statusPath(started.get(), request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, status)
                .body(new Started(started.get(), status));
    }

    private ResponseEntity<Object> badRequest(HttpServletRequest request) {
        return ResponseEntity.badRequest()
                .body(new Refusal("badRequest", text("indicator.sotkanet.badRequest", request), null, null));
    }

    private static String statusPath(UUID id, HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getContextPath())
                .path("/api/v1/jobs/{id}")
                .buildAndExpand(id)
                .toUriString();
    }

    /** Whole numbers from parameters, which may also be comma-separated; empty when one is not. */
    private static Optional<List<Integer>> numbers(List<String> texts) {
        List<Integer> numbers = new ArrayList<>();
        if (texts == null) {
            return Optional.of(numbers);
        }
        for (String text : texts) {
            for (String part : text.split(",")) {
                String digits = part.strip();
                if (digits.isEmpty()) {
                    continue;
                }
                if (digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
                    return Optional.empty();
                }
                numbers.add(Integer.valueOf(digits));
            }
        }
        return Optional.of(numbers);
    }

    private static Optional<List<Integer>> check(List<Integer> numbers, int min, int max, int most) {
        if (numbers == null) {
            return Optional.of(List.of());
        }
        if (numbers.size() > most || numbers.stream().anyMatch(n -> n == null || n < min || n > max)) {
            return Optional.empty();
        }
        return Optional.of(numbers);
    }

    /** A job's message in the reader's language; messages that are not keys are shown as they are. */
    private String messageText(String message, HttpServletRequest request) {
        if (message == null) {
            return null;
        }
        Object[] args = SotkanetRefresh.UNAVAILABLE.equals(message) ? new Object[] {refresh.sotkanetHost()} : null;
        return messages.getMessage(message, args, message, language(request));
    }

    private String text(String key, HttpServletRequest request) {
        return messages.getMessage(key, null, language(request));
    }

    private static Locale language(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted == null || accepted.isBlank()) {
            return LANGUAGES.get(0);
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(accepted), LANGUAGES);
            return chosen == null ? LANGUAGES.get(0) : chosen;
        } catch (IllegalArgumentException malformed) {
            return LANGUAGES.get(0);
        }
    }
}
