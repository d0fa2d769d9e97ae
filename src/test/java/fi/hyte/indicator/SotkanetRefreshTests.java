package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.indicator.domain.AgeGroup;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.Theme;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.indicator.sotkanet.SotkanetClient;
import fi.hyte.indicator.sotkanet.SotkanetRefresh;
import fi.hyte.indicator.sotkanet.SotkanetUnavailableException;
import fi.hyte.platform.Role;
import fi.hyte.platform.jobs.Jobs;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.SotkanetStub;
import fi.hyte.support.SotkanetStub.Failure;
import fi.hyte.support.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sotkanet refresh against the local stub serving Sotkanet's real recorded responses (never the
 * live service): values land exactly as published, unchanged data is not downloaded again, an
 * indicator that fails keeps its previous values while the others land, and the automation API.
 * The demo may already hold the 683 values, so each test sets up the state it needs and compares
 * with the recorded file rather than with counts it assumes.
 */
@HyteSpringTest
class SotkanetRefreshTests {

    static final Path DATA = Path.of(System.getProperty("hyte.shared-data", "../shared/data"));
    static final Path VALUES_683 = DATA.resolve("sotkanet_values/sotkanet_683_diabetes_2015_2023_all_regions.csv");
    private static final Pattern TOKEN = Pattern.compile("hyte_[A-Za-z0-9_-]{43}");

    private static List<IndicatorRegion> regionsBefore;

    @LocalServerPort
    int port;

    @Autowired
    SotkanetRefresh refresh;

    @Autowired
    Jobs jobs;

    @Autowired
    Indicators indicators;

    @Autowired
    IndicatorSets sets;

    @Autowired
    ValueImport imports;

    @Autowired
    IndicatorSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Fixtures fixtures;

    private final SotkanetStub stub = SotkanetStub.instance();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void keepRegions(@Autowired IndicatorRegions regions) {
        regionsBefore = regions.list();
    }

    /**
     * The stub's region list is Sotkanet's of 2015, without today's wellbeing services counties; the
     * refreshes here replaced the memberships that other tests rely on, so they are put back.
     */
    @AfterAll
    static void restoreRegions(@Autowired IndicatorRegions regions) {
        regions.saveAll(regionsBefore);
    }

    @BeforeEach
    void cleanStub() {
        stub.reset();
        refresh.running().ifPresent(job -> finish(job.id()));
    }

    @Test
    void refreshOf683LoadsExactlyTheRecordedValuesOfKnownRegions() throws IOException {
        Map<String, String[]> recorded = recorded683();
        Set<Integer> known = knownRegions();
        load683();
        // Earlier data for the refresh to complete and correct: two regions missing, one value outdated.
        jdbc.sql("delete from indicator_value where indicator_id = 683 and region_id in (20, 658)")
                .update();
        jdbc.sql("update indicator_value set value = value + 1 where indicator_id = 683 and region_id = 209"
                        + " and year = 2016 and gender = 0")
                .update();
        setDataDate(683, null);
        Map<String, String[]> before = stored(683);
        long expectedAdded = 0;
        long expectedChanged = 0;
        long expectedSkipped = 0;
        Map<String, String[]> expected = new HashMap<>();
        for (Map.Entry<String, String[]> row : recorded.entrySet()) {
            if (!known.contains(Integer.valueOf(row.getKey().split("/")[0]))) {
                expectedSkipped++;
                continue;
            }
            expected.put(row.getKey(), row.getValue());
            String[] earlier = before.get(row.getKey());
            if (earlier == null) {
                expectedAdded++;
            } else if (!List.of(earlier).equals(List.of(row.getValue()))) {
                expectedChanged++;
            }
        }

        Jobs.Job job = finish(refresh.start(null, List.of(683), List.of()).orElseThrow());

        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.message()).isEqualTo(SotkanetRefresh.REFRESHED);
        assertThat(job.done()).isEqualTo(1);
        assertThat(job.total()).isEqualTo(1);
        JsonNode result = json.readTree(job.result());
        assertThat(ids(result.path("updated"))).containsExactly(683);
        assertThat(result.path("failed").size()).isZero();
        assertThat(result.path("indicators").asInt()).isEqualTo(1);
        assertThat(expectedAdded)
                .as("the deleted rows of Espoo and the whole country")
                .isEqualTo(18);
        assertThat(result.path("added").asLong()).isEqualTo(expectedAdded);
        assertThat(result.path("changed").asLong()).isEqualTo(expectedChanged).isEqualTo(1);
        assertThat(result.path("skippedUnknownRegions").asLong()).isEqualTo(expectedSkipped);

        Map<String, String[]> stored = stored(683);
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach(
                (key, value) -> assertThat(stored.get(key)).as("683 %s", key).containsExactly(value));
        for (String key : List.of("20/2015/0", "20/2023/0", "658/2015/0", "209/2016/0", "969/2020/0")) {
            assertThat(stored.get(key)).as(key).isNotNull().containsExactly(recorded.get(key));
        }
        assertThat(recorded.get("20/2015/0")).containsExactly("7.2", "8914");

        assertThat(stub.requests("^/csv\\?indicator=683&")).isEqualTo(1);
        String asked = stub.requests().stream()
                .filter(r -> r.startsWith("/csv?indicator=683&"))
                .findFirst()
                .orElseThrow();
        assertThat(asked)
                .contains("years=1990&")
                .contains("years=" + Year.now(ZoneId.of("Europe/Helsinki")).getValue())
                .contains("genders=total")
                .contains("genders=male")
                .contains("genders=female");
        assertThat(jdbc.sql("select kind || ' ' || source || ' ' || licence || ' ' || file_name from indicator_batch"
                                + " where id = (select batch_id from indicator_value where indicator_id = 683"
                                + " and region_id = 20 and year = 2015 and gender = 0)")
                        .query(String.class)
                        .single())
                .startsWith("SOTKANET THL, Sotkanet.fi CC BY 4.0 " + stub.url() + "/csv?indicator=683&");
        assertThat(jdbc.sql("select old_value::text || ' ' || new_value::text from indicator_value_change"
                                + " where indicator_id = 683 and region_id = 209 and year = 2016 and gender = 0"
                                + " order by batch_id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo(before.get("209/2016/0")[0] + " " + recorded.get("209/2016/0")[0]);
    }

    @Test
    void secondRefreshWithUnchangedDataDateDownloadsNoValues() {
        long batch = testBatch();
        try {
            // A value standing for what an earlier refresh loaded, and an older data date.
            jdbc.sql("insert into indicator_value (indicator_id, region_id, year, gender, value, batch_id)"
                            + " values (186, 658, 1990, 0, 1.0, ?)")
                    .param(batch)
                    .update();
            setDataDate(186, LocalDate.of(2020, 1, 1));

            Jobs.Job first = finish(refresh.start(null, List.of(186), List.of()).orElseThrow());
            assertThat(ids(json.readTree(first.result()).path("updated"))).containsExactly(186);
            assertThat(stub.requests("^/csv\\?indicator=186&")).isEqualTo(1);
            assertThat(stub.requests().stream().filter(r -> r.startsWith("/csv?indicator=186&")))
                    .singleElement()
                    .asString()
                    .as("the years of the recorded range, 1990 to 2024")
                    .contains("years=1990&")
                    .contains("years=2024&")
                    .doesNotContain("years=2025");
            assertThat(indicators.findShared(186).orElseThrow().dataUpdated()).isEqualTo(LocalDate.of(2025, 4, 29));
            Map<String, String[]> values = stored(186);
            long batches = batches();

            Jobs.Job second =
                    finish(refresh.start(null, List.of(186), List.of()).orElseThrow());

            assertThat(second.status()).isEqualTo("DONE");
            JsonNode result = json.readTree(second.result());
            assertThat(ids(result.path("unchanged"))).containsExactly(186);
            assertThat(ids(result.path("updated"))).isEmpty();
            assertThat(result.path("added").asLong()).isZero();
            assertThat(result.path("changed").asLong()).isZero();
            assertThat(stub.requests("^/indicators/186$"))
                    .as("the metadata is asked")
                    .isEqualTo(2);
            assertThat(stub.requests("^/csv\\?indicator=186&"))
                    .as("the values are not")
                    .isEqualTo(1);
            assertThat(stored(186)).containsOnlyKeys(values.keySet());
            assertThat(stored(186).get("658/1990/0")).containsExactly("1.0", null);
            assertThat(batches()).isEqualTo(batches);
        } finally {
            jdbc.sql("delete from indicator_value where batch_id = ?")
                    .param(batch)
                    .update();
            jdbc.sql("delete from indicator_batch where id = ?").param(batch).update();
        }
    }

    @Test
    void metadataRefreshStoresDescriptionUnitDecimalsAndDataDate() throws IOException {
        JsonNode recorded = recordedMetadata(186);
        jdbc.sql("update indicator set description_fi = null, description_sv = null, description_en = null,"
                        + " unit_fi = null, unit_sv = null, unit_en = null, decimals = null, data_updated = null,"
                        + " range_start = null, range_end = null where id = 186")
                .update();

        Jobs.Job job = finish(refresh.start(null, List.of(186), List.of()).orElseThrow());

        assertThat(job.status()).isEqualTo("DONE");
        Indicator stored = indicators.findShared(186).orElseThrow();
        assertThat(stored.decimals())
                .isEqualTo(recorded.path("decimals").asInt())
                .isEqualTo(1);
        assertThat(stored.dataUpdated())
                .isEqualTo(LocalDate.parse(recorded.path("data-updated").asString()))
                .isEqualTo(LocalDate.of(2025, 4, 29));
        assertThat(stored.rangeStart())
                .isEqualTo(recorded.path("range").path("start").asInt());
        assertThat(stored.rangeEnd())
                .isEqualTo(recorded.path("range").path("end").asInt());
        JsonNode unit = recorded.path("primaryValueType").path("title");
        assertThat(stored.unit().fi()).isEqualTo(unit.path("fi").asString()).isEqualTo("Sataa tuhatta asukasta kohden");
        assertThat(stored.unit().sv()).isEqualTo(unit.path("sv").asString());
        assertThat(stored.unit().en()).isEqualTo(unit.path("en").asString());
        for (String language : List.of("fi", "sv", "en")) {
            String html = recorded.path("description").path(language).asString();
            String firstParagraph = html.substring(0, html.indexOf('<')).strip();
            String description = switch (language) {
                case "fi" -> stored.description().fi();
                case "sv" -> stored.description().sv();
                default -> stored.description().en();
            };
            assertThat(description).as(language).startsWith(firstParagraph).doesNotContain("<br");
        }
        assertThat(stored.description().fi())
                .startsWith("Indikaattori ilmaisee kuolleiden lukumäärän ja osuuden 100 000 asukasta kohti");
    }

    @Test
    void indicatorWhoseDownloadFailsKeepsItsValuesWhileTheOtherLands() throws IOException {
        Map<String, String[]> recorded = recorded683();
        load683();
        try {
            // An older value that a successful refresh would correct.
            jdbc.sql("update indicator_value set value = 99.9 where indicator_id = 683 and region_id = 20"
                            + " and year = 2015 and gender = 0")
                    .update();
            setDataDate(683, null);
            setDataDate(186, LocalDate.of(2020, 1, 1));
            Map<String, String[]> before = stored(683);
            stub.failAlways("^/csv\\?indicator=683&", Failure.SERVER_ERROR);

            Jobs.Job job =
                    finish(refresh.start(null, List.of(683, 186), List.of()).orElseThrow());

            assertThat(job.status()).isEqualTo("DONE");
            assertThat(job.message()).isEqualTo(SotkanetRefresh.REFRESHED_WITH_ERRORS);
            assertThat(job.errors()).isEqualTo(1);
            assertThat(job.done()).isEqualTo(2);
            JsonNode result = json.readTree(job.result());
            assertThat(ids(result.path("updated"))).containsExactly(186);
            assertThat(result.path("failed").size()).isEqualTo(1);
            assertThat(result.path("failed").get(0).path("id").asInt()).isEqualTo(683);
            assertThat(result.path("failed").get(0).path("reason").asString())
                    .contains("Sotkanet cannot be reached")
                    .contains("/csv?indicator=683")
                    .contains("HTTP 500");
            assertThat(stub.requests("^/csv\\?indicator=683&")).isEqualTo(1 + settings.retries());

            Map<String, String[]> after = stored(683);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((key, value) -> assertThat(after.get(key)).as(key).containsExactly(value));
            assertThat(after.get("20/2015/0")[0]).isEqualTo("99.9");
            assertThat(indicators.findShared(683).orElseThrow().dataUpdated())
                    .as("no data date recorded for the indicator that failed")
                    .isNull();
            assertThat(indicators.findShared(186).orElseThrow().dataUpdated()).isEqualTo(LocalDate.of(2025, 4, 29));
        } finally {
            jdbc.sql("update indicator_value set value = ?::numeric where indicator_id = 683 and region_id = 20"
                            + " and year = 2015 and gender = 0")
                    .param(recorded.get("20/2015/0")[0])
                    .update();
        }
    }

    @Test
    void transientFailuresAreRetriedAndTheRefreshSucceeds() throws IOException {
        Map<String, String[]> recorded = recorded683();
        load683();
        jdbc.sql("delete from indicator_value where indicator_id = 683 and region_id = 20")
                .update();
        setDataDate(683, null);
        stub.fail("^/regions$", 1, Failure.SERVER_ERROR);
        stub.fail("^/indicators/683$", 1, Failure.BUSY);
        stub.fail("^/csv\\?indicator=683&", 1, Failure.SERVER_ERROR);
        stub.fail("^/csv\\?indicator=683&", 1, Failure.DROP_CONNECTION);

        Jobs.Job job = finish(refresh.start(null, List.of(683), List.of()).orElseThrow());

        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.message()).isEqualTo(SotkanetRefresh.REFRESHED);
        JsonNode result = json.readTree(job.result());
        assertThat(ids(result.path("updated"))).containsExactly(683);
        assertThat(result.path("added").asLong()).isEqualTo(9);
        assertThat(stub.requests("^/regions$")).isEqualTo(2);
        assertThat(stub.requests("^/indicators/683$")).isEqualTo(2);
        assertThat(stub.requests("^/csv\\?indicator=683&")).isEqualTo(3);
        Map<String, String[]> stored = stored(683);
        for (int year = 2015; year <= 2023; year++) {
            assertThat(stored.get("20/" + year + "/0")).containsExactly(recorded.get("20/" + year + "/0"));
        }
    }

    @Test
    void unreachableSotkanetGivesAClearMessage() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SotkanetClient client = new SotkanetClient(
                new IndicatorSettings(
                        "http://127.0.0.1:" + closed + "/rest/1.1",
                        "-",
                        Duration.ofSeconds(2),
                        2,
                        Duration.ofMillis(10),
                        2,
                        settings.maxImportBytes()),
                json);

        assertThatThrownBy(client::indicators)
                .isInstanceOf(SotkanetUnavailableException.class)
                .hasMessageStartingWith(
                        "Sotkanet cannot be reached at http://127.0.0.1:" + closed + "/rest/1.1/indicators")
                .hasMessageContaining(SotkanetUnavailableException.MESSAGE_KEY)
                .hasMessageContaining("3 attempts");
    }

    @Test
    void refreshEndsFailedWhenSotkanetCannotBeReached() {
        long values = valueCount();
        stub.failAlways(".", Failure.DROP_CONNECTION);

        Jobs.Job job = finish(refresh.start(null, List.of(683, 186), List.of()).orElseThrow());

        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.message()).isEqualTo("indicator.sotkanet.unavailable");
        assertThat(json.readTree(job.result()).path("error").asString())
                .startsWith("Sotkanet cannot be reached at " + stub.url() + "/regions");
        assertThat(valueCount()).isEqualTo(values);

        // Reachable for the lists, but not for a single indicator: still a refresh that failed.
        stub.reset();
        stub.failAlways("^/indicators/\\d|^/csv", Failure.SERVER_ERROR);

        Jobs.Job halfway =
                finish(refresh.start(null, List.of(683, 186), List.of()).orElseThrow());

        assertThat(halfway.status()).isEqualTo("FAILED");
        assertThat(halfway.message()).isEqualTo("indicator.sotkanet.unavailable");
        assertThat(halfway.errors()).isEqualTo(2);
        assertThat(json.readTree(halfway.result()).path("failed").size()).isEqualTo(2);
        assertThat(valueCount()).isEqualTo(values);
    }

    @Test
    void secondStartWhileOneRunsIsRefused() {
        UUID first;
        SotkanetStub.Hold hold = stub.hold("^/regions$");
        try {
            first = refresh.start(null, List.of(186), List.of()).orElseThrow();

            assertThat(refresh.start(null, List.of(683), List.of())).isEmpty();
            assertThat(refresh.running()).map(Jobs.Job::id).contains(first);
        } finally {
            hold.release();
        }
        assertThat(finish(first).status()).isEqualTo("DONE");
        assertThat(refresh.running()).isEmpty();
    }

    @Test
    void defaultRefreshCoversIndicatorsWithValuesOrInAnIndicatorSet() throws IOException {
        load683();
        int inSet = unfollowed(4072);
        int neither = unfollowed(4092);
        Org org = fixtures.organisation("sotka" + Long.toString(System.nanoTime(), 36));
        sets.put(org.id(), inSet, AgeGroup.EVERYONE, Theme.SERVICES);
        try {
            Jobs.Job job = finish(refresh.start(null, null, null).orElseThrow());

            assertThat(job.status()).isEqualTo("DONE");
            JsonNode result = json.readTree(job.result());
            Set<Integer> covered = new HashSet<>(ids(result.path("updated")));
            covered.addAll(ids(result.path("unchanged")));
            result.path("failed").forEach(f -> covered.add(f.path("id").asInt()));
            assertThat(covered).contains(683, inSet).doesNotContain(neither);
            assertThat(result.path("indicators").asInt()).isEqualTo(covered.size());
            assertThat(job.total()).isEqualTo(covered.size());
            assertThat(stub.requests("^/csv\\?indicator=" + neither + "&")).isZero();
        } finally {
            sets.remove(org.id(), inSet);
        }
    }

    @Test
    void operatorStartsARefreshThroughTheApiAndFollowsIt() throws Exception {
        Org org = fixtures.organisation("sotkaapi" + Long.toString(System.nanoTime(), 36));
        String operator = token(org, Role.ADMIN);
        jdbc.sql("update app_user set operator = true where lower(username) = lower(?)")
                .param(org.user(Role.ADMIN))
                .update();
        String coordinator = token(org, Role.COORDINATOR);

        ApiResponse refused = api("POST", "/api/v1/sotkanet/refresh", coordinator, "{\"indicators\":[186]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).path("error").asString()).isEqualTo("forbidden");

        setDataDate(186, LocalDate.of(2020, 1, 1));
        UUID id;
        SotkanetStub.Hold hold = stub.hold("^/regions$");
        try {
            ApiResponse started =
                    api("POST", "/api/v1/sotkanet/refresh", operator, "{\"indicators\":[186],\"years\":[2020,2021]}");
            assertThat(started.status()).isEqualTo(202);
            JsonNode body = json.readTree(started.body());
            id = UUID.fromString(body.path("job").asString());
            assertThat(body.path("status").asString()).isEqualTo("/api/v1/jobs/" + id);
            assertThat(started.headers().firstValue("Location")).contains("/api/v1/jobs/" + id);

            ApiResponse conflict = api("POST", "/api/v1/sotkanet/refresh?indicators=683", operator, null);
            assertThat(conflict.status()).isEqualTo(409);
            JsonNode refusal = json.readTree(conflict.body());
            assertThat(refusal.path("error").asString()).isEqualTo("conflict");
            assertThat(refusal.path("message").asString()).contains("on jo käynnissä");
            assertThat(refusal.path("job").asString()).isEqualTo(id.toString());

            ApiResponse running = api("GET", "/api/v1/jobs/" + id, operator, null);
            assertThat(json.readTree(running.body()).path("status").asString()).isEqualTo("RUNNING");
            ApiResponse stranger = api("GET", "/api/v1/jobs/" + id, coordinator, null);
            assertThat(stranger.status()).as("someone else's job is not shown").isEqualTo(404);
            assertThat(json.readTree(stranger.body()).path("error").asString()).isEqualTo("notFound");
        } finally {
            hold.release();
        }
        finish(id);

        ApiResponse done = api("GET", "/api/v1/jobs/" + id, operator, null, "en");
        assertThat(done.status()).isEqualTo(200);
        JsonNode status = json.readTree(done.body());
        assertThat(status.path("status").asString()).isEqualTo("DONE");
        assertThat(status.path("done").asInt()).isEqualTo(1);
        assertThat(status.path("total").asInt()).isEqualTo(1);
        assertThat(status.path("percent").asInt()).isEqualTo(100);
        assertThat(status.path("message").asString()).isEqualTo(SotkanetRefresh.REFRESHED);
        assertThat(status.path("messageText").asString()).isEqualTo("The data has been refreshed from Sotkanet.");
        assertThat(ids(status.path("result").path("updated"))).containsExactly(186);
        assertThat(stub.requests().stream().filter(r -> r.startsWith("/csv?indicator=186&")))
                .containsExactly("/csv?indicator=186&years=2020&years=2021&genders=total&genders=male&genders=female");
        assertThat(indicators.findShared(186).orElseThrow().dataUpdated())
                .as("two years alone do not make the indicator up to date")
                .isEqualTo(LocalDate.of(2020, 1, 1));

        ApiResponse bad = api("POST", "/api/v1/sotkanet/refresh?indicators=683&years=kaksi", operator, null);
        assertThat(bad.status()).isEqualTo(400);
        JsonNode badBody = json.readTree(bad.body());
        assertThat(badBody.path("error").asString()).isEqualTo("badRequest");
        assertThat(badBody.path("message").asString()).contains("kokonaislukuina");
        assertThat(badBody.has("job")).isFalse();
    }

    @Test
    void unavailableMessageNamesSotkanetsHostInTheReadersLanguage() throws Exception {
        Org org = fixtures.organisation("sotkaei" + Long.toString(System.nanoTime(), 36));
        String operator = token(org, Role.ADMIN);
        jdbc.sql("update app_user set operator = true where lower(username) = lower(?)")
                .param(org.user(Role.ADMIN))
                .update();
        stub.failAlways(".", Failure.SERVER_ERROR);

        ApiResponse started = api("POST", "/api/v1/sotkanet/refresh?indicators=186", operator, null);
        assertThat(started.status()).isEqualTo(202);
        UUID id = UUID.fromString(json.readTree(started.body()).path("job").asString());
        finish(id);

        JsonNode finnish =
                json.readTree(api("GET", "/api/v1/jobs/" + id, operator, null).body());
        assertThat(finnish.path("status").asString()).isEqualTo("FAILED");
        assertThat(finnish.path("message").asString()).isEqualTo("indicator.sotkanet.unavailable");
        assertThat(finnish.path("messageText").asString())
                .isEqualTo("Sotkanet (127.0.0.1) ei vastaa juuri nyt. Aiemmat tiedot säilyivät ennallaan;"
                        + " yritä myöhemmin uudelleen.");
        JsonNode swedish = json.readTree(
                api("GET", "/api/v1/jobs/" + id, operator, null, "sv").body());
        assertThat(swedish.path("messageText").asString()).startsWith("Sotkanet (127.0.0.1) svarar inte");
    }

    private Jobs.Job finish(UUID id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Jobs.Job job = jobs.find(id).orElseThrow();
            if (!job.running()) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The refresh " + id + " did not finish in time");
    }

    /** The 683 values as recorded: region/year/gender → primary and absolute value (null when empty). */
    private static Map<String, String[]> recorded683() throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        try (Reader in = Files.newBufferedReader(VALUES_683, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                assertThat(row.get("gender")).isEqualTo("total");
                rows.put(
                        row.get("region") + "/" + row.get("year") + "/0",
                        new String[] {emptyToNull(row.get("primary value")), emptyToNull(row.get("absolute value"))});
            }
        }
        assertThat(rows).hasSize(4185);
        return rows;
    }

    private static JsonNode recordedMetadata(int id) throws IOException {
        JsonMapper reader = JsonMapper.builder().build();
        List<JsonNode> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(DATA.resolve("sotkanet_indicator_metadata_2025"))) {
            for (Path file : list.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.add(reader.readTree(file.toFile()));
            }
        }
        files.sort((a, b) -> b.path("generated_at")
                .asString()
                .compareTo(a.path("generated_at").asString()));
        return files.stream()
                .map(f -> f.path("indicators").path(String.valueOf(id)))
                .filter(n -> !n.isMissingNode())
                .findFirst()
                .orElseThrow();
    }

    /** Loads the recorded 683 file, so that tests start from it whether or not the demo did. */
    private void load683() throws IOException {
        try (InputStream in = Files.newInputStream(VALUES_683)) {
            ValueImport.Result result = imports.run(
                    new ValueImport.Request(
                            null,
                            null,
                            true,
                            null,
                            ValueImport.Source.sotkanet("SOTKANET"),
                            VALUES_683.getFileName().toString(),
                            null,
                            false,
                            true),
                    in,
                    rows -> {});
            assertThat(result.accepted()).as("%s", result.problems()).isTrue();
        }
    }

    private Map<String, String[]> stored(int indicator) {
        Map<String, String[]> rows = new HashMap<>();
        jdbc.sql("select region_id, year, gender, value::text, absolute_value::text from indicator_value"
                        + " where indicator_id = ?")
                .param(indicator)
                .query((rs, n) -> rows.put(
                        rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3),
                        new String[] {rs.getString(4), rs.getString(5)}))
                .list();
        return rows;
    }

    private Set<Integer> knownRegions() {
        return new HashSet<>(
                jdbc.sql("select id from indicator_region").query(Integer.class).list());
    }

    private void setDataDate(int indicator, LocalDate date) {
        jdbc.sql("update indicator set data_updated = ? where id = ?")
                .params(date == null ? null : java.sql.Date.valueOf(date), indicator)
                .update();
    }

    private long testBatch() {
        return jdbc.sql("insert into indicator_batch (kind, source, file_name) values ('FILE', 'SotkanetRefreshTests',"
                        + " 'earlier refresh') returning id")
                .query(Long.class)
                .single();
    }

    private long batches() {
        return jdbc.sql("select count(*) from indicator_batch")
                .query(Long.class)
                .single();
    }

    private long valueCount() {
        return jdbc.sql("select count(*) from indicator_value")
                .query(Long.class)
                .single();
    }

    /** A Sotkanet indicator that has no values and is in nobody's set (checked, not assumed). */
    private int unfollowed(int id) {
        assertThat(jdbc.sql("select count(*) from indicator_value where indicator_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from indicator_set_item where indicator_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(indicators.findShared(id)).isPresent();
        return id;
    }

    private static List<Integer> ids(JsonNode array) {
        List<Integer> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asInt()));
        return ids;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Creates a personal API token in the UI as the given user of the organisation. */
    private String token(Org org, Role role) {
        WebSession session = WebSession.signedIn(port, org.user(role), Fixtures.PASSWORD);
        WebSession.Response created = session.post("/account/tokens", Map.of("name", "Sotkanet"));
        assertThat(created.status()).isEqualTo(200);
        Matcher token = TOKEN.matcher(created.body());
        assertThat(token.find()).as("the new token is shown").isTrue();
        return token.group();
    }

    private ApiResponse api(String method, String path, String token, String jsonBody) throws Exception {
        return api(method, path, token, jsonBody, null);
    }

    private ApiResponse api(String method, String path, String token, String jsonBody, String language)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(response.statusCode(), response.body(), response.headers());
    }

    record ApiResponse(int status, String body, java.net.http.HttpHeaders headers) {}
}
