package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.jobs.Jobs;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Sotkanet REST CSV (indicator 683, every region, 2015–2023, as recorded in
 * {@code ../shared/data}) loads as Sotkanet serves it, with a byte-order mark and CRLF lines; rows of
 * regions Hyte's list lacks are skipped and named alike in the preview, the job's result and the API's
 * answer; an empty absolute value stays missing. A local template's unknown municipality is still an
 * error.
 */
@HyteSpringTest
class SotkanetFileImportTests {

    static final Path REAL = Path.of(
            System.getProperty("hyte.shared-data", "../shared/data"),
            "sotkanet_values",
            "sotkanet_683_diabetes_2015_2023_all_regions.csv");

    /** Region ids Sotkanet has and Hyte's bundled list lacks (checked below, not assumed). */
    static final List<Integer> LACKING = List.of(455, 456, 730);

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    Jobs jobs;

    @Autowired
    IndicatorRegions regions;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    Fixtures.Org org;
    Tenant operator;

    @BeforeEach
    void operator() {
        org = fixtures.organisation(
                "sot" + UUID.randomUUID().toString().substring(0, 6), RegionKind.MUNICIPALITY, "092");
        jdbc.sql("update app_user set operator = true where lower(username) = lower(?)")
                .param(org.user(Role.COORDINATOR))
                .update();
        operator = new Tenant(
                org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "operator", Role.COORDINATOR, true);
    }

    /** The recorded file's lines (header first), as the file has them. */
    static List<String> realLines() throws IOException {
        return Files.readAllLines(REAL, StandardCharsets.UTF_8);
    }

    /** As Sotkanet's REST API serves its CSV: a UTF-8 byte-order mark and CRLF line ends. */
    static byte[] asSotkanetServesIt(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (String line : lines) {
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The recorded rows of one year, with the region of its last three rows renamed to ones Hyte lacks. */
    static List<String> yearWithRegionsHyteLacks(int year) throws IOException {
        List<String> lines = realLines();
        List<String> file = new ArrayList<>();
        file.add(lines.get(0));
        lines.stream()
                .skip(1)
                .filter(l -> l.split(",")[2].equals(String.valueOf(year)))
                .forEach(file::add);
        for (int i = 0; i < LACKING.size(); i++) {
            int at = file.size() - 1 - i;
            String[] cells = file.get(at).split(",", -1);
            cells[1] = String.valueOf(LACKING.get(LACKING.size() - 1 - i));
            file.set(at, String.join(",", cells));
        }
        return file;
    }

    @Test
    void realSotkanetCsvWithByteOrderMarkAndCrlfLoadsWhole() throws IOException {
        List<String> lines = realLines();
        assertThat(lines.get(0)).isEqualTo("indicator,region,year,gender,primary value,absolute value");
        ValueImport.Result result = imports.importNow(operator, "683.csv", asSotkanetServesIt(lines));
        assertThat(result.problems()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.format()).isEqualTo(fi.hyte.indicator.domain.ValueFileReader.Format.SOTKANET);
        assertThat(result.rows()).isEqualTo(4185);
        assertThat(result.regions()).isEqualTo(465);
        assertThat(result.skipped()).isZero();
        assertThat(result.added() + result.changed() + result.unchanged()).isEqualTo(4185);
        assertThat(jdbc.sql("select value::text from indicator_value where indicator_id = 683 and region_id = 209"
                                + " and year = 2015 and gender = 0")
                        .query(String.class)
                        .single())
                .as("the file's first row: 683,209,2015,total,9.7,87")
                .isEqualTo("9.7");
    }

    @Test
    void sotkanetFileWithRegionsHyteLacksIsPreviewedWithThemSkippedAndLoadsTheRestAfterConfirmation() throws Exception {
        LACKING.forEach(id -> assertThat(regions.find(id)).as("region %s", id).isEmpty());
        byte[] file = asSotkanetServesIt(yearWithRegionsHyteLacks(2023));
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        WebSession.Response uploaded = session.postFile("/indicators/imports", "file", "683-2023.csv", file);
        assertThat(uploaded.status()).isEqualTo(302);
        String page = uploaded.location().replaceFirst("^https?://[^/]+", "");
        String skipped = "3 riviä alueille, joita Hyten aluelistassa ei ole: 455, 456, 730.";
        String preview = ImportTests.await(session, page, "Vahvista ja tallenna");
        assertThat(preview).contains(skipped).doesNotContain("Tiedostossa on");
        Matcher confirm = Pattern.compile("action=\"([^\"]+/confirm)\"").matcher(preview);
        assertThat(confirm.find()).isTrue();
        assertThat(session.post(confirm.group(1), Map.of()).status()).isEqualTo(302);
        String result = ImportTests.await(session, page, "Tiedot tallennettiin");
        assertThat(result).contains(skipped);

        UUID uploadId = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        Imports.Upload upload = imports.find(org.id(), uploadId).orElseThrow();
        assertThat(upload.preview().rows()).isEqualTo(465);
        assertThat(upload.preview().skipped()).isEqualTo(3);
        assertThat(upload.preview().added()
                        + upload.preview().changed()
                        + upload.preview().unchanged())
                .isEqualTo(462);
        JsonNode job = json.readTree(jobs.find(upload.importJob()).orElseThrow().result());
        assertThat(job.get("skipped").asInt()).isEqualTo(3);
        List<Integer> named = new ArrayList<>();
        job.get("skippedRegions").forEach(id -> named.add(id.asInt()));
        assertThat(named).containsExactlyElementsOf(LACKING);

        JsonNode api = json.readTree(apiImport(session, file, "en").body());
        assertThat(api.get("accepted").asBoolean()).isTrue();
        assertThat(api.get("skipped").asInt()).isEqualTo(job.get("skipped").asInt());
        assertThat(api.get("skippedRegions")).isEqualTo(job.get("skippedRegions"));
        assertThat(api.get("skippedText").asString())
                .startsWith("3 rows for regions not in Hyte’s region list: 455, 456, 730.");
    }

    @Test
    void emptyAbsoluteValueInSotkanetFileIsMissingNeverZero() throws IOException {
        List<String> lines = realLines();
        String row = lines.stream()
                .filter(l -> l.startsWith("683,845,2015,"))
                .findFirst()
                .orElseThrow();
        String[] cells = row.split(",", -1);
        assertThat(cells[5]).isNotEmpty();
        String blanked = String.join(",", cells[0], cells[1], cells[2], cells[3], cells[4], "");
        try {
            ValueImport.Result result =
                    imports.importNow(operator, "683.csv", asSotkanetServesIt(List.of(lines.get(0), blanked)));
            assertThat(result.accepted()).isTrue();
            assertThat(jdbc.sql("select value::text || '|' || coalesce(absolute_value::text, 'missing')"
                                    + " from indicator_value where indicator_id = 683 and region_id = 845"
                                    + " and year = 2015 and gender = 0")
                            .query(String.class)
                            .single())
                    .isEqualTo(cells[4] + "|missing");
        } finally {
            imports.importNow(operator, "683.csv", asSotkanetServesIt(List.of(lines.get(0), row)));
        }
    }

    @Test
    void localTemplateWithAnUnknownMunicipalityStaysAnError() {
        byte[] file = "tunnus;nimi;alue;vuosi;arvo\r\nnuoret;Nuorten kysely;092;2024;1\r\nnuoret;;455;2024;2\r\n"
                .getBytes(StandardCharsets.UTF_8);
        ValueImport.Result result = imports.importNow(operator, "pohja.csv", file);
        assertThat(result.accepted()).isFalse();
        assertThat(result.skipped()).isZero();
        assertThat(result.problems())
                .extracting(FileProblem::row, FileProblem::code)
                .containsExactly(tuple(3L, "unknownMunicipality"));
    }

    private HttpResponse<String> apiImport(WebSession session, byte[] csv, String language)
            throws IOException, InterruptedException {
        // A new token is shown once, in the answer to the POST that made it.
        Matcher token = Pattern.compile("hyte_[A-Za-z0-9_-]{43}")
                .matcher(session.post("/account/tokens", Map.of("name", "Sotkanet-tuonti"))
                        .body());
        assertThat(token.find()).isTrue();
        String boundary = "----sotkanet" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"683.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/indicator-imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .header("Authorization", "Bearer " + token.group())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
