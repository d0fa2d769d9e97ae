package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.files.FileProblem;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * What comes after an import (issue 16 §7): the result links to the imported indicators and adds
 * them to the indicator set in one audited click; the template speaks the user's language and has
 * an example row; a row with several problems reports each of them.
 */
@HyteSpringTest
class ImportFollowUpTests {

    static final Path DIABETES = Path.of(System.getProperty("hyte.shared-data", "../shared/data"))
            .resolve("sotkanet_values/sotkanet_683_diabetes_2015_2023_all_regions.csv");

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Fixtures.Org org;
    Tenant coordinator;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation(
                "fol" + UUID.randomUUID().toString().substring(0, 6), RegionKind.MUNICIPALITY, "092");
        coordinator = new Tenant(
                org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "coordinator", Role.COORDINATOR, false);
    }

    @Test
    void importResultLinksToTheIndicatorsAndAddsThemToTheSetInOneAuditedClick() throws IOException {
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        byte[] file = ownIndicatorsFromTheRealDiabetesFile();
        String page = session.postFile("/indicators/imports", "file", "diabetes.csv", file)
                .location()
                .replaceFirst("^https?://[^/]+", "");
        String preview = ImportTests.await(session, page, "Vahvista ja tallenna");
        assertThat(preview).as("nothing is offered before the values are saved").doesNotContain("Tuodut indikaattorit");
        Matcher confirm = Pattern.compile("action=\"([^\"]+/confirm)\"").matcher(preview);
        assertThat(confirm.find()).isTrue();
        assertThat(session.post(confirm.group(1), Map.of()).status()).isEqualTo(302);
        String result = ImportTests.await(session, page, "Tuodut indikaattorit");

        List<Integer> created = jdbc.sql("select id from indicator where organisation_id = ? order by id")
                .param(org.id().value())
                .query(Integer.class)
                .list();
        assertThat(created).hasSize(2);
        for (int id : created) {
            assertThat(result).contains("href=\"/indicators/" + id + "\"");
        }
        assertThat(result)
                .contains("Diabeteslääkkeiden erityiskorvaus (oma poiminta)")
                .contains("Lisää 2 indikaattoria joukkoon");
        assertThat(session.get("/indicators/imports/" + page.substring(page.lastIndexOf('/') + 1))
                        .status())
                .isEqualTo(200);

        Matcher add = Pattern.compile("action=\"([^\"]+/set)\"").matcher(result);
        assertThat(add.find()).isTrue();
        WebSession.Response added = session.post(add.group(1), Map.of("ageGroup", "WORKING_AGE", "theme", "HEALTH"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith("/indicators/set");
        assertThat(jdbc.sql("select count(*) from indicator_set_item where organisation_id = ? and age_group ="
                                + " 'WORKING_AGE' and theme = 'HEALTH'")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type ="
                                + " 'indicatorSetItem' and action = 'CREATE'")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .as("each addition is audited")
                .isEqualTo(2);
        assertThat(session.get(page).body())
                .contains("Kaikki tuodut indikaattorit ovat jo indikaattorijoukossa.")
                .doesNotContain("indikaattoria joukkoon");
    }

    @Test
    void aRowWithSeveralProblemsReportsEveryOneOfThem() {
        byte[] file = ("tunnus;nimi;alue;vuosi;sukupuoli;arvo;lukumäärä\n"
                        + "a;Uusi A;;2024;yhteensä;1,5;\n"
                        + "a;;;20x4;muu;kaksi;kolme\n")
                .getBytes(StandardCharsets.UTF_8);
        ValueImport.Result result = imports.importNow(coordinator, "monta.csv", file);
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems())
                .extracting(FileProblem::row, FileProblem::code)
                .containsExactly(tuple(3L, "year"), tuple(3L, "gender"), tuple(3L, "number"), tuple(3L, "number"));
        assertThat(result.problemCount()).isEqualTo(4);
    }

    @Test
    void templateNamesItsColumnsInTheUsersLanguageAndItsExampleRowImports() {
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Map<String, String> headers = Map.of(
                "fi", "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä",
                "sv", "kod;namn;enhet;område;år;kön;värde;antal",
                "en", "code;title;unit;region;year;gender;value;absolute value");
        for (var language : headers.entrySet()) {
            session.get("/?lang=" + language.getKey());
            String template = session.get("/indicators/imports/template.csv", "text/csv")
                    .body()
                    .replace("\uFEFF", "");
            List<String> lines = template.lines().toList();
            assertThat(lines.get(0)).as(language.getKey()).isEqualTo(language.getValue());
            assertThat(lines.get(1)).as("the example row is a comment").startsWith("# ");
            assertThat(session.get("/indicators/imports").body())
                    .as("the help names the columns in " + language.getKey())
                    .contains(language.getValue().split(";")[0] + ", "
                            + language.getValue().split(";")[1]);

            ValueImport.Result untouched =
                    imports.importNow(coordinator, "pohja.csv", template.getBytes(StandardCharsets.UTF_8));
            assertThat(untouched.added())
                    .as("an untouched template imports nothing")
                    .isZero();

            String filled = lines.get(0) + "\n" + lines.get(1).substring(2) + "\n";
            ValueImport.Result example =
                    imports.importNow(coordinator, "esimerkki.csv", filled.getBytes(StandardCharsets.UTF_8));
            assertThat(example.problems()).as(language.getKey()).isEmpty();
            assertThat(example.added() + example.unchanged()).isEqualTo(1);
        }
    }

    /**
     * The organisation's own two indicators from the real Sotkanet 683 file: the values of its
     * first region, once as they are and once per thousand, in Hyte's template.
     */
    private static byte[] ownIndicatorsFromTheRealDiabetesFile() throws IOException {
        List<String[]> rows = Files.readAllLines(DIABETES).stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .toList();
        String region = rows.get(0)[1];
        StringBuilder file = new StringBuilder("tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä\n");
        boolean first = true;
        for (String[] row : rows) {
            if (!row[1].equals(region) || !row[3].equals("total")) {
                continue;
            }
            file.append(String.join(
                            ";",
                            "diabetes-oma",
                            first ? "Diabeteslääkkeiden erityiskorvaus (oma poiminta)" : "",
                            "%",
                            "",
                            row[2],
                            "yhteensä",
                            row[4].replace('.', ','),
                            row[5]))
                    .append('\n');
            file.append(String.join(
                            ";",
                            "diabetes-lkm",
                            first ? "Diabeteslääkkeiden erityiskorvaus, lukumäärä (oma poiminta)" : "",
                            "lkm",
                            "",
                            row[2],
                            "yhteensä",
                            row[5],
                            ""))
                    .append('\n');
            first = false;
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }
}
