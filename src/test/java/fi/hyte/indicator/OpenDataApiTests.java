package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open data API and the import API answer as documented, with the source's values exactly. */
@HyteSpringTest
class OpenDataApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countyValueComesAsDocumentedJsonWithoutAToken() {
        HttpResponse<String> response =
                get("/api/v1/indicators/683/values?regions=977&years=2023", "application/json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode values = json.readTree(response.body());
        assertThat(values).hasSize(1);
        JsonNode value = values.get(0);
        assertThat(value.get("indicator").asInt()).isEqualTo(683);
        assertThat(value.get("region").get("id").asInt()).isEqualTo(977);
        assertThat(value.get("region").get("code").asString()).isEqualTo("04");
        assertThat(value.get("region").get("category").asString()).isEqualTo("HYVINVOINTIALUE");
        assertThat(value.get("region").get("title").get("fi").asString())
                .isEqualTo("Vantaan ja Keravan hyvinvointialue");
        assertThat(value.get("region").get("title").get("sv").asString()).isEqualTo("Vanda och Kervo välfärdsområde");
        assertThat(value.get("year").asInt()).isEqualTo(2023);
        assertThat(value.get("gender").asString()).isEqualTo("total");
        assertThat(value.get("value").decimalValue()).isEqualByComparingTo("10.7");
        assertThat(value.get("absoluteValue").decimalValue()).isEqualByComparingTo("14791");
        assertThat(response.headers().firstValue("X-Licence")).hasValue("CC BY 4.0");
    }

    @Test
    void valuesKeepTheirPublishedDecimals() {
        String body = get("/api/v1/indicators/683/values?regions=658&years=2015", "application/json", null)
                .body();
        assertThat(body).contains("\"value\":10.0,");
    }

    @Test
    void csvHasEveryRegionOfTheYear() {
        HttpResponse<String> response = get("/api/v1/indicators/683/values?years=2023&genders=total", "text/csv", null);
        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\n");
        assertThat(lines[0])
                .isEqualTo(
                        "indicator;region;region_code;region_category;region_title_fi;year;gender;primary value;absolute value");
        assertThat(lines).hasSize(1 + 465);
        assertThat(response.body()).contains("683;122;245;KUNTA;Kerava;2023;total;11.8;2367");
    }

    @Test
    void regionsAndIndicatorMetadataAreOpen() {
        JsonNode counties = json.readTree(get("/api/v1/regions?category=HYVINVOINTIALUE", "application/json", null)
                .body());
        assertThat(counties).hasSize(23);
        JsonNode all =
                json.readTree(get("/api/v1/regions", "application/json", null).body());
        assertThat(all).hasSize(540);
        JsonNode mortality = json.readTree(
                get("/api/v1/indicators/186", "application/json", null).body());
        assertThat(mortality.get("decimals").asInt()).isEqualTo(1);
        assertThat(mortality.get("dataUpdated").asString()).isEqualTo("2025-04-29");
        assertThat(mortality.get("source").asString()).isEqualTo("THL, Sotkanet.fi");
    }

    @Test
    void oneRequestAsksForAtMostAHundredYearsAndAThousandRegions() {
        String years = java.util.stream.IntStream.rangeClosed(1900, 2000)
                .mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        String regions = java.util.stream.IntStream.rangeClosed(1, 1001)
                .mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(get("/api/v1/indicators/683/values?years=" + years, "application/json", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/indicators/683/values?regions=" + regions, "text/csv", null)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> twoYears =
                get("/api/v1/indicators/683/values?years=2023,2021&regions=122", "application/json", null);
        assertThat(twoYears.statusCode()).isEqualTo(200);
        assertThat(json.readTree(twoYears.body())
                        .valueStream()
                        .map(v -> v.get("year").asInt()))
                .isNotEmpty()
                .allMatch(y -> y == 2021 || y == 2023);
    }

    @Test
    void unknownIndicatorAndBadParametersAreRefusedInTheCallersLanguage() {
        HttpResponse<String> missing = get("/api/v1/indicators/99999999/values", "application/json", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("error").asString()).isEqualTo("not_found");
        HttpResponse<String> bad = get("/api/v1/indicators/683/values?years=kaksi", "application/json", "sv");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("message").asString()).contains("Parametrarna förstods inte");
        assertThat(get("/api/v1/indicators/683/values?genders=muu", "application/json", null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void openApiDescribesEveryApiEndpoint() {
        String yaml = get("/api/v1/openapi.yaml", "application/yaml", null).body();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (path.startsWith("/api/")) {
                    assertThat(yaml).as(path).contains("  " + path + ":");
                    entry.getKey()
                            .getMethodsCondition()
                            .getMethods()
                            .forEach(method -> assertThat(yaml)
                                    .as(method + " " + path)
                                    .containsPattern("(?s)  " + Pattern.quote(path) + ":\\n(    .*\\n)*?    "
                                            + method.name().toLowerCase() + ":"));
                }
            }
        }
    }

    @Test
    void importApiLoadsAFileAllOrNothingWithAToken() throws IOException, InterruptedException {
        Fixtures.Org org =
                fixtures.organisation("api" + UUID.randomUUID().toString().substring(0, 6));
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Matcher token = Pattern.compile("hyte_[A-Za-z0-9_-]{43}")
                .matcher(session.post("/account/tokens", Map.of("name", "Automaatio"))
                        .body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> bad = upload(token.group(), "tunnus;nimi;alue;vuosi;arvo\nk;Kysely;092;2024;x\n");
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode refused = json.readTree(bad.body());
        assertThat(refused.get("accepted").asBoolean()).isFalse();
        assertThat(refused.get("problems").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(refused.get("problems").get(0).get("message").asString()).isEqualTo("Arvo ”x” ei ole luku.");
        HttpResponse<String> good = upload(token.group(), "tunnus;nimi;alue;vuosi;arvo\nk;Kysely;092;2024;7,5\n");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(json.readTree(good.body()).get("added").asInt()).isEqualTo(1);
        assertThat(upload(null, "x").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> upload(String token, String csv) throws IOException, InterruptedException {
        String boundary = "----api" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"k.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/indicator-imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
